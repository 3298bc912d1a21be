"""Personal data in forms: 公民身份号码 and phone numbers, validated, sealed at rest, masked on show.

Schemes ask for the identity numbers of staff, teachers and trainees and for contacts' phones.
Each plugin used to check them its own way; here they are one set of types, so that:

* a wrong number is refused with the rule it breaks (``身份证号码校验码错误``), never quoting it back;
* a field holding personal data is *marked* (:class:`PII` in the ``Annotated`` metadata, and
  ``"x-pii"`` in the published JSON Schema), so core can find it in any form without knowing the
  scheme: :func:`seal_model` encrypts exactly those values before a form is stored;
* what a form states that the identity number also tells (age, birth date, sex) is marked
  :data:`IdDerived`: sealed and masked with the number, since it narrows the masked number down
  to a few candidates;
* a :class:`Vault` encrypts with a key derived from the master secret, and reveals or masks the
  stored JSON for whoever reads it;
* text written to logs (including tracebacks of validation errors, which quote their input) has
  anything that looks like an identity or mobile number masked (:func:`install_log_redaction`).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from cryptography.fernet import Fernet, InvalidToken
from pydantic import AfterValidator, BaseModel, RootModel
from pydantic_core import PydanticCustomError
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from core.secret import derive

__all__ = [
    "PII",
    "IdDerived",
    "IdNumber",
    "Mobile",
    "Phone",
    "Phones",
    "Vault",
    "install_log_redaction",
    "is_sealed",
    "mask_value",
    "redact",
    "seal_model",
    "uninstall_log_redaction",
]

CHINA = dt.timezone(dt.timedelta(hours=8))
PREFIX = "pii:v1:"
"""Marks a sealed value; the version names the key derivation and cipher, so both can change later."""
DERIVED_PREFIX = PREFIX + "derived:"
"""Marks a sealed :data:`IdDerived` value: its plaintext is the value's JSON, and it is masked whole."""
HIDDEN = "**"
"""What a masked :data:`IdDerived` value shows, whatever it was (an age, a date, a sex)."""
KEY_PURPOSE = "personal data v1"  # derive() prefixes "accredit ": the key is unchanged


@dataclass(frozen=True)
class PII:
    """Marker in a type's ``Annotated`` metadata: the value is personal data of this kind.

    It is how :func:`seal_model` finds the fields to encrypt, and it adds ``"x-pii"`` to the JSON
    Schema so a console can treat the field as sensitive.
    """

    kind: str  # "id_number", "phone" or "derived" (see IdDerived)

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["x-pii"] = self.kind
        return schema


def _refuse(message: str) -> PydanticCustomError:
    # A custom error keeps the message as written (no "Value error, " prefix) and never quotes input.
    return PydanticCustomError("pii_format", message)


def _plain(value: str) -> str:
    """Full-width digits, letters and punctuation (common in Chinese input) as their ASCII forms."""
    return unicodedata.normalize("NFKC", value).strip()


# -- 公民身份号码 (GB 11643-1999) ------------------------------------------------------------------


def _id_number(value: str) -> str:
    number = re.sub(r"\s+", "", _plain(value)).upper()
    if len(number) != 18:
        raise _refuse(f"身份证号码应为18位，收到{len(number)}位")
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise _refuse("身份证号码格式错误：前17位应为数字，第18位为数字或X")
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise _refuse(f"身份证号码校验码错误（GB 11643-1999）：按前17位，第18位应为 {expected}")
    born = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    try:
        birth = ric.get_birth_date(number)
    except InvalidComponent:
        raise _refuse(f"身份证号码中的出生日期 {born} 不存在") from None
    if birth > dt.datetime.now(CHINA).date():
        raise _refuse(f"身份证号码中的出生日期 {born} 晚于今天")
    try:
        ric.get_birth_place(number)
    except InvalidComponent:
        raise _refuse(
            f"身份证号码中的行政区划代码 {number[:6]} 不存在（或在出生年份尚未设立）"
        ) from None
    return number


IdNumber = Annotated[str, AfterValidator(_id_number), PII("id_number")]
"""An 18-character 公民身份号码: check digit, a real birth date not in the future, a known area code."""

T = TypeVar("T")
IdDerived = Annotated[T, PII("derived")]
"""A value a form states beside an :data:`IdNumber` that the number also carries: ``IdDerived[int]``
for an age, ``IdDerived[dt.date]`` for a birth date, ``IdDerived[Gender]`` for a sex. Sealed at rest
like the number and shown in clear to exactly those who see the number in clear; everyone else
gets :data:`HIDDEN`, since with the filing date an age and a sex leave a handful of candidates for
a masked number."""


# -- phone numbers -------------------------------------------------------------------------------

