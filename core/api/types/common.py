"""Shared GraphQL types: enums, user errors, cursor connections."""

from __future__ import annotations

import base64
import re
from typing import Generic, TypeVar

import strawberry
from strawberry.scalars import JSON

from core.criteria import CriterionKind, EvaluationMode, Outcome
from core.errors import ErrorCode, UserError
from core.institutions import OrgType
from core.recognitions import RecognitionStatus
from core.roles import Role
from core.workflow import Effect, ReviewMode, Status

ErrorCodeEnum = strawberry.enum(
    ErrorCode, name="ErrorCode", description="Stable code of an expected failure"
)
OrgTypeEnum = strawberry.enum(OrgType, name="OrgType", description="机构类型")
RoleEnum = strawberry.enum(Role, name="Role")
StatusEnum = strawberry.enum(Status, name="ApplicationStatus")
OutcomeEnum = strawberry.enum(Outcome, name="Outcome")
CriterionKindEnum = strawberry.enum(CriterionKind, name="CriterionKind")
EvaluationModeEnum = strawberry.enum(EvaluationMode, name="EvaluationMode")
RecognitionStatusEnum = strawberry.enum(RecognitionStatus, name="RecognitionStatus")
EffectEnum = strawberry.enum(Effect, name="Effect")
ReviewModeEnum = strawberry.enum(ReviewMode, name="ReviewMode")

MAX_PAGE = 100
T = TypeVar("T")


@strawberry.type(
    name="UserError", description="An expected failure: which field, which rule, what to do."
)
class UserErrorType:
    field: list[str] = strawberry.field(
        description="Path to the offending input, e.g. [input, form, trainees_cumulative]"
    )
    code: ErrorCodeEnum
    message: str

    @classmethod
    def of(cls, error: UserError) -> UserErrorType:
        return cls(field=_camel_path(error.field), code=error.code, message=error.message)


def _camel_path(path: tuple[str, ...]) -> list[str]:
    """Paths into GraphQL input (``input.…``) use its camelCase names, up to the plugin's own form
    keys under ``form``; other paths (criterion ids, quota keys) are kept as written."""
    out, convert = [], bool(path) and path[0] == "input"
    for part in path:
        out.append(re.sub(r"_([a-z])", lambda m: m.group(1).upper(), part) if convert else part)
        convert = convert and part != "form"
    return out


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int

    @property
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def encode_cursor(row_id: int) -> str:
    return base64.b64encode(f"after:{row_id}".encode()).decode()


def decode_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    from core.errors import Refused

    try:
        kind, value = base64.b64decode(cursor.encode(), validate=True).decode().split(":")
        if kind != "after":
            raise ValueError
        return int(value)
    except (ValueError, UnicodeDecodeError):
        raise Refused.one(ErrorCode.INVALID, "无效的分页游标", "after") from None


def page_size(first: int | None) -> int:
    from core.errors import Refused

    size = 20 if first is None else first
    if not 1 <= size <= MAX_PAGE:
        raise Refused.one(ErrorCode.INVALID, f"first 应在 1 到 {MAX_PAGE} 之间", "first")
    return size


def connection(items: list, ids: list[int], total: int, size: int) -> Connection:
    """Build a connection from up to ``size + 1`` fetched items (the extra one signals a next page)."""
    has_next = len(items) > size
    items, ids = items[:size], ids[:size]
    edges = [Edge(cursor=encode_cursor(i), node=item) for item, i in zip(items, ids)]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        total_count=total,
    )


__all__ = ["JSON", "Connection", "UserErrorType", "connection", "decode_cursor", "page_size"]
