"""Helpers shared by the criteria modules, and the checks several kinds share."""

from __future__ import annotations

from core.criteria import Check, Criterion, CriterionKind, EvaluationMode, Facts, Finding, Outcome
from core.recognitions import RecognitionStatus

STATUS_LABELS = {
    RecognitionStatus.ACTIVE: "有效",
    RecognitionStatus.SUSPENDED: "暂停",
    RecognitionStatus.REVOKED: "已取消",
    RecognitionStatus.EXPIRED: "已失效",
}


def auto(
    id: str,
    title: str,
    citation: str,
    category: str,
    check: Check,
    kinds: tuple[str, ...],
    *,
    kind: CriterionKind = CriterionKind.GATE,
) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        kind,
        EvaluationMode.AUTOMATIC,
        category=category,
        kinds=kinds,
        check=check,
    )


def judged(
    id: str, title: str, citation: str, category: str, kinds: tuple[str, ...], guidance: str
) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        CriterionKind.GATE,
        EvaluationMode.JUDGMENT,
        category=category,
        kinds=kinds,
        guidance=guidance,
    )


def all_true(facts: Facts, fields: dict[str, str], rule: str) -> Finding:
    """A gate on declared booleans: names every one not given as true."""
    failed = [name for name in fields if getattr(facts.form, name) is not True]
    if not failed:
        return Finding(Outcome.PASS, rule)
    return Finding(
        Outcome.FAIL,
        f"{rule}；未满足：{'、'.join(fields[n] for n in failed)}",
        {"failed": [fields[n] for n in failed]},
        field=(failed[0],),
    )


def fail(rule: str, why: str, field: tuple[str, ...] = (), **values) -> Finding:
    return Finding(Outcome.FAIL, f"{rule}；{why}", values, field=field)


def designation_active(facts: Facts) -> Finding:
    """Class filings, teachers, fees and subsidies are for an institution whose designation is in force."""
    rule = "须为有效的临安区定点职业技能培训机构"
    rec = facts.recognition
    if rec is None:
        return fail(rule, "未关联定点资质")
    if rec.status is not RecognitionStatus.ACTIVE:
        return fail(
            rule, f"定点资质当前为“{STATUS_LABELS[rec.status]}”状态", status=rec.status.value
        )
    return Finding(
        Outcome.PASS, rule, {"granted_on": rec.granted_on, "occupations": list(rec.occupations)}
    )


def truthful(facts: Facts) -> Finding:
    return all_true(
        facts,
        {"declaration_truthful": "承诺所报内容真实"},
        "申报人对所报内容的真实性负责，弄虚作假的取消定点资格",
    )
