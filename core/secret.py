"""The master secret, and the keys derived from it for each purpose.

One secret is configured (``ACCREDIT_SECRET_KEY``) or kept in a file created on first use
(``ACCREDIT_SECRET_FILE``, mode 0600); bearer tokens and the encryption of personal data each use
a key derived from it with HKDF, so a key for one purpose never serves another. Losing the secret
loses the encrypted personal data: back it up with the database, but not in the same place.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.settings import Settings

log = logging.getLogger("accredit")
MIN_LENGTH = 32


class SecretUnavailable(ValueError):
    """The configured secret is too short, or the secret file cannot be read or created; the
    message names the setting and what to do."""


def master_secret(settings: Settings) -> str:
    if settings.secret_key:
        if len(settings.secret_key) < MIN_LENGTH:
            raise SecretUnavailable(
                f"ACCREDIT_SECRET_KEY must hold at least {MIN_LENGTH} characters (it has "
                f"{len(settings.secret_key)}): generate one with `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`"
            )
        return settings.secret_key
    path = Path(settings.secret_file)
    try:
        if not path.exists():
            _create(path)
        value = path.read_text().strip()
    except OSError as error:
        raise SecretUnavailable(
            f"ACCREDIT_SECRET_FILE: cannot {'read' if path.exists() else 'create'} {path} "
            f"({error.strerror}): make its folder writable by this user, point "
            "ACCREDIT_SECRET_FILE elsewhere, or set ACCREDIT_SECRET_KEY"
        ) from None
    if len(value) < MIN_LENGTH:
        raise SecretUnavailable(
            f"ACCREDIT_SECRET_FILE: {path} must hold a secret of at least {MIN_LENGTH} characters"
        )
    return value


def _create(path: Path) -> None:
    """Write a new secret whole, then link it into place: of several workers starting at once, the
    first link wins and every worker reads that one (never a half-written file)."""
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(draft, path)
        log.warning(
            "created a new master secret in %s: back it up, personal data cannot be read without it",
            path,
        )
    except FileExistsError:
        pass
    finally:
        os.unlink(draft)


def derive(secret: str, purpose: str) -> bytes:
    """A 32-byte key for one purpose (e.g. ``"bearer tokens v1"``)."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"accredit {purpose}".encode()
    ).derive(secret.encode())
