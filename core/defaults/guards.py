"""Built-in transition guards: round, ban, gates, judgments, time in stage, the transition's own.

These run through :func:`~core.hookspecs.accredit_transition_refusals`, the same hook a plugin
uses to add a guard of its own.
"""

from __future__ import annotations

from core.criteria import CriterionKind, EvaluationMode, Outcome, blocks
from core.engine.context import TransitionContext
from core.engine.requirements import (
    gates_apply,
    min_time_in_stage,
    reason_required,
    round_refusal,
    time_in_stage_refusal,
)
from core.errors import ErrorCode, UserError
from core.hookspecs import hookimpl
from core.periods import DAY
from core.schemes import Purpose
from core.scoring import ReviewFacts, gate_verdicts


def _round(ctx: TransitionContext) -> list[UserError]:
    refusal = round_refusal(ctx.kind, ctx.transition, ctx.round, ctx.today)
    return [refusal] if refusal else []


def _ban(ctx: TransitionContext) -> list[UserError]:
    """A new application is refused up to and including the ban's last day (“三年内”: the anniversary)."""
    if (
        ctx.transition.submits
        and ctx.kind.purpose is Purpose.NEW_RECOGNITION
        and ctx.ban_until
        and ctx.today <= ctx.ban_until
    ):
        ban = ctx.scheme.ban_parameter
        cite = ctx.params[ban].reference if ban else ""
        return [
            UserError(
                ErrorCode.BANNED,
                f"该机构的“{ctx.scheme.recognition_title}”认定已被取消，至 {ctx.ban_until.isoformat()}（含当日）不得再次申报，"
                f"{(ctx.ban_until + DAY).isoformat()} 起方可申报（{cite}）",
            )
        ]
    return []


def _gates(ctx: TransitionContext) -> list[UserError]:
    if not gates_apply(ctx.transition):
        return []
    return [
        UserError(
            ErrorCode.CRITERION_NOT_MET,
            f"不符合{r.explanation}",
            ("form", *r.field) if r.field else ("criteria", r.criterion_id),
        )
        for r in ctx.results
        if r.mode is EvaluationMode.AUTOMATIC and blocks(r.kind, r.outcome)
    ]


def _judgments(ctx: TransitionContext) -> list[UserError]:
    if not ctx.transition.requires_judgment:
        return []
    current = ReviewFacts(
        ctx.actor, ctx.role.value, ctx.stage.id, ctx.transition.id, None, ctx.judgments
    )
    verdicts = gate_verdicts([*ctx.reviews, current])
    errors = []
    for r in ctx.results:
        if (
            r.kind is not CriterionKind.GATE
            or r.mode is not EvaluationMode.JUDGMENT
            or r.outcome is Outcome.INFO
        ):
            continue
        verdict = verdicts.get(r.criterion_id)
        if verdict is None:
            errors.append(
                UserError(
                    ErrorCode.JUDGMENT_MISSING,
                    f"尚未对 {r.citation} {r.title} 作出判定",
                    ("judgments", r.criterion_id),
                )
            )
        elif verdict is False:
            errors.append(
                UserError(
                    ErrorCode.CRITERION_NOT_MET,
                    f"评审判定不符合 {r.citation} {r.title}（须每位评审人员的最近一次判定均为符合）",
                    ("judgments", r.criterion_id),
                )
            )
    return errors


def _panel(ctx: TransitionContext) -> list[UserError]:
    """A decision that needs the judgments, taken at a stage where a panel scores, needs the panel:
    at least one of its members has recorded a review at this stage."""
    t, stage = ctx.transition, ctx.stage
    if (
        not t.requires_judgment
        or stage.panel is None
        or t.target == t.source
        or ctx.role is stage.panel
    ):
        return []
    if any(r.role == stage.panel.value and r.stage == stage.id for r in ctx.reviews):
        return []
    return [
        UserError(
            ErrorCode.PANEL_REVIEW_MISSING,
            f"“{stage.title}”须先由评审组（{stage.panel.label}）评审，才能“{t.title}”：决定不能代替评审",
            ("judgments",),
        )
    ]


def _time_in_stage(ctx: TransitionContext) -> list[UserError]:
    required = min_time_in_stage(ctx.params, ctx.transition)
    refusal = time_in_stage_refusal(
        ctx.stage, required, ctx.stage_entered_on, ctx.today, ctx.calendar
    )
    return [refusal] if refusal else []


def _review(ctx: TransitionContext) -> list[UserError]:
    t = ctx.transition
    if reason_required(t) and not ctx.comment.strip() and not ctx.judgments:
        return [UserError(ErrorCode.REQUIRED, f"“{t.title}”须填写评审意见", ("comment",))]
    return []


def _own_guards(ctx: TransitionContext) -> list[UserError]:
    return [
        UserError(ErrorCode.GUARD_FAILED, message)
        for guard in ctx.transition.guards
        if (message := guard(ctx))
    ]


@hookimpl(trylast=True)
def accredit_transition_refusals(context: TransitionContext) -> list[UserError]:
    return [
        *_round(context),
        *_ban(context),
        *_gates(context),
        *_judgments(context),
        *_panel(context),
        *_time_in_stage(context),
        *_review(context),
        *_own_guards(context),
    ]
