"""Who is making a request: a role, and the scopes where that role applies.

An authenticated user's actor comes from their account (:mod:`core.identity`); an anonymous caller
is :meth:`Actor.public`. Scopes are administrative areas (GB/T 2260: ``330000`` the province,
``330100`` a city, ``330106`` a district), optionally narrowed to one scheme; an applicant's scope
names the institution (by credit code) it acts for. What each role may see and do with these
scopes is decided in one place, :mod:`core.access`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.roles import Role


@dataclass(frozen=True)
class Scope:
    area: str | None = None  # None: everywhere (the system itself, development identities)
    scheme_id: str | None = None  # None: every scheme
    credit_code: str | None = (
        None  # applicants: the institution acted for; None: any (development only)
    )

    def covers(self, division_code: str, city_code: str) -> bool:
        """Whether an institution registered in ``division_code`` (of ``city_code``) lies in the area."""
        area = self.area
        if area is None:
            return True
        if area.endswith("0000"):
            return division_code[:2] == area[:2]
        if area.endswith("00"):
            return city_code == area
        return division_code == area

    def allows_scheme(self, scheme_id: str) -> bool:
        return self.scheme_id is None or self.scheme_id == scheme_id


EVERYWHERE = (Scope(),)


@dataclass(frozen=True)
class Actor:
    name: str  # the username: recorded on every event and review
    role: Role
    scopes: tuple[Scope, ...] = ()
    user_id: int | None = None  # None for the system, development identities and the public

    @classmethod
    def system(cls) -> Actor:
        return cls("system", Role.SCHEME_ADMIN, EVERYWHERE)

    @classmethod
    def public(cls) -> Actor:
        return cls("anonymous", Role.PUBLIC)
