"""What a scheme administrator's dashboard reads, for any client: applications counted by stage and
district, the places taken under every quota key against its cap, recognitions due to expire; and
each list downloaded as an Excel workbook of what the filters select."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, panel_scored, register, submit
from tests.support.identity import user

COUNTS = """query($f: ApplicationFilter) { applicationCounts(filter: $f) {
  schemeId kind stage { id title } status divisionCode divisionName count } }"""
QUOTAS = '{ quotaUsages(schemeId: "toy") { ruleId key description used limit remaining } }'


async def _granted(gql, name: str, division: str, occupation: str) -> dict:
    inst = await register(gql, name=name, division=division)
    app = ok(
        await create(
            gql, inst["id"], "toy", {"trainees": 150}, occupations=[occupation], roundId="2026"
        )
    )
    app = await panel_scored(gql, ok(await submit(gql, app)))
    app = ok(
        await act(
            gql,
            app,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    return ok(await act(gql, app, "grant", role="city_reviewer"))


async def _world(gql) -> None:
    await _granted(gql, "杭州西湖甲培训学校有限公司", "330106", "4-07-05-02")
    await _granted(gql, "杭州余杭乙培训学校有限公司", "330110", "4-07-05-02")
    await _granted(gql, "宁波丙培训学校有限公司", "330200", "X")
    ningbo = await register(gql, name="宁波丁培训学校有限公司", division="330200")
    ok(
        await submit(
            gql, ok(await create(gql, ningbo["id"], "toy", {"trainees": 150}, roundId="2026"))
        )
    )


def _sheet(response):
    assert response.status_code == 200, response.text
    assert (
        response.headers["content-type"]
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return load_workbook(BytesIO(response.content)).active


async def test_counts_by_stage_and_district_quota_use_against_caps_and_recognitions_due_to_expire(
    client_for,
):
    gql = await client_for([toy_plugin])
    await _world(gql)

    counts = (await gql(COUNTS, {"f": {"schemeId": "toy"}}))["applicationCounts"]
    assert {(c["stage"]["title"], c["divisionName"], c["count"]) for c in counts} == {
        ("已认定", "西湖区", 1),
        ("已认定", "余杭区", 1),
        ("已认定", "宁波市", 1),
        ("市级审核", "宁波市", 1),
    }
    assert (await gql(COUNTS, {"f": {"cityCode": "330200", "stage": "review"}}))[
        "applicationCounts"
    ] == [
        {
            "schemeId": "toy",
            "kind": "recognition",
            "stage": {"id": "review", "title": "市级审核"},
            "status": "IN_REVIEW",
            "divisionCode": "330200",
            "divisionName": "宁波市",
            "count": 1,
        }
    ]
    hangzhou = await user(gql, "admin.hangzhou", "scheme_admin", areas=("330100",))
    mine = (await gql(COUNTS, token=hangzhou))["applicationCounts"]
    assert {c["divisionName"] for c in mine} == {
        "西湖区",
        "余杭区",
    }  # only what is in the caller's view
    assert (await gql(COUNTS, role="public"))["applicationCounts"] == []

    usages = (await gql(QUOTAS))["quotaUsages"]
    assert usages == [
        {
            "ruleId": "per_occupation_city",
            "key": "4-07-05-02@330100",
            "description": "4-07-05-02@330100",
            "used": 2,
            "limit": 2,
            "remaining": 0,
        },
        {
            "ruleId": "per_occupation_city",
            "key": "X@330200",
            "description": "X@330200",
            "used": 1,
            "limit": 2,
            "remaining": 1,
        },
    ]

    expiring = '{ recognitions(first: 5, filter: {validUntilBefore: "2027-12-31"}) { totalCount } }'
    assert (await gql(expiring))["recognitions"][
        "totalCount"
    ] == 0  # the toy's recognitions never expire
    assert (await gql("{ recognitions(first: 5) { totalCount } }"))["recognitions"][
        "totalCount"
    ] == 3


async def test_each_list_downloads_as_a_workbook_of_what_the_filters_select_with_dates_as_dates(
    client_for,
):
    gql = await client_for([toy_plugin])
    await _world(gql)
    admin = await user(gql, "admin.province", "scheme_admin", areas=("330000",))
    bearer = {"Authorization": f"Bearer {admin}"}

    sheet = _sheet(
        await gql.http.post(
            "/exports/applications.xlsx",
            json={"filter": {"schemeId": "toy", "cityCode": "330200"}},
            headers=bearer,
        )
    )
    rows = list(sheet.values)
    assert rows[0] == (
        "申请编号",
        "机构名称",
        "统一社会信用代码",
        "所在地区",
        "认定事项",
        "申请事项",
        "当前环节",
        "状态",
        "职业（工种）",
        "提交日期",
        "最近更新",
    )
    assert len(rows) == 3  # the header and Ningbo's two
    assert {r[1] for r in rows[1:]} == {"宁波丙培训学校有限公司", "宁波丁培训学校有限公司"}
    assert isinstance(sheet["J2"].value, dt.datetime) and sheet["J2"].number_format == "yyyy-mm-dd"
    assert sheet["J2"].value.date() == dt.date(2026, 3, 2)

    sheet = _sheet(
        await gql.http.post(
            "/exports/recognitions.xlsx",
            json={"filter": {"occupation": "4-07-05-02"}},
            headers=bearer,
        )
    )
    rows = list(sheet.values)
    assert rows[0][:5] == ("机构名称", "统一社会信用代码", "所在地区", "认定事项", "认定名称")
    assert [r[2] for r in rows[1:]] == ["杭州市 西湖区", "杭州市 余杭区"]
    assert rows[1][8] == dt.datetime(2026, 3, 2) and sheet["I2"].is_date  # 认定日期

    sheet = _sheet(
        await gql.http.post("/exports/quota-usages.xlsx", json={"schemeId": "toy"}, headers=bearer)
    )
    assert list(sheet.values)[1:] == [
        ("同一职业每市上限", "第二条", "4-07-05-02", "杭州市", 2, 2, 0),
        ("同一职业每市上限", "第二条", "X", "宁波市", 1, 2, 1),
    ]

    sheet = _sheet(
        await gql.http.post(
            "/exports/ranking.xlsx", json={"schemeId": "toy", "roundId": "2026"}, headers=bearer
        )
    )
    assert [r[0] for r in list(sheet.values)[1:]] == [
        1,
        1,
        1,
        4,
    ]  # the three the panel scored 8 share a rank

    public = _sheet(await gql.http.post("/exports/applications.xlsx", json={}))
    assert len(list(public.values)) == 1  # the public sees no application


@pytest.mark.fast
async def test_a_refused_export_answers_json_with_a_code_and_no_workbook(client_for):
    gql = await client_for([toy_plugin])
    missing = await gql.http.post("/exports/nothing.xlsx", json={})
    assert (
        missing.status_code == 404
        and missing.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    )
    wrong = await gql.http.post(
        "/exports/applications.xlsx", json={"filter": {"status": "SOMETHING"}}
    )
    assert wrong.status_code == 400 and "SOMETHING" in wrong.json()["errors"][0]["message"]
    not_object = await gql.http.post("/exports/applications.xlsx", json=[1])
    assert (
        not_object.status_code == 400
        and not_object.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    )
    expired = await gql.http.post(
        "/exports/applications.xlsx", json={}, headers={"Authorization": "Bearer nonsense"}
    )
    assert (
        expired.status_code == 401
        and expired.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    )
