"""Criteria a plugin contributes, and the findings and results they produce.

A :class:`Criterion` is one requirement of a policy document, citing its article. It is either an
eligibility *gate* (pass/fail), a *scored* item with a maximum, or *information* recorded for
reviewers. Its evaluation is either *automatic* (a pure ``check`` function over the application's
:class:`Facts`, like an OpenFisca formula) or left to *reviewer judgment* (decided in a review).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from core.calendar import WorkingCalendar
from core.institutions import InstitutionFacts
from core.parameters import ParameterValue, ParameterView

if TYPE_CHECKING:
    from core.recognitions import RecognitionFacts


class CriterionKind(enum.Enum):
    GATE = "gate"  # must pass, or the application cannot proceed
    SCORED = "scored"  # earns 0..max_points
    INFO = "info"  # recorded for reviewers, decides nothing


class EvaluationMode(enum.Enum):
    AUTOMATIC = "automatic"  # computed from the form and recorded facts
    JUDGMENT = "judgment"  # decided by a reviewer in a review


class Outcome(enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    PENDING = "pending"  # awaits a reviewer's judgment
    SCORED = "scored"
    INFO = "info"  # recorded only; on a gate it means "does not apply to this applicant"


def blocks(kind: CriterionKind, outcome: Outcome) -> bool:
    """Whether a gate's outcome stops the application: anything but a pass, except "not applicable"."""
    return kind is CriterionKind.GATE and outcome not in (Outcome.PASS, Outcome.INFO)


@dataclass(frozen=True)
class ApplicationSummary:
    """Another application of the same institution under the same scheme (e.g. earlier classes)."""

    id: int
    kind: str
    stage: str
    status: str
    form: dict[str, Any]
    occupations: tuple[str, ...]
    submitted_on: dt.date | None
    updated_on: dt.date
    stage_entered_on: (
        dt.date
    )  # when it reached its current stage (for a closed one: when it closed)
    round_id: str | None = None


@dataclass(frozen=True)
class Facts:
    """Everything a check may look at. Plugins receive it; they never query the database."""

    form: BaseModel
    institution: InstitutionFacts
    on: dt.date  # the date the evaluation is made for (submission date)
    params: ParameterView  # the scheme's parameters in force on ``on``
    calendar: WorkingCalendar
    kind: str
    occupations: tuple[str, ...] = ()
    recognition: RecognitionFacts | None = None  # for kinds that concern a recognition
    history: tuple[
        ApplicationSummary, ...
    ] = ()  # the institution's other applications in this scheme


@dataclass(frozen=True)
class Finding:
    """What a check returns: outcome, the rule applied, the values compared, optional points."""

    outcome: Outcome
    rule: str
    values: dict[str, Any] = field(default_factory=dict)
    points: float | None = None
    field: tuple[str, ...] = ()  # the form field the finding is about, for error paths
    parameters: tuple[ParameterValue, ...] = ()  # policy numbers used, with their source

    @classmethod
    def compare(
        cls,
        holds_and_rule: tuple[bool, str],
        *,
        actual: Any,
        field: tuple[str, ...] = (),
        parameter: ParameterValue | None = None,
        label: str = "",
    ) -> Finding:
        """A gate finding from a :mod:`core.counting` comparison."""
        holds, rule = holds_and_rule
        return cls(
            Outcome.PASS if holds else Outcome.FAIL,
            f"{label}{'：' if label else ''}应为{rule}",
            {"actual": actual, **({"threshold": parameter.value} if parameter else {})},
            field=field,
            parameters=(parameter,) if parameter else (),
        )


Check = Callable[[Facts], Finding]


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    citation: str  # e.g. "第六条（三）"
    kind: CriterionKind
    mode: EvaluationMode
    category: str = ""
    max_points: float | None = None  # SCORED only
    kinds: tuple[str, ...] = ("recognition",)  # application kinds it applies to
    check: Check | None = None  # AUTOMATIC only
    guidance: str = ""  # what a reviewer should look at (JUDGMENT)

    def __post_init__(self) -> None:
        if (self.mode is EvaluationMode.AUTOMATIC) != (self.check is not None):
            raise ValueError(
                f"criterion {self.id}: automatic criteria need a check, judgment ones must not have one"
            )
        if (self.kind is CriterionKind.SCORED) != (self.max_points is not None):
            raise ValueError(
                f"criterion {self.id}: scored criteria need max_points, others must not have it"
            )


@dataclass(frozen=True)
class CriterionResult:
    """A criterion evaluated for one application, with everything needed to explain it."""

    criterion_id: str
    title: str
    citation: str
    kind: CriterionKind
    mode: EvaluationMode
    outcome: Outcome
    rule: str
    values: dict[str, Any]
    points: float | None = None
    max_points: float | None = None
    field: tuple[str, ...] = ()
    parameters: tuple[ParameterValue, ...] = ()  # policy numbers applied, with article and date

    @property
    def explanation(self) -> str:
        values = "，".join(f"{k}={v}" for k, v in self.values.items())
        return f"{self.citation} {self.title}：{self.rule}" + (f"（{values}）" if values else "")
