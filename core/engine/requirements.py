"""What a workflow transition asks of whoever takes it, stated once for the engine that enforces it
and for the API that publishes it on each ``Transition`` (``availableActions``), so a client need not
read a plugin's README: the judgments it records and which must be decided, the range of each
score, whether the automatic gates must pass, the time the application must have spent in its
stage, the round's dates, and who may not take it (wrong role, conflict of interest, four eyes).

Everything here is a pure function of declarations and facts; the engine (:mod:`core.services.
transitions`, :mod:`core.defaults.guards`) and the API call the same ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.actors import Actor
from core.calendar import WorkingCalendar
from core.criteria import Criterion, CriterionKind, EvaluationMode
from core.errors import ErrorCode, UserError
from core.parameters import ParameterValue, ParameterView
from core.periods import DAY, within_working_days, working_days_strictly_between
from core.roles import Role
from core.schemes import ApplicationKind, Round
from core.workflow import ReviewMode, Stage, Transition


@dataclass(frozen=True)
class JudgmentRequirement:
    """A criterion a transition records judgments on; ``required``: it must have been decided a
    pass (each reviewer's latest decision) when the transition is taken, this act's judgments included."""

    criterion: Criterion
    required: bool

    @property
    def points(self) -> tuple[float, float] | None:
        return score_range(self.criterion)


def score_range(criterion: Criterion) -> tuple[float, float] | None:
    """The points a judgment may give a scored criterion, both ends included: 0 to its maximum (the
    contract declares no narrower range); None for a gate, which is decided pass or fail."""
    return (
        (0.0, float(criterion.max_points))
        if criterion.kind is CriterionKind.SCORED and criterion.max_points is not None
        else None
    )


def judgment_requirements(
    criteria: Iterable[Criterion], stage: Stage, transition: Transition
) -> tuple[JudgmentRequirement, ...]:
    """The judgment criteria (of the application's kind) a transition records judgments on: none
    unless it records a review; scored ones only for the role that scores at the stage (its panel,
    else the role acting there: deciding is not scoring); of those, the judgment gates must be
    decided when it requires judgment."""
    if transition.review is ReviewMode.NONE:
        return ()
    scores = transition.role is stage.scorer
    return tuple(
        JudgmentRequirement(c, transition.requires_judgment and c.kind is CriterionKind.GATE)
        for c in criteria
        if c.mode is EvaluationMode.JUDGMENT and (scores or c.kind is not CriterionKind.SCORED)
    )


def gates_apply(transition: Transition) -> bool:
    """Whether every automatic gate must pass: on a submission and where the transition says so."""
    return transition.submits or transition.requires_gates


def reason_required(transition: Transition) -> bool:
    """A written reason (a comment; judgments recorded with the act stand in for it) must be given."""
    return transition.comment_required or transition.review is ReviewMode.REQUIRED


def min_time_in_stage(params: ParameterView, transition: Transition) -> ParameterValue | None:
    """The parameter (in force on the view's date) holding the working days to spend in the stage first."""
    return (
        params[transition.min_working_days_in_stage]
        if transition.min_working_days_in_stage
        else None
    )


# -- refusals: who may not take it, and what is not yet so ------------------------------------------


def role_refusal(role: Role, transition: Transition) -> UserError | None:
    if role is transition.role:
        return None
    return UserError(
        ErrorCode.ROLE_NOT_ALLOWED,
        f"“{transition.title}”须由 {transition.role.label} 执行，当前角色为 {role.label}",
        ("input", "action"),
    )


def conflict_refusal(actor: Actor, institution_name: str) -> UserError:
    return UserError(
        ErrorCode.CONFLICT_OF_INTEREST,
        f"{actor.name} 已登记与{institution_name}存在利益关联，应当回避，不能评审或决定其申请",
        ("input", "id"),
    )


@dataclass(frozen=True)
class Move:
    """One transition the event log recorded: who moved the application from which stage to which."""

    actor: str
    source: str
    target: str


def four_eyes_refusal(
    actor: Actor, stage: Stage, transition: Transition, moves: list[Move]
) -> UserError | None:
    """Whoever submitted or reviewed the application at the stage before this one may not move it
    on from this one (recording a review without moving it decides nothing)."""
    if transition.target == transition.source:
        return None
    entry = next(
        (m for m in reversed(moves) if m.target == stage.id and m.source != stage.id), None
    )
    if entry is None or not any(m.actor == actor.name and m.source == entry.source for m in moves):
        return None
    return UserError(
        ErrorCode.FOUR_EYES,
        f"{actor.name} 已在上一环节（{entry.source}）提交或审核本申请，“{stage.title}”须由另一人办理（双人复核）",
        ("input", "action"),
    )


def round_refusal(
    kind: ApplicationKind, transition: Transition, rnd: Round | None, today: dt.date
) -> UserError | None:
    """A submission inside its round's dates (``closes_on`` the last day), or a round where the kind needs one."""
    if not transition.submits:
        return None
    if rnd is None:
        return (
            UserError(
                ErrorCode.ROUND_REQUIRED,
                f"“{kind.title}”须在申报批次内提交，请选择批次",
                ("round",),
            )
            if kind.needs_round
            else None
        )
    if today > rnd.closes_on:
        return UserError(
            ErrorCode.ROUND_CLOSED,
            f"“{rnd.title}”申报截止时间为 {rnd.closes_on.isoformat()}，已截止（今天 {today.isoformat()}）",
            ("round",),
        )
    if today < rnd.opens_on:
        return UserError(
            ErrorCode.ROUND_CLOSED,
            f"“{rnd.title}”自 {rnd.opens_on.isoformat()} 起接受申报，尚未开始",
            ("round",),
        )
    return None


def time_in_stage_refusal(
    stage: Stage,
    required: ParameterValue | None,
    entered_on: dt.date,
    today: dt.date,
    calendar: WorkingCalendar,
) -> UserError | None:
    """The stage's N working days (a public notice) counted from the day after it was entered must have
    run fully: the next step is taken after the Nth working day, not on it."""
    if required is None:
        return None
    elapsed = working_days_strictly_between(calendar, entered_on, today)  # today is not over yet
    if elapsed >= required.value:
        return None
    last_day = within_working_days(calendar, entered_on, required.value)
    return UserError(
        ErrorCode.GUARD_FAILED,
        f"“{stage.title}”须满 {required.value} 个工作日（{required.reference}）："
        f"自 {entered_on.isoformat()} 次日起算，至 {last_day.isoformat()} 届满，"
        f"{(last_day + DAY).isoformat()} 起方可办理；已满 {elapsed} 个工作日",
    )
