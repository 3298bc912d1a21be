"""Accounts through the API: login, lockout, expiry, logout, forged and API tokens, and the audit
entries they leave."""

from __future__ import annotations

import asyncio

import jwt
import pytest
from sqlalchemy import select

from core.cli import main
from core.db import models
from core.identity import accounts
from tests.support import toy_plugin
from tests.support.identity import LOGIN, OPERATOR, PASSWORD, add_user, count_hashes, login, user

ME = "{ me { username role authenticated scopes { areaCode schemeId creditCode } } }"
AUDIT = "query($a: String) { auditLog(first: 100, filter: {action: $a}) { totalCount edges { node { actor action details } } } }"


async def _status(gql, token: str | None, query: str = ME) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    response = await gql.http.post("/graphql", json={"query": query}, headers=headers)
    return response.status_code


@pytest.mark.fast
async def test_a_login_issues_a_token_that_names_the_user_and_their_scopes(client_for):
    gql = await client_for([toy_plugin])
    token = await user(gql, "xihu.li", "district_reviewer", areas=("330106",))
    me = (await gql(ME, token=token))["me"]
    assert me == {
        "username": "xihu.li",
        "role": "DISTRICT_REVIEWER",
        "authenticated": True,
        "scopes": [{"areaCode": "330106", "schemeId": None, "creditCode": None}],
    }
    assert (await gql(ME, role="public"))["me"]["role"] == "PUBLIC"  # no token: the public view
    async with gql.platform.reading() as session:
        stored = await session.scalar(
            select(models.User.password_hash).where(models.User.username == "xihu.li")
        )
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


async def test_wrong_password_and_unknown_user_get_the_same_answer_and_are_audited(client_for):
    gql = await client_for([toy_plugin])
    await add_user(gql.platform, "auditor.wang", "auditor", areas=("330000",))
    wrong = (await gql(LOGIN, {"u": "auditor.wang", "p": "not the password!"}))["login"]
    unknown = (await gql(LOGIN, {"u": "nobody.here", "p": "not the password!"}))["login"]
    assert wrong["token"] is None and unknown["token"] is None
    assert (
        [e["code"] for e in wrong["errors"]]
        == [e["code"] for e in unknown["errors"]]
        == ["INVALID_CREDENTIALS"]
    )
    assert wrong["errors"][0]["message"] == unknown["errors"][0]["message"]
    token = await login(gql, "auditor.wang")
    failed = (await gql(AUDIT, {"a": "user.login_failed"}, token=token))["auditLog"]
    assert failed["totalCount"] == 2
    assert {e["node"]["actor"] for e in failed["edges"]} == {"auditor.wang", "nobody.here"}
    assert (await gql(AUDIT, {"a": "user.logged_in"}, token=token))["auditLog"]["totalCount"] == 1


async def test_a_locked_account_answers_exactly_as_a_wrong_password_and_refuses_even_the_right_one(
    client_for, monkeypatch, capsys
):
    gql = await client_for([toy_plugin], login_max_failures=5, login_lockout_minutes=15)
    await add_user(gql.platform, "city.zhao", "city_reviewer", areas=("330100",))
    hashed = count_hashes(monkeypatch)
    # given six anonymous attempts at an existing and at an unknown username, then the right password
    answers = {
        name: [(await gql(LOGIN, {"u": name, "p": "guess guess guess"}))["login"] for _ in range(6)]
        for name in ("city.zhao", "nobody.here")
    }
    right = (await gql(LOGIN, {"u": "city.zhao", "p": PASSWORD}))["login"]
    # then nothing tells the locked account from an unknown name, and every answer cost a hash
    assert answers["city.zhao"] == answers["nobody.here"] == [right] * 6
    assert right["token"] is None and [e["code"] for e in right["errors"]] == [
        "INVALID_CREDENTIALS"
    ]
    assert (
        "锁定" in right["errors"][0]["message"]
    )  # the owner is told that locks exist, not that one is on
    assert hashed == [True] * 13
    # the lock shows to administrators: in the audit log and in `accredit users list`
    token = await user(gql, "auditor.wang", "auditor", areas=("330000",))
    assert (await gql(AUDIT, {"a": "user.locked"}, token=token))["auditLog"]["totalCount"] == 1
    assert (await gql(AUDIT, {"a": "user.login_refused"}, token=token))["auditLog"][
        "totalCount"
    ] == 2
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", gql.platform.settings.database_url)
    assert await asyncio.to_thread(main, ["users", "list"]) == 0
    listed = dict(line.split("\t")[0::3] for line in capsys.readouterr().out.splitlines())
    assert listed["city.zhao"].startswith("locked until ") and listed["auditor.wang"] == "active"
    await gql.platform.transaction(lambda s: accounts.unlock(s, OPERATOR, "city.zhao"))
    assert await login(gql, "city.zhao")


