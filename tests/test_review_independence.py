"""Conflict of interest, four eyes and blind scoring, through the API with real accounts (toy
scheme: the applicant submits; experts score at the city review; the city reviewer approves, then
grants after the notice)."""

from __future__ import annotations

import pytest

from core.identity import accounts
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import codes, create, ok, panel_scored, register, submit
from tests.support.identity import OPERATOR, add_user, login, user

APPLICATION = """query($id: ID!) { application(id: $id) { version stageId score grade evaluation { total }
  criterionResults { criterionId mode } reviews { reviewer stage judgments { criterionId points } } events { action } } }"""
DECLARE = "mutation($i: ID!, $r: String!) { declareConflictOfInterest(input: {institutionId: $i, reason: $r}) { recorded errors { code field } } }"
DENIALS = '{ auditLog(first: 50, filter: {action: "access.denied"}) { edges { node { actor details } } } }'


async def _reviewing(gql) -> tuple[dict, dict]:
    institution = await register(gql, division="330106")
    app = ok(await create(gql, institution["id"], "toy", {"trainees": 150}))
    return institution, ok(await submit(gql, app))


async def _act(
    gql, app: dict, action: str, token: str, judgments: list[dict] | None = None
) -> dict:
    return (
        await gql(
            doc.ACT,
            {
                "input": {
                    "id": app["id"],
                    "expectedVersion": app["version"],
                    "action": action,
                    "judgments": judgments or [],
                }
            },
            token=token,
        )
    )["actOnApplication"]


async def _view(gql, app: dict, token: str) -> dict:
    return (await gql(APPLICATION, {"id": app["id"]}, token=token))["application"]


async def test_an_expert_who_declared_a_link_cannot_score_that_institution_and_the_refusal_is_audited(
    client_for,
):
    gql = await client_for([toy_plugin])
    institution, app = await _reviewing(gql)
    linked = await user(gql, "expert.li", "expert", areas=("330100",), scheme="toy")
    free = await user(gql, "expert.wu", "expert", areas=("330100",), scheme="toy")
    for reason, code in (("  ", "REQUIRED"), ("股" * 501, "INVALID")):
        refused = (await gql(DECLARE, {"i": institution["id"], "r": reason}, token=linked))[
            "declareConflictOfInterest"
        ]
        assert refused == {
            "recorded": False,
            "errors": [{"code": code, "field": ["input", "reason"]}],
        }
    declared = (
        await gql(DECLARE, {"i": institution["id"], "r": "本人系该机构股东"}, token=linked)
    )["declareConflictOfInterest"]
    assert declared == {"recorded": True, "errors": []}
    refused = await _act(gql, app, "score", linked, [{"criterionId": "quality", "points": 9}])
    assert codes(refused) == ["CONFLICT_OF_INTEREST"] and refused["application"] is None
    unchanged = await _view(gql, app, free)
    assert unchanged["version"] == app["version"] and unchanged["reviews"] == []
    ok(await _act(gql, app, "score", free, [{"criterionId": "quality", "points": 7}]))
    auditor = await user(gql, "auditor.hz", "auditor", areas=("330000",))
    await gql.platform.denials.flush()
    denials = [e["node"] for e in (await gql(DENIALS, token=auditor))["auditLog"]["edges"]]
    assert [d["actor"] for d in denials] == ["expert.li"]
    assert ["conflict of interest" in d["reason"] for d in denials[0]["details"]["denials"]] == [
        True
    ]


