"""Budgets held across workers (issue 14): two platforms on one database stand for two worker
processes, each with its own budgets in memory; what one admits, the other counts after they
synchronise. And behind a trusted proxy, each anonymous caller has its own budget, keyed on the
address the proxy names; from anyone else the header is ignored."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.identity import LOGIN

SYNC_S = 0.05


async def _post(gql, document, address: str | None = None) -> dict:
    headers = {"X-Forwarded-For": address} if address else {}
    response = await gql.http.post("/graphql", json={"query": document}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _admitted(body: dict) -> bool:
    return "errors" not in body or body["errors"][0]["extensions"]["code"] != "RATE_LIMITED"


async def _spend(gql, times: int, address: str | None = None) -> int:
    return sum([_admitted(await _post(gql, "{ schemes { id } }", address)) for _ in range(times)])


async def synchronised(gql) -> None:
    """Wait for the worker's background synchronisation (every SYNC_S while it has live callers) to
    have run: it leaves nothing unsynced (bounded, for a loaded machine)."""
    budgets = gql.platform.query_budgets
    for _ in range(200):
        await asyncio.sleep(SYNC_S)
        if not budgets._syncing and all(w.unsynced == 0 for w in budgets.windows.values()):
            return
    raise AssertionError("no synchronisation within 10 s")


async def test_two_workers_on_one_database_hold_a_caller_to_one_budget(client_for):
    worker_a = await client_for(query_budget_points=6, budget_sync_s=SYNC_S)
    worker_b = await client_for(query_budget_points=6, budget_sync_s=SYNC_S)
    assert await _spend(worker_a, 4) == 4  # one point each, anonymous from the same address
    await synchronised(worker_a)  # A adds its 4 to the database
    assert (
        await _spend(worker_b, 1) == 1
    )  # B knew nothing of the caller: it learns the total at its next synchronisation
    await synchronised(worker_b)
    assert await _spend(worker_b, 3) == 1  # 4 + 1 spent: one point left
    await synchronised(worker_b)
    await (
        worker_a.platform.query_budgets.sync()
    )  # A reads back what B admitted (its timer would, within SYNC_S)
    assert await _spend(worker_a, 2) == 0
    refused = await _post(worker_a, "{ schemes { id } }")
    assert refused["errors"][0]["extensions"]["remaining"] == 0


async def test_with_budgets_per_process_each_worker_gives_a_whole_budget(client_for):
    """The setting that turns sharing off, and what the shared budget prevents."""
    worker_a = await client_for(query_budget_points=3, budget_sync_s=0)
    worker_b = await client_for(query_budget_points=3, budget_sync_s=0)
    assert await _spend(worker_a, 3) == 3
    await asyncio.sleep(SYNC_S * 4)
    assert await _spend(worker_b, 3) == 3


async def test_failed_logins_are_counted_across_workers(client_for):
    worker_a = await client_for(login_failures_per_username=3, budget_sync_s=SYNC_S)
    worker_b = await client_for(login_failures_per_username=3, budget_sync_s=SYNC_S)

    async def attempt(gql) -> str:
        data = await gql(LOGIN, {"u": "nobody.here", "p": "wrong password 1"}, role="public")
        return data["login"]["errors"][0]["code"]

    assert [await attempt(worker_a), await attempt(worker_a)] == ["INVALID_CREDENTIALS"] * 2
    await worker_a.platform.login_throttle.by_username.sync()
    assert [await attempt(worker_b), await attempt(worker_b)] == [
        "INVALID_CREDENTIALS",
        "RATE_LIMITED",
    ]


@pytest.mark.fast
async def test_behind_a_trusted_proxy_each_forwarded_caller_has_its_own_budget(client_for):
    gql = await client_for(
        query_budget_points=2, trusted_proxies="127.0.0.1"
    )  # the test client's address
    assert await _spend(gql, 3, "203.0.113.7") == 2
    assert await _spend(gql, 2, "203.0.113.8") == 2  # another caller behind the same proxy


async def test_from_an_untrusted_address_the_forwarded_header_changes_nothing(client_for):
    gql = await client_for(query_budget_points=2, trusted_proxies="10.0.0.1")
    assert await _spend(gql, 1, "203.0.113.7") == 1
    assert (
        await _spend(gql, 2, "203.0.113.8") == 1
    )  # the same caller (the connection's address) whatever it claims
