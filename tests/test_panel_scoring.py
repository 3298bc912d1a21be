"""Only the panel scores: a reviewer who decides cannot add points, cannot count as one of the
experts, and cannot decide without the panel (issue 13, finding 1). Through the API, on the toy
scheme (experts score at the city review) and on zj_evaluation_org's 附件2 pass mark."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.db import models
from plugins.zj_evaluation_org import plugin as zj
from tests.plugins.zj_evaluation_org_forms import draft as zj_draft
from tests.plugins.zj_evaluation_org_forms import full_review, gates
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def _unchanged(gql, app: dict) -> None:
    now = await _state(gql, app)
    assert (now["stageId"], now["version"], now["score"]) == (
        app["stageId"],
        app["version"],
        app["score"],
    )


async def test_a_city_reviewer_cannot_lift_a_zj_filing_the_experts_scored_below_the_mark(
    client_for,
):
    gql = await client_for([zj], today="2020-12-01")
    _, app = await zj_draft(gql)
    app = ok(await act(gql, ok(await submit(gql, app)), "accept_city", role="city_reviewer"))
    app = ok(
        await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            actor="expert-a",
            comment="逐项打分",
            judgments=full_review(total_off=15),
        )
    )
    assert app["score"] == 85 and app["evaluation"]["passed"] is False

    lifted = await act(
        gql, app, "select_city", role="city_reviewer", actor="city-chen", judgments=full_review()
    )
    assert set(codes(lifted)) == {"ROLE_NOT_ALLOWED"} and lifted["application"] is None
    assert all(e["field"][-1] == "points" and "不能评分" in e["message"] for e in lifted["errors"])
    await _unchanged(gql, app)

    decided = await act(
        gql, app, "select_city", role="city_reviewer", actor="city-chen", judgments=gates()
    )
    assert codes(decided) == ["GUARD_FAILED"] and "85" in decided["errors"][0]["message"]
    await _unchanged(gql, app)


async def test_a_zj_filing_cannot_be_selected_without_any_expert_review(client_for):
    gql = await client_for([zj], today="2020-12-01")
    _, app = await zj_draft(gql)
    app = ok(await act(gql, ok(await submit(gql, app)), "accept_city", role="city_reviewer"))

    refused = await act(
        gql, app, "select_city", role="city_reviewer", actor="city-chen", judgments=gates()
    )
    assert "PANEL_REVIEW_MISSING" in codes(refused)
    panel = next(e for e in refused["errors"] if e["code"] == "PANEL_REVIEW_MISSING")
    assert panel["field"] == ["judgments"] and "评审组（评审专家）" in panel["message"]
    await _unchanged(gql, app)


async def test_points_stored_by_a_deciding_role_never_count_in_the_total(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(
        await submit(
            gql,
            ok(
                await create(
                    gql, inst["id"], "toy", {"trainees": 150}, occupations=["A"], roundId="2026"
                )
            ),
        )
    )

    async def smuggle(session):  # points a city reviewer recorded before core refused them
        session.add(
            models.Review(
                application_id=int(app["databaseId"]),
                reviewer="city-old",
                role="city_reviewer",
                stage="review",
                transition="approve",
                decision="review",
                comment="",
                judgments=[models.ReviewJudgment(criterion_id="quality", points=10)],
            )
        )

    await gql.platform.transaction(smuggle)

    scored = await panel_scored(gql, app, points=5)
    assert scored["score"] == 5
    assert "1 位评审的平均分" in " ".join(scored["evaluation"]["lines"])
    async with gql.platform.reading() as session:
        stored = list(await session.scalars(select(models.ReviewJudgment.points)))
    assert sorted(stored) == [5, 10]  # nothing is deleted: the smuggled points are only not counted


@pytest.mark.fast
async def test_a_decision_may_carry_gate_judgments_but_no_points(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(
        await submit(
            gql,
            ok(
                await create(
                    gql, inst["id"], "toy", {"trainees": 150}, occupations=["A"], roundId="2026"
                )
            ),
        )
    )
    refused = await act(
        gql,
        app,
        "approve",
        role="city_reviewer",
        judgments=[
            {"criterionId": "teachers", "passed": True},
            {"criterionId": "quality", "points": 10},
        ],
    )
    assert sorted(codes(refused)) == ["ROLE_NOT_ALLOWED"]
    assert refused["errors"][0]["field"] == ["input", "judgments", "1", "points"]
    await _unchanged(gql, app)
    scored = await panel_scored(gql, app, points=9)
    approved = ok(
        await act(
            gql,
            scored,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    assert (approved["stageId"], approved["score"]) == ("notice", 9)
