"""Logging in at a bounded cost: Argon2 runs in a thread and outside the write transaction, and
failed logins have a budget per username and per address of their own, apart from the query
budget."""
from __future__ import annotations

import asyncio
import threading

import httpx

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


async def test_logins_are_not_charged_to_the_anonymous_query_budget(client_for):
    gql = await client_for([toy_plugin], query_budget_points=1)
    await add_user(gql.platform, "city.qin", "city_reviewer", areas=("330100",))
    assert "errors" not in await _post(gql.http, COUNTS)
    assert (await _post(gql.http, COUNTS))["errors"][0]["extensions"]["code"] == "RATE_LIMITED"  # the budget is spent
    logged_in = (await _post(gql.http, LOGIN, {"u": "city.qin", "p": PASSWORD}))["data"]["login"]  # from the same address
    assert logged_in["errors"] == [] and logged_in["token"]


async def test_failed_logins_are_limited_per_username_wherever_they_come_from(client_for, monkeypatch):
    gql = await client_for([toy_plugin], login_failures_per_username=3, login_max_failures=10)
    await add_user(gql.platform, "city.wei", "city_reviewer", areas=("330100",))
    app = create_app(gql.platform)
    for name in ("city.wei", "nobody.here"):
        for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
            assert await _codes(app, address, name, "guess guess guess") == ["INVALID_CREDENTIALS"]
    hashed = count_hashes(monkeypatch)
    # a fourth attempt at either name, from a fresh address and with the right password, is refused
    # at once, alike for the existing account and the unknown name; other names are not affected
    assert await _codes(app, "10.0.0.4", "city.wei", PASSWORD) == await _codes(app, "10.0.0.4", "nobody.here", PASSWORD) == ["RATE_LIMITED"]
    assert hashed == []
    await add_user(gql.platform, "city.tao", "city_reviewer", areas=("330100",))
    assert await _codes(app, "10.0.0.4", "city.tao", PASSWORD) == []
    # when the window ends, the name may try again
    later = gql.platform.login_throttle.by_username.clock() + gql.platform.settings.login_window_s
    gql.platform.login_throttle.by_username.clock = lambda: later
    assert await _codes(app, "10.0.0.4", "city.wei", PASSWORD) == []


async def test_an_address_spent_on_failures_still_admits_accounts_that_logged_in_from_it(client_for, monkeypatch):
    gql = await client_for([toy_plugin], login_failures_per_address=3)
    for name in ("office.li", "office.ma"):
        await add_user(gql.platform, name, "district_reviewer", areas=("330106",))
    app = create_app(gql.platform)
    nat = "10.1.1.1"
    assert await _codes(app, nat, "office.li", PASSWORD) == []  # a colleague who logs in from the office
    for name in ("admin", "root", "test"):  # one client behind the office's address sprays guesses
        assert await _codes(app, nat, name, "guess guess guess") == ["INVALID_CREDENTIALS"]
    hashed = count_hashes(monkeypatch)
    assert await _codes(app, nat, "guest", "guess guess guess") == ["RATE_LIMITED"]  # refused before any hash
    assert await _codes(app, nat, "office.ma", PASSWORD) == ["RATE_LIMITED"]  # never logged in from there
    assert hashed == []
    assert await _codes(app, nat, "office.li", PASSWORD) == []  # logged in from there: still admitted
    assert await _codes(app, "10.2.2.2", "office.ma", PASSWORD) == []  # other addresses are not affected


async def _post(http: httpx.AsyncClient, query: str, variables: dict | None = None) -> dict:
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


async def _codes(app, address: str, username: str, password: str) -> list[str]:
    """The error codes of an anonymous login from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        body = await _post(http, LOGIN, {"u": username, "p": password})
    payload = body["data"]["login"]
    assert (payload["token"] is None) == bool(payload["errors"]), payload
    return [e["code"] for e in payload["errors"]]


async def test_a_document_that_logs_in_and_writes_pays_for_the_write(client_for):
    gql = await client_for([toy_plugin], query_budget_points=4)
    await add_user(gql.platform, "city.qin", "city_reviewer", areas=("330100",))
    both = 'mutation { login(input: {username: "city.qin", password: "%s"}) { token } logout { ended } }' % PASSWORD
    assert (await _post(gql.http, both))["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    logged_in = (await _post(gql.http, LOGIN, {"u": "city.qin", "p": PASSWORD}))
    assert logged_in["extensions"]["cost"]["requested"] == 0
