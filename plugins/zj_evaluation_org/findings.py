"""Small builders of :class:`~core.criteria.Finding` shared by the criteria modules.

A check collects its *shortfalls* (what is missing, with the form field and the policy number it
was measured against) and turns them into one finding: PASS with the rule, or FAIL naming every
shortfall and pointing at the first one's field, so the applicant sees all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.criteria import Facts, Finding, Outcome
from core.parameters import ParameterValue


@dataclass(frozen=True)
class Shortfall:
    path: tuple[Any, ...]
    text: str


@dataclass
class Tally:
    """Shortfalls and the parameters they were measured against, for one criterion."""

    shortfalls: list[Shortfall] = field(default_factory=list)
    parameters: list[ParameterValue] = field(default_factory=list)

    def param(self, facts: Facts, name: str) -> Any:
        value = facts.params[name]
        if value not in self.parameters:
            self.parameters.append(value)
        return value.value

    def need(self, holds: bool, path: tuple[Any, ...], text: str) -> bool:
        if not holds:
            self.shortfalls.append(Shortfall(path, text))
        return holds

    def finding(self, rule: str, values: dict[str, Any] | None = None) -> Finding:
        values = dict(values or {})
        if not self.shortfalls:
            return Finding(Outcome.PASS, rule, values, parameters=tuple(self.parameters))
        texts = [s.text for s in self.shortfalls]
        return Finding(
            Outcome.FAIL,
            f"{rule}；不符合：{'；'.join(texts)}",
            {**values, "shortfalls": texts},
            field=tuple(str(p) for p in self.shortfalls[0].path),
            parameters=tuple(self.parameters),
        )


def declared(facts: Facts, fields: dict[str, str], rule: str) -> Finding:
    """A gate on declarations of the form: names each one not given as true."""
    tally = Tally()
    for name, label in fields.items():
        tally.need(getattr(facts.form, name) is True, (name,), f"未声明“{label}”")
    return tally.finding(rule)
