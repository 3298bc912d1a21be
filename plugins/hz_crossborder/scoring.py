"""Scoring of 附件1: each expert's latest score per item, averaged; the self-score shown beside it.

Only judgments recorded through the experts' scoring transitions count as 专家评分: the
applicant's 自评分 is form data, shown on every item and summed in its own line, never added to
the total. The total stays empty until every item has at least one expert score, so an
application that is not fully scored never appears in the round's ranking.
"""

from __future__ import annotations

from statistics import fmean

from core.criteria import CriterionResult, Facts, Finding, Outcome
from core.scoring import Assessment, ReviewFacts, Subtotal
from plugins.hz_crossborder.rubric import BY_CRITERION, CATEGORIES, ITEMS, TOTAL, Item

SCORING_TRANSITIONS = ("expert_score", "expert_rescore")


def expert_sheets(
    reviews: list[ReviewFacts] | tuple[ReviewFacts, ...],
) -> dict[str, dict[str, float]]:
    """expert -> criterion id -> that expert's latest points, reviews taken in time order."""
    sheets: dict[str, dict[str, float]] = {}
    for review in reviews:
        if review.transition not in SCORING_TRANSITIONS:
            continue
        for judgment in review.judgments:
            if judgment.criterion_id in BY_CRITERION and judgment.points is not None:
                sheets.setdefault(review.reviewer, {})[judgment.criterion_id] = judgment.points
    return sheets


def self_score_finding(item: Item, facts: Facts) -> Finding:
    """A scored item awaits the experts; the applicant's self-score and the evidence travel with it."""
    return Finding(
        Outcome.PENDING,
        f"待专家酌情打分（满分{item.max_points}分）：{item.standard}",
        {"self_score": getattr(facts.form.self_scores, item.key), "evidence": item.evidence},
        field=("self_scores", item.key),
    )


def assess(results: list[CriterionResult], reviews: list[ReviewFacts]) -> Assessment:
    sheets = expert_sheets(reviews)
    own = {
        r.criterion_id: r.values.get("self_score")
        for r in results
        if r.criterion_id in BY_CRITERION
    }
    lines, means = [], {}
    for item in ITEMS:
        given = [
            sheet[item.criterion_id] for sheet in sheets.values() if item.criterion_id in sheet
        ]
        self_text = (
            "未自评" if own.get(item.criterion_id) is None else f"自评 {own[item.criterion_id]:g}"
        )
        if given:
            means[item.key] = round(fmean(given), 2)
            lines.append(
                f"{item.citation} {item.title}：专家平均 {means[item.key]:g}/{item.max_points}"
                f"（{len(given)} 位专家）；{self_text}"
            )
        else:
            lines.append(
                f"{item.citation} {item.title}：尚未评分（满分{item.max_points}）；{self_text}"
            )
    subtotals = []
    for category in CATEGORIES:
        points = round(sum(means.get(i.key, 0.0) for i in ITEMS if i.category is category), 2)
        lines.append(f"{category.title}：{points:g}/{category.max_points}")
        subtotals.append(
            Subtotal(category.title, points, category.max_points, f"附件1 {category.number}")
        )
    complete = len(means) == len(ITEMS)
    total = round(sum(means.values()), 2) if complete else None
    lines.append(
        f"专家评分合计 {total:g}/{TOTAL}（每项取每位专家最近一次评分的平均分）"
        if complete
        else f"专家评分未完成：尚有 {len(ITEMS) - len(means)} 项无专家评分"
    )
    self_total = sum(v for v in own.values() if v is not None)
    lines.append(f"自评总分 {self_total:g}/{TOTAL}（仅供专家参考，不计入总分）")
    return Assessment(
        total=total,
        maximum=float(TOTAL),
        lines=tuple(lines),
        subtotals=tuple(subtotals),
        points={i.criterion_id: means.get(i.key) for i in ITEMS},
    )
