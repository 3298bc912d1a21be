"""Who is making a request. Until identities exist (issue: identities and roles), the actor is
taken from the ``X-Accredit-Actor`` and ``X-Accredit-Role`` request headers."""
from __future__ import annotations

from dataclasses import dataclass

from core.roles import Role


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role

    @classmethod
    def system(cls) -> "Actor":
        return cls("system", Role.SCHEME_ADMIN)
