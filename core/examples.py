"""Worked examples a plugin ships: a valid form and the steps that take it through its workflow.

Used by ``accredit serve --demo`` to load realistic data, and by documentation and smoke tests
to obtain a form that passes the scheme's checks, without core knowing any scheme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from core.institutions import OrgType
from core.roles import Role
from core.scoring import Judgment


@dataclass(frozen=True)
class ExampleStep:
    transition: str
    role: Role
    comment: str = ""
    judgments: tuple[Judgment, ...] = ()


@dataclass(frozen=True)
class Example:
    title: str
    kind: str
    form: dict[str, Any]
    occupations: tuple[str, ...] = ()
    round_id: str | None = None
    steps: tuple[ExampleStep, ...] = field(default_factory=tuple)
    institution_name: str = "杭州示范培训有限公司"
    org_type: OrgType = OrgType.ENTERPRISE
    division_code: str = "330106"
    registered_on: dt.date = dt.date(2015, 3, 1)