async def test_two_failures_then_a_success_reset_the_count(client_for):
    gql = await client_for([toy_plugin], login_max_failures=3)
    await add_user(gql.platform, "city.qian", "city_reviewer", areas=("330100",))
    for _ in range(2):
        await gql(LOGIN, {"u": "city.qian", "p": "guess guess guess"})
    assert await login(gql, "city.qian")
    for _ in range(2):
        await gql(LOGIN, {"u": "city.qian", "p": "guess guess guess"})
    assert await login(gql, "city.qian")  # not locked: the success reset the count


@pytest.mark.fast
async def test_expired_forged_and_malformed_tokens_are_refused_with_401(client_for):
    gql = await client_for([toy_plugin], session_minutes=0)
    expired = await user(gql, "expert.sun", "expert", areas=("330100",))
    assert await _status(gql, expired) == 401
    forged = jwt.encode(
        {"iss": "accredit", "sub": "1", "sid": "x" * 32, "exp": 4102444800},
        "another key" * 4,
        algorithm="HS256",
    )
    assert await _status(gql, forged) == 401
    assert await _status(gql, "not-a-token") == 401
    response = await gql.http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": "Basic dXNlcjpwYXNz"}
    )
    assert (
        response.status_code == 401
        and response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    )


async def test_logout_ends_the_session_at_once(client_for):
    gql = await client_for([toy_plugin])
    token = await user(gql, "admin.zhou", "scheme_admin", areas=("330100",))
    assert (await gql("mutation { logout { ended errors { code } } }", token=token))["logout"] == {
        "ended": True,
        "errors": [],
    }
    assert await _status(gql, token) == 401


async def test_api_tokens_identify_machine_clients_and_only_their_hash_is_stored(client_for):
    gql = await client_for([toy_plugin])
    await add_user(gql.platform, "console.bot", "auditor", areas=("330100",), password=None)
    token = await gql.platform.transaction(
        lambda s: accounts.issue_api_token(s, OPERATOR, "console.bot", "admin console")
    )
    assert (await gql(ME, token=token))["me"]["username"] == "console.bot"
    assert (await gql(LOGIN, {"u": "console.bot", "p": PASSWORD}))["login"]["errors"][0][
        "code"
    ] == "INVALID_CREDENTIALS"
    async with gql.platform.reading() as session:
        hashes = list(await session.scalars(select(models.ApiToken.token_hash)))
    assert len(hashes) == 1 and token not in hashes[0]


async def test_identity_headers_are_ignored_unless_the_development_setting_is_on(client_for):
    gql = await client_for([toy_plugin], dev_identity_headers=False)
    me = (await gql(ME, role="scheme_admin", actor="mallory"))["me"]
    assert me["role"] == "PUBLIC" and me["authenticated"] is False


async def test_weak_passwords_and_bad_scopes_are_refused_with_the_field(client_for):
    from core.errors import Refused

    gql = await client_for([toy_plugin])
    for kwargs, field in (
        (dict(password="short"), "password"),
        (dict(areas=("999999",)), "area"),
        (dict(areas=()), "scopes"),
    ):
        try:
            await add_user(
                gql.platform, "someone", "city_reviewer", **{"areas": ("330100",), **kwargs}
            )
        except Refused as refused:
            assert refused.errors[0].field[-1] == field
        else:
            raise AssertionError(f"{kwargs} was accepted")
