"""Input no resolver, driver or JSON encoder can take, refused in one place before anything runs.

* **The request body** (:func:`decode_body`): not UTF-8, not JSON, JSON's non-standard constants
  (``NaN``, ``Infinity``), or nested deeper than :data:`MAX_DEPTH` (50,000 ``[`` made the decoder
  recurse until it failed) are refused with HTTP 400 and a GraphQL error carrying
  ``extensions.code``: nothing is parsed further.
* **Every string and number the operation carries**, in its variables or as literals in the
  document (:class:`InputCheck`): a lone surrogate (``"\\ud800"`` is valid JSON, but no UTF-8
  encoder, hence no database driver, accepts it), a NUL character (PostgreSQL's text cannot hold
  it), a number that is not finite (``1e999`` overflows to infinity, which JSON cannot express:
  stored, it made later answers unreadable) and an integer outside 64 bits (a literal of 5,000
  digits failed validation itself). Each is refused ``INVALID`` with the path of the field, before
  the document is validated, executed or charged.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from cross_web import HTTPException
from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FloatValueNode,
    IntValueNode,
    ObjectFieldNode,
    StringValueNode,
    VariableDefinitionNode,
    Visitor,
    visit,
)
from strawberry.extensions import SchemaExtension

from core.api.errors import as_graphql_error
from core.errors import ErrorCode, Refused, UserError

MAX_DEPTH = 32
"""Deepest nesting of objects and arrays a request body may have (the deepest form needs about 10)."""
MAX_REPORTED = 10
INTEGERS = range(-(2**63), 2**63)
UNUSABLE = re.compile("[\x00\ud800-\udfff]")


class BadRequest(HTTPException):
    """A body refused before parsing GraphQL: HTTP 400 with a GraphQL error of this ``code``."""

    def __init__(self, code: str, message: str):
        super().__init__(400, message)
        self.code = code


def decode_body(data: str | bytes) -> Any:
    """The JSON of a request body, or :class:`BadRequest`."""
    try:
        value = json.loads(data, parse_constant=_no_constant)
    except RecursionError:
        raise BadRequest("JSON_TOO_DEEP", f"请求体的 JSON 嵌套超过 {MAX_DEPTH} 层") from None
    except UnicodeDecodeError:
        raise BadRequest("INVALID_JSON", "请求体不是有效的 UTF-8 文本") from None
    except ValueError as error:  # JSONDecodeError, a constant, an integer of more than 4,300 digits
        raise BadRequest("INVALID_JSON", f"请求体不是有效的 JSON：{error}") from None
    if _deeper_than(value, MAX_DEPTH):
        raise BadRequest("JSON_TOO_DEEP", f"请求体的 JSON 嵌套超过 {MAX_DEPTH} 层")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} 不是 JSON 数值")


def _deeper_than(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        )
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def problem(value: Any) -> str | None:
    """Why a scalar cannot be taken (a string or a number), or None."""
    if isinstance(value, str):
        if (found := UNUSABLE.search(value)) is None:
            return None
        if found.group() == "\x00":
            return "含有空字符（U+0000）"
        return f"含有无效的 Unicode 字符（孤立的代理项 U+{ord(found.group()):04X}）"
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有限的数值"
    if isinstance(value, int) and value not in INTEGERS:
        return "超出可处理的整数范围（64 位）"
    return None


def _variable_problems(variables: dict[str, Any]) -> Iterator[UserError]:
    stack: list[tuple[tuple[str, ...], Any]] = [(("variables",), variables)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                yield from _refusal((*path, _shown(key)), key)
                stack.append(((*path, _shown(key)), item))
        elif isinstance(value, list):
            stack.extend(((*path, str(i)), item) for i, item in enumerate(value))
        else:
            yield from _refusal(path, value)


def _shown(key: str) -> str:
    """A key as a path may show it: an unusable character written as its escape (the answer is
    UTF-8, which cannot carry a lone surrogate)."""
    return UNUSABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", key)


def _refusal(path: tuple[str, ...], value: Any) -> Iterator[UserError]:
    if reason := problem(value):
        yield UserError(ErrorCode.INVALID, f"{'.'.join(path)}：{reason}", path)


class _Literals(Visitor):
    """Strings and floats written into the document, each with the path of the argument holding it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[UserError] = []

    def enter_string_value(self, node: StringValueNode, _key, parent, _path, ancestors) -> None:
        self.found += _refusal(_where(*ancestors, parent), node.value)

    def enter_float_value(self, node: FloatValueNode, _key, parent, _path, ancestors) -> None:
        self.found += _refusal(_where(*ancestors, parent), float(node.value))

    def enter_int_value(self, node: IntValueNode, _key, parent, _path, ancestors) -> None:
        too_long = len(node.value) > len(str(-(2**63)))  # never convert thousands of digits
        self.found += _refusal(_where(*ancestors, parent), 2**63 if too_long else int(node.value))


def _where(*ancestors) -> tuple[str, ...]:
    path = []
    for node in ancestors:
        if isinstance(node, FieldNode):
            path.append((node.alias or node.name).value)
        elif isinstance(node, (ArgumentNode, ObjectFieldNode)):
            path.append(node.name.value)
        elif isinstance(node, VariableDefinitionNode):
            path.append(f"${node.variable.name.value}")
    return tuple(path)


@lru_cache(maxsize=256)
def _literal_problems(document: DocumentNode) -> tuple[UserError, ...]:
    literals = _Literals()
    visit(document, literals)
    return tuple(literals.found)


class InputCheck(SchemaExtension):
    """Refuse unusable strings and numbers in the variables or the document before validation
    (place it before :class:`~core.api.guards.QueryShapeGuard`, which validates unless refused)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if not context.pre_execution_errors and context.graphql_document is not None:
            found = list(
                itertools.islice(
                    itertools.chain(
                        _literal_problems(context.graphql_document),
                        _variable_problems(context.variables or {}),
                        _refusal(("operationName",), context.operation_name),
                    ),
                    MAX_REPORTED,
                )
            )
            if found:
                context.pre_execution_errors = [as_graphql_error(Refused(found))]
        yield
