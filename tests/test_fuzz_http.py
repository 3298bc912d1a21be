"""The fuzz over real HTTP: a uvicorn server process on each engine, holding every plugin's demo
data, called with real login tokens of a few roles (and anonymously), no development headers.

Two runs per engine: hypothesis-graphql's documents (valid and violating the schema, literals
included: ``1e999``, NUL escapes, raw surrogates in strings); and every root field with its
arguments passed as variables drawn from their types with hostile values (lone surrogates, NUL,
``NaN``/``Infinity``/``1e999``, integers beyond 64 bits, JSON nested deeper than any form, and the
plugins' worked-example forms with one value so replaced). Every answer is HTTP 200, or 400/413
with a coded error, reads as standard JSON, and carries no internal error or leak; the server logs
no traceback."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema
from sqlalchemy import make_url, select

from core.db import models
from core.demo import load_demo
from core.plugins import get_plugin_manager
from tests.conftest import ENGINES, POSTGRES_URL, TEST_SECRET, make_platform, pg_admin, pg_name
from tests.support import fuzzing as fz
from tests.support.identity import LOGIN, PASSWORD, add_user
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = 60  # per run of hypothesis-graphql documents, per engine
HOSTILE = 150  # hostile-variable operations per engine
ACCOUNTS = {
    "applicant": {},
    "city_reviewer": {"areas": ("330100",)},
    "expert": {"areas": ("330100",)},
    "auditor": {"areas": ("330000",)},
}


def _examples() -> tuple[list[str], list[str], list[str], list[dict]]:
    """Scheme ids, kinds, rounds and forms of the plugins' worked examples."""
    pm = get_plugin_manager(load_entrypoints=True)
    found = [
        (s.id, e)
        for schemes in pm.hook.accredit_schemes()
        for s in schemes
        for examples in pm.hook.accredit_examples(scheme=s)
        for e in examples or ()
    ]
    return (
        sorted({s for s, _ in found}),
        sorted({e.kind for _, e in found}),
        sorted({e.round_id for _, e in found if e.round_id}),
        [e.form for _, e in found if e.form],
    )


SCHEMES, KINDS, ROUNDS, FORMS = _examples()
BY_NAME = {
    "schemeId": st.sampled_from(SCHEMES) | fz.TEXT,
    "kind": st.sampled_from(KINDS) | fz.TEXT,
    "roundId": st.sampled_from(ROUNDS) | fz.TEXT,
    "first": st.integers(1, 100) | fz.INT,
    "form": st.sampled_from(FORMS).flatmap(fz.mutated) | fz.JSON,
}


def _value(type_, name: str) -> st.SearchStrategy:
    """A variable's value for a GraphQL input type, hostile at the leaves."""
    if graphql_non_null := isinstance(type_, graphql.GraphQLNonNull):
        type_ = type_.of_type
    if isinstance(type_, graphql.GraphQLList):
        inner = st.lists(_value(type_.of_type, name), max_size=3)
    elif isinstance(type_, graphql.GraphQLInputObjectType):
        fields = {n: _value(f.type, n) for n, f in type_.fields.items()}
        required = {
            n for n, f in type_.fields.items() if isinstance(f.type, graphql.GraphQLNonNull)
        }
        inner = st.fixed_dictionaries(
            {n: s for n, s in fields.items() if n in required},
            optional={n: s for n, s in fields.items() if n not in required},
        )
    elif isinstance(type_, graphql.GraphQLEnumType):
        inner = st.sampled_from(list(type_.values)) | fz.TEXT
    elif name in BY_NAME:
        inner = BY_NAME[name]
    else:
        inner = {
            "Int": fz.INT,
            "Float": fz.FLOAT,
            "Boolean": st.booleans(),
            "JSON": fz.JSON,
            "ID": fz.global_ids() | fz.TEXT,
        }.get(type_.name, fz.TEXT)
    return inner if graphql_non_null else st.one_of(inner, st.none())


def _selection(type_) -> str:
    named = graphql.get_named_type(type_)
    if not isinstance(named, (graphql.GraphQLObjectType, graphql.GraphQLInterfaceType)):
        return ""
    if "errors" in named.fields:
        return "{ __typename errors { field code message } }"
    if "totalCount" in named.fields:
        return "{ totalCount edges { node { __typename } } }"
    return "{ __typename }"


