"""Bearer tokens (HS256 JWTs naming a login session), device tokens (HS256 JWTs naming the
account a browser logged in to) and API tokens (random, stored hashed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import jwt

API_PREFIX = "acc_"
_ALGORITHM = "HS256"
_ISSUER = "accredit"
_DEVICE_ISSUER = "accredit device"


class InvalidToken(Exception):
    """Expired, forged, revoked or unknown."""


def issue_bearer(key: bytes, user_id: int, session_id: str, expires_at: dt.datetime) -> str:
    claims = {
        "iss": _ISSUER,
        "sub": str(user_id),
        "sid": session_id,
        "iat": dt.datetime.now(dt.UTC),
        "exp": expires_at,
    }
    return jwt.encode(claims, key, algorithm=_ALGORITHM)


def read_bearer(key: bytes, token: str) -> tuple[int, str]:
    """(user id, session id) of a genuine, unexpired token."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["exp", "sub", "sid"]},
        )
        return int(claims["sub"]), str(claims["sid"])
    except (jwt.PyJWTError, ValueError) as error:
        raise InvalidToken(type(error).__name__) from None


def issue_device(key: bytes, username: str, expires_at: dt.datetime) -> str:
    return jwt.encode(
        {"iss": _DEVICE_ISSUER, "sub": username, "exp": expires_at}, key, algorithm=_ALGORITHM
    )


def device_of(key: bytes, token: str) -> str | None:
    """The username a genuine, unexpired device token names; None for anything else."""
    try:
        return str(
            jwt.decode(
                token,
                key,
                algorithms=[_ALGORITHM],
                issuer=_DEVICE_ISSUER,
                options={"require": ["exp", "sub"]},
            )["sub"]
        )
    except jwt.PyJWTError:
        return None


def new_session_id() -> str:
    return secrets.token_hex(16)


def new_api_token() -> str:
    return API_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
