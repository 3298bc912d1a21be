"""Form data validated by the plugin's pydantic model, failures mapped to field paths.

A failure is told in Chinese, naming the field by the titles the form publishes down to the one
at fault (专业教师 第1项 姓名：不能为空), never by pydantic's English; a rule a plugin states itself
(a ``ValueError`` in a validator) is given in its own words. Inputs are never quoted.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from core.errors import ErrorCode, Refused, UserError
from core.forms import CLIENT

MESSAGES: dict[str, str] = {
    "missing": "必填",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_type": "应为“是”或“否”",
    "bool_parsing": "应为“是”或“否”",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "too_short": "至少 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "enum": "不是可选的值",
    "literal_error": "不是可选的值",
    "date_type": "应为日期（如 2026-03-02）",
    "date_parsing": "应为日期（如 2026-03-02）",
    "date_from_datetime_parsing": "应为日期（如 2026-03-02）",
    "date_from_datetime_inexact": "应为日期，不含时刻",
    "list_type": "应为列表",
    "dict_type": "应为一组字段",
    "model_type": "应为一组字段",
    "model_attributes_type": "应为一组字段",
    "extra_forbidden": "不是表单中的字段",
    "finite_number": "应为有限的数值",
}
OWN_WORDS = ("value_error", "assertion_error")  # the plugin's validator said it: ctx["error"]


def validate_form(
    model: type[BaseModel], data: Any, *prefix: str, from_client: bool = False
) -> BaseModel:
    """``data`` through the plugin's model; ``from_client``: sent by a client now, not read from
    storage (references must then be global IDs, :data:`core.forms.ApplicationRef`)."""
    if not isinstance(data, dict):
        raise Refused.one(ErrorCode.INVALID, "表单数据应为 JSON 对象", *prefix)
    try:
        return model.model_validate(data, context={CLIENT: from_client})
    except ValidationError as exc:
        raise Refused([_user_error(model, error, prefix) for error in exc.errors()]) from None


def _user_error(
    model: type[BaseModel], error: dict[str, Any], prefix: tuple[str, ...]
) -> UserError:
    path = tuple(str(part) for part in error["loc"])
    code = ErrorCode.REQUIRED if error["type"] == "missing" else ErrorCode.INVALID
    return UserError(code, f"{_title(model, path)}：{_message(error)}", (*prefix, *path))


def _message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error["type"] in OWN_WORDS and "error" in context:
        return str(context["error"])
    if error["type"] == "string_too_short" and context.get("min_length") == 1:
        return "不能为空"
    template = MESSAGES.get(error["type"])
    return (
        template.format(**{k: _plain(v) for k, v in context.items()}) if template else error["msg"]
    )


def _plain(value: Any) -> Any:
    """0.0 as 0: limits are shown as people write them."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _title(model: type[BaseModel], path: tuple[str, ...]) -> str:
    """The form's titles along ``path``: 专业教师 第1项 姓名 for (teachers, 0, name)."""
    words: list[str] = []
    current: type[BaseModel] | None = model
    for n, part in enumerate(path):
        field = current.model_fields.get(part) if current else None
        if field is not None:
            words.append(field.title or part)
            current = _model_in(field.annotation)
        elif part.isdigit():
            words.append(f"第{int(part) + 1}项")
        elif n == len(path) - 1:  # a key the form does not have
            words.append(part)
        # else: a branch of a union as pydantic names it, which no one would recognise
    return " ".join(words) or "表单"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The form model a field holds, through Optional, lists and Annotated (None for plain values)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(
        (found for argument in typing.get_args(annotation) if (found := _model_in(argument))), None
    )
