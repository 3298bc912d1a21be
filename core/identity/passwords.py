"""Password hashing (Argon2id with argon2-cffi's RFC 9106 defaults) and the password rule."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.errors import ErrorCode, Refused

MIN_LENGTH = 12
_hasher = PasswordHasher()


@functools.cache
def _dummy() -> str:
    """The hash checked when there is no stored one: made on first need, not at import (it costs
    as much as a login)."""
    return _hasher.hash("accredit: a password nobody has")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; an account without a password (or no account: pass None)
    still costs one hash, so timing does not tell whether a username exists."""
    try:
        return _hasher.verify(stored or _dummy(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def check_password_rule(password: str, username: str) -> None:
    if len(password) < MIN_LENGTH:
        raise Refused.one(ErrorCode.WEAK_PASSWORD, f"密码至少 {MIN_LENGTH} 个字符", "password")
    if username.lower() in password.lower():
        raise Refused.one(ErrorCode.WEAK_PASSWORD, "密码不能包含用户名", "password")
    if len(set(password)) < 5:
        raise Refused.one(ErrorCode.WEAK_PASSWORD, "密码至少包含 5 个不同字符", "password")
