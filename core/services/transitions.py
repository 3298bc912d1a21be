"""Taking a workflow transition: checks, review, move, effect, quota and event log, atomically.

Nothing is written until every check passed; any refusal raises :class:`Refused` and the caller's
transaction rolls back, so the application is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.clock import china_date
from core.criteria import CriterionKind, EvaluationMode
from core.db import models
from core.engine import evaluate as ev
from core.engine.audit import record
from core.engine.context import TransitionContext
from core.engine.facts import institution_facts, recognition_facts, review_facts
from core.engine.requirements import (
    conflict_refusal,
    four_eyes_refusal,
    judgment_requirements,
    role_refusal,
    score_range,
)
from core.errors import ErrorCode, Refused, UserError
from core.identity.accounts import has_conflict
from core.platform import Platform
from core.registry import SchemeEntry
from core.roles import Role
from core.scoring import Judgment, ReviewFacts
from core.services import loading
from core.services.applications import check_version, evaluate_row, evaluation_date, snapshot
from core.services.effects import apply_effect
from core.workflow import ReviewMode, Stage, Transition


@dataclass(frozen=True)
class Act:
    transition: str
    expected_version: int
    comment: str = ""
    judgments: tuple[Judgment, ...] = ()


async def act(
    platform: Platform, session: AsyncSession, actor: Actor, application_id: int, request: Act
) -> models.Application:
    row = await loading.application_in_view(session, actor, application_id, "input", "id")
    entry = platform.registry.scheme(row.scheme_id)
    kind = entry.kind(row.kind)
    workflow = kind.workflow
    if await _is_replay(session, row, actor, request):
        return row  # the same request, already carried out: same result, no second effect
    stage = workflow.stage(row.stage)
    transition = _find(
        workflow.available(stage.id), request.transition, stage.title, row, request.expected_version
    )
    if refusal := role_refusal(actor.role, transition):
        raise Refused(
            [refusal],
            denial=f"{transition.id} on application {row.id} by role {actor.role.value}",
            subject=("application", row.id),
        )
    inst = await loading.institution(session, row.institution_id)
    if actor.role is not Role.APPLICANT:
        await _check_independence(session, actor, row, inst, stage, transition)
    check_version(
        row, request.expected_version
    )  # who may act is answered first, whatever version they hold
    _check_judgments(entry, row.kind, stage, transition, request.judgments)

    today = platform.today()
    before = snapshot(row)
    if (
        transition.submits and row.submitted_at is None
    ):  # the first submission: the application date and area
        row.submitted_at = platform.now()
        row.division_code, row.city_code = inst.division_code, inst.city_code
    earlier = [review_facts(r) for r in await loading.reviews(session, row.id)]
    current = ReviewFacts(
        actor.name,
        actor.role.value,
        stage.id,
        transition.id,
        dt.datetime.now(dt.UTC),
        request.judgments,
        request.comment,
    )
    results, assessment, form = await evaluate_row(
        platform, session, row, entry, kind, reviews=[*earlier, current]
    )
    rec = await loading.recognition(session, row.recognition_id) if row.recognition_id else None
    context = TransitionContext(
        scheme=entry.scheme,
        kind=kind,
        transition=transition,
        stage=stage,
        application_id=row.id,
        form=form,
        occupations=tuple(o.occupation for o in row.occupations),
        institution=institution_facts(inst, row),
        role=actor.role,
        actor=actor.name,
        today=today,
        params=entry.scheme.parameters.at(today),
        calendar=platform.calendar,
        results=tuple(results),
        reviews=tuple(earlier),
        judgments=request.judgments,
        comment=request.comment,
        assessment=assessment,
        round=entry.rounds.get(row.round_id) if row.round_id else None,
        stage_entered_on=china_date(row.stage_entered_at),
        recognition=recognition_facts(rec) if rec else None,
        ban_until=await loading.ban_until(session, inst.id, entry.scheme.id),
    )
    refusals = [
        e
        for errors in platform.pm.hook.accredit_transition_refusals(context=context)
        for e in errors or ()
    ]
    if refusals:
        raise Refused(refusals)

    if (
        request.comment.strip() or request.judgments
    ):  # judgments were refused above unless the mode allows them
        session.add(
            models.Review(
                application_id=row.id,
                reviewer=actor.name,
                role=actor.role.value,
                stage=stage.id,
                transition=transition.id,
                decision=transition.target,
                comment=request.comment,
                judgments=[
                    models.ReviewJudgment(
                        criterion_id=j.criterion_id, passed=j.passed, points=j.points, note=j.note
                    )
                    for j in request.judgments
                ],
            )
        )
    target = workflow.stage(transition.target)
    if target.id != stage.id:
        row.stage, row.status, row.stage_entered_at = target.id, target.status.value, platform.now()
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    await session.flush()
    await ev.store(
        session,
        row,
        entry,
        results,
        assessment,
        trigger=transition.id,
        on=evaluation_date(platform, row),
    )
    record(
        session,
        actor,
        "application.transitioned",
        "application",
        row.id,
        scheme_id=entry.scheme.id,
        application_id=row.id,
        before=before,
        after=snapshot(row),
        details={
            "transition": transition.id,
            "from": stage.id,
            "to": target.id,
            "comment": request.comment,
            "judgments": [j.__dict__ for j in request.judgments],
            "score": assessment.total,
            "grade": assessment.grade,
        },
    )
    await apply_effect(platform, session, actor, entry, row, transition, context, rec)
    return row


async def _is_replay(
    session: AsyncSession, row: models.Application, actor: Actor, request: Act
) -> bool:
    """A client that lost the response may send the same act again: it was based on the version
    just before the application's latest transition, by the same actor, with the same action."""
    if row.version != request.expected_version + 1:
        return False
    last = await loading.last_event(session, row.id)
    return (
        last is not None
        and last.action == "application.transitioned"
        and last.actor == actor.name
        and last.role == actor.role.value
        and last.details.get("transition") == request.transition
        and (last.after or {}).get("version") == row.version
    )


