"""``accredit users``: an operator creates an account, issues an API token, records a conflict and
deactivates the account; the API honours each step at once."""

from __future__ import annotations

import asyncio
import io

import pytest

from core.cli import main
from tests.conftest import TEST_SECRET
from tests.support import toy_plugin
from tests.support.helpers import credit_code
from tests.support.identity import LOGIN, PASSWORD, add_user, login

ME = "{ me { username role scopes { areaCode } } }"
AUDIT = "query($a: String) { auditLog(first: 20, filter: {action: $a}) { edges { node { actor details } } } }"


async def _cli(monkeypatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return await asyncio.to_thread(main, list(argv))


@pytest.mark.fast
async def test_an_operator_manages_an_account_from_the_command_line(
    client_for, monkeypatch, capsys
):
    gql = await client_for([toy_plugin])
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", gql.platform.settings.database_url)
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    password = "correct horse battery staple\n"
    assert (
        await _cli(
            monkeypatch,
            "users",
            "create",
            "city.lin",
            "--role",
            "city_reviewer",
            "--area",
            "330100",
            "--password-stdin",
            stdin=password,
        )
        == 0
    )
    assert (
        await _cli(
            monkeypatch,
            "users",
            "create",
            "city.bad",
            "--role",
            "city_reviewer",
            "--area",
            "999999",
            "--password-stdin",
            stdin=password,
        )
        == 1
    )
    assert "area" in capsys.readouterr().err  # the refusal names the field
    assert await _cli(monkeypatch, "users", "token", "city.lin", "--name", "console") == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert (await gql(ME, token=token))["me"] == {
        "username": "city.lin",
        "role": "CITY_REVIEWER",
        "scopes": [{"areaCode": "330100"}],
    }
    assert (
        await _cli(
            monkeypatch,
            "users",
            "conflict",
            "city.lin",
            credit_code(),
            "--reason",
            "曾任该机构顾问",
        )
        == 0
    )
    assert await _cli(monkeypatch, "users", "deactivate", "city.lin") == 0
    response = await gql.http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401
    actions = (
        await gql(
            "{ auditLog(first: 20, filter: {}) { edges { node { action actor } } } }",
            role="auditor",
        )
    )["auditLog"]["edges"]
    done = [(e["node"]["action"], e["node"]["actor"].startswith("cli:")) for e in actions]
    assert [a for a, by_cli in done if by_cli] == [
        "user.created",
        "user.api_token_issued",
        "user.conflict_recorded",
        "user.deactivated",
    ]


async def _status(gql, token: str) -> int:
    response = await gql.http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.status_code


async def test_a_password_change_ends_the_sessions_and_optionally_the_api_tokens(
    client_for, monkeypatch, capsys
):
    gql = await client_for([toy_plugin])
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", gql.platform.settings.database_url)
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    await add_user(gql.platform, "city.he", "city_reviewer", areas=("330100",))
    bearers = [await login(gql, "city.he") for _ in range(2)]
    assert await _cli(monkeypatch, "users", "token", "city.he", "--name", "report bot") == 0
    api_token = capsys.readouterr().out.strip().splitlines()[-1]

    assert (
        await _cli(
            monkeypatch,
            "users",
            "passwd",
            "city.he",
            "--password-stdin",
            stdin="a brand new passphrase\n",
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == (
        "password set for city.he; ended 2 login session(s); "
        "1 API token(s) still valid (--revoke-api-tokens revokes them)"
    )
    assert [await _status(gql, token) for token in bearers] == [401, 401]
    assert await _status(gql, api_token) == 200
    assert (await gql(LOGIN, {"u": "city.he", "p": PASSWORD}))["login"]["errors"][0][
        "code"
    ] == "INVALID_CREDENTIALS"
    fresh = await login(gql, "city.he", "a brand new passphrase")

    assert (
        await _cli(
            monkeypatch,
            "users",
            "passwd",
            "city.he",
            "--revoke-api-tokens",
            "--password-stdin",
            stdin="another new passphrase\n",
        )
        == 0
    )
    assert (
        capsys.readouterr().out.strip()
        == "password set for city.he; ended 1 login session(s); revoked 1 API token(s)"
    )
    assert [await _status(gql, token) for token in (fresh, api_token)] == [401, 401]
    audited = (await gql(AUDIT, {"a": "user.password_set"}, role="auditor"))["auditLog"]["edges"]
    assert sorted(
        (
            e["node"]["actor"].startswith("cli:"),
            e["node"]["details"]["sessions_ended"],
            e["node"]["details"]["api_tokens_revoked"],
            e["node"]["details"]["api_tokens_kept"],
        )
        for e in audited
    ) == [(True, 1, 1, 0), (True, 2, 0, 1)]
