"""Permission denials cost the caller nothing to write (issue 13, finding 6): a lookup of a hidden
object is answered exactly as a missing one and writes nothing while the request runs; the denials
are counted and appended afterwards, one audit entry per caller, window and area, which the
auditors of that area see and no application's history shows."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest

from core.audit import verify
from tests.support import toy_plugin
from tests.support.helpers import create, ok, register, submit
from tests.support.identity import user

LOOKUPS = "query($id: ID!) { " + " ".join(f"n{i}: node(id: $id) {{ id }}" for i in range(30)) + " }"
LOGGED = "{ auditLog(first: 1) { totalCount } }"
DENIALS = '{ auditLog(first: 10, filter: {action: "access.denied"}) { edges { node { actor role entity entityId details } } } }'
HISTORY = "query($id: ID!) { application(id: $id) { events { action } } }"


async def _reviewing(gql) -> dict:
    institution = await register(gql, division="330106")
    return ok(await submit(gql, ok(await create(gql, institution["id"], "toy", {"trainees": 150}))))


async def _anonymous(gql, query: str, variables: dict) -> bytes:
    """The answer's bytes, but for the caller's remaining budget (it counts every request down)."""
    response = await gql.http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body = response.json()
    body["extensions"]["cost"].pop("remaining")
    return json.dumps(body, ensure_ascii=False).encode()


async def _logged(gql) -> int:
    return (await gql(LOGGED, role="auditor"))["auditLog"]["totalCount"]


async def _denials(gql, token: str | None = None) -> list[dict]:
    who = {"token": token} if token else {"role": "auditor"}
    return [e["node"] for e in (await gql(DENIALS, **who))["auditLog"]["edges"]]


def _missing(global_id: str) -> str:
    kind, _, _ = base64.b64decode(global_id).decode().partition(":")
    return base64.b64encode(f"{kind}:999999".encode()).decode()


@pytest.mark.fast
async def test_hidden_lookups_are_answered_as_missing_ones_and_written_once_after_the_request(
    client_for,
):
    gql = await client_for(
        [toy_plugin], denial_window_s=3600
    )  # only the test's own flush writes (none in the background)
    app = await _reviewing(gql)
    before = await _logged(gql)

    hidden = await _anonymous(gql, LOOKUPS, {"id": app["id"]})
    missing = await _anonymous(gql, LOOKUPS, {"id": _missing(app["id"])})

    assert hidden == missing
    assert await _logged(gql) == before  # the requests wrote nothing
    assert await gql.platform.denials.flush() == 1
    [entry] = await _denials(gql)
    window = entry["details"]
    assert (entry["actor"], entry["role"], entry["entity"], entry["entityId"]) == (
        "anonymous",
        "public",
        "area",
        330106,
    )
    assert (
        window["count"] == 30
        and window["client"] == "127.0.0.1"
        and window["from"] < window["until"]
    )
    assert window["denials"] == [
        {
            "entity": "application",
            "id": app["databaseId"],
            "reason": "lookup outside the caller's view",
            "count": 30,
        }
    ]
    history = (await gql(HISTORY, {"id": app["id"]}, role="applicant"))["application"]["events"]
    assert "access.denied" not in {e["action"] for e in history}
    assert (await verify(gql.platform.engine)).ok


async def test_the_auditors_of_the_area_see_the_denials_and_others_do_not(client_for):
    gql = await client_for([toy_plugin])
    app = await _reviewing(gql)
    hangzhou = await user(gql, "auditor.hz", "auditor", areas=("330100",))
    ningbo = await user(gql, "auditor.nb", "auditor", areas=("330200",))
    await _anonymous(gql, LOOKUPS, {"id": app["id"]})
    await gql.platform.denials.flush()
    assert [d["details"]["count"] for d in await _denials(gql, hangzhou)] == [30]
    assert await _denials(gql, ningbo) == []


async def test_counted_denials_are_written_at_the_end_of_their_window_without_being_asked(
    client_for,
):
    gql = await client_for([toy_plugin], denial_window_s=0.2)
    app = await _reviewing(gql)
    await _anonymous(gql, LOOKUPS, {"id": app["id"]})
    for _ in range(100):
        if await _denials(gql):
            break
        await asyncio.sleep(0.05)
    assert [d["details"]["count"] for d in await _denials(gql)] == [30]
