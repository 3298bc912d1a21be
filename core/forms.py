"""Building blocks for plugin form models (published as JSON Schema for consoles).

Every scheme's 申报表 needs the same three things: a strict base model (unknown keys refused, so a
misspelt field is an error, not silently dropped), non-blank text, and coded choices that carry
their Chinese label (published as ``enumNames`` so a console shows 自有 rather than ``owned``).

The base model also bounds what one form may hold, whatever the plugin declares: every piece of
text at most :data:`MAX_TEXT` characters, every list at most :data:`MAX_ITEMS` items, and numbers
finite (JSON has no infinity; ``1e999`` arrives as one).

A form that refers to another application types the field :data:`ApplicationRef`: clients send and
read the application's global ID, as everywhere else in the API, and the plugin reads a row id.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from core.identifiers import global_id, row_id_of

MAX_TEXT = 2000
"""Characters in one text field of a form (a 申报表's longest boxes ask for a few hundred)."""
MAX_ITEMS = 500
"""Items in one list of a form (rows of a table: staff, trainees of a class, occupations)."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
"""A required piece of text: surrounding blanks are stripped, nothing left or more than
:data:`MAX_TEXT` characters is refused."""


class Form(BaseModel):
    """Base of every form model: unknown keys are refused; text, lists and numbers are bounded."""

    model_config = ConfigDict(
        extra="forbid",
        hide_input_in_errors=True,  # a logged error never quotes personal data
        str_max_length=MAX_TEXT,
        allow_inf_nan=False,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _bounded_lists(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS:
            raise PydanticCustomError(
                "too_many_items",
                "最多 {maximum} 项，收到 {count} 项",
                {"maximum": MAX_ITEMS, "count": len(value)},
            )
        return value


class Choice(str, enum.Enum):
    """A coded choice with its Chinese label, declared as ``OWNED = "owned", "自有"``.

    Members compare as their code (they are ``str``); ``rank`` is the declaration order, for
    ordered scales such as education levels where “大专以上” includes 大专 itself.
    """

    label: str

    def __new__(cls, value: str, label: str) -> Choice:
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


CLIENT = "client"
"""Validation context key: the data was sent by a client now (core's ``validate_form(..., from_client=True)``),
not read back from storage."""


def _reference(type_name: str):
    def parse(value: Any, info: ValidationInfo) -> int:
        if isinstance(value, str) and (number := row_id_of(value.strip(), type_name)) is not None:
            return number
        stored = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not (info.context or {}).get(CLIENT)
        )
        if stored:  # a row id stored before forms held global IDs
            return value
        raise ValueError(
            f"应为{type_name}的全局 ID（即 API 返回的 id，如 {global_id(type_name, 1)}）"
        )

    return Annotated[
        int,
        BeforeValidator(parse),
        PlainSerializer(
            lambda number: global_id(type_name, number), return_type=str, when_used="json"
        ),
        WithJsonSchema({"type": "string", "x-node-type": type_name}),
    ]


ApplicationRef = _reference("Application")
"""Another application, by its global ID (``Application.id``); the plugin's model holds its row id,
which is what :class:`~core.criteria.ApplicationSummary` ``.id`` carries."""


def reference_id(value: Any, type_name: str = "Application") -> int | None:
    """The row id a reference in a stored form (``ApplicationSummary.form``, read as a plain dict)
    names: a global ID, or a row id stored before forms held global IDs."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return row_id_of(value, type_name) if isinstance(value, str) else None
