"""A recognition scheme, its rounds and its application kinds, as a plugin declares them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from core.parameters import Parameters
from core.roles import Role
from core.workflow import Workflow


@dataclass(frozen=True)
class Scheme:
    id: str  # stable slug, e.g. "hz_outsourcing"
    title: str
    document_number: str  # 文号, e.g. 杭商务〔2021〕192号
    authority: str  # issuing authority
    jurisdiction: str  # GB/T 2260 code of the area it covers
    effective_from: dt.date
    version: str  # bump when the encoding changes; recorded on every evaluation
    parameters: Parameters
    recognition_title: str  # what a grant is called, e.g. 杭州市服务外包人才培训机构
    effective_to: dt.date | None = None
    ban_parameter: str | None = (
        None  # parameter holding the re-application ban in years after a revocation whose ground carries it
    )
    summary: str = ""


@dataclass(frozen=True)
class Round:
    """A call for applications (申报批次). ``closes_on`` is the last day submissions are accepted."""

    id: str
    title: str
    opens_on: dt.date
    closes_on: dt.date
    kinds: tuple[str, ...] = ("recognition",)
    citation: str = ""

    def is_open(self, on: dt.date) -> bool:
        return self.opens_on <= on <= self.closes_on


class Purpose(enum.Enum):
    NEW_RECOGNITION = "new_recognition"  # may end in a grant; bans apply
    CONCERNS_RECOGNITION = "concerns_recognition"  # reports, checks, cases about a held recognition
    STANDALONE = "standalone"


@dataclass(frozen=True)
class ApplicationKind:
    id: str  # "recognition", "annual_report", "class_filing", …
    title: str
    form: type[BaseModel]  # validates and documents the form data; its JSON Schema is published
    workflow: Workflow
    purpose: Purpose = Purpose.NEW_RECOGNITION
    initiator: Role | tuple[Role, ...] = (
        Role.APPLICANT
    )  # who may start one (several roles: a tuple)
    needs_round: bool = False  # submissions only inside an open round of this kind
    citation: str = ""
    occupations_from: Callable[[BaseModel], Iterable[str]] | None = None
    """The application's occupations read from its validated form (e.g. the codes of the form's
    occupation table): a client sends them once, in the form, and core derives the list quotas and
    filters use; occupations sent besides must agree. None: the client sends the list itself."""

    @property
    def initiators(self) -> tuple[Role, ...]:
        return self.initiator if isinstance(self.initiator, tuple) else (self.initiator,)