MOBILE = re.compile(r"(?:(?:\+|00)?86)?(1[3-9]\d{9})")
"""Compacted (no blanks or hyphens): an optional +86/0086/86 country code, then 11 digits."""
FIXED = re.compile(
    r"\(?(?P<area>010|02\d|0[3-9]\d{2})\)?[\s-]*"  # area code: 010, 02X, or four digits
    r"(?P<local>[2-9]\d{2,3}[\s-]?\d{4})"  # local number: 7 or 8 digits, never 0/1-led
    r"(?:\s*(?:-|转|分机|ext\.?|x|\#)\s*(?P<ext>\d{1,6}))?",  # extension
    re.IGNORECASE,
)
INTERNATIONAL = re.compile(r"(?:\+|00)86[\s-]*")
MOBILE_RULE = "手机号码应为以13–19开头的11位数字（可带 +86）"
PHONE_RULE = (
    "电话号码应为11位手机号码，或带区号的固定电话（如 0571-88001234，分机写作 -801 或 转801）"
)


def _mobile_or_none(text: str) -> str | None:
    match = MOBILE.fullmatch(re.sub(r"[\s-]", "", text))
    return match.group(1) if match else None


def _fixed_or_none(text: str) -> tuple[str, str, str] | None:
    """(area code, local number, extension) of a fixed line, or None."""
    if international := INTERNATIONAL.match(text):  # +86 571 88001234: the area code loses its 0
        text = "0" + text[international.end() :].lstrip("(")
    match = FIXED.fullmatch(text)
    if match is None:
        return None
    area, local = match["area"], re.sub(r"[\s-]", "", match["local"])
    if len(area) == 3 and len(local) != 8:  # 010 and 02X have eight-digit local numbers
        return None
    return area, local, match["ext"] or ""


def _phone_or_none(text: str) -> str | None:
    if mobile := _mobile_or_none(text):
        return mobile
    if fixed := _fixed_or_none(text):
        area, local, ext = fixed
        return f"{area}-{local}" + (f"-{ext}" if ext else "")
    return None


def _mobile(value: str) -> str:
    if (mobile := _mobile_or_none(_plain(value))) is None:
        raise _refuse(MOBILE_RULE)
    return mobile


def _phone(value: str) -> str:
    if (phone := _phone_or_none(_plain(value))) is None:
        raise _refuse(PHONE_RULE)
    return phone


SEPARATORS = re.compile(r"[/、,;|]")  # after NFKC, which turns ，；｜ into ,;|
MAX_TOKENS = 6  # "+86 139 0000 1111" is four blank-separated pieces; "0571 8800 1234 转 801" five


def _split_phones(text: str) -> list[str] | None:
    """Several numbers in one field, each normalised; None when any piece is not a number.

    Blanks both separate numbers and appear inside them ("139 0000 1111"), so each chunk between
    explicit separators is read left to right taking the longest run of pieces that is a number.
    """
    numbers: list[str] = []
    for chunk in SEPARATORS.split(text):
        pieces = chunk.split()
        i = 0
        while i < len(pieces):
            for j in range(min(len(pieces), i + MAX_TOKENS), i, -1):
                if number := _phone_or_none(" ".join(pieces[i:j])):
                    numbers.append(number)
                    i = j
                    break
            else:
                return None
    return numbers or None


def _phones(value: str) -> str:
    text = _plain(value)
    if not text:
        raise _refuse("请至少填写一个电话号码")
    if (numbers := _split_phones(text)) is None:
        raise _refuse(PHONE_RULE + "；多个号码用 / 或 、 分隔")
    return " / ".join(numbers)


Mobile = Annotated[str, AfterValidator(_mobile), PII("phone")]
"""A mainland mobile number, stored as its 11 digits (``13900001111``)."""
Phone = Annotated[str, AfterValidator(_phone), PII("phone")]
"""A mobile number or a fixed line with its area code, stored as ``13900001111`` or ``0571-88001234[-801]``."""
Phones = Annotated[str, AfterValidator(_phones), PII("phone")]
"""One or more phone numbers in one field (“联系电话及手机”), stored joined by `` / ``."""


# -- masking -------------------------------------------------------------------------------------

ID_SHAPE = re.compile(r"\d{17}[\dXx]")


