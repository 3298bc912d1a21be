"""Transitions refuse what the workflow does not allow and leave the application unchanged."""

from __future__ import annotations

import pytest

from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit


async def _submitted(gql, trainees: int = 150) -> dict:
    inst = await register(gql)
    app = ok(
        await create(
            gql, inst["id"], "toy", {"trainees": trainees}, occupations=["A"], roundId="2026"
        )
    )
    return ok(await submit(gql, app))


async def _unchanged(gql, app: dict) -> None:
    now = (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]
    assert (now["stageId"], now["version"]) == (app["stageId"], app["version"])


async def test_skipping_a_stage_is_refused_naming_the_allowed_actions(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    refused = await act(gql, app, "grant", role="city_reviewer")
    assert codes(refused) == ["TRANSITION_NOT_ALLOWED"]
    assert refused["errors"][0]["field"] == ["input", "action"]
    assert (
        "approve" in refused["errors"][0]["message"]
        and "市级审核" in refused["errors"][0]["message"]
    )
    await _unchanged(gql, app)


@pytest.mark.fast
async def test_wrong_role_and_stale_version_are_refused(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    by_applicant = await act(gql, app, "approve", role="applicant")
    assert codes(by_applicant) == ["ROLE_NOT_ALLOWED"]
    # roles are named as people know them, never by their ids (district_reviewer, applicant)
    message = by_applicant["errors"][0]["message"]
    assert "当前角色为 申报机构" in message and "applicant" not in message, message
    stale = dict(app, version=app["version"] - 1)
    # who may act is answered before the version: a wrong role reads its own refusal, not "stale"
    assert codes(await act(gql, stale, "approve", role="applicant")) == ["ROLE_NOT_ALLOWED"]
    assert codes(
        await act(
            gql,
            stale,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    ) == ["STALE_VERSION"]
    await _unchanged(gql, app)


async def test_judgment_gate_must_be_decided_and_passed(client_for):
    gql = await client_for([toy_plugin])
    app = await panel_scored(gql, await _submitted(gql))
    missing = await act(gql, app, "approve", role="city_reviewer")
    assert codes(missing) == ["JUDGMENT_MISSING"] and missing["errors"][0]["field"] == [
        "judgments",
        "teachers",
    ]
    failed = await act(
        gql,
        app,
        "approve",
        role="city_reviewer",
        judgments=[{"criterionId": "teachers", "passed": False}],
    )
    assert codes(failed) == ["CRITERION_NOT_MET"]
    await _unchanged(gql, app)
    passed = ok(
        await act(
            gql,
            app,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    assert passed["stageId"] == "notice"
    teachers = next(r for r in passed["criterionResults"] if r["criterionId"] == "teachers")
    assert teachers["outcome"] == "PASS" and "评审判定" in teachers["rule"]


async def test_scores_are_bounded_and_averaged_over_experts(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    over = await act(
        gql, app, "score", role="expert", judgments=[{"criterionId": "quality", "points": 10.5}]
    )
    assert codes(over) == ["SCORE_OUT_OF_RANGE"] and over["errors"][0]["field"] == [
        "input",
        "judgments",
        "0",
        "points",
    ]
    assert codes(
        await act(
            gql,
            app,
            "score",
            role="expert",
            judgments=[{"criterionId": "trainees", "passed": True}],
        )
    ) == ["INVALID"]
    await _unchanged(gql, app)
    quality = lambda app: next(
        (r["outcome"], r["points"])
        for r in app["criterionResults"]
        if r["criterionId"] == "quality"
    )
    assert quality(app) == ("PENDING", None)
    app = ok(
        await act(
            gql,
            app,
            "score",
            role="expert",
            actor="expert-a",
            judgments=[{"criterionId": "quality", "points": 10}],
        )
    )
    app = ok(
        await act(
            gql,
            app,
            "score",
            role="expert",
            actor="expert-b",
            judgments=[{"criterionId": "quality", "points": 7}],
        )
    )
    assert app["stageId"] == "review" and app["score"] == 8.5
    assert app["evaluation"]["total"] == 8.5 and app["evaluation"]["maximum"] == 10
    assert quality(app) == ("SCORED", 8.5)  # typed: the panel's mean, not only a line of text


async def test_ineligible_submission_names_the_field_and_changes_nothing(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(await create(gql, inst["id"], "toy", {"trainees": 99}, roundId="2026"))
    refused = await submit(gql, app)
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert (
        refused["errors"][0]["field"] == ["form", "trainees"]
        and "100人以上" in refused["errors"][0]["message"]
    )
    await _unchanged(gql, app)
    edited = ok(
        (
            await gql(
                doc.EDIT,
                {
                    "input": {
                        "id": app["id"],
                        "expectedVersion": app["version"],
                        "form": {"trainees": 100},
                    }
                },
                role="applicant",
            )
        )["editApplication"]
    )
    assert ok(await submit(gql, edited))["stageId"] == "review"


async def test_submission_after_the_round_closed_names_the_deadline(client_for):
    gql = await client_for([toy_plugin], today="2026-07-01")
    inst = await register(gql)
    app = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
    refused = await submit(gql, app)
    assert codes(refused) == ["ROUND_CLOSED"] and "2026-06-30" in refused["errors"][0]["message"]


@pytest.mark.fast
async def test_every_change_is_in_the_event_log_with_before_and_after(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    events = (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]["events"]
    assert [e["action"] for e in events] == ["application.created", "application.transitioned"]
    assert events[1]["before"]["stage"] == "draft" and events[1]["after"]["stage"] == "review"
    assert events[1]["actor"] == "tester" and events[1]["role"] == "applicant"


async def test_dry_run_stores_nothing(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    query = """query($input: DryRunInput!) { evaluate(input: $input) {
        eligible results { criterionId outcome values } errors { field code } } }"""
    result = (
        await gql(
            query,
            {"input": {"institutionId": inst["id"], "schemeId": "toy", "form": {"trainees": 99}}},
        )
    )["evaluate"]
    assert result["eligible"] is False
    assert result["results"][0] == {
        "criterionId": "trainees",
        "outcome": "FAIL",
        "values": {"actual": 99, "threshold": 100},
    }
    bad = (
        await gql(
            query,
            {"input": {"institutionId": inst["id"], "schemeId": "toy", "form": {"trainees": -1}}},
        )
    )["evaluate"]
    assert bad["errors"][0]["field"] == ["input", "form", "trainees"]
    counts = await gql(doc.COUNTS)
    assert counts["applications"]["totalCount"] == 0


async def test_node_resolves_global_ids_of_every_type(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    query = """query($id: ID!) { node(id: $id) { __typename ... on Application { stageId institution { id } } } }"""
    node = (await gql(query, {"id": app["id"]}))["node"]
    assert node["__typename"] == "Application" and node["stageId"] == "review"
    inst = (
        await gql(
            query.replace("Application { stageId institution { id } }", "Institution { name }"),
            {"id": node["institution"]["id"]},
        )
    )["node"]
    assert inst["__typename"] == "Institution"
    wrong_type = await gql(
        """query($id: ID!) { application(id: $id) { id } }""", {"id": node["institution"]["id"]}
    )
    assert (
        wrong_type["application"] is None
    )  # an ID of another type reads as one that does not exist


async def test_ranking_orders_a_round_by_score_and_keeps_ties(client_for):
    gql = await client_for([toy_plugin])
    for n, points in enumerate((6, 9, 6, 3)):
        inst = await register(gql, name=f"杭州排名{n}有限公司")
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
        app = ok(await submit(gql, app))
        ok(
            await act(
                gql,
                app,
                "score",
                role="expert",
                judgments=[{"criterionId": "quality", "points": points}],
            )
        )
    query = """{ ranking(schemeId: "toy", roundId: "2026") { rank score application { institution { name } } } }"""
    ranking = (await gql(query))["ranking"]
    assert [(r["rank"], r["score"]) for r in ranking] == [(1, 9), (2, 6), (2, 6), (4, 3)]


async def test_evaluating_before_the_scheme_is_in_force_is_refused(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    query = """query($input: DryRunInput!) { evaluate(input: $input) { eligible errors { code message } } }"""
    result = (
        await gql(
            query,
            {
                "input": {
                    "institutionId": inst["id"],
                    "schemeId": "toy",
                    "form": {"trainees": 150},
                    "on": "2019-12-31",
                }
            },
        )
    )["evaluate"]
    assert [e["code"] for e in result["errors"]] == ["NOT_IN_FORCE"] and "2020-01-01" in result[
        "errors"
    ][0]["message"]


async def test_a_recognition_names_the_application_that_granted_it_by_global_id(client_for):
    gql = await client_for([toy_plugin])
    app = await _submitted(gql)
    app = ok(
        await act(
            gql,
            await panel_scored(gql, app),
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    ok(await act(gql, app, "grant", role="city_reviewer"))
    held = (await gql("{ recognitions(first: 1) { edges { node { grantedByApplication } } } }"))[
        "recognitions"
    ]["edges"]
    assert held[0]["node"]["grantedByApplication"] == app["id"]
