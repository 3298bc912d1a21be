"""``accredit users …``: accounts, roles and scopes, passwords, API tokens and conflicts of interest.

Every command runs through the same services as the API and is recorded in the audit log as the
operating-system user ``cli:<login>``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys
import warnings
from typing import TYPE_CHECKING

from core.actors import EVERYWHERE, Actor, Scope
from core.clock import CST
from core.errors import ErrorCode, UserError
from core.roles import Role

if (
    TYPE_CHECKING
):  # the database, accounts and settings are imported when a command runs, not for --help
    from core.db import models
    from core.settings import Settings

OPTIONS = {
    "username": "username",
    "password": "password",
    "creditCode": "--credit-code",
    "area": "--area",
    "scopes": "--area or --credit-code",
    "role": "--role",
    "reason": "--reason",
}
"""The option or argument a refused field came from."""

REFUSALS = {
    ErrorCode.DUPLICATE: "an account of that name exists already",
    ErrorCode.NOT_FOUND: "no such account",
    ErrorCode.REQUIRED: "required for this role",
    ErrorCode.INVALID: "not valid here",
    ErrorCode.INVALID_CHECKSUM: "its check character is wrong (GB 32100)",
    ErrorCode.UNKNOWN_DIVISION: "not a current division code of Zhejiang (GB/T 2260)",
    ErrorCode.DATABASE_BUSY: "the database was busy: nothing was written, try again",
}
"""The operator's reading of a refusal (the API's users get the Chinese message instead)."""
REFUSALS_OF_FIELD = {
    (ErrorCode.INVALID, "username"): "2-64 letters, digits or _ . @ -",
    (ErrorCode.INVALID, "role"): "the public needs no account",
    (
        ErrorCode.INVALID,
        "creditCode",
    ): "only applicant accounts act for an institution, and a credit code has 18 characters",
    (ErrorCode.INVALID, "reason"): "too long",
}


def add_parser(sub) -> None:
    users = sub.add_parser(
        "users", help="accounts, roles and scopes, passwords, API tokens, conflicts of interest"
    )
    cmd = users.add_subparsers(dest="users_command", required=True)
    create = cmd.add_parser("create", help="create an account with one role and its scopes")
    create.add_argument("username")
    create.add_argument(
        "--role", required=True, choices=[r.value for r in Role if r is not Role.PUBLIC]
    )
    create.add_argument(
        "--area",
        action="append",
        default=[],
        help="GB/T 2260 code of a province, city or district (repeatable)",
    )
    create.add_argument("--scheme", help="limit the scopes to one scheme id")
    create.add_argument(
        "--credit-code",
        action="append",
        default=[],
        help="applicants: the institution acted for (repeatable)",
    )
    create.add_argument("--name", default="", help="display name")
    create.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin",
    )
    create.add_argument(
        "--no-password", action="store_true", help="machine account: API tokens only"
    )
    cmd.add_parser(
        "list", help="accounts, roles, scopes and state (active, locked until when, inactive)"
    )
    passwd = cmd.add_parser(
        "passwd",
        help="set a password (and clear a lockout); ends the account's login sessions at once",
    )
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.add_argument(
        "--revoke-api-tokens", action="store_true", help="revoke the account's API tokens too"
    )
    unlock = cmd.add_parser("unlock", help="clear a lockout after failed logins")
    unlock.add_argument("username")
    deactivate = cmd.add_parser(
        "deactivate", help="end an account: its sessions and API tokens stop working at once"
    )
    deactivate.add_argument("username")
    token = cmd.add_parser("token", help="issue an API token for a machine client (printed once)")
    token.add_argument("username")
    token.add_argument("--name", required=True, help="what the token is for")
    token.add_argument("--days", type=int, help="expires after this many days (default: never)")
    conflict = cmd.add_parser(
        "conflict", help="record a conflict of interest between a user and an institution"
    )
    conflict.add_argument("username")
    conflict.add_argument("credit_code")
    conflict.add_argument("--reason", required=True)


def _state(user: models.User) -> str:
    """Inactive, locked (until when, Beijing time: the login answers a locked account as a wrong
    password, so this is where its owner learns of the lock) or active."""
    from core.identity import accounts

    locked_until = accounts.utc(user.locked_until)
    if not user.active:
        return "inactive"
    if locked_until is not None and locked_until > dt.datetime.now(dt.UTC):
        return f"locked until {locked_until.astimezone(CST):%Y-%m-%d %H:%M} (Beijing time)"
    return "active"


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)  # getpass would read stdin, echoing
        try:
            first = getpass.getpass("password: ")
            again = getpass.getpass("again: ")
        except (getpass.GetPassWarning, EOFError):
            from core.startup import StartupError

            raise StartupError(
                "no terminal to ask for the password on: pipe it in with --password-stdin, or create "
                "a machine account with --no-password"
            ) from None
    if again != first:
        from core.startup import StartupError

        raise StartupError("the two passwords typed differ: nothing was changed")
    return first


def operator() -> Actor:
    """Who a command acts as, in the audit log: the operating-system user."""
    return Actor(f"cli:{os.environ.get('USER', 'operator')}", Role.SCHEME_ADMIN, EVERYWHERE)


def _refusal(error: UserError) -> str:
    field = error.field[-1] if error.field else ""
    if (
        error.code is ErrorCode.WEAK_PASSWORD
    ):  # the rule's numbers from where it is enforced (imported only now)
        from core.identity.passwords import MIN_LENGTH

        return (
            f"refused: password: {error.code.value}: too weak: at least {MIN_LENGTH} characters, 5 different ones, "
            "not containing the username"
        )
    reading = (
        REFUSALS_OF_FIELD.get((error.code, field)) or REFUSALS.get(error.code) or error.message
    )
    return f"refused: {OPTIONS.get(field, field or '-')}: {error.code.value}: {reading}"


async def run(settings: Settings, args) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from core.db import models
    from core.errors import Refused
    from core.platform import Platform
    from core.startup import StartupError

    password = (
        _password(args)
        if args.users_command == "passwd"
        or (args.users_command == "create" and not args.no_password)
        else None
    )
    platform = Platform(settings)
    if getattr(args, "scheme", None) and args.scheme not in platform.registry.schemes:
        await platform.close()
        raise StartupError(
            f"--scheme {args.scheme}: no such scheme; the schemes are {', '.join(platform.registry.schemes)}"
        )
    try:
        if args.users_command == "list":
            async with platform.reading() as session:
                users = await session.scalars(
                    select(models.User)
                    .options(selectinload(models.User.scopes))
                    .order_by(models.User.username)
                )
                for user in users:
                    scopes = "; ".join(
                        f"{s.area_code or s.credit_code}{'/' + s.scheme_id if s.scheme_id else ''}"
                        for s in user.scopes
                    )
                    print(f"{user.username}\t{user.role}\t{scopes}\t{_state(user)}")
            return 0
        return await platform.transaction(
            lambda session: _change(session, operator(), args, password)
        )
    except Refused as refused:
        for error in refused.errors:
            print(_refusal(error), file=sys.stderr)
        return 1
    finally:
        await platform.close()


async def _change(session, operator: Actor, args, password: str | None) -> int:
    from core.identity import accounts

    if args.users_command == "create":
        role = Role(args.role)
        scopes = (
            [Scope(credit_code=c, scheme_id=args.scheme) for c in args.credit_code]
            if role is Role.APPLICANT
            else [Scope(area=a, scheme_id=args.scheme) for a in args.area]
        )
        user = await accounts.create_user(
            session,
            operator,
            username=args.username,
            role=role,
            scopes=scopes,
            password=password,
            display_name=args.name,
        )
        print(f"created {user.username} ({role.value})")
    elif args.users_command == "passwd":
        revoked = await accounts.set_password(
            session, operator, args.username, password, revoke_api_tokens=args.revoke_api_tokens
        )
        tokens = (
            f"revoked {revoked.api_tokens} API token(s)"
            if args.revoke_api_tokens
            else f"{revoked.api_tokens_kept} API token(s) still valid (--revoke-api-tokens revokes them)"
        )
        print(
            f"password set for {args.username}; ended {revoked.sessions} login session(s); {tokens}"
        )
    elif args.users_command == "unlock":
        await accounts.unlock(session, operator, args.username)
        print(f"unlocked {args.username}")
    elif args.users_command == "deactivate":
        await accounts.deactivate(session, operator, args.username)
        print(f"deactivated {args.username}")
    elif args.users_command == "token":
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=args.days) if args.days else None
        print(await accounts.issue_api_token(session, operator, args.username, args.name, expires))
    elif args.users_command == "conflict":
        await accounts.record_conflict(
            session, operator, args.username, args.credit_code, args.reason
        )
        print(f"recorded: {args.username} may not review {args.credit_code}")
    return 0
