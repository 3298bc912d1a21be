"""The authorization matrix: every query and mutation, as every role, on an object inside and one
outside the caller's scope, through the API with real accounts, compared with the policy table
``docs/access-policy.yaml``. IDOR attempts (foreign IDs) must give what a missing ID gives."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from core.api.schema import schema
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import credit_code, ok, register, submit
from tests.support.identity import LOGIN, PASSWORD, add_user, login

POLICY = yaml.safe_load(
    (Path(__file__).parents[1] / "docs" / "access-policy.yaml").read_text(encoding="utf-8")
)
ROLES = POLICY["roles"]
SETUP = {
    "role": "applicant",
    "actor": "setup-applicant",
}  # development identity, everywhere in scope

A_CODE, B_CODE, NEW_CODE = credit_code(), credit_code(), credit_code()
SCOPES = {
    "applicant": ({"credit_codes": (A_CODE, NEW_CODE)}, {"credit_codes": (B_CODE,)}),
    "district_reviewer": ({"areas": ("330106",)}, {"areas": ("330112",)}),
    "city_reviewer": ({"areas": ("330100",)}, {"areas": ("330200",)}),
    "province_reviewer": (
        {"areas": ("330000",), "scheme": "toy"},
        {"areas": ("330000",), "scheme": "another_scheme"},
    ),
    "expert": ({"areas": ("330100",), "scheme": "toy"}, {"areas": ("330200",), "scheme": "toy"}),
    "scheme_admin": ({"areas": ("330100",)}, {"areas": ("330200",)}),
    "auditor": ({"areas": ("330100",)}, {"areas": ("330200",)}),
}


def expected(cell: str, where: str) -> str:
    inside, _, outside = cell.partition("|")
    return inside if where == "in" or not outside else outside


def outcome_of(payload: dict[str, Any]) -> str:
    codes = {e["code"] for e in payload["errors"]}
    if not codes:
        return "allowed"
    if codes == {"NOT_FOUND"}:
        return "hidden"
    if codes & {"ROLE_NOT_ALLOWED", "FORBIDDEN", "INVALID_CREDENTIALS", "INVALID"}:
        return "refused"
    return f"unexpected {sorted(codes)}"


class World:
    """Institution A in 西湖区 with applications at each stage; the caller is a real account."""

    def __init__(self, gql):
        self.gql = gql

    async def build(self) -> None:
        gql = self.gql
        self.institution = await register(gql, credit_code=A_CODE, division="330106")
        await register(gql, credit_code=B_CODE, division="330200", name="宁波示例培训学校有限公司")
        self.related = await register(
            gql, division="330106", name="西湖另一培训学校有限公司"
        )  # conflicts are declared on this one
        self.ranked = await self.reviewing(roundId="2026")
        self.tokens: dict[tuple[str, str], str] = {}
        for role in SCOPES:
            for where, scope in zip(("in", "out"), SCOPES[role]):
                await add_user(gql.platform, f"{role}.{where}", role, **scope)
                self.tokens[role, where] = await login(gql, f"{role}.{where}")

    async def draft(self, **extra) -> dict:
        return ok(
            (
                await self.gql(
                    doc.CREATE,
                    {
                        "input": {
                            "institutionId": self.institution["id"],
                            "schemeId": "toy",
                            "form": {"trainees": 150},
                            **extra,
                        }
                    },
                    **SETUP,
                )
            )["createApplication"]
        )

    async def reviewing(self, **extra) -> dict:
        """Submitted and scored by one expert of the panel (so the city reviewer may decide)."""
        app = ok(await submit(self.gql, await self.draft(**extra)))
        return ok(
            await _act(
                self.gql,
                app,
                "score",
                {"role": "expert", "actor": "setup-expert"},
                [{"criterionId": "quality", "points": 8}],
            )
        )

    async def call(self, role: str, where: str, query: str, variables: dict | None = None) -> dict:
        token = None if role == "public" else self.tokens[role, where]
        response = await self.gql.http.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {token}"} if token else {},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, (role, where, query, body["errors"])
        return body["data"]


async def _act(gql, app: dict, action: str, who: dict, judgments: list[dict]) -> dict:
    return (
        await gql(
            doc.ACT,
            {
                "input": {
                    "id": app["id"],
                    "expectedVersion": app["version"],
                    "action": action,
                    "judgments": judgments,
                }
            },
            **who,
        )
    )["actOnApplication"]


def _seen(value) -> str:
    return "visible" if value else "hidden"


Operation = Callable[[World, str, str], Awaitable[str]]


async def _me(w, role, where):
    return _seen((await w.call(role, where, "{ me { role } }"))["me"])


async def _schemes(w, role, where):
    return _seen((await w.call(role, where, "{ schemes { id } }"))["schemes"])


async def _scheme(w, role, where):
    return _seen((await w.call(role, where, '{ scheme(id: "toy") { id } }'))["scheme"])


async def _plugins(w, role, where):
    return _seen((await w.call(role, where, "{ plugins { name } }"))["plugins"])


async def _divisions(w, role, where):
    return _seen((await w.call(role, where, "{ divisions { code } }"))["divisions"])


async def _org_types(w, role, where):
    return _seen((await w.call(role, where, "{ orgTypes { value } }"))["orgTypes"])


async def _working_calendar(w, role, where):
    return _seen(
        (await w.call(role, where, "{ workingCalendar { year(year: 2026) { year } } }"))[
            "workingCalendar"
        ]["year"]
    )


async def _recognitions(w, role, where):
    return _seen(
        (await w.call(role, where, "{ recognitions(first: 5) { totalCount } }"))["recognitions"]
        is not None
    )


async def _quota(w, role, where):
    data = await w.call(
        role, where, '{ quotaUsage(schemeId: "toy", occupation: "x", cityCode: "330100") { used } }'
    )
    return _seen(data["quotaUsage"])


async def _quotas(w, role, where):
    return _seen(
        (await w.call(role, where, '{ quotaUsages(schemeId: "toy") { used } }'))["quotaUsages"]
        is not None
    )


async def _institutions(w, role, where):
    data = await w.call(
        role,
        where,
        "query($c: String) { institutions(first: 5, filter: {creditCode: $c}) { totalCount } }",
        {"c": A_CODE},
    )
    return _seen(data["institutions"]["totalCount"])


async def _institution(w, role, where):
    return _seen(
        (
            await w.call(
                role,
                where,
                "query($id: ID!) { institution(id: $id) { name } }",
                {"id": w.institution["id"]},
            )
        )["institution"]
    )


async def _node(w, role, where):
    data = await w.call(
        role, where, "query($id: ID!) { node(id: $id) { id } }", {"id": w.ranked["id"]}
    )
    return _seen(data["node"])


async def _applications(w, role, where):
    data = await w.call(
        role,
        where,
        "query($i: ID) { applications(first: 5, filter: {institutionId: $i}) { totalCount } }",
        {"i": w.institution["id"]},
    )
    return _seen(data["applications"]["totalCount"])


async def _counts(w, role, where):
    data = await w.call(
        role,
        where,
        "query($i: ID) { applicationCounts(filter: {institutionId: $i}) { count } }",
        {"i": w.institution["id"]},
    )
    return _seen(data["applicationCounts"])


async def _application(w, role, where):
    return _seen(
        (
            await w.call(
                role,
                where,
                "query($id: ID!) { application(id: $id) { id } }",
                {"id": w.ranked["id"]},
            )
        )["application"]
    )


async def _ranking(w, role, where):
    data = await w.call(
        role,
        where,
        '{ ranking(schemeId: "toy", roundId: "2026", first: 10) { application { id } } }',
    )
    return _seen([r for r in data["ranking"] if r["application"]["id"] == w.ranked["id"]])


async def _evaluate(w, role, where):
    data = await w.call(
        role,
        where,
        'query($i: ID!) { evaluate(input: {institutionId: $i, schemeId: "toy", form: {trainees: 150}}) '
        "{ results { criterionId } errors { code } } }",
        {"i": w.institution["id"]},
    )
    return "hidden" if data["evaluate"]["errors"] else _seen(data["evaluate"]["results"])


async def _audit(w, role, where):
    data = await w.call(
        role,
        where,
        "query($a: ID) { auditLog(first: 5, filter: {applicationId: $a}) { totalCount } }",
        {"a": w.ranked["id"]},
    )
    return _seen(data["auditLog"]["totalCount"])


async def _login(w, role, where):
    name = "nobody.at.all" if role == "public" else f"{role}.{where}"
    return outcome_of((await w.call(role, where, LOGIN, {"u": name, "p": PASSWORD}))["login"])


async def _logout(w, role, where):
    if role == "public":
        return outcome_of(
            (await w.call(role, where, "mutation { logout { errors { code } } }"))["logout"]
        )
    token = await login(w.gql, f"{role}.{where}")  # a session of its own, so the others stay valid
    body = (
        await w.gql.http.post(
            "/graphql",
            json={"query": "mutation { logout { errors { code } } }"},
            headers={"Authorization": f"Bearer {token}"},
        )
    ).json()
    return outcome_of(body["data"]["logout"])


async def _declare(w, role, where):
    data = await w.call(
        role,
        where,
        'mutation($i: ID!) { declareConflictOfInterest(input: {institutionId: $i, reason: "曾任该机构兼职讲师"}) '
        "{ recorded errors { code } } }",
        {"i": w.related["id"]},
    )
    return outcome_of(data["declareConflictOfInterest"])


async def _register(w, role, where):
    code = NEW_CODE if role == "applicant" else credit_code()
    data = await w.call(
        role,
        where,
        doc.REGISTER,
        {
            "input": {
                "name": f"新登记机构{role}{where}",
                "creditCode": code,
                "orgType": "ENTERPRISE",
                "divisionCode": "330106",
                "registeredOn": "2015-06-01",
                "legalRepresentative": "张三",
            }
        },
    )
    return outcome_of(data["registerInstitution"])


async def _update(w, role, where):
    current = (
        await w.gql(
            "query($id: ID!) { institution(id: $id) { version } }",
            {"id": w.institution["id"]},
            **SETUP,
        )
    )["institution"]
    data = await w.call(
        role,
        where,
        "mutation($i: UpdateInstitutionInput!) { updateInstitution(input: $i) { errors { code } } }",
        {
            "i": {
                "id": w.institution["id"],
                "expectedVersion": current["version"],
                "address": f"{role} {where} 改",
            }
        },
    )
    return outcome_of(data["updateInstitution"])


async def _create(w, role, where):
    data = await w.call(
        role,
        where,
        doc.CREATE,
        {
            "input": {
                "institutionId": w.institution["id"],
                "schemeId": "toy",
                "form": {"trainees": 150},
            }
        },
    )
    return outcome_of(data["createApplication"])


async def _edit(w, role, where):
    app = await w.draft()
    data = await w.call(
        role,
        where,
        doc.EDIT,
        {"input": {"id": app["id"], "expectedVersion": app["version"], "form": {"trainees": 160}}},
    )
    return outcome_of(data["editApplication"])


async def _submit(w, role, where):
    app = await w.draft()
    data = await w.call(
        role, where, doc.SUBMIT, {"input": {"id": app["id"], "expectedVersion": app["version"]}}
    )
    return outcome_of(data["submitApplication"])


async def _act_on(w, role, where):
    app = await w.reviewing()
    action, judgments = (
        ("score", [{"criterionId": "quality", "points": 7}])
        if role == "expert"
        else ("approve", [{"criterionId": "teachers", "passed": True}])
    )
    data = await w.call(
        role,
        where,
        doc.ACT,
        {
            "input": {
                "id": app["id"],
                "expectedVersion": app["version"],
                "action": action,
                "judgments": judgments,
            }
        },
    )
    return outcome_of(data["actOnApplication"])


ACCOUNT = "account { username } errors { code }"


async def _accounts(w, role, where):
    names = [
        a["username"] for a in (await w.call(role, where, "{ accounts { username } }"))["accounts"]
    ]
    return _seen("district_reviewer.in" in names)


async def _create_account(w, role, where):
    data = await w.call(
        role,
        where,
        f"mutation($i: CreateAccountInput!) {{ createAccount(input: $i) {{ {ACCOUNT} }} }}",
        {
            "i": {
                "username": f"new.{role}.{where}",
                "role": "DISTRICT_REVIEWER",
                "scopes": [{"areaCode": "330106"}],
                "password": PASSWORD,
            }
        },
    )
    return outcome_of(data["createAccount"])


async def _target(w, role, where, purpose) -> str:
    """A district reviewer's account in 西湖区, for one caller to change."""
    username = f"{purpose}.{role}.{where}"
    await add_user(
        w.gql.platform, username, "district_reviewer", areas=("330106",), password=None
    )  # no hashing: API tokens only
    return username


