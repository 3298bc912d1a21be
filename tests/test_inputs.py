"""Input that used to end in a server error: each is refused with a code naming what is wrong, or
works. Body-level problems answer HTTP 400 with a GraphQL error; strings and numbers no field can
take are refused ``INVALID`` with their path (:mod:`core.api.inputs`); forms are bounded
(:mod:`core.forms`); a scope of a thousand institutions still lists."""

from __future__ import annotations

import json

import pytest

from plugins.zj_evaluation_org import plugin as zj
from tests.plugins.zj_evaluation_org_forms import OCCUPATION, ROUND, SCHEME, form
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import create, credit_code, ok, register
from tests.support.identity import add_user, login, user

ME = '{"query": "{ me { role } }", "variables": %s}'


def strict(text: str):
    """JSON as any standard parser reads it: no NaN or Infinity."""

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


async def _raw(gql, body: str | bytes, token: str | None = None, role: str = "city_reviewer"):
    who = {"Authorization": f"Bearer {token}"} if token else {"X-Accredit-Role": role}
    response = await gql.http.post(
        "/graphql", content=body, headers={"Content-Type": "application/json", **who}
    )
    return response.status_code, strict(response.text)


async def _send(gql, query: str, variables: dict, **who) -> dict:
    """Post as JSON with \\u escapes, as a client's encoder may write a lone surrogate."""
    status, answer = await _raw(gql, json.dumps({"query": query, "variables": variables}), **who)
    assert status == 200, answer
    return answer


@pytest.mark.fast
@pytest.mark.parametrize(
    "body, code",
    [
        (ME % ("[" * 50_000), "JSON_TOO_DEEP"),  # 100 KB, anonymous: was a RecursionError, HTTP 500
        (
            ME % ('{"a": ' * 40 + "1" + "}" * 40),
            "JSON_TOO_DEEP",
        ),  # parses, but deeper than any form
        (ME % '{"a": Infinity}', "INVALID_JSON"),  # not JSON, though Python's parser takes it
        (ME % ("1" * 5000), "INVALID_JSON"),  # more digits than Python converts
        (
            b'{"query": "{ me { role } }", "variables": {"a": "\xff"}}',
            "INVALID_JSON",
        ),  # not UTF-8: was HTTP 500
        ('[{"query": "{ me { role } }"}]', "BAD_REQUEST"),  # batching: was plain text
    ],
    ids=["50000-brackets", "40-levels", "infinity", "5000-digits", "not-utf8", "batch"],
)
async def test_an_unreadable_body_is_refused_with_400_and_a_code(client_for, body, code):
    gql = await client_for()
    status, answer = await _raw(gql, body)
    assert status == 400 and answer["errors"][0]["extensions"]["code"] == code, answer
    assert "data" not in answer


FIND = "query($q: String, $c: String) { institutions(first: 5, filter: {nameContains: $q, creditCode: $c}) { totalCount } }"
LOGIN = 'mutation($u: String!) { login(input: {username: $u, password: "correct horse battery staple"}) { token errors { code } } }'
AUDIT = "query($a: String) { auditLog(first: 5, filter: {action: $a}) { totalCount } }"
COUNT = "{ institutions(first: 1) { totalCount } }"


def _refused(body: dict, *field: str) -> None:
    error = body["errors"][0]
    assert body["data"] is None and error["extensions"]["code"] == "INVALID", body
    assert error["extensions"]["errors"][0]["field"] == list(field), error
    assert "internal error" not in error["message"] and ".".join(field) in error["message"]


async def test_lone_surrogates_and_nul_characters_are_refused_naming_the_field(client_for):
    gql = await client_for()
    await add_user(gql.platform, "auditor.hz", "auditor", areas=("330100",))
    auditor = await login(gql, "auditor.hz")
    before = (await gql(COUNT))["institutions"]["totalCount"]

    _refused(await _send(gql, LOGIN, {"u": "\ud800"}, role="public"), "variables", "u")  # anonymous
    _refused(await _send(gql, FIND, {"q": "培训\ud800"}, role="applicant"), "variables", "q")
    _refused(await _send(gql, FIND, {"c": "\udfff"}, role="applicant"), "variables", "c")
    _refused(await _send(gql, AUDIT, {"a": "\ud800"}, token=auditor), "variables", "a")
    _refused(
        await _send(
            gql,
            'query($f: JSON!) { evaluate(input: {institutionId: "x", schemeId: "y", form: $f}) { eligible } }',
            {"f": {"\ud800": 1}},
        ),
        "variables",
        "f",
        "\\ud800",
    )  # a key: named by its escape
    _refused(
        await gql(
            '{ institutions(first: 5, filter: {nameContains: "a\\u0000"}) { totalCount } }',
            expect_errors=True,
        ),
        "institutions",
        "filter",
        "nameContains",
    )  # a literal in the document
    for name in (
        "杭州\x00培训学校",
        "杭州\ud800培训学校",
    ):  # NUL failed on PostgreSQL, the surrogate on both
        _refused(
            await _send(
                gql,
                doc.REGISTER,
                {
                    "input": {
                        "name": name,
                        "creditCode": credit_code(),
                        "orgType": "ENTERPRISE",
                        "divisionCode": "330106",
                        "registeredOn": "2015-06-01",
                        "legalRepresentative": "张三",
                        "contacts": [],
                    }
                },
                role="applicant",
            ),
            "variables",
            "input",
            "name",
        )
    assert (await gql(COUNT))["institutions"]["totalCount"] == before  # nothing was written


