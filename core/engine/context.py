"""What a transition's guards and the refusal hook see: plain facts, nothing to query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.calendar import WorkingCalendar
from core.criteria import CriterionResult
from core.institutions import InstitutionFacts
from core.parameters import ParameterView
from core.recognitions import RecognitionFacts
from core.roles import Role
from core.schemes import ApplicationKind, Round, Scheme
from core.scoring import Assessment, Judgment, ReviewFacts
from core.workflow import Stage, Transition


@dataclass(frozen=True)
class TransitionContext:
    scheme: Scheme
    kind: ApplicationKind
    transition: Transition
    stage: Stage
    application_id: int | None
    form: Any  # the validated form model instance
    occupations: tuple[str, ...]
    institution: InstitutionFacts
    role: Role
    actor: str
    today: dt.date
    params: ParameterView
    calendar: WorkingCalendar
    results: tuple[CriterionResult, ...]  # the latest evaluation
    reviews: tuple[ReviewFacts, ...]  # earlier reviews of this application
    judgments: tuple[Judgment, ...]  # judgments given with this very act
    comment: str  # the comment given with this very act
    assessment: Assessment
    round: Round | None
    stage_entered_on: dt.date
    recognition: RecognitionFacts | None  # the recognition the application concerns, if any
    ban_until: dt.date | None  # a running re-application ban for this scheme
