"""Aggregates that say more than a sum of points: an assessment's pass list, the annual rates.

The document scores nothing, so no kind has points; an assessment is passed when every candidate
passed (应知 and 应会 both at the pass mark or above), and an annual evaluation carries the
bureau's verdict beside the rates it was based on.
"""

from __future__ import annotations

from core.criteria import CriterionResult
from core.scoring import Assessment, ReviewFacts, gate_verdicts
from plugins.linan_training.criteria.exams import RESULTS

RATES = ("art15_pass_rate", "art15_employment_rate", "art15_satisfaction", "art15_complaints")
VERDICT = "art15_annual_verdict"


def exam(results: list[CriterionResult]) -> Assessment:
    summary = next(r for r in results if r.criterion_id == RESULTS)
    passed, failed, pending = (summary.values[k] for k in ("passed", "failed", "pending"))
    lines = (
        f"合格（{len(passed)}人）：{'、'.join(passed) or '无'}",
        f"不合格（{len(failed)}人）：{'、'.join(failed) or '无'}",
        *((f"待录入成绩（{len(pending)}人）：{'、'.join(pending)}",) if pending else ()),
    )
    if pending:
        return Assessment(lines=lines)
    return Assessment(
        passed=not failed, grade=f"合格{len(passed)}人，不合格{len(failed)}人", lines=lines
    )


def annual(results: list[CriterionResult], reviews: list[ReviewFacts]) -> Assessment:
    lines = tuple(r.rule for r in results if r.criterion_id in RATES)
    verdict = gate_verdicts(reviews).get(VERDICT)
    return Assessment(
        passed=verdict,
        grade=None if verdict is None else "合格" if verdict else "不合格",
        lines=lines,
    )
