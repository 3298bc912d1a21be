"""Evaluating an application: every applicable criterion through the evaluation hook, then the
aggregate; optionally stored with the plugin and scheme version that produced it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pluggy
from pydantic import BaseModel
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar import WorkingCalendar
from core.criteria import CriterionResult, Facts, Outcome
from core.db import models
from core.engine.jsonable import jsonable
from core.errors import ErrorCode, Refused
from core.institutions import InstitutionFacts
from core.recognitions import RecognitionFacts
from core.registry import SchemeEntry
from core.schemes import ApplicationKind
from core.scoring import Assessment, ReviewFacts, gate_verdicts
from core.workflow import Workflow


def evaluate(
    pm: pluggy.PluginManager,
    entry: SchemeEntry,
    kind: ApplicationKind,
    *,
    form: BaseModel,
    institution: InstitutionFacts,
    on: dt.date,
    calendar: WorkingCalendar,
    occupations: tuple[str, ...] = (),
    recognition: RecognitionFacts | None = None,
    history: tuple = (),
) -> list[CriterionResult]:
    if on < entry.scheme.effective_from:
        raise Refused.one(
            ErrorCode.NOT_IN_FORCE,
            f"“{entry.scheme.title}”自 {entry.scheme.effective_from.isoformat()} 起施行，"
            f"不能按 {on.isoformat()} 评估",
        )
    facts = Facts(
        form=form,
        institution=institution,
        on=on,
        params=entry.scheme.parameters.at(on),
        calendar=calendar,
        kind=kind.id,
        occupations=occupations,
        recognition=recognition,
        history=history,
    )
    results = []
    for criterion in entry.criteria_for(kind.id):
        finding = pm.hook.accredit_evaluate_criterion(
            scheme=entry.scheme, criterion=criterion, facts=facts
        )
        results.append(
            CriterionResult(
                criterion_id=criterion.id,
                title=criterion.title,
                citation=criterion.citation,
                kind=criterion.kind,
                mode=criterion.mode,
                outcome=finding.outcome,
                rule=finding.rule,
                values=dict(finding.values),
                parameters=tuple(finding.parameters),
                points=finding.points,
                max_points=criterion.max_points,
                field=finding.field,
            )
        )
    return results


def aggregate(
    pm: pluggy.PluginManager,
    entry: SchemeEntry,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment:
    return pm.hook.accredit_aggregate(
        scheme=entry.scheme, kind=kind, results=results, reviews=reviews
    )


def counted(workflow: Workflow, reviews: list[ReviewFacts]) -> list[ReviewFacts]:
    """The reviews as aggregation sees them: points count only when recorded by the role that scores
    at the stage where they were given (its panel, else the role acting there). Core refuses other
    points when they are given; this keeps any stored before that rule out of every total."""
    out = []
    for review in reviews:
        scorer = workflow.scorer(review.stage)
        if (
            scorer is not None
            and scorer.value != review.role
            and any(j.points is not None for j in review.judgments)
        ):
            review = replace(
                review, judgments=tuple(j for j in review.judgments if j.points is None)
            )
        out.append(review)
    return out


def with_judgments(
    results: list[CriterionResult], reviews: list[ReviewFacts]
) -> list[CriterionResult]:
    """Fold reviewers' gate decisions into judgment results, so they read as decided."""
    verdicts = gate_verdicts(reviews)
    out = []
    for result in results:
        passed = verdicts.get(result.criterion_id)
        if result.outcome is Outcome.PENDING and passed is not None:
            result = replace(
                result,
                outcome=Outcome.PASS if passed else Outcome.FAIL,
                rule=f"{result.rule}（评审判定）",
            )
        out.append(result)
    return out


def scored(results: list[CriterionResult], assessment: Assessment) -> list[CriterionResult]:
    """Results as stored and shown: a judged item the aggregation counted points for reads as scored,
    with those points (a reviewer's pending item becomes e.g. SCORED 8.5/10 once the panel scored)."""
    out = []
    for result in results:
        points = assessment.points.get(result.criterion_id)
        if result.outcome is Outcome.PENDING and points is not None:
            result = replace(result, outcome=Outcome.SCORED, points=points)
        out.append(result)
    return out


async def store(
    session: AsyncSession,
    application: models.Application,
    entry: SchemeEntry,
    results: list[CriterionResult],
    assessment: Assessment,
    *,
    trigger: str,
    on: dt.date,
) -> models.Evaluation:
    evaluation = models.Evaluation(
        application_id=application.id,
        trigger=trigger,
        evaluated_on=on,
        plugin=entry.plugin,
        plugin_version=entry.plugin_version,
        scheme_version=entry.scheme.version,
        total=assessment.total,
        maximum=assessment.maximum,
        passed=assessment.passed,
        grade=assessment.grade,
        lines=list(assessment.lines),
        subtotals=[jsonable(s.__dict__) for s in assessment.subtotals],
    )
    session.add(evaluation)
    await session.flush()
    if (
        results
    ):  # one multi-row INSERT (added one by one, the ORM sends one INSERT per row to fetch its id)
        await session.execute(
            insert(models.CriterionResult),
            [
                dict(
                    evaluation_id=evaluation.id,
                    application_id=application.id,
                    criterion_id=r.criterion_id,
                    position=position,
                    title=r.title,
                    citation=r.citation,
                    kind=r.kind.value,
                    mode=r.mode.value,
                    outcome=r.outcome.value,
                    rule=r.rule,
                    values=jsonable(r.values),
                    parameters=jsonable(r.parameters),
                    points=r.points,
                    max_points=r.max_points,
                    field=list(r.field),
                )
                for position, r in enumerate(scored(results, assessment))
            ],
            execution_options={"render_nulls": True},
        )  # nulls too: one batch
    application.score, application.grade = assessment.total, assessment.grade
    return evaluation