def mask_value(plain: str) -> str:
    """The value as shown to someone who may not see it: enough to recognise, not to use.

    ``330*************34`` (the province and the last two characters: area, birth date, sequence
    and check digit would leave few candidates), ``139****1111``, ``0571-******34``; several numbers
    each masked; anything else keeps its first and last character.
    """
    if not plain:
        return plain
    if ID_SHAPE.fullmatch(plain):
        return plain[:3] + "*" * 13 + plain[-2:]
    text = _plain(plain)
    if mobile := _mobile_or_none(text):
        return mobile[:3] + "****" + mobile[-4:]
    if fixed := _fixed_or_none(text):
        area, local, ext = fixed
        return f"{area}-{'*' * (len(local) - 2)}{local[-2:]}" + (
            f"-{'*' * len(ext)}" if ext else ""
        )
    if (numbers := _split_phones(text)) and len(numbers) > 1:
        return " / ".join(mask_value(number) for number in numbers)
    if len(plain) <= 2:
        return "*" * len(plain)
    return plain[0] + "*" * (len(plain) - 2) + plain[-1]


FREE_TEXT = re.compile(
    r"(?<!\d)(?:(?P<id>\d{17}[\dXx])"  # an identity number
    r"|(?P<country>(?:\+|00)86[\s-]?|86)?(?P<mobile>1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}))"  # a mobile, maybe +86, spaced
    r"(?!\d)"
)


def redact(text: str) -> str:
    """``text`` with every identity number and mobile number masked (for logs and error reports).

    Matches by shape only (no check digit), and never inside a longer run of digits. Fixed lines
    are left: they are mostly office numbers, and too like other numbers to find in free text.
    """

    def masked(match: re.Match[str]) -> str:
        if match["id"]:
            return mask_value(match["id"])
        return (match["country"] or "") + mask_value(match["mobile"])

    return FREE_TEXT.sub(masked, text)


# -- the vault -----------------------------------------------------------------------------------


def is_sealed(value: object) -> bool:
    """Whether ``value`` has the form of a sealed value (a string starting with ``pii:v1:``)."""
    return isinstance(value, str) and value.startswith(PREFIX)


class Vault:
    """Seals personal data with a key derived from the master secret, and reveals or masks it.

    Fernet (AES-128-CBC with HMAC-SHA256) authenticates what it encrypts, so a token that was
    altered or sealed under another secret does not open. Sealing the same value twice gives two
    different tokens: equal numbers cannot be found by comparing ciphertexts, so compare after
    :meth:`reveal`.
    """

    def __init__(self, key: bytes):
        self._fernet = Fernet(key)

    @classmethod
    def from_secret(cls, secret: str) -> Vault:
        """A vault keyed by HKDF-SHA256 of the master secret (:mod:`core.secret`), for this purpose only."""
        return cls(base64.urlsafe_b64encode(derive(secret, KEY_PURPOSE)))

    is_sealed = staticmethod(is_sealed)

    def seal(self, plain: str) -> str:
        """``pii:v1:<token>``; an empty string stays empty, a value this vault already sealed is kept."""
        if not plain or self._opens(plain) is not None:
            return plain
        return PREFIX + self._encrypt(plain)

    def seal_derived(self, value: Any) -> str:
        """``pii:v1:derived:<token>`` holding the JSON of ``value`` (an :data:`IdDerived` value)."""
        if isinstance(value, str) and self._opens(value) is not None:
            return value
        return DERIVED_PREFIX + self._encrypt(json.dumps(value, ensure_ascii=False))

    def _encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode()).decode("ascii")

    def open(self, sealed: str) -> Any:
        """The plaintext of a sealed value (the value itself for a derived one); :class:`ValueError`
        if it is not one this vault sealed."""
        if not is_sealed(sealed):
            raise ValueError("not a sealed value")
        derived = sealed.startswith(DERIVED_PREFIX)
        try:
            plain = self._fernet.decrypt(
                sealed[len(DERIVED_PREFIX if derived else PREFIX) :].encode("ascii")
            ).decode()
        except (InvalidToken, UnicodeError):
            raise ValueError(
                "sealed value does not open with this key (altered, or sealed under another secret)"
            ) from None
        return json.loads(plain) if derived else plain

    def _opens(self, value: str) -> Any:
        try:
            return self.open(value) if is_sealed(value) else None
        except ValueError:
            return None

    def reveal(self, data: Any) -> Any:
        """A copy of JSON-like ``data`` with every sealed string opened (one that does not open is kept)."""
        return _map_strings(data, lambda s: plain if (plain := self._opens(s)) is not None else s)

    def mask(self, data: Any) -> Any:
        """A copy of JSON-like ``data`` with every sealed string replaced by its masked plaintext
        (a derived value by :data:`HIDDEN`, whatever it holds)."""

        def masked(sealed: str) -> str:
            if (plain := self._opens(sealed)) is None:
                return sealed
            return HIDDEN if sealed.startswith(DERIVED_PREFIX) else mask_value(plain)

        return _map_strings(data, masked)

    def show(self, data: Any, *, in_clear: bool) -> Any:
        """``data`` as a reader gets it: revealed for one entitled to the personal data, else masked."""
        return self.reveal(data) if in_clear else self.mask(data)


