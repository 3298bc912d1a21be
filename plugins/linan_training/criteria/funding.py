"""第十二条 fees charged only with prior approval; subsidies only for trainees who paid nothing;
第十三条 funds earmarked; 第十六条 training agreements; 第二条 the groups trained."""

from __future__ import annotations

from collections import Counter

from core.criteria import Criterion, CriterionKind, Facts, Finding, Outcome
from core.forms import reference_id
from core.pii import mask_value
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import all_true, auto, fail
from plugins.linan_training.forms import FeeApprovalForm, SubsidyClaimForm
from plugins.linan_training.history import approved_filing, effective_plan, filed

FEE, SUBSIDY = (ids.FEE,), (ids.SUBSIDY,)


def fee_scope(facts: Facts) -> Finding:
    form: FeeApprovalForm = facts.form
    rule = "收费事项属于定点工种，并接受区人力社保局监管"
    designated = facts.recognition.occupations if facts.recognition else ()
    if form.occupation not in designated:
        return fail(
            rule, f"“{form.occupation}”不是定点工种", ("occupation",), designated=list(designated)
        )
    if not form.accepts_supervision:
        return fail(rule, "未承诺接受监管", ("accepts_supervision",))
    return Finding(Outcome.PASS, rule, {"fee_per_trainee": str(form.fee_per_trainee)})


def _names(trainees) -> list[str]:
    return [
        f"{t.name}（{mask_value(t.id_number)}）" for t in trainees
    ]  # findings are stored and shown: masked


def subsidy_class(facts: Facts) -> Finding:
    form: SubsidyClaimForm = facts.form
    rule = "补贴针对已审核同意并已结业的培训班，申领人数不超过培训人数"
    filing = approved_filing(facts, form.filing_id)
    if filing is None:
        return fail(rule, "未找到所填的已审核同意的办班备案", ("filing_id",))
    plan = effective_plan(facts, filing)
    if facts.on < plan.end_date:
        return fail(
            rule, f"培训班 {plan.end_date.isoformat()} 结业，结业后方可申领", ("filing_id",)
        )
    if len(form.trainees) > plan.trainee_count:
        return fail(
            rule, f"申领 {len(form.trainees)} 人多于培训人数 {plan.trainee_count} 人", ("trainees",)
        )
    return Finding(Outcome.PASS, rule, {"class": plan.class_name, "trainees": len(form.trainees)})


def no_subsidy_after_fee(facts: Facts) -> Finding:
    form: SubsidyClaimForm = facts.form
    rule = "学员缴费后即不再享受政府相关培训补贴"
    paid = [i for i, t in enumerate(form.trainees) if t.paid_fee]
    if paid:
        names = _names(form.trainees[i] for i in paid)
        return Finding(
            Outcome.FAIL,
            f"{rule}；已缴费的学员：{'、'.join(names)}",
            {"paid": names},
            field=("trainees", str(paid[0]), "paid_fee"),
        )
    return Finding(Outcome.PASS, rule, {"trainees": len(form.trainees)})


def not_claimed_twice(facts: Facts) -> Finding:
    form: SubsidyClaimForm = facts.form
    rule = "同一培训班的学员只申领一次补贴"
    claimed = {
        t["id_number"]
        for h in facts.history
        if h.kind == ids.SUBSIDY
        and filed(h)
        and reference_id(h.form.get("filing_id")) == form.filing_id
        for t in h.form.get("trainees", [])
    }
    again = [i for i, t in enumerate(form.trainees) if t.id_number in claimed]
    if again:
        names = _names(form.trainees[i] for i in again)
        return Finding(
            Outcome.FAIL,
            f"{rule}；已申领过的学员：{'、'.join(names)}",
            {"claimed": names},
            field=("trainees", str(again[0])),
        )
    return Finding(Outcome.PASS, rule)


def training_agreements(facts: Facts) -> Finding:
    form: SubsidyClaimForm = facts.form
    rule = "落实职业培训协议书签订制度：申领补贴的学员均已签订职业培训协议书"
    missing = [i for i, t in enumerate(form.trainees) if not t.agreement_signed]
    if missing:
        names = _names(form.trainees[i] for i in missing)
        return Finding(
            Outcome.FAIL,
            f"{rule}；未签订的学员：{'、'.join(names)}",
            {"unsigned": names},
            field=("trainees", str(missing[0]), "agreement_signed"),
        )
    return Finding(Outcome.PASS, rule)


def earmarked(facts: Facts) -> Finding:
    return all_true(facts, {"funds_earmarked": "承诺补贴专款专用"}, "培训补贴专款专用")


def target_groups(facts: Facts) -> Finding:
    form: SubsidyClaimForm = facts.form
    counts = Counter(t.group.label for t in form.trainees)
    return Finding(
        Outcome.INFO,
        "重点群体构成（补贴标准按有关规定，由区人力社保局核定）",
        {"groups": dict(counts), "amount_claimed": str(form.amount_claimed)},
    )


CRITERIA: tuple[Criterion, ...] = (
    auto("art12_fee_scope", "收费事项在定点范围内并接受监管", "第十二条", "收费", fee_scope, FEE),
    auto(
        "art12_subsidy_class",
        "补贴针对已结业的备案培训班",
        "第十二条",
        "培训补贴",
        subsidy_class,
        SUBSIDY,
    ),
    auto(
        "art12_no_subsidy_after_fee",
        "缴费学员不享受补贴",
        "第十二条",
        "培训补贴",
        no_subsidy_after_fee,
        SUBSIDY,
    ),
    auto(
        "art12_not_claimed_twice",
        "不重复申领",
        "第十二条、第十六条",
        "培训补贴",
        not_claimed_twice,
        SUBSIDY,
    ),
    auto(
        "art16_training_agreements",
        "已签订职业培训协议书",
        "第十六条",
        "培训补贴",
        training_agreements,
        SUBSIDY,
    ),
    auto("art13_earmarked", "补贴专款专用", "第十三条", "培训补贴", earmarked, SUBSIDY),
    auto(
        "art2_target_groups",
        "培训对象构成",
        "第二条、第十二条",
        "培训补贴",
        target_groups,
        SUBSIDY,
        kind=CriterionKind.INFO,
    ),
)
