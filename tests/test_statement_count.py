"""A page of applications with nested institution, results and reviews costs a fixed number of
SQL statements, whatever the page size (no N+1)."""
from __future__ import annotations

from sqlalchemy import event

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, register, submit

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
    } }
  }
}"""


async def _statements(gql, first: int) -> int:
    count = 0

    def on_execute(*_args):
        nonlocal count
        count += 1

    engine = gql.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        data = await gql(PAGE, {"first": first})
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert len(data["applications"]["edges"]) == first
    return count


async def test_statements_do_not_grow_with_page_size(client_for):
    gql = await client_for([toy_plugin])
    for n in range(12):
        inst = await register(gql, name=f"杭州统计{n}有限公司")
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 120 + n}, occupations=["Z"], roundId="2026"))
        app = ok(await submit(gql, app))
        ok(await act(gql, app, "score", role="expert", actor=f"expert{n}", judgments=[{"criterionId": "quality", "points": 7}]))

    small, large = await _statements(gql, 2), await _statements(gql, 12)
    assert small == large, f"page of 2 ran {small} statements, page of 12 ran {large}"
    assert large <= 12


async def test_an_evaluation_stores_its_criterion_results_in_one_statement(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql, name="杭州批量写入有限公司")
    inserts = {"evaluations": 0, "criterion_results": 0}

    def on_execute(_conn, _cursor, statement, *_rest):
        for table in inserts:
            inserts[table] += statement.startswith(f"INSERT INTO {table} ")

    engine = gql.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 120}, occupations=["Z"], roundId="2026"))
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert len(app["criterionResults"]) == 3
    assert inserts["evaluations"] >= 1
    assert inserts["criterion_results"] == inserts["evaluations"], inserts
