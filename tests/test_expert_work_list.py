"""An expert's work list through the API (issue 9): the applications at a stage their role scores
as a panel, awaiting their review there or with it recorded (``ApplicationFilter.myScore``), the
panel a stage names (``Stage.panel``), and a conflict of interest listed with its reason, not hidden."""

from __future__ import annotations

import pytest

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, register, submit
from tests.support.identity import user

LIST = """query($f: ApplicationFilter) { applications(filter: $f, first: 10) { totalCount edges { node {
  id stage { id panel } availableActions { id allowed reasonCode reason } } } } }"""
DECLARE = """mutation($i: DeclareConflictInput!) { declareConflictOfInterest(input: $i) { recorded errors { code } } }"""


async def _listed(gql, token: str, my_score: str) -> dict[str, dict]:
    data = await gql(LIST, {"f": {"myScore": my_score}}, token=token)
    return {e["node"]["id"]: e["node"] for e in data["applications"]["edges"]}


async def test_each_expert_lists_what_awaits_their_score_and_what_they_scored(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    other = await register(gql, name="杭州另一示例培训学校")
    scored, waiting = [
        ok(
            await submit(
                gql,
                ok(
                    await create(
                        gql, i["id"], "toy", {"trainees": 150}, occupations=["A"], roundId="2026"
                    )
                ),
            )
        )
        for i in (inst, other)
    ]
    draft = ok(
        await create(gql, inst["id"], "toy", {"trainees": 150}, occupations=["B"], roundId="2026")
    )
    one = await user(gql, "expert.one", "expert", areas=("330100",), scheme="toy")
    two = await user(gql, "expert.two", "expert", areas=("330100",), scheme="toy")
    city = await user(gql, "city.chair", "city_reviewer", areas=("330100",))
    ok(
        await act(
            gql,
            scored,
            "score",
            role="expert",
            actor="expert.one",
            judgments=[{"criterionId": "quality", "points": 7}],
        )
    )
    declared = await gql(
        DECLARE, {"i": {"institutionId": other["id"], "reason": "曾任该机构兼职讲师"}}, token=two
    )
    assert declared["declareConflictOfInterest"] == {"recorded": True, "errors": []}

    assert set(await _listed(gql, one, "AWAITING")) == {
        waiting["id"]
    }  # not the draft, not what it scored
    assert set(await _listed(gql, one, "RECORDED")) == {scored["id"]}
    awaiting_two = await _listed(gql, two, "AWAITING")
    assert set(awaiting_two) == {scored["id"], waiting["id"]}  # the conflict is listed, not hidden
    assert await _listed(gql, two, "RECORDED") == {}
    [score] = [a for a in awaiting_two[waiting["id"]]["availableActions"] if a["id"] == "score"]
    assert (score["allowed"], score["reasonCode"]) == (False, "CONFLICT_OF_INTEREST")
    assert "应当回避" in score["reason"]
    assert all(
        a["allowed"] for a in awaiting_two[scored["id"]]["availableActions"] if a["id"] == "score"
    )
    assert awaiting_two[scored["id"]]["stage"] == {"id": "review", "panel": "EXPERT"}
    assert await _listed(gql, city, "AWAITING") == {}  # a city reviewer sits on no panel
    assert draft["id"] not in await _listed(gql, two, "AWAITING")


@pytest.mark.fast
async def test_a_stage_names_its_panel_for_every_client(client_for):
    gql = await client_for([toy_plugin])
    scheme = (await gql('{ scheme(id: "toy") { kinds { stages { id panel } } } }'))["scheme"]
    panels = {s["id"]: s["panel"] for k in scheme["kinds"] for s in k["stages"]}
    assert panels["review"] == "EXPERT" and panels["draft"] is None and panels["notice"] is None
