"""Default aggregation: the sum of scored criteria, judgment points averaged over reviewers."""

from __future__ import annotations

from statistics import fmean

from core.criteria import CriterionKind, CriterionResult, EvaluationMode
from core.hookspecs import hookimpl
from core.scoring import Assessment, ReviewFacts, latest_judgments


@hookimpl(trylast=True)
def accredit_aggregate(results: list[CriterionResult], reviews: list[ReviewFacts]) -> Assessment:
    scored = [r for r in results if r.kind is CriterionKind.SCORED]
    if not scored:
        return Assessment()
    judged = latest_judgments(reviews)
    total, maximum, lines, counted = 0.0, 0.0, [], {}
    for result in scored:
        maximum += result.max_points or 0
        if result.mode is EvaluationMode.AUTOMATIC:
            points = result.points or 0.0
            lines.append(
                f"{result.citation} {result.title}：{points:g}/{result.max_points:g}（自动计算）"
            )
        else:
            given = [
                float(v)
                for v in judged.get(result.criterion_id, {}).values()
                if isinstance(v, (int, float))
            ]
            points = round(fmean(given), 2) if given else 0.0
            lines.append(
                f"{result.citation} {result.title}：{points:g}/{result.max_points:g}"
                f"（{len(given)} 位评审的平均分）"
                if given
                else f"{result.citation} {result.title}：尚未评分"
            )
            counted[result.criterion_id] = points if given else None
        total += points
    return Assessment(total=round(total, 2), maximum=maximum, lines=tuple(lines), points=counted)
