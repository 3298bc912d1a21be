"""The HTTP endpoint: an IDE that works offline, probes, masked unexpected errors."""

from __future__ import annotations

import gc
import json
import re

import orjson
import pytest

from core.api.app import GC_THRESHOLD, AccreditGraphQL, create_app


async def test_graphiql_loads_every_asset_from_this_server(client_for):
    gql = await client_for()
    page = await gql.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    assert "unpkg.com" not in page.text and "https://" not in re.sub(
        r"<script>.*?</script>", "", page.text, flags=re.S
    )
    assets = re.findall(r'(?:src|href)="(/graphiql-assets/[^"]+)"', page.text)
    assert len(assets) == 7
    for asset in assets:
        response = await gql.http.get(asset)
        assert response.status_code == 200 and len(response.content) > 500, asset


@pytest.mark.fast
async def test_probes(client_for):
    gql = await client_for()
    assert (await gql.http.get("/healthz")).json() == {"status": "ok"}
    assert (await gql.http.get("/readyz")).json() == {"status": "ready"}


@pytest.mark.fast
async def test_unexpected_errors_are_masked(client_for, monkeypatch):
    gql = await client_for()

    def boom(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM somewhere /srv/accredit/core.py line 12")

    monkeypatch.setattr(gql.platform.registry, "scheme", boom)
    body = await gql(
        '{ quotaUsage(schemeId: "x", occupation: "y", cityCode: "330100") { used } }',
        expect_errors=True,
    )
    assert body["errors"][0]["message"] == "服务器内部错误 (internal error)"
    assert "SELECT" not in str(body) and "core.py" not in str(body)


async def test_start_up_moves_the_heap_out_of_the_cyclic_collectors_way(client_for):
    gql = await client_for()
    app, threshold = create_app(gql.platform), gc.get_threshold()
    messages, sent = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}], []

    async def receive():
        return messages.pop(0)

    async def send(message):
        sent.append(message["type"])

    try:
        await app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send)
        assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
        assert gc.get_freeze_count() > 10_000  # the modules, plugins, registry and schema
        assert gc.get_threshold()[0] == GC_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


async def test_answers_are_compact_utf8_json_with_chinese_unescaped(client_for):
    gql = await client_for(load_entrypoints=True)
    response = await gql.http.post(
        "/graphql", json={"query": "{ schemes { id title documentNumber } }"}
    )
    assert response.headers["content-type"] == "application/json"
    assert "服务外包".encode() in response.content
    assert response.content == orjson.dumps(json.loads(response.content))


async def test_what_orjson_refuses_is_still_answered(client_for):
    gql = await client_for()
    data = {"data": {"form": {"人数": 2**70, "1": [0.1, None]}}}
    assert json.loads(AccreditGraphQL(gql.platform).encode_json(data)) == data
    assert json.loads(AccreditGraphQL(gql.platform).encode_json({**data, 3: "键"})) == {
        **data,
        "3": "键",
    }
