"""Blind scoring on every path that carries a score (issue 13, finding 2): an expert of the panel
who has not yet scored an application sees nobody else's scores of it, whichever field or query
they reach it by, ranking included. A walk over schema.graphql keeps the list of score-bearing
fields complete, so a field added later must be blinded and listed here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import GraphQLObjectType, build_schema, get_named_type

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, register, submit
from tests.support.identity import user

SCHEMA = build_schema((Path(__file__).parents[1] / "schema.graphql").read_text())
SCORE_FIELDS = {"score", "grade", "total", "points", "lines", "judgments"}
SCORE_TYPES = {
    "Evaluation",
    "Assessment",
    "CriterionResult",
    "Review",
    "Judgment",
    "Event",
    "EventConnection",
    "EventEdge",
    "RankedApplication",
    "Subtotal",
}

COVERED = {  # every score-bearing field of the schema, and how blind scoring holds for it
    "Application.score": "null while blind",
    "Application.grade": "null while blind",
    "Application.evaluation": "null while blind",
    "Application.criterionResults": "automatic results only while blind",
    "Application.reviews": "none of the current stage's while blind",
    "Application.events": "never shown to experts",
    "Query.ranking": "blind applications left out",
    "RankedApplication.score": "only for applications not blind to the caller",
    "Evaluation.total": "reached only through Application.evaluation",
    "Evaluation.grade": "reached only through Application.evaluation",
    "Evaluation.lines": "reached only through Application.evaluation",
    "Evaluation.subtotals": "reached only through Application.evaluation",
    "Subtotal.points": "reached only through Evaluation.subtotals or the dry run's Assessment.subtotals",
    "Assessment.subtotals": "the dry run scores the submitted form alone",
    "CriterionResult.points": "judged results withheld while blind",
    "Review.judgments": "the current stage's reviews withheld while blind",
    "Judgment.points": "reached only through Review.judgments",
    "Query.auditLog": "auditors and scheme administrators only",
    "Transition.judgments": "what an action records (criteria and score ranges), never anyone's scores",
    "EventConnection.edges": "reached only through Query.auditLog",
    "EventEdge.node": "reached only through Query.auditLog",
    "Assessment.total": "the dry run scores the submitted form alone, never anyone's review",
    "Assessment.grade": "the dry run scores the submitted form alone",
    "Assessment.lines": "the dry run scores the submitted form alone",
    "DryRunResult.assessment": "the dry run scores the submitted form alone",
    "DryRunResult.results": "the dry run scores the submitted form alone",
}

APPLICATION = """score grade evaluation { total grade lines }
  criterionResults { criterionId points outcome rule values } reviews { reviewer judgments { points } } events { details }"""
PATHS = (  # one document each: together they reach an application by every route the schema offers
    f"query($id: ID!) {{ application(id: $id) {{ {APPLICATION} }} }}",
    f"query($id: ID!) {{ node(id: $id) {{ ... on Application {{ {APPLICATION} }} }} }}",
    f"{{ applications(first: 2) {{ edges {{ node {{ {APPLICATION} }} }} }} }}",
    f"query($inst: ID!) {{ institution(id: $inst) {{ applications {{ {APPLICATION} }} }} }}",
    f'{{ ranking(schemeId: "toy", roundId: "2026", first: 2) {{ rank score application {{ {APPLICATION} }} }} }}',
)


async def _every_path(gql, variables: dict, token: str) -> dict:
    answers = {}
    for document in PATHS:
        answers |= await gql(
            document, {k: v for k, v in variables.items() if f"${k}:" in document}, token=token
        )
    return answers


def _score_bearing() -> set[str]:
    found = set()
    for name, type_ in SCHEMA.type_map.items():
        if not isinstance(type_, GraphQLObjectType) or name.startswith("__"):
            continue
        for field_name, field in type_.fields.items():
            if field_name in SCORE_FIELDS or get_named_type(field.type).name in SCORE_TYPES:
                found.add(f"{name}.{field_name}")
    return found


@pytest.mark.fast
def test_every_score_bearing_field_of_the_schema_is_blinded_and_listed():
    assert _score_bearing() == set(COVERED)


@pytest.mark.fast
async def test_an_expert_who_has_not_scored_sees_no_score_by_any_path_until_they_score(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    apps = [
        ok(
            await submit(
                gql,
                ok(
                    await create(
                        gql, inst["id"], "toy", {"trainees": 150}, occupations=[o], roundId="2026"
                    )
                ),
            )
        )
        for o in ("A", "B")
    ]
    one = await user(gql, "expert.one", "expert", areas=("330100",), scheme="toy")
    two = await user(gql, "expert.two", "expert", areas=("330100",), scheme="toy")
    city = await user(gql, "city.chair", "city_reviewer", areas=("330100",))
    first, second = [
        ok(
            await act(
                gql,
                app,
                "score",
                role="expert",
                actor="expert.one",
                judgments=[{"criterionId": "quality", "points": p}],
            )
        )
        for app, p in zip(apps, (7.25, 6.75))
    ]
    assert (first["score"], second["score"]) == (7.25, 6.75)
    variables = {"id": first["id"], "inst": inst["id"]}

    blind = json.dumps(await _every_path(gql, variables, two), ensure_ascii=False)
    assert "7.25" not in blind and "6.75" not in blind
    assert json.loads(blind)["ranking"] == []
    for path in ("application", "node"):
        assert json.loads(blind)[path]["score"] is None

    chair = await _every_path(gql, variables, city)
    assert [(r["rank"], r["score"]) for r in chair["ranking"]] == [(1, 7.25), (2, 6.75)]
    assert "7.25" in json.dumps(
        await _every_path(gql, variables, one)
    )  # the scorer's own view is not blind

    await gql(
        "mutation($input: ActOnApplicationInput!) { actOnApplication(input: $input) { errors { code } } }",
        {
            "input": {
                "id": second["id"],
                "expectedVersion": second["version"],
                "action": "score",
                "judgments": [{"criterionId": "quality", "points": 8.75}],
            }
        },
        token=two,
    )
    after = await _every_path(gql, variables, two)
    assert [(r["rank"], r["score"]) for r in after["ranking"]] == [
        (1, 7.75)
    ]  # mean of 6.75 and 8.75; the other still blind
    assert "7.25" not in json.dumps(after)
