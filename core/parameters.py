"""Policy numbers kept as dated data with their legal source (after OpenFisca's parameters).

A plugin ships a ``parameters.yaml``::

    min_operating_years:
      description: 培训从业时间（年，含本数：“以上”）
      reference: 第六条（二）
      values:
        - since: 2021-12-20
          value: 2

A policy change is a new entry under ``values`` with a later ``since`` date, never an edit of an
old one: an evaluation of a date before the change keeps giving the old answer. Looking up a name
that does not exist, or a date before its first value, is a programming error and raises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class ParameterValue:
    name: str
    value: Any
    since: dt.date
    reference: str
    description: str


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    reference: str
    history: tuple[
        tuple[dt.date, Any, str], ...
    ]  # (since, value, reference of this value), ascending

    def at(self, on: dt.date) -> ParameterValue:
        current = None
        for since, value, reference in self.history:
            if since <= on:
                current = ParameterValue(self.name, value, since, reference, self.description)
        if current is None:
            raise LookupError(
                f"parameter {self.name!r} has no value before {self.history[0][0]} (asked for {on})"
            )
        return current


class Parameters:
    """A plugin's parameters; ``params.at(day)`` gives a view of the values in force that day."""

    def __init__(self, parameters: dict[str, Parameter]):
        self._parameters = parameters

    @classmethod
    def load(cls, path: str | Path) -> Parameters:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        parameters: dict[str, Parameter] = {}
        for name, spec in raw.items():
            reference = spec.get("reference", "")
            history = sorted(
                (_as_date(entry["since"]), entry["value"], entry.get("reference", reference))
                for entry in spec["values"]
            )
            if not history:
                raise ValueError(f"{path}: parameter {name!r} has no values")
            parameters[name] = Parameter(
                name, spec.get("description", ""), reference, tuple(history)
            )
        return cls(parameters)

    def __iter__(self):
        return iter(self._parameters.values())

    def at(self, on: dt.date) -> ParameterView:
        return ParameterView(self, on)

    def get(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise LookupError(f"unknown parameter {name!r}") from None


@dataclass(frozen=True)
class ParameterView:
    parameters: Parameters
    on: dt.date

    def __getitem__(self, name: str) -> ParameterValue:
        return self.parameters.get(name).at(self.on)

    def value(self, name: str) -> Any:
        return self[name].value


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