@st.composite
def operations(draw) -> tuple[str, dict]:
    """A root field with every argument passed as a variable: the document and the variables."""
    name, field = draw(st.sampled_from([(n, f) for n, f in fz.ROOT_FIELDS if f.args]))
    kind = "mutation" if name in fz.SCHEMA.mutation_type.fields else "query"
    names = list(field.args)
    definitions = ", ".join(f"${a}: {field.args[a].type}" for a in names)
    arguments = ", ".join(f"{a}: ${a}" for a in names)
    variables = draw(st.fixed_dictionaries({a: _value(field.args[a].type, a) for a in names}))
    return f"{kind}({definitions}) {{ {name}({arguments}) {_selection(field.type)} }}", variables


# -- the server ------------------------------------------------------------------------------------


async def _prepare(url: str) -> str:
    """Demo data and the accounts; returns the applicant's credit code (a demo institution's)."""
    platform = make_platform(url, [], load_entrypoints=True)
    try:
        await load_demo(platform)
        async with platform.reading() as session:
            code = await session.scalar(
                select(models.Institution.credit_code).order_by(models.Institution.id)
            )
        for role, scope in ACCOUNTS.items():
            await add_user(platform, f"fuzz.{role}", role, **(scope or {"credit_codes": (code,)}))
        return code
    finally:
        await platform.close()


@pytest.fixture(scope="module", params=ENGINES)
def server(request, migrated_template, tmp_path_factory):
    """A uvicorn process serving the demo data; yields (client, tokens by role, server log)."""
    folder = tmp_path_factory.mktemp("fuzz-http")
    if request.param == "sqlite":
        shutil.copy(migrated_template, folder / "fuzz.db")
        url, database = f"sqlite+aiosqlite:///{folder / 'fuzz.db'}", None
    else:
        database = pg_name("fuzz")
        asyncio.run(
            pg_admin(
                f'CREATE DATABASE "{database}" TEMPLATE "{request.getfixturevalue("postgres_template")}"'
            )
        )
        url = make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)
    asyncio.run(_prepare(url))
    port, log = free_port(), folder / "server.log"
    env = {
        **os.environ,
        "ACCREDIT_DATABASE_URL": url,
        "ACCREDIT_SECRET_KEY": TEST_SECRET,
        "ACCREDIT_TODAY": "2026-03-02",
        "ACCREDIT_QUERY_BUDGET_POINTS": str(10**9),
        "ACCREDIT_DEV_IDENTITY_HEADERS": "false",
    }
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "core.api.app:create_app",
                "--factory",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    try:
        _wait_ready(client, process, log)
        tokens = {None: None} | {role: _login(client, f"fuzz.{role}") for role in ACCOUNTS}
        yield client, tokens, log
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=15)
        if database:
            asyncio.run(pg_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))


def _wait_ready(client: httpx.Client, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"server exited: {log.read_text()[-2000:]}"
        try:
            if client.get("/readyz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("server not ready after 60 s")


def _login(client: httpx.Client, username: str) -> str:
    payload = client.post(
        "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": PASSWORD}}
    ).json()
    assert payload["data"]["login"]["errors"] == [], payload
    return payload["data"]["login"]["token"]


def _post(client: httpx.Client, token: str | None, body: str) -> httpx.Response:
    headers = {
        "Content-Type": "application/json",
        **({"Authorization": f"Bearer {token}"} if token else {}),
    }
    return client.post("/graphql", content=body, headers=headers)


def _no_traceback(log: Path) -> None:
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text[-3000:]


# -- the runs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE], ids=["valid", "violating"])
def test_generated_documents_over_http_with_real_tokens(server, mode):
    client, tokens, log = server
    fields = [
        name for name, _ in fz.ROOT_FIELDS if name != "logout"
    ]  # it would end the session the run uses
    strategy = from_schema(
        fz.SCHEMA, fields=fields, custom_scalars=fz.SCALARS, mode=mode, allow_x00=True
    )

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(query=strategy, role=st.sampled_from(list(tokens)), surrogate=st.booleans())
    def run(query: str, role: str | None, surrogate: bool) -> None:
        if (
            surrogate
        ):  # a raw lone surrogate inside the document's first string, as JSON can carry it
            query = query.replace('"', '"\ud800', 1)
        response = _post(client, tokens[role], fz.encode({"query": query}))
        fz.check(response.status_code, response.text, query)

    run()
    _no_traceback(log)


@pytest.mark.fast
def test_hostile_variables_over_http_with_real_tokens(server):
    client, tokens, log = server

    @settings(
        max_examples=HOSTILE, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(operation=operations(), role=st.sampled_from(list(tokens)))
    def run(operation: tuple[str, dict], role: str | None) -> None:
        query, variables = operation
        body = fz.encode({"query": query, "variables": variables})
        response = _post(client, tokens[role], body)
        fz.check(response.status_code, response.text, body)

    run()
    _no_traceback(log)
