"""Real accounts for tests: created through the same service as ``accredit users create``, logged
in through the API."""

from __future__ import annotations

from core.actors import EVERYWHERE, Actor, Scope
from core.identity import accounts, passwords
from core.roles import Role

PASSWORD = "correct horse battery staple"
LOGIN = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token expiresAt errors { code message field } viewer { username role } } }"
OPERATOR = Actor("test-operator", Role.SCHEME_ADMIN, EVERYWHERE)


async def add_user(
    platform,
    username: str,
    role: str,
    *,
    areas: tuple[str, ...] = (),
    credit_codes: tuple[str, ...] = (),
    scheme: str | None = None,
    password: str | None = PASSWORD,
) -> None:
    role_ = Role(role)
    scopes = (
        [Scope(credit_code=c, scheme_id=scheme) for c in credit_codes]
        if role_ is Role.APPLICANT
        else [Scope(area=a, scheme_id=scheme) for a in areas]
    )
    await platform.transaction(
        lambda session: accounts.create_user(
            session, OPERATOR, username=username, role=role_, scopes=scopes, password=password
        )
    )


async def login(gql, username: str, password: str = PASSWORD) -> str:
    payload = (await gql(LOGIN, {"u": username, "p": password}))["login"]
    assert payload["errors"] == [], payload["errors"]
    return payload["token"]


async def user(gql, username: str, role: str, **scope) -> str:
    """Create an account and return a bearer token for it."""
    await add_user(gql.platform, username, role, **scope)
    return await login(gql, username)


def count_hashes(monkeypatch) -> list[bool]:
    """A list that grows by one for each password hash computed from now on."""
    hashed, real = [], passwords.verify_password

    def counted(stored, password):
        hashed.append(True)
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify_password", counted)
    return hashed
