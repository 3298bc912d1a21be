"""Building blocks shared by the forms beyond core's (:mod:`core.forms`): money, people.

People are identified by the resident id number, core's personal-data type (:mod:`core.pii`):
validated (GB 11643), encrypted when stored, masked for whoever may not see it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from core.forms import Form, Text
from core.pii import IdNumber, mask_value

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class Person(Form):
    """A trainee, candidate, teacher or examiner, identified by the resident id number."""

    name: Text = Field(title="姓名")
    id_number: IdNumber = Field(title="居民身份证号码")


def refuse_duplicates(id_numbers: Iterable[str], what: str) -> None:
    """A list of people must name each person once (a validator helper); numbers are shown masked."""
    seen, repeated = set(), []
    for number in id_numbers:
        if number in seen:
            repeated.append(mask_value(number))
        seen.add(number)
    if repeated:
        raise ValueError(f"{what}重复：{'、'.join(repeated)}")
