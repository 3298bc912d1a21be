"""Abusive documents are refused before execution (and before the costly validation), with no 500."""
from __future__ import annotations

from graphql import get_introspection_query

from core.api.schema import MAX_ALIASES, MAX_DEPTH


async def _post(gql, query: str, **kwargs):
    return await gql.http.post("/graphql", json={"query": query}, **kwargs)


async def test_graphiql_introspection_still_passes(client_for):
    gql = await client_for()
    response = await _post(gql, get_introspection_query(descriptions=True))
    assert response.status_code == 200 and "errors" not in response.json()


async def test_repeated_fields_are_refused_before_validation(client_for):
    gql = await client_for()
    query = "{ schemes { " + " ".join(["id"] * 2500) + " } }"     # graphql-core alone: seconds of validation
    body = (await _post(gql, query)).json()
    assert body["errors"][0]["message"].startswith("查询中字段 'id' 在同一层级重复 2500 次")
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REFUSED"
    longer = "{ schemes { " + " ".join(["id"] * 4000) + " } }"    # the measured 24 KB case: refused while parsing
    assert "token" in (await _post(gql, longer)).json()["errors"][0]["message"].lower()


async def test_repeats_through_fragments_are_counted(client_for):
    gql = await client_for()
    fragments = " ".join(f"fragment F{i} on Scheme {{ id }}" for i in range(25))
    spreads = " ".join(f"...F{i}" for i in range(25))
    body = (await _post(gql, "{ schemes { " + spreads + " } } " + fragments)).json()
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REFUSED"


async def test_fragment_blow_up_is_refused(client_for):
    gql = await client_for()
    chain = " ".join(f"fragment F{i} on Scheme {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20)) + " fragment F20 on Scheme { id }"
    body = (await _post(gql, "{ schemes { ...F0 } } " + chain)).json()
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REFUSED" and "拆分" in body["errors"][0]["message"]


async def test_depth_and_aliases_are_limited(client_for):
    gql = await client_for()
    deep = "{ institutions(first: 1) { edges { node { " + "applications { institution { " * 8 + "id" + " } }" * 8 + " } } } }"
    body = (await _post(gql, deep)).json()
    assert "exceeds maximum operation depth" in body["errors"][0]["message"] and MAX_DEPTH < 20
    aliases = "{ " + " ".join(f"a{i}: schemes {{ id }}" for i in range(MAX_ALIASES + 1)) + " }"
    body = (await _post(gql, aliases)).json()
    assert "aliases" in body["errors"][0]["message"].lower()


async def test_oversized_and_get_requests_are_refused(client_for):
    gql = await client_for()
    huge = "{ schemes { id } }" + " " * (300 * 1024)
    response = await _post(gql, huge)
    assert response.status_code == 413 and response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    async def chunks():
        for chunk in (b'{"query": "', b" " * (300 * 1024), b'"}'):
            yield chunk

    chunked = await gql.http.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    via_get = await gql.http.get("/graphql", params={"query": "{ schemes { id } }"})
    assert via_get.status_code in (400, 405) or "errors" in via_get.text


async def test_batched_requests_are_refused(client_for):
    gql = await client_for()
    batch = await gql.http.post("/graphql", json=[{"query": "{ schemes { id } }"}] * 50)
    assert batch.status_code == 400 and "schemes" not in batch.text


async def test_introspection_can_be_turned_off(client_for):
    gql = await client_for()
    gql.platform.settings.introspection = False
    body = (await _post(gql, "{ __schema { types { name } } }")).json()
    assert "introspection" in body["errors"][0]["message"].lower()
    assert "errors" not in (await _post(gql, "{ schemes { id } }")).json()


async def test_validation_results_are_cached_across_requests(client_for):
    from core.api.guards import _cached_validation

    gql = await client_for()
    run = _cached_validation(256)
    before = run.cache_info().hits
    for _ in range(3):
        assert "errors" not in (await _post(gql, "{ schemes { id title } }")).json()
    assert run.cache_info().hits >= before + 2
