"""A reviewer's work queue through the public API: ``applications(filter: {awaitingRole})`` lists
the applications whose current stage waits on that role, within the area the caller sees, each
with the time it entered that stage (toy scheme: drafts wait on the applicant, the review and the
notice on the city reviewer)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, panel_scored, register, submit
from tests.support.identity import user

QUEUE = """query($f: ApplicationFilter) { applications(filter: $f, first: 20) {
  totalCount edges { node { id stage { id role } stageEnteredAt submittedAt } } } }"""


def _beijing(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(
        dt.timezone(dt.timedelta(hours=8))
    )


async def _queue(gql, filter: dict, **caller) -> list[dict]:
    return [e["node"] for e in (await gql(QUEUE, {"f": filter}, **caller))["applications"]["edges"]]


@pytest.mark.fast
async def test_the_queue_holds_what_waits_on_the_role_in_the_callers_area(client_for):
    gql = await client_for([toy_plugin])
    xihu, linan = (
        await register(gql, division="330106"),
        await register(gql, name="杭州临安示例培训学校", division="330112"),
    )
    draft = ok(await create(gql, xihu["id"], "toy", {"trainees": 150}, roundId="2026"))
    waiting = ok(
        await submit(
            gql, ok(await create(gql, xihu["id"], "toy", {"trainees": 150}, roundId="2026"))
        )
    )
    elsewhere = ok(
        await submit(
            gql, ok(await create(gql, linan["id"], "toy", {"trainees": 150}, roundId="2026"))
        )
    )
    ok(
        await act(
            gql,
            ok(
                await submit(
                    gql, ok(await create(gql, xihu["id"], "toy", {"trainees": 150}, roundId="2026"))
                )
            ),
            "reject",
            role="city_reviewer",
            comment="材料不实",
        )
    )
    noticed = ok(
        await act(
            gql,
            await panel_scored(
                gql,
                ok(
                    await submit(
                        gql,
                        ok(await create(gql, xihu["id"], "toy", {"trainees": 150}, roundId="2026")),
                    )
                ),
            ),
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )

    city = await _queue(gql, {"awaitingRole": "CITY_REVIEWER"})
    assert [a["id"] for a in city] == [
        waiting["id"],
        elsewhere["id"],
        noticed["id"],
    ]  # oldest first; not the rejected one
    assert {a["stage"]["role"] for a in city} == {"CITY_REVIEWER"}
    assert [a["id"] for a in await _queue(gql, {"awaitingRole": "APPLICANT"})] == [draft["id"]]
    assert (
        await _queue(gql, {"awaitingRole": "EXPERT"}) == []
    )  # the panel scores at the review, the city reviewer decides
    assert [
        a["id"] for a in await _queue(gql, {"awaitingRole": "CITY_REVIEWER", "stage": "notice"})
    ] == [noticed["id"]]

    # A reviewer whose area is 西湖区 sees only what was filed there.
    token = await user(gql, "xihu.reviewer", "city_reviewer", areas=("330106",))
    assert [a["id"] for a in await _queue(gql, {"awaitingRole": "CITY_REVIEWER"}, token=token)] == [
        waiting["id"],
        noticed["id"],
    ]

    [entered] = [a for a in city if a["id"] == noticed["id"]]
    moved = _beijing(entered["stageEnteredAt"])
    assert moved > _beijing(entered["submittedAt"]) and moved.date() == dt.date(
        2026, 3, 2
    )  # the notice, on the pinned day
