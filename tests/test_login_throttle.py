"""Logging in at a bounded cost: Argon2 runs in a thread and outside the write transaction, and
failed logins have a budget per username and per address of their own, apart from the query
budget."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from core.api.app import create_app
from core.identity import passwords
from tests.support import toy_plugin
from tests.support.helpers import register
from tests.support.identity import LOGIN, PASSWORD, add_user, count_hashes, login

COUNTS = "{ institutions(first: 1) { totalCount } }"


async def test_other_requests_write_while_a_login_hashes_its_password(client_for, monkeypatch):
    gql = await client_for([toy_plugin])
    await add_user(gql.platform, "city.sun", "city_reviewer", areas=("330100",))
    started, release, real = threading.Event(), threading.Event(), passwords.verify_password

    def held(stored, password):  # a hash that takes as long as the test wants
        started.set()
        release.wait(timeout=10)
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify_password", held)
    pending = asyncio.create_task(login(gql, "city.sun"))
    assert await asyncio.to_thread(started.wait, 10)
    # while the hash runs, the event loop serves others and the database takes their writes
    await register(gql, name="杭州并发登录培训学校有限公司")
    assert not pending.done()
    release.set()
    assert await pending


@pytest.mark.fast
async def test_logins_are_not_charged_to_the_anonymous_query_budget(client_for):
    gql = await client_for([toy_plugin], query_budget_points=1)
    await add_user(gql.platform, "city.qin", "city_reviewer", areas=("330100",))
    assert "errors" not in await _post(gql.http, COUNTS)
    assert (await _post(gql.http, COUNTS))["errors"][0]["extensions"][
        "code"
    ] == "RATE_LIMITED"  # the budget is spent
    logged_in = (await _post(gql.http, LOGIN, {"u": "city.qin", "p": PASSWORD}))["data"][
        "login"
    ]  # from the same address
    assert logged_in["errors"] == [] and logged_in["token"]


async def test_failed_logins_are_limited_per_username_wherever_they_come_from(
    client_for, browser, monkeypatch
):
    gql = await client_for([toy_plugin], login_failures_per_username=3, login_max_failures=10)
    await add_user(gql.platform, "city.wei", "city_reviewer", areas=("330100",))
    app = create_app(gql.platform)
    for name in ("city.wei", "nobody.here"):
        for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
            assert await _codes(browser(app, address), name, "guess guess guess") == [
                "INVALID_CREDENTIALS"
            ]
    hashed = count_hashes(monkeypatch)
    # a fourth attempt at either name, from a fresh address and with the right password, is refused
    # at once, alike for the existing account and the unknown name; other names are not affected
    fresh = browser(app, "10.0.0.4")
    assert (
        await _codes(fresh, "city.wei", PASSWORD)
        == await _codes(fresh, "nobody.here", PASSWORD)
        == ["RATE_LIMITED"]
    )
    assert hashed == []
    await add_user(gql.platform, "city.tao", "city_reviewer", areas=("330100",))
    assert await _codes(fresh, "city.tao", PASSWORD) == []
    # when the window ends, the name may try again
    later = gql.platform.login_throttle.by_username.clock() + gql.platform.settings.login_window_s
    gql.platform.login_throttle.by_username.clock = lambda: later
    assert await _codes(fresh, "city.wei", PASSWORD) == []


async def test_an_address_spent_on_failures_still_admits_browsers_that_logged_in_to_the_account(
    client_for, browser, monkeypatch
):
    gql = await client_for([toy_plugin], login_failures_per_address=3)
    for name in ("office.li", "office.ma"):
        await add_user(gql.platform, name, "district_reviewer", areas=("330106",))
    app = create_app(gql.platform)
    li, ma, guesser = (
        browser(app, "10.1.1.1") for _ in range(3)
    )  # three browsers behind one office address
    assert await _codes(li, "office.li", PASSWORD) == []  # Li logged in from this browser before
    for name in ("admin", "root", "test"):  # one client behind the office's address sprays guesses
        assert await _codes(guesser, name, "guess guess guess") == ["INVALID_CREDENTIALS"]
    hashed = count_hashes(monkeypatch)
    # the address is spent: the same refusal before any hash, whether the name exists, has logged
    # in from this address, or not; Ma, who never logged in from this browser, waits too
    assert [
        await _codes(guesser, name, PASSWORD) for name in ("guest", "office.li", "office.ma")
    ] == [["RATE_LIMITED"]] * 3
    assert await _codes(ma, "office.ma", PASSWORD) == ["RATE_LIMITED"]
    assert hashed == []
    assert (
        await _codes(li, "office.li", PASSWORD) == []
    )  # Li's browser shows it logged in to this account before
    assert await _codes(li, "office.ma", PASSWORD) == ["RATE_LIMITED"]  # ... to this account only
    assert (
        await _codes(browser(app, "10.2.2.2"), "office.ma", PASSWORD) == []
    )  # other addresses are not affected


async def _post(http: httpx.AsyncClient, query: str, variables: dict | None = None) -> dict:
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
async def browser():
    """``browser(app, address)``: a client at ``address`` that keeps the cookies it is given."""
    opened: list[httpx.AsyncClient] = []

    def open_(app, address: str) -> httpx.AsyncClient:
        opened.append(
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app, client=(address, 4000)),
                base_url="http://test",
            )
        )
        return opened[-1]

    yield open_
    for client in opened:
        await client.aclose()


async def _codes(browser: httpx.AsyncClient, username: str, password: str) -> list[str]:
    """The error codes of an anonymous login from ``browser``."""
    payload = (await _post(browser, LOGIN, {"u": username, "p": password}))["data"]["login"]
    assert (payload["token"] is None) == bool(payload["errors"]), payload
    return [e["code"] for e in payload["errors"]]
