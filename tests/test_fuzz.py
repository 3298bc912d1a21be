"""Schema-driven fuzzing: hypothesis-graphql writes queries and mutations from ``schema.graphql``
(valid ones, and ones with a schema violation), sent as every role to the app holding the demo
data. No request may end in a server error, and no error may carry a stack trace, SQL or a path.

SQLite only: the properties are about the API layer, which both engines share (each engine's own
behaviour is covered by the rest of the suite)."""
from __future__ import annotations

import asyncio
import base64
import json
import shutil
from pathlib import Path

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from core.api.app import create_app
from core.demo import load_demo
from core.roles import Role
from tests.conftest import make_platform

SDL = (Path(__file__).parents[1] / "schema.graphql").read_text(encoding="utf-8")
SCHEMA = graphql.build_schema(SDL)
CASES = 200  # per query and mutation: half valid, half violating the schema where the field has arguments to violate
ROOT_FIELDS = [(name, field) for root in (SCHEMA.query_type, SCHEMA.mutation_type) for name, field in root.fields.items()]
RUNS = [pytest.param(name, mode, CASES // 2 if field.args else CASES, id=f"{name}-{mode.name.lower()}")
        for name, field in ROOT_FIELDS for mode in (Mode.POSITIVE, Mode.NEGATIVE) if field.args or mode is Mode.POSITIVE]
LEAKS = ("Traceback", "File \"", "sqlalchemy", "SELECT ", "INSERT ", "asyncpg", "sqlite3", ".py", "/work/", "site-packages")


def _string(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def _ids() -> st.SearchStrategy:
    """Global IDs of objects that exist, of ones that do not, and garbage."""
    real = st.sampled_from([f"{t}:{n}" for t in ("Institution", "Application", "Recognition", "Nothing") for n in (1, 2, 3, 99999, -1)])
    encoded = real.map(lambda raw: base64.b64encode(raw.encode()).decode())
    return st.one_of(encoded, st.text(max_size=30)).map(_string)


def _json_value() -> st.SearchStrategy:
    leaves = st.one_of(st.integers(-10**6, 10**6).map(lambda i: graphql.IntValueNode(value=str(i))),
                       st.text(max_size=20).map(_string), st.booleans().map(lambda b: graphql.BooleanValueNode(value=b)),
                       st.just(graphql.NullValueNode()))
    return st.recursive(leaves, lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: graphql.ListValueNode(values=tuple(items))),
        st.dictionaries(st.sampled_from(["trainees", "staff", "id_number", "name", "phone", "x"]), inner, max_size=4).map(
            lambda d: graphql.ObjectValueNode(fields=tuple(
                graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v) for k, v in d.items())))), max_leaves=12)


SCALARS = {
    "JSON": _json_value(),
    "Date": st.one_of(st.dates().map(lambda d: _string(d.isoformat())), st.text(max_size=12).map(_string)),
    "DateTime": st.one_of(st.datetimes().map(lambda d: _string(d.isoformat())), st.text(max_size=12).map(_string)),
    "ID": _ids(),
}


@pytest.fixture(scope="module")
def served(migrated_template, tmp_path_factory):
    """The app on an SQLite copy holding every plugin's demo data, with its own event loop."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    shutil.copy(migrated_template, path)
    loop = asyncio.new_event_loop()
    platform = make_platform(f"sqlite+aiosqlite:///{path}", [], load_entrypoints=True)
    loop.run_until_complete(load_demo(platform))
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(platform)), base_url="http://fuzz")
    yield loop, client
    loop.run_until_complete(client.aclose())
    loop.run_until_complete(platform.close())
    loop.close()


def _check(status: int, text: str, query: str) -> None:
    assert status in (200, 413), f"HTTP {status} for {query!r}: {text[:500]}"
    body = json.loads(text)
    for error in body.get("errors") or ():
        message = error.get("message", "")
        assert "internal error" not in message, f"server error for {query!r}"
        assert not any(leak in message for leak in LEAKS), f"unmasked error {message!r} for {query!r}"
        assert "stacktrace" not in json.dumps(error.get("extensions") or {}), error


@pytest.mark.parametrize("name, mode, examples", RUNS)
def test_generated_operations_never_cause_a_server_error(served, name, mode, examples):
    loop, client = served
    strategy = from_schema(SCHEMA, fields=[name], custom_scalars=SCALARS, mode=mode, allow_x00=True)

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(query=strategy, role=st.sampled_from([r.value for r in Role]))
    def run(query: str, role: str) -> None:
        response = loop.run_until_complete(client.post(
            "/graphql", json={"query": query}, headers={"X-Accredit-Role": role, "X-Accredit-Actor": f"fuzz-{role}"}))
        _check(response.status_code, response.text, query)

    run()
