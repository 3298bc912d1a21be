"""A page of applications with nested institution, results, reviews and the actions the caller may
take costs a fixed number of SQL statements, whatever the page size (no N+1)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.support import toy_plugin
from tests.support.documents import CREATE
from tests.support.helpers import act, create, ok, register, submit
from tests.support.identity import user

PAGE = """
query($first: Int!) {
  applications(first: $first) {
    totalCount
    edges { node {
      id stageId score
      institution { name cityName recognitions { status } }
      evaluation { pluginVersion total }
      criterionResults { criterionId outcome values }
      reviews { reviewer judgments { criterionId points } }
      events { action }
      availableActions { id allowed reasonCode judgments { criterionId maxPoints } minimumTimeInStage { workingDays } }
    } }
  }
}"""


async def _statements(gql, first: int, token: str) -> int:
    count = 0

    def on_execute(*_args):
        nonlocal count
        count += 1

    engine = gql.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        data = await gql(PAGE, {"first": first}, token=token)
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert len(data["applications"]["edges"]) == first
    return count


@pytest.mark.fast
async def test_statements_do_not_grow_with_page_size(client_for):
    gql = await client_for(
        [toy_plugin], budget_sync_s=0
    )  # no background budget synchronisation among the counted statements
    for n in range(12):
        inst = await register(gql, name=f"杭州统计{n}有限公司")
        app = ok(
            await create(
                gql, inst["id"], "toy", {"trainees": 120 + n}, occupations=["Z"], roundId="2026"
            )
        )
        app = ok(await submit(gql, app))
        ok(
            await act(
                gql,
                app,
                "score",
                role="expert",
                actor=f"expert{n}",
                judgments=[{"criterionId": "quality", "points": 7}],
            )
        )

    reviewer = await user(
        gql, "city.count", "city_reviewer", areas=("330100",)
    )  # conflicts are read for an account
    small, large = await _statements(gql, 2, reviewer), await _statements(gql, 12, reviewer)
    assert small == large, f"page of 2 ran {small} statements, page of 12 ran {large}"
    assert large <= 14, (
        large
    )  # the page's 13 (conflicts and moves for the actions included), authentication's 1


async def test_an_evaluation_stores_its_criterion_results_in_one_statement(client_for):
    gql = await client_for(
        [toy_plugin], budget_sync_s=0
    )  # no background budget synchronisation among the counted statements
    inst = await register(gql, name="杭州批量写入有限公司")
    inserts = {"evaluations": 0, "criterion_results": 0}

    def on_execute(_conn, _cursor, statement, *_rest):
        for table in inserts:
            inserts[table] += statement.startswith(f"INSERT INTO {table} ")

    engine = gql.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        app = ok(
            await create(
                gql, inst["id"], "toy", {"trainees": 120}, occupations=["Z"], roundId="2026"
            )
        )
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert len(app["criterionResults"]) == 3
    assert inserts["evaluations"] >= 1
    assert inserts["criterion_results"] == inserts["evaluations"], inserts


class _Pool:
    """Connections taken from the pool, statements run, and the most connections held at once."""

    def __init__(self, engine) -> None:
        self.engine, self.checkouts, self.statements, self.held, self.most_held = (
            engine.sync_engine,
            0,
            0,
            0,
            0,
        )

    def _checkout(self, *_args) -> None:
        self.checkouts, self.held = self.checkouts + 1, self.held + 1
        self.most_held = max(self.most_held, self.held)

    def _checkin(self, *_args) -> None:
        self.held -= 1

    def _statement(self, _conn, _cursor, statement: str, *_args) -> None:
        self.statements += not statement.startswith(
            "BEGIN"
        )  # SQLite's explicit BEGIN (core.db.engine)

    def __enter__(self) -> _Pool:
        for name, handler in self._events():
            event.listen(self.engine, name, handler)
        return self

    def __exit__(self, *_exc) -> None:
        for name, handler in self._events():
            event.remove(self.engine, name, handler)

    def _events(self):
        return (
            ("checkout", self._checkout),
            ("checkin", self._checkin),
            ("before_cursor_execute", self._statement),
        )


async def test_a_token_is_checked_in_one_statement_on_the_connection_that_serves_the_request(
    client_for,
):
    gql = await client_for(
        [toy_plugin], budget_sync_s=0
    )  # no background budget synchronisation among the counted statements
    token = await user(gql, "city.zhao", "city_reviewer", areas=("330100",))
    with _Pool(gql.platform.engine) as pool:
        assert (await gql("{ me { username } }", token=token))["me"] == {"username": "city.zhao"}
    assert (pool.checkouts, pool.statements) == (1, 1)
    inst = await register(gql, name="杭州连接计数有限公司")
    ok(await create(gql, inst["id"], "toy", {"trainees": 120}, occupations=["Z"], roundId="2026"))
    with _Pool(gql.platform.engine) as pool:
        assert len((await gql(PAGE, {"first": 1}, token=token))["applications"]["edges"]) == 1
    assert pool.checkouts == 1


async def test_a_mutation_never_holds_a_read_connection_while_it_writes(client_for):
    gql = await client_for(
        [toy_plugin], budget_sync_s=0
    )  # no background budget synchronisation among the counted statements
    inst = await register(gql, name="杭州写入连接有限公司")
    token = await user(gql, "peixun.co", "applicant", credit_codes=(inst["creditCode"],))
    draft = {
        "institutionId": inst["id"],
        "schemeId": "toy",
        "kind": "recognition",
        "form": {"trainees": 120},
        "occupations": ["Z"],
        "roundId": "2026",
    }
    with _Pool(gql.platform.engine) as pool:
        ok((await gql(CREATE, {"input": draft}, token=token))["createApplication"])
    assert pool.most_held == 1