async def test_a_conflict_recorded_by_an_administrator_binds_a_reviewer(client_for):
    gql = await client_for([toy_plugin])
    institution, app = await _reviewing(gql)
    reviewer = await user(gql, "city.he", "city_reviewer", areas=("330100",))
    code = (
        await gql(
            "query($id: ID!) { institution(id: $id) { creditCode } }",
            {"id": institution["id"]},
            token=reviewer,
        )
    )["institution"]["creditCode"]
    await gql.platform.transaction(
        lambda s: accounts.record_conflict(s, OPERATOR, "city.he", code, "配偶任该机构法定代表人")
    )
    refused = await _act(
        gql, app, "approve", reviewer, [{"criterionId": "teachers", "passed": True}]
    )
    assert codes(refused) == ["CONFLICT_OF_INTEREST"]
    stale = await _act(gql, dict(app, version=app["version"] - 1), "approve", reviewer)
    assert codes(stale) == ["CONFLICT_OF_INTEREST"]  # who may act is answered before the version
    other = await user(gql, "city.fang", "city_reviewer", areas=("330100",))
    app = await panel_scored(gql, app)
    assert (
        ok(await _act(gql, app, "approve", other, [{"criterionId": "teachers", "passed": True}]))[
            "stageId"
        ]
        == "notice"
    )


@pytest.mark.fast
async def test_whoever_decided_the_previous_stage_cannot_decide_the_next_one(client_for):
    gql = await client_for([toy_plugin])
    _, app = await _reviewing(gql)
    app = await panel_scored(gql, app)
    first = await user(gql, "city.a", "city_reviewer", areas=("330100",))
    second = await user(gql, "city.b", "city_reviewer", areas=("330100",))
    noticed = ok(
        await _act(gql, app, "approve", first, [{"criterionId": "teachers", "passed": True}])
    )
    refused = await _act(gql, noticed, "grant", first)
    assert codes(refused) == ["FOUR_EYES"] and "city.a" in refused["errors"][0]["message"]
    assert codes(
        await _act(gql, dict(noticed, version=noticed["version"] - 1), "grant", first)
    ) == ["FOUR_EYES"]
    assert (await _view(gql, noticed, second))["stageId"] == "notice"  # nothing moved
    assert ok(await _act(gql, noticed, "grant", second))["stageId"] == "granted"


async def test_experts_do_not_see_each_others_scores_before_submitting_their_own(client_for):
    gql = await client_for([toy_plugin])
    _, app = await _reviewing(gql)
    one = await user(gql, "expert.one", "expert", areas=("330100",), scheme="toy")
    two = await user(gql, "expert.two", "expert", areas=("330100",), scheme="toy")
    city = await user(gql, "city.chair", "city_reviewer", areas=("330100",))
    scored = ok(await _act(gql, app, "score", one, [{"criterionId": "quality", "points": 9}]))

    blind = await _view(gql, scored, two)
    assert (
        blind["reviews"] == []
        and blind["score"] is None
        and blind["grade"] is None
        and blind["evaluation"] is None
    )
    assert {r["mode"] for r in blind["criterionResults"]} == {"AUTOMATIC"}
    assert blind["events"] == []
    seen_by_chair = await _view(gql, scored, city)
    assert [r["reviewer"] for r in seen_by_chair["reviews"]] == ["expert.one"]
    assert any(r["mode"] == "JUDGMENT" for r in seen_by_chair["criterionResults"])

    scored = ok(await _act(gql, scored, "score", two, [{"criterionId": "quality", "points": 5}]))
    after = await _view(gql, scored, two)
    assert sorted(r["reviewer"] for r in after["reviews"]) == ["expert.one", "expert.two"]
    assert after["evaluation"] is not None and any(
        r["mode"] == "JUDGMENT" for r in after["criterionResults"]
    )


async def test_an_out_of_scope_expert_cannot_declare_or_score(client_for):
    gql = await client_for([toy_plugin])
    institution, app = await _reviewing(gql)
    await add_user(gql.platform, "expert.nb", "expert", areas=("330200",), scheme="toy")
    outsider = await login(gql, "expert.nb")
    assert codes(
        (await gql(DECLARE, {"i": institution["id"], "r": "x"}, token=outsider))[
            "declareConflictOfInterest"
        ]
    ) == ["NOT_FOUND"]
    assert codes(
        await _act(gql, app, "score", outsider, [{"criterionId": "quality", "points": 9}])
    ) == ["NOT_FOUND"]
