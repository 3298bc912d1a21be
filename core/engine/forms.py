"""Form data validated by the plugin's pydantic model, failures mapped to field paths."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from core.errors import ErrorCode, Refused, UserError
from core.forms import CLIENT


def validate_form(model: type[BaseModel], data: Any, *prefix: str, from_client: bool = False) -> BaseModel:
    """``data`` through the plugin's model; ``from_client``: sent by a client now, not read from
    storage (references must then be global IDs, :data:`core.forms.ApplicationRef`)."""
    if not isinstance(data, dict):
        raise Refused.one(ErrorCode.INVALID, "表单数据应为 JSON 对象", *prefix)
    try:
        return model.model_validate(data, context={CLIENT: from_client})
    except ValidationError as exc:
        raise Refused([_user_error(model, error, prefix) for error in exc.errors()]) from None


MESSAGES = {"string_too_long": "最多 {max_length} 个字符", "finite_number": "应为有限的数值"}
"""Chinese for pydantic's errors of the bounds every form has (:mod:`core.forms`)."""


def _user_error(model: type[BaseModel], error: dict[str, Any], prefix: tuple[str, ...]) -> UserError:
    path = tuple(str(part) for part in error["loc"])
    code = ErrorCode.REQUIRED if error["type"] == "missing" else ErrorCode.INVALID
    message = MESSAGES[error["type"]].format(**error.get("ctx", {})) if error["type"] in MESSAGES else error["msg"]
    return UserError(code, f"{_title(model, path)}：{message}", (*prefix, *path))


def _title(model: type[BaseModel], path: tuple[str, ...]) -> str:
    field = model.model_fields.get(path[0]) if path else None
    return (field.title if field and field.title else ".".join(path)) or "表单"
