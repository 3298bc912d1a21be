"""Identifiers: the unified social credit code (统一社会信用代码, GB 32100-2015), and the global IDs
by which clients name objects.

python-stdnum implements the check character; this module adds the error a person can act on
(which character is wrong) rather than a bare "invalid". A global ID is the Relay form the API
speaks (base64 of ``"<Type>:<row id>"``), here without the GraphQL library, for form data.
"""

from __future__ import annotations

import base64
import binascii

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from core.errors import ErrorCode, Refused


def normalize_credit_code(raw: str, *field: str) -> str:
    """Return the compact, upper-case code or raise :class:`Refused` naming the rule broken."""
    code = uscc.compact(raw or "")
    try:
        return uscc.validate(code)
    except InvalidLength:
        raise Refused.one(ErrorCode.INVALID, f"统一社会信用代码应为18位，收到{len(code)}位", *field)
    except (InvalidFormat, InvalidComponent):
        raise Refused.one(
            ErrorCode.INVALID,
            "统一社会信用代码含有非法字符（仅允许数字和除 I、O、S、V、Z 外的大写字母）",
            *field,
        )
    except InvalidChecksum:
        expected = uscc.calc_check_digit(code[:17])
        raise Refused.one(
            ErrorCode.INVALID_CHECKSUM,
            f"统一社会信用代码校验位错误（GB 32100-2015）：第18位应为 {expected}，收到 {code[17]}",
            *field,
        )


def global_id(type_name: str, row_id: int) -> str:
    """The global ID of a row, as the API's ``id`` fields give it (``QXBwbGljYXRpb246MQ==``)."""
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode()


def row_id_of(value: str, type_name: str) -> int | None:
    """The row id inside a global ID of ``type_name``; None when it is not one."""
    try:
        kind, _, number = base64.b64decode(value.encode(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeError, ValueError):
        return None
    return int(number) if kind == type_name and number.isdigit() else None
