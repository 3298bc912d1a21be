"""Plain JSON copies of values for JSON columns and events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(
        value, type
    ):  # e.g. a ParameterValue applied
        return jsonable({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    return str(value)
