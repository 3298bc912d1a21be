"""Coded choices with Chinese labels (published as ``enumNames``), and ordered levels.

第五条 compares levels (中专以上学历、中级以上职称、高级以上职业资格证书): a :class:`Ranked` choice
carries a rank, and “以上” includes the level itself (《民法典》第一千二百五十九条), so a requirement is
met when ``rank >= required.rank``.
"""
from __future__ import annotations

import enum
from typing import Any


class Choice(str, enum.Enum):
    """A coded choice with its Chinese label; the labels are published as ``enumNames``."""

    label: str

    def __new__(cls, value: str, label: str) -> "Choice":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["enumNames"] = [member.label for member in cls]
        return schema


class Ranked(Choice):
    """A choice on an ordered scale; equal ranks are the same level (e.g. 高中 and 中专)."""

    rank: int

    def __new__(cls, value: str, label: str, rank: int) -> "Ranked":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.rank = rank
        return member

    def at_least(self, required: "Ranked") -> bool:
        """“…以上”: this level or a higher one."""
        return self.rank >= required.rank
