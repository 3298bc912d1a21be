"""Importing a module does no heavy work: a command that never checks a password never pays for a
hash (issue 14)."""

from __future__ import annotations

import importlib

import argon2
import pytest


@pytest.mark.fast
def test_importing_the_password_module_computes_no_hash(monkeypatch):
    import core.identity.passwords as passwords

    def no_hash(self, password, *args, **kwargs):
        raise AssertionError("a password was hashed at import")

    monkeypatch.setattr(argon2.PasswordHasher, "hash", no_hash)
    importlib.reload(passwords)  # would raise if the module hashed anything while loading
    monkeypatch.undo()
    importlib.reload(passwords)
    assert (
        passwords.verify_password(None, "anything at all") is False
    )  # the stand-in hash is made on first need
