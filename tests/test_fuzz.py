"""Schema-driven fuzzing: hypothesis-graphql writes queries and mutations from ``schema.graphql``
(valid ones, and ones with a schema violation), sent as every role to the app holding the demo
data. No request may end in a server error, and no error may carry a stack trace, SQL or a path.

In process, through development headers, on SQLite: every root field, as every role.
``tests/test_fuzz_http.py`` runs the same over real HTTP with real tokens, with hostile variables
too, on both engines."""

from __future__ import annotations

import asyncio
import shutil

import httpx
import pytest
from graphql import is_non_null_type, is_scalar_type
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from core.api.app import create_app
from core.demo import load_demo
from core.roles import Role
from tests.conftest import make_platform
from tests.support.fuzzing import ROOT_FIELDS, SCALARS, SCHEMA, check

CASES = 200  # per query and mutation: half valid, half violating the schema where the field has arguments to violate


def violable(field) -> bool:
    """hypothesis-graphql violates required arguments and built-in scalars, not an optional input object's fields."""
    return any(is_non_null_type(a.type) or is_scalar_type(a.type) for a in field.args.values())


FIELD_MODES = [
    (name, field, mode)
    for name, field in ROOT_FIELDS
    for mode in (Mode.POSITIVE, Mode.NEGATIVE)
    if violable(field) or mode is Mode.POSITIVE
]
FAST = next(index for index, (_, _, mode) in enumerate(FIELD_MODES) if mode is Mode.NEGATIVE)
RUNS = [
    pytest.param(
        name,
        mode,
        CASES // 2 if violable(field) else CASES,
        id=f"{name}-{mode.name.lower()}",
        marks=pytest.mark.fast if index == FAST else (),
    )  # the first violating run is in the edit-test loop
    for index, (name, field, mode) in enumerate(FIELD_MODES)
]


@pytest.fixture(scope="module")
def served(migrated_template, tmp_path_factory):
    """The app on an SQLite copy holding every plugin's demo data, with its own event loop."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    shutil.copy(migrated_template, path)
    loop = asyncio.new_event_loop()
    platform = make_platform(f"sqlite+aiosqlite:///{path}", [], load_entrypoints=True)
    loop.run_until_complete(load_demo(platform))
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(platform)), base_url="http://fuzz"
    )
    yield loop, client
    loop.run_until_complete(client.aclose())
    loop.run_until_complete(platform.close())
    loop.close()


@pytest.mark.parametrize("name, mode, examples", RUNS)
def test_generated_operations_never_cause_a_server_error(served, name, mode, examples):
    loop, client = served
    strategy = from_schema(SCHEMA, fields=[name], custom_scalars=SCALARS, mode=mode, allow_x00=True)

    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(query=strategy, role=st.sampled_from([r.value for r in Role]))
    def run(query: str, role: str) -> None:
        response = loop.run_until_complete(
            client.post(
                "/graphql",
                json={"query": query},
                headers={"X-Accredit-Role": role, "X-Accredit-Actor": f"fuzz-{role}"},
            )
        )
        check(response.status_code, response.text, query)

    run()
