"""Every moment the API gives carries its time zone, on SQLite as on PostgreSQL: SQLite stores
timestamps without one, and a client must never have to guess (issue 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import toy_plugin
from tests.support.helpers import create, ok, register, submit

MOMENTS = (
    """query($id: ID!) { application(id: $id) { submittedAt createdAt updatedAt events { at } } }"""
)


@pytest.mark.fast
async def test_moments_are_given_in_utc_with_their_offset_on_every_engine(client_for):
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
    shown = (await gql(MOMENTS, {"id": app["id"]}))["application"]
    audit = (await gql("{ auditLog(first: 5) { edges { node { at } } } }", role="auditor"))[
        "auditLog"
    ]["edges"]
    moments = [
        shown["submittedAt"],
        shown["createdAt"],
        shown["updatedAt"],
        *(e["at"] for e in shown["events"]),
        *(e["node"]["at"] for e in audit),
    ]
    assert len(moments) >= 5
    for text in moments:
        moment = dt.datetime.fromisoformat(text)
        assert moment.utcoffset() == dt.timedelta(0), text