async def _set_access(w, role, where):
    username = await _target(w, role, where, "rescoped")
    data = await w.call(
        role,
        where,
        f"mutation($i: SetAccountAccessInput!) {{ setAccountAccess(input: $i) {{ {ACCOUNT} }} }}",
        {
            "i": {
                "username": username,
                "role": "DISTRICT_REVIEWER",
                "scopes": [{"areaCode": "330106", "schemeId": "toy"}],
            }
        },
    )
    return outcome_of(data["setAccountAccess"])


async def _deactivate(w, role, where):
    username = await _target(w, role, where, "ended")
    data = await w.call(
        role,
        where,
        f"mutation($i: DeactivateAccountInput!) {{ deactivateAccount(input: $i) {{ {ACCOUNT} }} }}",
        {"i": {"username": username}},
    )
    return outcome_of(data["deactivateAccount"])


OPERATIONS: dict[str, Operation] = {
    "query.me": _me,
    "query.schemes": _schemes,
    "query.scheme": _scheme,
    "query.plugins": _plugins,
    "query.divisions": _divisions,
    "query.orgTypes": _org_types,
    "query.workingCalendar": _working_calendar,
    "query.recognitions": _recognitions,
    "query.quotaUsage": _quota,
    "query.quotaUsages": _quotas,
    "query.institutions": _institutions,
    "query.institution": _institution,
    "query.node": _node,
    "query.applications": _applications,
    "query.applicationCounts": _counts,
    "query.application": _application,
    "query.ranking": _ranking,
    "query.evaluate": _evaluate,
    "query.auditLog": _audit,
    "mutation.login": _login,
    "mutation.logout": _logout,
    "mutation.declareConflictOfInterest": _declare,
    "mutation.registerInstitution": _register,
    "mutation.updateInstitution": _update,
    "mutation.createApplication": _create,
    "mutation.editApplication": _edit,
    "mutation.submitApplication": _submit,
    "mutation.actOnApplication": _act_on,
    "query.accounts": _accounts,
    "mutation.createAccount": _create_account,
    "mutation.setAccountAccess": _set_access,
    "mutation.deactivateAccount": _deactivate,
}