async def _check_independence(
    session: AsyncSession,
    actor: Actor,
    row: models.Application,
    inst: models.Institution,
    stage: Stage,
    transition: Transition,
) -> None:
    """Conflict of interest: nobody reviews or decides for an institution they are recorded as
    linked to. Four eyes: whoever submitted or reviewed the application at the stage before this
    one may not decide (move it on from) this one."""
    if await has_conflict(session, actor, inst.credit_code):
        raise Refused(
            [conflict_refusal(actor, inst.name)],
            subject=("application", row.id),
            denial=f"{transition.id} on application {row.id}: recorded conflict of interest",
        )
    if transition.target == transition.source:
        return  # recording a review without moving the application decides nothing
    if refusal := four_eyes_refusal(
        actor, stage, transition, await loading.transitions_of(session, row.id)
    ):
        raise Refused(
            [refusal],
            subject=("application", row.id),
            denial=f"{transition.id} on application {row.id}: acted at the previous stage",
        )


def _find(
    available: tuple[Transition, ...],
    wanted: str,
    stage_title: str,
    row: models.Application,
    expected_version: int,
) -> Transition:
    for transition in available:
        if transition.id == wanted:
            return transition
    check_version(
        row, expected_version
    )  # not possible now: a client holding an old version is told that first
    options = "、".join(f"{t.id}（{t.title}）" for t in available) or "无（流程已结束）"
    raise Refused.one(
        ErrorCode.TRANSITION_NOT_ALLOWED,
        f"申请当前处于“{stage_title}”阶段，不能执行 {wanted!r}；可执行的操作：{options}",
        "input",
        "action",
    )


def _check_judgments(
    entry: SchemeEntry,
    kind_id: str,
    stage: Stage,
    transition: Transition,
    judgments: tuple[Judgment, ...],
) -> None:
    if judgments and transition.review is ReviewMode.NONE:
        raise Refused.one(
            ErrorCode.INVALID, f"“{transition.title}”不记录评审打分或判定", "input", "judgments"
        )
    errors, seen = [], set()
    criteria = entry.criteria_for(kind_id)
    applicable = {
        r.criterion.id: r.criterion for r in judgment_requirements(criteria, stage, transition)
    }
    scored = {c.id: c for c in criteria if score_range(c) and c.mode is EvaluationMode.JUDGMENT}
    for i, j in enumerate(judgments):
        path = ("input", "judgments", str(i))
        criterion = applicable.get(j.criterion_id)
        if j.criterion_id in seen:
            errors.append(
                UserError(
                    ErrorCode.DUPLICATE, f"对 {j.criterion_id} 重复评审", (*path, "criterionId")
                )
            )
        seen.add(j.criterion_id)
        if criterion is None and j.criterion_id in scored:  # deciding is not scoring
            item = scored[j.criterion_id]
            errors.append(
                UserError(
                    ErrorCode.ROLE_NOT_ALLOWED,
                    f"“{stage.title}”阶段的评分由 {stage.scorer.label} 记录；{transition.role.label} 可以决定和填写意见，但不能评分"
                    f"（{item.citation} {item.title}）",
                    (*path, "points"),
                )
            )
        elif criterion is None:
            errors.append(
                UserError(
                    ErrorCode.INVALID,
                    f"{j.criterion_id!r} 不是本申请需评审判定的指标",
                    (*path, "criterionId"),
                )
            )
        elif points := score_range(criterion):
            if j.points is None:
                errors.append(
                    UserError(
                        ErrorCode.REQUIRED,
                        f"{criterion.citation} {criterion.title} 须给出分数",
                        (*path, "points"),
                    )
                )
            elif not points[0] <= j.points <= points[1]:
                errors.append(
                    UserError(
                        ErrorCode.SCORE_OUT_OF_RANGE,
                        f"{criterion.citation} {criterion.title} 满分 {criterion.max_points:g} 分，给出 {j.points:g} 分",
                        (*path, "points"),
                    )
                )
        elif criterion.kind is CriterionKind.GATE and j.passed is None:
            errors.append(
                UserError(
                    ErrorCode.REQUIRED,
                    f"{criterion.citation} {criterion.title} 须判定是否符合",
                    (*path, "passed"),
                )
            )
    if errors:
        raise Refused(errors)
