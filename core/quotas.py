"""Jurisdiction rules: at most N active recognitions per key, such as (occupation, city).

Core enforces a :class:`QuotaRule` inside the transaction that grants the recognition, by taking a
numbered slot ``1..N`` for each key in a table whose primary key is ``(rule, key, slot)``: the
database itself refuses an (N+1)-th holder, whatever the isolation level or number of processes.
Slots are released when the recognition is revoked or expires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.institutions import InstitutionFacts


@dataclass(frozen=True)
class QuotaSubject:
    """What a rule sees of a grant."""

    institution: InstitutionFacts
    occupations: tuple[str, ...]
    scheme_id: str


@dataclass(frozen=True)
class QuotaRule:
    id: str
    title: str
    citation: str
    limit_parameter: str  # name of the dated parameter holding N
    keys: Callable[[QuotaSubject], list[str]]  # e.g. one key per occupation: "4-04-05-01@330100"
    exempt: Callable[[InstitutionFacts], bool] = lambda institution: False
    describe_key: Callable[[str], str] = str  # human-readable key for messages


def occupation_city_keys(subject: QuotaSubject) -> list[str]:
    """The common key: one per occupation, within the institution's city."""
    return [f"{occupation}@{subject.institution.city_code}" for occupation in subject.occupations]