@pytest.mark.fast
def test_the_policy_table_covers_every_query_and_mutation_of_the_schema():
    fields = {f"query.{name}" for name in schema._schema.query_type.fields} | {
        f"mutation.{name}" for name in schema._schema.mutation_type.fields
    }
    assert fields == set(POLICY["operations"]) == set(OPERATIONS)
    for operation, cells in POLICY["operations"].items():
        assert set(cells) == set(ROLES), operation


async def test_every_operation_as_every_role_inside_and_outside_its_scope_matches_the_policy(
    client_for,
):
    gql = await client_for([toy_plugin])
    world = World(gql)
    await world.build()
    observed, mismatches = 0, []
    for operation, cells in POLICY["operations"].items():
        for role in ROLES:
            for where in ("in", "out"):
                got = await OPERATIONS[operation](world, role, where)
                observed += 1
                if got != expected(cells[role], where):
                    mismatches.append(
                        f"{operation} as {role} ({where}): policy {expected(cells[role], where)}, got {got}"
                    )
    assert not mismatches, "\n".join(mismatches)
    assert observed == len(POLICY["operations"]) * len(ROLES) * 2


async def test_foreign_ids_look_exactly_like_missing_ones_and_are_audited(client_for):
    gql = await client_for([toy_plugin])
    world = World(gql)
    await world.build()
    outsider = world.tokens["district_reviewer", "out"]
    queries = (
        "query($id: ID!) { application(id: $id) { id form } }",
        "query($id: ID!) { node(id: $id) { id } }",
    )
    for query in queries:
        foreign = await gql(query, {"id": world.ranked["id"]}, token=outsider)
        missing = await gql(query, {"id": _missing_id(world.ranked["id"])}, token=outsider)
        assert foreign == missing
    act = await gql(
        doc.ACT,
        {
            "input": {
                "id": world.ranked["id"],
                "expectedVersion": world.ranked["version"] + 1,
                "action": "approve",
            }
        },
        token=outsider,
    )
    gone = await gql(
        doc.ACT,
        {
            "input": {
                "id": _missing_id(world.ranked["id"]),
                "expectedVersion": 1,
                "action": "approve",
            }
        },
        token=outsider,
    )
    assert act["actOnApplication"]["errors"] == gone["actOnApplication"]["errors"]
    await gql.platform.denials.flush()
    denials = (
        await gql(
            '{ auditLog(first: 50, filter: {action: "access.denied"}) { edges { node { actor entity details } } } }',
            token=world.tokens["auditor", "in"],
        )
    )["auditLog"]["edges"]  # the auditor of 杭州 sees them
    [mine] = [
        d["node"] for d in denials if d["node"]["actor"] == "district_reviewer.out"
    ]  # one entry per caller and window
    assert mine["details"]["count"] == 3, (
        mine
    )  # two lookups and one act; the missing IDs are not denials
    assert {(d["entity"], d["id"]) for d in mine["details"]["denials"]} == {
        ("application", world.ranked["databaseId"])
    }
    elsewhere = (
        await gql(
            '{ auditLog(first: 50, filter: {action: "access.denied"}) { totalCount } }',
            token=world.tokens["auditor", "out"],
        )
    )["auditLog"]["totalCount"]
    assert elsewhere == 0  # 宁波's auditor does not see what happened to 杭州's applications


