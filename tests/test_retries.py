"""Writes are safe to retry: a replayed act has one effect; transient database failures are retried."""

from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from core.db import models
from core.errors import ErrorCode, Refused
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit
from tests.support.identity import LOGIN, add_user
from tests.support.scrape import scrape, value


@pytest.mark.fast
async def test_replaying_a_grant_ten_times_gives_one_grant_and_one_entry(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(
        await create(gql, inst["id"], "toy", {"trainees": 150}, occupations=["R"], roundId="2026")
    )
    app = await panel_scored(gql, ok(await submit(gql, app)))
    notice = ok(
        await act(
            gql,
            app,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    results = [
        await act(gql, notice, "grant", role="city_reviewer", actor="city") for _ in range(10)
    ]
    assert all(r["errors"] == [] for r in results)
    assert {r["application"]["version"] for r in results} == {notice["version"] + 1}
    assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 1
    async with gql.platform.reading() as session:
        actions = list(
            await session.scalars(
                select(models.Event.action).where(
                    models.Event.application_id == int(app["databaseId"])
                )
            )
        )
    assert (
        actions.count("recognition.granted") == 1 and actions.count("application.transitioned") == 4
    )
    usage = await gql(doc.QUOTA, {"scheme": "toy", "occupation": "R", "city": "330100"})
    assert usage["quotaUsage"][0]["used"] == 1
    # another actor, or another action, on the old version is still refused as stale
    assert codes(await act(gql, notice, "grant", role="city_reviewer", actor="someone-else")) == [
        "STALE_VERSION"
    ]


class _Transient(Exception):
    sqlstate = "40001"


async def test_transient_failures_are_retried_then_reported(client_for):
    gql = await client_for([toy_plugin])
    before, calls = await scrape(gql), []

    async def flaky(session):
        calls.append(1)
        if len(calls) < 3:
            raise DBAPIError("UPDATE …", {}, _Transient("could not serialize access"))
        return "done"

    assert await gql.platform.transaction(flaky) == "done" and len(calls) == 3

    async def always(session):
        raise DBAPIError("UPDATE …", {}, _Transient("could not serialize access"))

    with pytest.raises(Refused) as busy:
        await gql.platform.transaction(always)
    assert busy.value.errors[0].code is ErrorCode.DATABASE_BUSY
    after = await scrape(gql)  # counted on /metrics: 2 retries, then 3 more and the refusal
    assert (
        value(after, "accredit_write_retries_total") - value(before, "accredit_write_retries_total")
        == 5
    )
    assert (
        value(after, "accredit_database_busy_total") - value(before, "accredit_database_busy_total")
        == 1
    )

    async def broken(session):
        calls.append(1)
        raise DBAPIError("SELECT …", {}, Exception("syntax error"))

    calls.clear()
    with pytest.raises(DBAPIError):
        await gql.platform.transaction(broken)
    assert len(calls) == 1  # anything else is not retried


async def test_a_write_that_gets_no_connection_in_time_is_refused_as_busy(client_for, monkeypatch):
    gql = await client_for([toy_plugin])
    inst = await register(gql)

    @contextlib.asynccontextmanager
    async def pool_exhausted(_engine):
        raise PoolTimeout("QueuePool limit of size 5 overflow 10 reached, connection timed out")
        yield

    monkeypatch.setattr("core.platform.write_session", pool_exhausted)
    refused = await create(
        gql, inst["id"], "toy", {"trainees": 150}, occupations=["R"], roundId="2026"
    )
    monkeypatch.undo()
    assert codes(refused) == ["DATABASE_BUSY"] and "请稍后重试" in refused["errors"][0]["message"]
    assert (await gql("{ applications(first: 1) { totalCount } }"))["applications"][
        "totalCount"
    ] == 0


async def test_a_lock_whose_write_is_retried_is_counted_once(client_for, monkeypatch):
    gql = await client_for([toy_plugin], login_max_failures=2)
    await add_user(gql.platform, "city.he", "city_reviewer", areas=("330100",))
    transaction, retried = gql.platform.transaction, []

    async def retried_once(operation):
        async def then_conflict(session):
            result = await operation(session)
            if not retried:  # the first run is rolled back and run again
                retried.append(1)
                raise DBAPIError("UPDATE …", {}, _Transient("could not serialize access"))
            return result

        return await transaction(then_conflict)

    before = await scrape(gql)
    assert codes((await gql(LOGIN, {"u": "city.he", "p": "wrong 1"}))["login"]) == [
        "INVALID_CREDENTIALS"
    ]
    monkeypatch.setattr(gql.platform, "transaction", retried_once)
    assert codes((await gql(LOGIN, {"u": "city.he", "p": "wrong 2"}))["login"]) == [
        "INVALID_CREDENTIALS"
    ]
    after = await scrape(gql)
    assert retried == [1]
    assert (
        value(after, "accredit_account_lockouts_total")
        - value(before, "accredit_account_lockouts_total")
        == 1
    )
