"""Default criterion evaluation: run the criterion's own check; judgment waits for a reviewer."""

from __future__ import annotations

from core.criteria import Criterion, CriterionKind, EvaluationMode, Facts, Finding, Outcome
from core.hookspecs import hookimpl


@hookimpl(trylast=True)
def accredit_evaluate_criterion(criterion: Criterion, facts: Facts) -> Finding:
    if criterion.mode is EvaluationMode.AUTOMATIC:
        assert criterion.check is not None
        return criterion.check(facts)
    if criterion.kind is CriterionKind.INFO:
        return Finding(Outcome.INFO, "由评审人员参考")
    return Finding(
        Outcome.PENDING,
        "待评审人员判定" + (f"：{criterion.guidance}" if criterion.guidance else ""),
    )
