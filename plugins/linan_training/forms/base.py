"""Building blocks shared by the forms beyond core's (:mod:`core.forms`): money, identity numbers, people."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Iterable

from pydantic import AfterValidator, Field, StringConstraints
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as NumberInvalid

from core.forms import Form, Text

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


def _resident_id(value: str) -> str:
    try:
        return ric.validate(value)
    except NumberInvalid:
        raise ValueError("居民身份证号码无效（GB 11643：长度、出生日期或校验码有误）") from None


IdNumber = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True), AfterValidator(_resident_id)]


class Person(Form):
    """A trainee, candidate, teacher or examiner, identified by the resident id number."""

    name: Text = Field(title="姓名")
    id_number: IdNumber = Field(title="居民身份证号码")


def refuse_duplicates(id_numbers: Iterable[str], what: str) -> None:
    """A list of people must name each person once (a validator helper)."""
    seen, repeated = set(), []
    for number in id_numbers:
        if number in seen:
            repeated.append(number)
        seen.add(number)
    if repeated:
        raise ValueError(f"{what}重复：{'、'.join(repeated)}")
