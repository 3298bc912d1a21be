"""Lists as Excel workbooks: ``POST /exports/<list>.xlsx`` with the list's GraphQL variables as the
JSON body (its filters) and the same ``Authorization: Bearer`` token as ``/graphql``.

The export is a client of the public API like any other: it runs its own GraphQL document (below)
in-process as the caller, through the same schema, access rules, guards and budget, page after
page, and writes every row the filters select (not only the page on screen) with Chinese headers
and dates as dates. A refusal comes back as JSON with ``errors[].extensions.code``, as on /graphql.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from core.actors import Actor
from core.api.context import Context
from core.api.inputs import decode_body
from core.api.workbook import Column, as_beijing_date, as_beijing_time, as_date, workbook
from core.divisions import name_of
from core.platform import Platform

MAX_ROWS = 10_000
PAGE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

APPLICATION_STATUS = {
    "DRAFT": "草稿",
    "IN_REVIEW": "审核中",
    "PUBLIC_NOTICE": "公示中",
    "APPROVED": "已通过",
    "REJECTED": "未通过",
    "WITHDRAWN": "已撤回",
    "CLOSED": "已办结",
}
RECOGNITION_STATUS = {
    "ACTIVE": "有效",
    "SUSPENDED": "暂停",
    "REVOKED": "已撤销",
    "EXPIRED": "已到期",
}
INSTITUTION = "institution { name creditCode cityName divisionName }"


def _area(institution: dict) -> str:
    city, division = institution["cityName"], institution["divisionName"]
    return city if city == division else f"{city} {division}"


INSTITUTION_COLUMNS = [
    Column("机构名称", lambda r: r["institution"]["name"], 36),
    Column("统一社会信用代码", lambda r: r["institution"]["creditCode"], 22),
    Column("所在地区", lambda r: _area(r["institution"]), 18),
]


@dataclass(frozen=True)
class ListExport:
    title: str  # the sheet's and the file's name
    document: str  # a GraphQL query taking the list's variables (and $first/$after when paged)
    field: str  # the query's field holding the list (a connection when paged)
    columns: list[Column]
    paged: bool = True


def _scheme_title(platform: Platform, scheme_id: str) -> str:
    entry = platform.registry.schemes.get(scheme_id)
    return entry.scheme.title if entry else scheme_id


def _lists(platform: Platform) -> dict[str, ListExport]:
    scheme = Column("认定事项", lambda r: _scheme_title(platform, r["schemeId"]), 30)
    return {
        "applications": ListExport(
            "申请列表",
            f"""
            query ($filter: ApplicationFilter, $first: Int, $after: String) {{
              list: applications(filter: $filter, first: $first, after: $after) {{
                pageInfo {{ hasNextPage endCursor }}
                edges {{ node {{ databaseId schemeId kind status occupations submittedAt updatedAt
                  stage {{ title }} {INSTITUTION} }} }} }} }}""",
            "list",
            [
                Column("申请编号", lambda r: r["databaseId"], 10),
                *INSTITUTION_COLUMNS,
                scheme,
                Column(
                    "申请事项",
                    lambda r: platform.registry.scheme(r["schemeId"]).kind(r["kind"]).title,
                    16,
                ),
                Column("当前环节", lambda r: r["stage"]["title"], 30),
                Column("状态", lambda r: APPLICATION_STATUS[r["status"]], 10),
                Column("职业（工种）", lambda r: r["occupations"], 24),
                Column("提交日期", lambda r: as_beijing_date(r["submittedAt"]), 12),
                Column("最近更新", lambda r: as_beijing_time(r["updatedAt"]), 18),
            ],
        ),
        "recognitions": ListExport(
            "认定名单",
            f"""
            query ($filter: RecognitionFilter, $first: Int, $after: String) {{
              list: recognitions(filter: $filter, first: $first, after: $after) {{
                pageInfo {{ hasNextPage endCursor }}
                edges {{ node {{ schemeId title code occupations status grantedOn validUntil endedOn {INSTITUTION} }} }} }} }}""",
            "list",
            [
                *INSTITUTION_COLUMNS,
                scheme,
                Column("认定名称", lambda r: r["title"], 30),
                Column("编号", lambda r: r["code"], 14),
                Column("职业（工种）", lambda r: r["occupations"], 24),
                Column("状态", lambda r: RECOGNITION_STATUS[r["status"]], 10),
                Column("认定日期", lambda r: as_date(r["grantedOn"]), 12),
                Column("有效期至", lambda r: as_date(r["validUntil"]), 12),
                Column("终止日期", lambda r: as_date(r["endedOn"]), 12),
            ],
        ),
        "ranking": ListExport(
            "评审排名",
            f"""
            query ($schemeId: String!, $roundId: String!, $kind: String! = "recognition", $stage: String) {{
              list: ranking(schemeId: $schemeId, roundId: $roundId, kind: $kind, stage: $stage, first: {PAGE}) {{
                rank score application {{ databaseId status occupations stage {{ title }} {INSTITUTION} }} }} }}""",
            "list",
            [
                Column("名次", lambda r: r["rank"], 8),
                Column("得分", lambda r: r["score"], 8),
                Column("申请编号", lambda r: r["application"]["databaseId"], 10),
                *[
                    Column(c.header, lambda r, c=c: c.value(r["application"]), c.width)
                    for c in INSTITUTION_COLUMNS
                ],
                Column("当前环节", lambda r: r["application"]["stage"]["title"], 30),
                Column("状态", lambda r: APPLICATION_STATUS[r["application"]["status"]], 10),
                Column("职业（工种）", lambda r: r["application"]["occupations"], 24),
            ],
            paged=False,
        ),
        "quota-usages": ListExport(
            "名额使用",
            """
            query ($schemeId: String!) { list: quotaUsages(schemeId: $schemeId) {
              title citation key description used limit remaining } }""",
            "list",
            [
                Column("限额规则", lambda r: r["title"], 40),
                Column("依据", lambda r: r["citation"], 10),
                Column("职业（工种）", lambda r: r["key"].split("@")[0], 14),
                Column("城市", lambda r: name_of(r["key"].split("@")[-1]), 10),
                Column("已用名额", lambda r: r["used"], 10),
                Column("名额上限", lambda r: r["limit"], 10),
                Column("剩余名额", lambda r: r["remaining"], 10),
            ],
            paged=False,
        ),
    }


class Refusal(Exception):
    def __init__(self, status: int, errors: list[dict]):
        super().__init__(errors)
        self.status, self.errors = status, errors


async def _rows(
    platform: Platform, actor: Actor, client: str, export: ListExport, variables: dict
) -> list[dict]:
    from core.api.schema import (
        schema,
    )  # the schema imports the API's modules; this one is imported by the app

    rows: list[dict] = []
    after = None
    while True:
        paging = {"first": PAGE, "after": after} if export.paged else {}
        result = await schema.execute(
            export.document,
            variable_values={**variables, **paging},
            context_value=Context(platform=platform, actor=actor, client=client),
        )
        if result.errors:
            raise Refusal(
                400,
                [
                    {
                        "message": e.message,
                        "path": e.path,
                        "extensions": {"code": (e.extensions or {}).get("code", "BAD_REQUEST")},
                    }
                    for e in result.errors
                ],
            )
        answer = result.data[export.field]
        if not export.paged:
            return answer
        rows += [edge["node"] for edge in answer["edges"]]
        if len(rows) > MAX_ROWS:
            raise Refusal(
                400,
                [
                    {
                        "message": f"超过 {MAX_ROWS} 行，请缩小筛选范围后再导出",
                        "extensions": {"code": "TOO_MANY_ROWS"},
                    }
                ],
            )
        if not answer["pageInfo"]["hasNextPage"]:
            return rows
        after = answer["pageInfo"]["endCursor"]


def export_endpoint(platform: Platform):
    """The ASGI endpoint behind :class:`~core.api.app.Authenticate` (which puts the caller in the scope)."""
    lists = _lists(platform)

    async def endpoint(scope, receive, send) -> None:
        request = Request(scope, receive)
        name = request.path_params["name"]
        try:
            export = lists.get(name)
            if export is None:
                raise Refusal(
                    404,
                    [{"message": f"没有名为 {name} 的列表", "extensions": {"code": "NOT_FOUND"}}],
                )
            variables = decode_body(await request.body() or b"{}")
            if not isinstance(variables, dict):
                raise Refusal(
                    400,
                    [
                        {
                            "message": "请求体应为 GraphQL 变量组成的 JSON 对象",
                            "extensions": {"code": "BAD_REQUEST"},
                        }
                    ],
                )
            client = request.client.host if request.client else "unknown"
            rows = await _rows(
                platform, scope.get("accredit.actor") or Actor.public(), client, export, variables
            )
        except Refusal as refused:
            response = Response(
                json.dumps({"errors": refused.errors}, ensure_ascii=False),
                refused.status,
                media_type="application/json",
            )
            return await response(scope, receive, send)
        filename = f"{export.title}-{platform.today():%Y%m%d}.xlsx"
        response = Response(
            workbook(export.title, export.columns, rows),
            media_type=XLSX,
            headers={
                "content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
                "cache-control": "no-store",
            },
        )
        await response(scope, receive, send)

    return endpoint