async def test_numbers_that_are_not_finite_are_refused_and_never_stored(client_for):
    gql = await client_for([zj], today="2020-12-01")
    inst = await register(gql, org_type="PRIVATE_NON_ENTERPRISE", registered_on="2010-01-01")
    sent = form()
    sent["funding"]["fixed_assets_10k_yuan"] = 1.0
    body = json.dumps(
        {
            "query": doc.CREATE,
            "variables": {
                "input": {
                    "institutionId": inst["id"],
                    "schemeId": SCHEME,
                    "form": sent,
                    "occupations": [OCCUPATION],
                    "roundId": ROUND,
                }
            },
        }
    )
    token = await user(gql, "applicant.1", "applicant", credit_codes=(inst["creditCode"],))
    status, answer = await _raw(
        gql, body.replace('"fixed_assets_10k_yuan": 1.0', '"fixed_assets_10k_yuan": 1e999'), token
    )
    assert status == 200
    _refused(
        answer, "variables", "input", "form", "funding", "fixed_assets_10k_yuan"
    )  # PostgreSQL: internal error; SQLite stored Infinity

    literal = '{ evaluate(input: {institutionId: "%s", schemeId: "%s", form: {funding: {fixed_assets_10k_yuan: 1e999}}}) { eligible } }'
    _refused(
        await gql(literal % (inst["id"], SCHEME), expect_errors=True),
        "evaluate",
        "input",
        "form",
        "funding",
        "fixed_assets_10k_yuan",
    )
    status, listed = await _raw(
        gql,
        json.dumps({"query": "{ applications(first: 5) { totalCount edges { node { form } } } }"}),
        token,
    )
    assert (
        listed["data"]["applications"]["totalCount"] == 0
    )  # nothing stored; the answer parses as standard JSON


async def test_forms_bound_their_text_and_lists_and_drafts_their_occupations(client_for):
    gql = await client_for([zj], today="2020-12-01")
    inst = await register(gql, org_type="PRIVATE_NON_ENTERPRISE", registered_on="2010-01-01")

    async def refusal(sent: dict, occupations: list[str]) -> dict:
        payload = await create(
            gql, inst["id"], SCHEME, sent, occupations=occupations, roundId=ROUND
        )
        assert payload["application"] is None and payload["errors"], payload
        return payload["errors"][0]

    long_text = await refusal(
        form(profile={"scale": "x" * 80_000}), [OCCUPATION]
    )  # 80,000 characters were stored
    assert (
        long_text["field"] == ["input", "form", "profile", "scale"]
        and "最多 2000 个字符" in long_text["message"]
    )
    many_rows = await refusal(form(other_rules=[f"制度{i}" for i in range(501)]), [OCCUPATION])
    assert (
        many_rows["field"] == ["input", "form", "other_rules"]
        and "最多 500 项，收到 501 项" in many_rows["message"]
    )
    many_occupations = await refusal(
        form(), [f"4-03-{i // 100:02d}-{i % 100:02d}" for i in range(5000)]
    )
    assert (
        many_occupations["field"] == ["input", "occupations"]
        and "最多 100 个" in many_occupations["message"]
    )
    long_occupation = await refusal(
        form(), ["工" * 65]
    )  # longer than its column: PostgreSQL failed on it
    assert long_occupation["field"] == ["input", "occupations", "0"]
    assert (
        ok(
            await create(
                gql,
                inst["id"],
                SCHEME,
                form(profile={"scale": "规模" * 1000}),
                occupations=[OCCUPATION],
                roundId=ROUND,
            )
        )["form"]["profile"]["scale"]
        == "规模" * 1000
    )  # at the bound: accepted


async def test_an_applicant_acting_for_a_thousand_institutions_can_list_them(client_for):
    """One sub-select per scope, OR'd, exceeded SQLite's expression depth: every list failed."""
    gql = await client_for([toy_plugin])
    codes = tuple(credit_code(900_000 + i) for i in range(1000))
    mine = await register(gql, credit_code=codes[-1])
    await register(gql)  # another applicant's
    ok(await create(gql, mine["id"], "toy", {"trainees": 150}))
    token = await user(gql, "group.applicant", "applicant", credit_codes=codes)
    lists = await gql(
        "{ institutions(first: 5) { totalCount } applications(first: 5) { totalCount edges { node { id } } } }",
        token=token,
    )
    assert lists["institutions"]["totalCount"] == 1 and lists["applications"]["totalCount"] == 1


@pytest.mark.fast
def test_a_form_refuses_a_number_that_is_not_finite_whoever_builds_it():
    """The API refuses 1e999 before any form sees it; a form built from other data refuses it too."""
    from core.engine.forms import validate_form
    from core.errors import Refused
    from plugins.zj_evaluation_org.forms import Funding

    with pytest.raises(Refused) as refused:
        validate_form(
            Funding,
            {
                "sources": "自筹",
                "fixed_assets_10k_yuan": float("inf"),
                "certification_budget_10k_yuan": 1,
            },
        )
    assert (
        refused.value.errors[0].field == ("fixed_assets_10k_yuan",)
        and "应为有限的数值" in refused.value.errors[0].message
    )
