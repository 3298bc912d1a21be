"""A page of applications with nested institution, results, reviews and the actions the caller may
take costs a fixed number of SQL statements, whatever the page size (no N+1)."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.support import toy_plugin
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
    gql = await client_for([toy_plugin])
    for n in range(12):
        inst = await register(gql, name=f"杭州统计{n}有限公司")
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 120 + n}, occupations=["Z"], roundId="2026"))
        app = ok(await submit(gql, app))
        ok(await act(gql, app, "score", role="expert", actor=f"expert{n}", judgments=[{"criterionId": "quality", "points": 7}]))

    reviewer = await user(gql, "city.count", "city_reviewer", areas=("330100",))  # conflicts are read for an account
    small, large = await _statements(gql, 2, reviewer), await _statements(gql, 12, reviewer)
    assert small == large, f"page of 2 ran {small} statements, page of 12 ran {large}"
    assert large <= 17, large  # the page's 13 (conflicts and moves for the actions included), authentication's 4
