"""Abusive documents are refused before execution (and before the costly validation), with no 500."""

from __future__ import annotations

import pytest
from graphql import get_introspection_query

from core.api.guards import LIMITS


async def _post(gql, query: str, **kwargs):
    return await gql.http.post("/graphql", json={"query": query}, **kwargs)


async def _refused(gql, query: str, code: str) -> str:
    """The message of a refused document, after checking it is a normal GraphQL error with ``code``."""
    response = await _post(gql, query)
    body = response.json()
    assert response.status_code == 200 and body["data"] is None, body
    assert {e["extensions"]["code"] for e in body["errors"]} == {code}, body["errors"]
    return body["errors"][0]["message"]


async def test_graphiql_introspection_still_passes(client_for):
    gql = await client_for()
    response = await _post(gql, get_introspection_query(descriptions=True))
    assert response.status_code == 200 and "errors" not in response.json()


@pytest.mark.fast
async def test_repeated_fields_are_refused_before_validation(client_for):
    gql = await client_for()
    query = (
        "{ schemes { " + " ".join(["id"] * 2500) + " } }"
    )  # graphql-core alone: seconds of validation
    message = await _refused(gql, query, "REPEATED_FIELDS")
    assert message.startswith("查询中字段 'id' 在同一层级重复 2500 次，超过上限 20")


async def test_a_valid_document_over_the_token_limit_is_not_called_a_syntax_error(client_for):
    gql = await client_for()
    longer = (
        "{ schemes { " + " ".join(["id"] * 4000) + " } }"
    )  # the measured 24 KB case: refused while parsing
    message = await _refused(gql, longer, "TOO_MANY_TOKENS")
    assert f"{LIMITS.max_tokens} 个词法单元" in message and "syntax" not in message.lower()
    assert "Syntax Error" in await _refused(gql, "{ schemes { id }", "GRAPHQL_PARSE_FAILED")
    assert "nope" in await _refused(gql, "{ nope }", "GRAPHQL_VALIDATION_FAILED")


async def test_repeats_through_fragments_are_counted(client_for):
    gql = await client_for()
    fragments = " ".join(f"fragment F{i} on Scheme {{ id }}" for i in range(25))
    spreads = " ".join(f"...F{i}" for i in range(25))
    await _refused(gql, "{ schemes { " + spreads + " } } " + fragments, "REPEATED_FIELDS")


async def test_fragment_blow_up_is_refused(client_for):
    gql = await client_for()
    chain = (
        " ".join(f"fragment F{i} on Scheme {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20))
        + " fragment F20 on Scheme { id }"
    )
    message = await _refused(gql, "{ schemes { ...F0 } } " + chain, "DOCUMENT_TOO_LARGE")
    assert f"超过 {LIMITS.max_selections} 个选择项" in message and "拆分" in message


@pytest.mark.fast
async def test_depth_and_aliases_are_limited(client_for):
    gql = await client_for()
    deep = (
        "{ institutions(first: 1) { edges { node { "
        + "applications { institution { " * 8
        + "id"
        + " } }" * 8
        + " } } } }"
    )
    assert (
        f"超过 {LIMITS.max_depth} 层" in await _refused(gql, deep, "QUERY_TOO_DEEP")
        and LIMITS.max_depth < 20
    )
    aliases = (
        "{ " + " ".join(f"a{i}: schemes {{ id }}" for i in range(LIMITS.max_aliases + 1)) + " }"
    )
    message = await _refused(gql, aliases, "TOO_MANY_ALIASES")
    assert f"{LIMITS.max_aliases + 1} 个别名，超过上限 {LIMITS.max_aliases}" in message


async def test_oversized_and_get_requests_are_refused(client_for):
    gql = await client_for()
    huge = "{ schemes { id } }" + " " * (300 * 1024)
    response = await _post(gql, huge)
    assert (
        response.status_code == 413
        and response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    )

    async def chunks():
        for chunk in (b'{"query": "', b" " * (300 * 1024), b'"}'):
            yield chunk

    chunked = await gql.http.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413
    via_get = await gql.http.get("/graphql", params={"query": "{ schemes { id } }"})
    assert (
        via_get.status_code == 400
        and via_get.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    )
    not_json = await gql.http.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert (
        not_json.status_code == 400
        and not_json.json()["errors"][0]["extensions"]["code"] == "INVALID_JSON"
    )


async def test_batched_requests_are_refused(client_for):
    gql = await client_for()
    batch = await gql.http.post("/graphql", json=[{"query": "{ schemes { id } }"}] * 50)
    assert batch.status_code == 400 and "schemes" not in batch.text
    assert (
        batch.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
        and "Batching" in batch.json()["errors"][0]["message"]
    )


async def test_introspection_can_be_turned_off(client_for):
    gql = await client_for()
    gql.platform.settings.introspection = False
    assert (
        "introspection"
        in (
            await _refused(gql, "{ __schema { types { name } } }", "INTROSPECTION_DISABLED")
        ).lower()
    )
    assert "errors" not in (await _post(gql, "{ schemes { id } }")).json()


async def test_validation_results_are_cached_across_requests(client_for):
    from core.api.guards import _cached_validation

    gql = await client_for()
    run = _cached_validation(256)
    before = run.cache_info().hits
    for _ in range(3):
        assert "errors" not in (await _post(gql, "{ schemes { id title } }")).json()
    assert run.cache_info().hits >= before + 2