async def test_evaluate_follows_the_table_for_an_institution_on_the_public_register_too(client_for):
    """The register makes an institution visible to everyone, not everyone's to pre-check."""
    from core.demo import load_demo

    gql = await client_for([toy_plugin])
    assert await load_demo(gql.platform) == 1
    held = await gql(
        "{ recognitions(first: 1) { edges { node { institution { id creditCode } } } } }",
        role="public",
    )
    inst = held["recognitions"]["edges"][0]["node"][
        "institution"
    ]  # on the register: anyone sees it
    query = (
        'query($i: ID!) { evaluate(input: {institutionId: $i, schemeId: "toy", form: {trainees: 150}}) '
        "{ results { criterionId } errors { code field } } }"
    )
    anonymous = (
        await gql.http.post("/graphql", json={"query": query, "variables": {"i": inst["id"]}})
    ).json()["data"]
    await add_user(gql.platform, "other.applicant", "applicant", credit_codes=(credit_code(),))
    await add_user(gql.platform, "own.applicant", "applicant", credit_codes=(inst["creditCode"],))
    outsider = await gql(query, {"i": inst["id"]}, token=await login(gql, "other.applicant"))
    hidden = {"results": [], "errors": [{"code": "NOT_FOUND", "field": ["input", "institutionId"]}]}
    assert anonymous["evaluate"] == outsider["evaluate"] == hidden
    assert (await gql(query, {"i": inst["id"]}, token=await login(gql, "own.applicant")))[
        "evaluate"
    ]["results"]


def _missing_id(global_id: str) -> str:
    import base64

    kind, _, _ = base64.b64decode(global_id).decode().partition(":")
    return base64.b64encode(f"{kind}:999999".encode()).decode()