def _map_strings(data: Any, change: Any) -> Any:
    if isinstance(data, str):
        return change(data) if is_sealed(data) else data
    if isinstance(data, dict):
        return {key: _map_strings(value, change) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_map_strings(value, change) for value in data]
    return data


# -- finding personal data in a validated form ---------------------------------------------------


def seal_model(model: BaseModel, vault: Vault) -> dict[str, Any]:
    """``model.model_dump(mode="json")`` with the value of every :class:`PII` field sealed.

    Fields are found by their declared types, at any depth: nested models, lists, tuples and dicts
    of them, ``Optional``; a nested model is read by its own class, so subclasses are covered.
    """
    return _seal_model(model, model.model_dump(mode="json"), vault)


def _seal_model(model: BaseModel, dumped: Any, vault: Vault) -> Any:
    if isinstance(model, RootModel):
        info = type(model).model_fields["root"]
        return _seal(_declared(info), model.root, dumped, vault)
    if not isinstance(dumped, dict):
        return dumped
    out = dict(dumped)
    for name, info in type(model).model_fields.items():
        if name in out:
            out[name] = _seal(_declared(info), getattr(model, name), out[name], vault)
    return out


def _declared(info: Any) -> Any:
    """The field's type with the metadata pydantic took out of its ``Annotated`` put back."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _seal(annotation: Any, value: Any, dumped: Any, vault: Vault) -> Any:
    if value is None or dumped is None:
        return dumped
    arms = _arms(annotation)
    kinds = {kind for _, kind in arms if kind}
    if "derived" in kinds:
        return vault.seal_derived(dumped)
    if isinstance(value, BaseModel):
        return _seal_model(value, dumped, vault)
    if isinstance(value, str):
        return vault.seal(dumped) if isinstance(dumped, str) and kinds else dumped
    if isinstance(value, dict) and isinstance(dumped, dict):
        inner = _item_types(arms, dict, 1)
        return {
            key: _seal(inner, item, dumped[key], vault) for key, item in zip(dumped, value.values())
        }
    if isinstance(value, (list, tuple, set, frozenset)) and isinstance(dumped, list):
        return [
            _seal(_item_types(arms, type(value), i), item, out, vault)
            for i, (item, out) in enumerate(zip(value, dumped))
        ]
    return dumped


def _arms(annotation: Any) -> list[tuple[Any, str | None]]:
    """The alternatives of a (possibly Optional or Annotated) type, each with its PII kind (or None)."""
    kind = None
    while typing.get_origin(annotation) is Annotated:
        kind = kind or next((m.kind for m in annotation.__metadata__ if isinstance(m, PII)), None)
        annotation = annotation.__origin__
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [
            (arm, inner or kind)
            for a in typing.get_args(annotation)
            if a is not type(None)
            for arm, inner in _arms(a)
        ]
    return [(annotation, kind)]


def _item_types(arms: list[tuple[Any, str | None]], container: type, position: int) -> Any:
    """The declared type of an item at ``position`` of a container value (Any when unknown)."""
    for arm, _ in arms:
        origin, args = typing.get_origin(arm), typing.get_args(arm)
        if origin is None or not args or not _fits(origin, container):
            continue
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return args[position] if position < len(args) else Any
        return args[-1] if container is dict else args[0]
    return Any


def _fits(origin: Any, container: type) -> bool:
    try:
        return issubclass(container, origin)
    except TypeError:
        return False


# -- log redaction -------------------------------------------------------------------------------

_previous_factory: Any = None


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except (
        Exception
    ):  # a malformed call: keep its text, redacted, rather than leak it in the error report
        message = f"{record.msg} {record.args!r}"
    if (redacted := redact(message)) != message:
        record.msg, record.args = redacted, None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_log_redaction() -> bool:
    """Mask identity and mobile numbers in every log record from now on (idempotent).

    Returns whether this call installed it (False: it already was), so a test can restore the
    state it found.

    The record factory redacts the formatted message, pre-formats and redacts the traceback into
    ``exc_text`` (which formatters use when set; a pydantic ValidationError quotes its input), and
    redacts ``stack_info``. A handler that formats ``exc_info`` itself bypasses this.
    """
    global _previous_factory
    if _previous_factory is not None:
        return False
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _redact_record(record)
        return record

    _previous_factory = previous
    logging.setLogRecordFactory(factory)
    return True


def uninstall_log_redaction() -> None:
    """Restore the record factory found by :func:`install_log_redaction` (for tests)."""
    global _previous_factory
    if _previous_factory is not None:
        logging.setLogRecordFactory(_previous_factory)
        _previous_factory = None
