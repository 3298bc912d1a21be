"""``accredit users``: an operator creates an account, issues an API token, records a conflict and
deactivates the account; the API honours each step at once."""
from __future__ import annotations

import asyncio
import io

from core.cli import main
from tests.conftest import TEST_SECRET
from tests.support import toy_plugin
from tests.support.helpers import credit_code

ME = "{ me { username role scopes { areaCode } } }"


async def _cli(monkeypatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return await asyncio.to_thread(main, list(argv))


async def test_an_operator_manages_an_account_from_the_command_line(client_for, monkeypatch, capsys):
    gql = await client_for([toy_plugin])
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", gql.platform.settings.database_url)
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    password = "correct horse battery staple\n"
    assert await _cli(monkeypatch, "users", "create", "city.lin", "--role", "city_reviewer", "--area", "330100",
                      "--password-stdin", stdin=password) == 0
    assert await _cli(monkeypatch, "users", "create", "city.bad", "--role", "city_reviewer", "--area", "999999",
                      "--password-stdin", stdin=password) == 1
    assert "area" in capsys.readouterr().err  # the refusal names the field
    assert await _cli(monkeypatch, "users", "token", "city.lin", "--name", "console") == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert (await gql(ME, token=token))["me"] == {"username": "city.lin", "role": "CITY_REVIEWER", "scopes": [{"areaCode": "330100"}]}
    assert await _cli(monkeypatch, "users", "conflict", "city.lin", credit_code(), "--reason", "曾任该机构顾问") == 0
    assert await _cli(monkeypatch, "users", "deactivate", "city.lin") == 0
    response = await gql.http.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    actions = (await gql('{ auditLog(first: 20, filter: {}) { edges { node { action actor } } } }', role="auditor"))["auditLog"]["edges"]
    done = [(e["node"]["action"], e["node"]["actor"].startswith("cli:")) for e in actions]
    assert [a for a, by_cli in done if by_cli] == ["user.created", "user.api_token_issued", "user.conflict_recorded", "user.deactivated"]
