"""Building blocks for plugin form models (published as JSON Schema for consoles).

Every scheme's 申报表 needs the same three things: a strict base model (unknown keys refused, so a
misspelt field is an error, not silently dropped), non-blank text, and coded choices that carry
their Chinese label (published as ``enumNames`` so a console shows 自有 rather than ``owned``).
"""
from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A required piece of text: surrounding blanks are stripped, and nothing left is refused."""


class Form(BaseModel):
    """Base of every form model: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)  # a logged error never quotes personal data


class Choice(str, enum.Enum):
    """A coded choice with its Chinese label, declared as ``OWNED = "owned", "自有"``.

    Members compare as their code (they are ``str``); ``rank`` is the declaration order, for
    ordered scales such as education levels where “大专以上” includes 大专 itself.
    """

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

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)
