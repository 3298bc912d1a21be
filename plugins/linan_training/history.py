"""Reading an institution's other applications (``Facts.history``) as the records they stand for.

The 培训师资库 is the set of approved teacher registrations; a class runs on its filing's plan as
last changed by an approved change request; exam attempts, reinstatements and designations are
read the same way. Stored forms are re-read through their models, so checks get typed values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from core.criteria import ApplicationSummary, Facts
from core.forms import reference_id
from core.periods import term_last_day
from plugins.linan_training import ids
from plugins.linan_training.forms import (
    ClassChangeForm,
    ClassFilingForm,
    ClassPlan,
    DesignationForm,
    ExamApplicationForm,
    TeacherRegistrationForm,
)
from plugins.linan_training.forms.exams import Result
from plugins.linan_training.levels import TeachingType, Tier


def filed(h: ApplicationSummary) -> bool:
    """Submitted and not withdrawn or refused: drafts (including returned ones) do not count yet."""
    return h.status not in ids.NOT_FILED


def _latest(items: list[ApplicationSummary]) -> ApplicationSummary | None:
    return max(items, key=lambda h: (h.stage_entered_on, h.id), default=None)


def approved_filing(facts: Facts, filing_id: int) -> ApplicationSummary | None:
    return next(
        (
            h
            for h in facts.history
            if h.kind == ids.CLASS_FILING and h.id == filing_id and h.stage == ids.APPROVED
        ),
        None,
    )


def effective_plan(facts: Facts, filing: ApplicationSummary) -> ClassPlan:
    """The plan a class runs on: its filing, as last changed by an approved change request."""
    changes = [
        h
        for h in facts.history
        if h.kind == ids.CLASS_CHANGE
        and h.stage == ids.APPROVED
        and reference_id(h.form.get("filing_id")) == filing.id
    ]
    change = _latest(changes)
    if change is not None:
        return ClassChangeForm.model_validate(change.form).revised
    return ClassFilingForm.model_validate(filing.form)


def approved_classes(
    facts: Facts, filed_by: dt.date | None = None
) -> list[tuple[ApplicationSummary, ClassPlan]]:
    """Approved class filings with their effective plans, optionally only those submitted by a date."""
    return [
        (h, effective_plan(facts, h))
        for h in facts.history
        if h.kind == ids.CLASS_FILING
        and h.stage == ids.APPROVED
        and (filed_by is None or (h.submitted_on is not None and h.submitted_on <= filed_by))
    ]


def teacher_pool(facts: Facts) -> dict[str, list[TeacherRegistrationForm]]:
    """培训师资库: approved registrations by the teacher's id number."""
    pool: dict[str, list[TeacherRegistrationForm]] = defaultdict(list)
    for h in facts.history:
        if h.kind == ids.TEACHER and h.stage == ids.REGISTERED:
            entry = TeacherRegistrationForm.model_validate(h.form)
            pool[entry.id_number].append(entry)
    return pool


def qualified(
    entries: list[TeacherRegistrationForm], tier: Tier, teaching: TeachingType, occupation: str
) -> bool:
    """Registered for this teaching type and occupation at this tier or above (高级 covers 初、中级)."""
    return any(
        scope.teaching is teaching and scope.tier.at_least(tier) and occupation in scope.occupations
        for entry in entries
        for scope in entry.scopes
    )


def current_designation(facts: Facts) -> DesignationForm | None:
    granted = _latest(
        [h for h in facts.history if h.kind == ids.DESIGNATION and h.stage == ids.DESIGNATED]
    )
    return DesignationForm.model_validate(granted.form) if granted else None


def exam_attempts(
    facts: Facts, filing_id: int
) -> list[tuple[ApplicationSummary, ExamApplicationForm]]:
    """Other assessments of one class that were filed (drafts, withdrawn and refused ones do not count)."""
    return [
        (h, ExamApplicationForm.model_validate(h.form))
        for h in facts.history
        if h.kind == ids.EXAM and reference_id(h.form.get("filing_id")) == filing_id and filed(h)
    ]


def passed(result: Result, pass_mark: float) -> bool:
    """合格: 应知 and 应会 both at or above the pass mark (“及以上” includes it)."""
    return result.theory_score >= pass_mark and result.practical_score >= pass_mark


def training_year(day: dt.date, starts: str) -> tuple[dt.date, dt.date]:
    """The 培训年度 containing ``day``: from its start (month-day ``starts``) to the day before the next."""
    month, mday = (int(part) for part in starts.split("-"))
    start = dt.date(day.year, month, mday)
    if day < start:
        start = dt.date(day.year - 1, month, mday)
    return start, term_last_day(start, years=1)


def reinstatements(facts: Facts) -> list[dt.date]:
    return [
        h.stage_entered_on
        for h in facts.history
        if h.kind == ids.CASE and h.stage == ids.REINSTATED
    ]
