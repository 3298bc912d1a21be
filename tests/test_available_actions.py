"""availableActions publish what each action requires (role, judgments on which criteria and in
which range, a written reason, gates, time in stage, the round) and whether the caller may take it
now, with the code actOnApplication would answer: a client needs no plugin README to act (toy
scheme: the applicant submits; experts score; the city reviewer approves, then grants)."""

from __future__ import annotations

import pytest

from core.identity import accounts
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit
from tests.support.identity import OPERATOR, user

ACTIONS = """query($id: ID!) { application(id: $id) { availableActions {
  id role submits requiresGates commentRequired allowed reason reasonCode
  judgments { criterionId title citation kind required minPoints maxPoints }
  minimumTimeInStage { parameter workingDays citation since }
} } }"""


async def _actions(gql, app: dict, **caller) -> dict[str, dict]:
    data = await gql(ACTIONS, {"id": app["id"]}, **caller)
    return {a["id"]: a for a in data["application"]["availableActions"]}


async def _reviewing(gql) -> tuple[dict, dict]:
    inst = await register(gql)
    app = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
    return inst, await panel_scored(gql, ok(await submit(gql, app)))


@pytest.mark.fast
async def test_each_action_publishes_what_it_requires(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    draft = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
    submitting = (await _actions(gql, draft, role="applicant"))["submit"]
    assert (submitting["submits"], submitting["requiresGates"], submitting["judgments"]) == (
        True,
        True,
        [],
    )

    app = ok(await submit(gql, draft))
    actions = await _actions(gql, app)
    teachers = {
        "criterionId": "teachers",
        "title": "师资",
        "citation": "第五条",
        "kind": "GATE",
        "minPoints": None,
        "maxPoints": None,
    }
    quality = {
        "criterionId": "quality",
        "title": "培训质量",
        "citation": "第六条",
        "kind": "SCORED",
        "minPoints": 0,
        "maxPoints": 10,
    }
    score, approve, reject = actions["score"], actions["approve"], actions["reject"]
    assert (score["role"], score["commentRequired"], score["requiresGates"]) == (
        "EXPERT",
        True,
        False,
    )
    assert score["judgments"] == [{**teachers, "required": False}, {**quality, "required": False}]
    assert (approve["role"], approve["commentRequired"], approve["requiresGates"]) == (
        "CITY_REVIEWER",
        False,
        True,
    )
    assert approve["judgments"] == [
        {**teachers, "required": True}
    ]  # deciding is not scoring: the panel scores quality
    assert (reject["commentRequired"], reject["judgments"], reject["minimumTimeInStage"]) == (
        True,
        [],
        None,
    )

    noticed = ok(
        await act(
            gql,
            await panel_scored(gql, app),
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    grant = (await _actions(gql, noticed))["grant"]
    assert grant["minimumTimeInStage"] == {
        "parameter": "notice_days",
        "workingDays": 0,
        "citation": "第四条",
        "since": "2020-01-01",
    }


async def test_the_caller_reads_whether_their_role_may_take_each_action(client_for):
    gql = await client_for([toy_plugin])
    _, app = await _reviewing(gql)
    as_reviewer = await _actions(gql, app, role="city_reviewer", actor="city-1")
    assert (as_reviewer["approve"]["allowed"], as_reviewer["approve"]["reason"]) == (True, None)
    assert (as_reviewer["score"]["allowed"], as_reviewer["score"]["reasonCode"]) == (
        False,
        "ROLE_NOT_ALLOWED",
    )
    assert "须由 评审专家 执行" in as_reviewer["score"]["reason"]
    as_expert = await _actions(gql, app, role="expert", actor="expert-1")
    assert [a for a, action in as_expert.items() if action["allowed"]] == ["score"]
    refused = await act(gql, app, "approve", role="expert")
    assert codes(refused) == [as_expert["approve"]["reasonCode"]]


async def test_a_conflict_of_interest_and_four_eyes_are_shown_before_acting(client_for):
    gql = await client_for([toy_plugin])
    inst, app = await _reviewing(gql)
    linked = await user(gql, "city.li", "city_reviewer", areas=("330100",))
    first = await user(gql, "city.a", "city_reviewer", areas=("330100",))
    second = await user(gql, "city.b", "city_reviewer", areas=("330100",))
    code = (
        await gql("query($id: ID!) { institution(id: $id) { creditCode } }", {"id": inst["id"]})
    )["institution"]["creditCode"]
    await gql.platform.transaction(
        lambda s: accounts.record_conflict(s, OPERATOR, "city.li", code, "曾任该机构顾问")
    )
    approve = (await _actions(gql, app, token=linked))["approve"]
    assert (approve["allowed"], approve["reasonCode"]) == (False, "CONFLICT_OF_INTEREST")

    judged = {"criterionId": "teachers", "passed": True}
    noticed = (
        await gql(
            """mutation($input: ActOnApplicationInput!) { actOnApplication(input: $input) {
        application { id version } errors { code } } }""",
            {
                "input": {
                    "id": app["id"],
                    "expectedVersion": app["version"],
                    "action": "approve",
                    "judgments": [judged],
                }
            },
            token=first,
        )
    )["actOnApplication"]["application"]
    by_first, by_second = (
        (await _actions(gql, noticed, token=first))["grant"],
        (await _actions(gql, noticed, token=second))["grant"],
    )
    assert (by_first["allowed"], by_first["reasonCode"]) == (
        False,
        "FOUR_EYES",
    ) and "city.a" in by_first["reason"]
    assert (by_second["allowed"], by_second["reasonCode"]) == (True, None)


async def test_a_closed_round_is_shown_on_the_submission(client_for):
    gql = await client_for([toy_plugin], today="2026-07-01")
    inst = await register(gql)
    draft = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
    submitting = (await _actions(gql, draft, role="applicant"))["submit"]
    assert (submitting["allowed"], submitting["reasonCode"]) == (
        False,
        "ROUND_CLOSED",
    ) and "2026-06-30" in submitting["reason"]
    assert codes(await submit(gql, draft)) == ["ROUND_CLOSED"]
