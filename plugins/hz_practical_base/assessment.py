"""五、考核评估 and 附件3: the items computed from recorded facts, and the bounds on expert scores.

Items whose 评分标准 is all-or-nothing on a fact (“无…不得分” with no 酌情扣分) are automatic.
Items with 酌情扣分 are scored by the experts; where the recorded facts say the thing is missing
(“无…不得分”), :data:`JUDGMENT_BOUNDS` caps the expert's score at 0, which the refusal hook and
the aggregation both enforce. The 公共服务 tier and the two bonus items are computed from the
yearly service counts and the event lists; events outside the assessed years are not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from core.criteria import Facts, Finding, Outcome
from core.periods import full_years
from plugins.hz_practical_base.assessment_form import AssessmentForm, CompetitionLevel

# 附件3 分项分值: the maximum of each item (items 13 and 14 are the 加分项目).
POINTS: dict[str, float] = {
    "annex3_01_training_site": 15,
    "annex3_02_equipment": 15,
    "annex3_03_full_time_head": 3,
    "annex3_04_maintenance_staff": 3,
    "annex3_05_matching_funds": 4,
    "annex3_06_operating_rules": 4,
    "annex3_07_process": 3,
    "annex3_08_job_duties": 3,
    "annex3_09_plans_summaries": 5,
    "annex3_10_statistics": 10,
    "annex3_11_ledger": 5,
    "annex3_12_public_service": 30,
    "annex3_13_competitions": 10,
    "annex3_14_public_welfare": 10,
}

# -- automatic items ---------------------------------------------------------------------------


def _all_or_nothing(
    item: str, held: bool, rule: str, field: tuple[str, ...], values: dict
) -> Finding:
    return Finding(
        Outcome.SCORED,
        rule + ("" if held else "；记录显示不具备，不得分"),
        values,
        points=float(POINTS[item]) if held else 0.0,
        field=() if held else field,
    )


def training_site(facts: Facts) -> Finding:
    area = facts.form.dedicated_site_m2
    return _all_or_nothing(
        "annex3_01_training_site",
        area > 0,
        "有申报项目所需的实训场地（无专门场地不得分）",
        ("dedicated_site_m2",),
        {"dedicated_site_m2": area},
    )


def full_time_head(facts: Facts) -> Finding:
    head = facts.form.full_time_head.strip()
    return _all_or_nothing(
        "annex3_03_full_time_head",
        bool(head),
        "有专职的分基地负责人（无专职负责人不得分）",
        ("full_time_head",),
        {"head": head},
    )


def maintenance_staff(facts: Facts) -> Finding:
    staff = facts.form.full_time_maintainers
    return _all_or_nothing(
        "annex3_04_maintenance_staff",
        bool(staff),
        "有专职的实训设备维护保养人员（无专职人员不得分）",
        ("full_time_maintainers",),
        {"maintainers": len(staff)},
    )


def matching_funds(facts: Facts) -> Finding:
    amount = facts.form.matching_funds_yuan
    return _all_or_nothing(
        "annex3_05_matching_funds",
        amount > 0,
        "所在单位安排配套经费（无配套经费不得分）",
        ("matching_funds_yuan",),
        {"matching_funds_yuan": amount},
    )


def plans_and_summaries(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    missing = [y.year for y in form.years if not (y.work_plan and y.work_summary)]
    return _all_or_nothing(
        "annex3_09_plans_summaries",
        not missing,
        "每个考核年度均有年度工作计划和总结（无计划总结不得分）",
        ("years",),
        {"years_missing": missing},
    )


def _tier_points(count: Fraction, tiers: list[dict]) -> int:
    if count <= 0:
        return 0
    for tier in tiers:
        if tier["max"] is None or count <= tier["max"]:
            return int(tier["points"])
    raise ValueError("public_service_tiers must end with an open tier (max: null)")


def _describe_tiers(tiers: list[dict]) -> str:
    parts, lower = [], None
    for tier in tiers:
        if tier["max"] is None:
            parts.append(f"{lower}（不含）人次以上{tier['points']}分")
        elif lower is None:
            parts.append(f"{tier['max']}（含）人次以内{tier['points']}分")
        else:
            parts.append(f"{lower}（不含）至{tier['max']}（含）人次{tier['points']}分")
        lower = tier["max"]
    return "，".join(parts)


def public_service(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    tiers, basis = facts.params["public_service_tiers"], facts.params["public_service_year_basis"]
    counts = {y.year: y.external_service_person_times for y in form.years}
    if basis.value == "lowest":
        count, how = Fraction(min(counts.values())), "按服务人次最少的年度定档"
    elif basis.value == "average":
        count, how = Fraction(sum(counts.values()), len(counts)), "按年均服务人次定档"
    else:
        raise ValueError(f"unknown public_service_year_basis {basis.value!r}")
    points = _tier_points(count, tiers.value)
    rule = f"对外公共服务：{how}；未提供服务不得分，{_describe_tiers(tiers.value)}"
    return Finding(
        Outcome.SCORED,
        rule,
        {"by_year": counts, "counted": float(count), "basis": basis.value},
        points=float(points),
        field=("years",),
        parameters=(tiers, basis),
    )


def _in_period(form: AssessmentForm, events: list) -> tuple[list, list]:
    years = {y.year for y in form.years}
    return [e for e in events if e.held_on.year in years], [
        e for e in events if e.held_on.year not in years
    ]


def competitions(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    per_level, cap = facts.params["competition_points"], facts.params["competition_points_cap"]
    counted, excluded = _in_period(form, form.competitions)
    raw = sum(per_level.value[c.level.value] for c in counted)
    return Finding(
        Outcome.SCORED,
        "承办技能大赛："
        + "、".join(
            f"{level.label}每次{per_level.value[level.value]}分" for level in CompetitionLevel
        )
        + f"，最高不超过{cap.value}分",
        {
            "counted": [f"{c.name}（{c.level.label}）" for c in counted],
            "raw_points": raw,
            "outside_period": [c.name for c in excluded],
        },
        points=float(min(raw, cap.value)),
        field=("competitions",),
        parameters=(per_level, cap),
    )


def public_welfare(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    each, cap = (
        facts.params["public_welfare_points_each"],
        facts.params["public_welfare_points_cap"],
    )
    counted, excluded = _in_period(form, form.public_welfare_services)
    raw = each.value * len(counted)
    return Finding(
        Outcome.SCORED,
        f"其他公益性服务：每次{each.value}分，最高不超过{cap.value}分",
        {
            "counted": [s.name for s in counted],
            "raw_points": raw,
            "outside_period": [s.name for s in excluded],
        },
        points=float(min(raw, cap.value)),
        field=("public_welfare_services",),
        parameters=(each, cap),
    )


# -- bounds on the expert-scored items (酌情扣分) ---------------------------------------------------


def _bound(
    item: str, missing: bool, rule: str, what: str, values: dict, field: tuple[str, ...]
) -> Finding:
    allowed = 0.0 if missing else float(POINTS[item])
    note = (
        f"；记录显示{what}，本项不得分（专家评分上限0分）"
        if missing
        else "；由专家依据现场考察评分"
    )
    return Finding(
        Outcome.PENDING,
        rule + note,
        {**values, "max_allowed": allowed},
        field=field if missing else (),
    )


def equipment_bound(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    owned, leased = form.equipment_owned_items, form.equipment_leased_items
    what = "无实训设备" if owned + leased == 0 else "设备均属租赁"
    rule = "有申报项目所需的实训设备（不含租赁）：无设备或设备属于租赁不得分，部分租赁酌情扣分"
    finding = _bound(
        "annex3_02_equipment",
        owned == 0,
        rule,
        what,
        {"owned": owned, "leased": leased},
        ("equipment_owned_items",),
    )
    if owned and not leased:
        return Finding(
            finding.outcome, finding.rule + "；未租赁设备，无扣分事由时应得满分", finding.values
        )
    return finding


def operating_rules_bound(facts: Facts) -> Finding:
    rules = facts.form.operating_rules
    rule = "有专门的分基地运行管理制度：无制度不得分，制度不明确酌情扣分"
    return _bound(
        "annex3_06_operating_rules",
        not rules,
        rule,
        "无运行管理制度",
        {"rules": list(rules)},
        ("operating_rules",),
    )


def process_bound(facts: Facts) -> Finding:
    rule = "有规范合理的运行流程：无流程不得分，流程不清晰酌情扣分"
    return _bound(
        "annex3_07_process", not facts.form.has_process, rule, "无运行流程", {}, ("has_process",)
    )


def job_duties_bound(facts: Facts) -> Finding:
    rule = "有工作人员岗位职责：无岗位职责不得分，岗位职责不明确酌情扣分"
    return _bound(
        "annex3_08_job_duties",
        not facts.form.has_job_duties,
        rule,
        "无岗位职责",
        {},
        ("has_job_duties",),
    )


def statistics_bound(facts: Facts) -> Finding:
    form: AssessmentForm = facts.form
    kept = {
        y.year: {"monthly": y.monthly_statistics, "annual": y.annual_statistics} for y in form.years
    }
    none = not any(y.monthly_statistics or y.annual_statistics for y in form.years)
    rule = "有月度、年度实训情况统计、分析：无统计、分析不得分，统计、分析不完整酌情扣分"
    return _bound(
        "annex3_10_statistics", none, rule, "无实训情况统计、分析", {"by_year": kept}, ("years",)
    )


def ledger_bound(facts: Facts) -> Finding:
    parts = facts.form.ledger_parts
    rule = "有完整的实训台账（准入申请、实训协议、实训预约、学员信息等）：无台账不得分，台账不完整酌情扣分"
    return _bound(
        "annex3_11_ledger",
        not parts,
        rule,
        "无实训台账",
        {"parts": [p.label for p in parts]},
        ("ledger_parts",),
    )


JUDGMENT_BOUNDS: dict[str, Callable[[Facts], Finding]] = {
    "annex3_02_equipment": equipment_bound,
    "annex3_06_operating_rules": operating_rules_bound,
    "annex3_07_process": process_bound,
    "annex3_08_job_duties": job_duties_bound,
    "annex3_10_statistics": statistics_bound,
    "annex3_11_ledger": ledger_bound,
}


# -- 五（一）（二）（三）: cycle, grade bands, grounds for an automatic 不合格 ------------------------------


def assessment_cycle(facts: Facts) -> Finding:
    interval = facts.params["assessment_interval_years"]
    form: AssessmentForm = facts.form
    period = (
        f"{form.years[0].year}—{form.years[-1].year}年"
        if len(form.years) > 1
        else f"{form.years[0].year}年"
    )
    if facts.recognition is None:
        return Finding(
            Outcome.INFO,
            f"每{interval.value}年考核评估一次；考核年度 {period}（未关联认定记录）",
            {"period": period},
            parameters=(interval,),
        )
    passed = [
        h.stage_entered_on
        for h in facts.history
        if h.kind == "biennial_assessment" and h.stage == "passed"
    ]
    since = max(passed, default=facts.recognition.granted_on)
    years = full_years(since, facts.on)
    return Finding(
        Outcome.INFO,
        f"每{interval.value}年考核评估一次；考核年度 {period}；自认定或上次考核通过起已满{years}年",
        {"period": period, "since": since, "years": years, "due": years >= interval.value},
        parameters=(interval,),
    )


def grade_bands(facts: Facts) -> Finding:
    """The bands in force on the evaluation date, read back by the aggregation."""
    names = ("grade_excellent_min", "grade_good_min", "grade_pass_min", "grade_includes_bonus")
    values = {name: facts.params.value(name) for name in names}
    basis = "基础部分与加分部分合计" if values["grade_includes_bonus"] else "基础部分"
    return Finding(
        Outcome.INFO,
        f"按{basis}得分评定：{values['grade_excellent_min']}分及以上优秀；{values['grade_good_min']}分及以上、"
        f"不满{values['grade_excellent_min']}分良好；{values['grade_pass_min']}分及以上、不满{values['grade_good_min']}分合格；"
        f"不满{values['grade_pass_min']}分不合格",
        values,
        parameters=tuple(facts.params[name] for name in names),
    )


def automatic_fail(facts: Facts) -> Finding:
    grounds = facts.form.automatic_fail_grounds
    if not grounds:
        return Finding(Outcome.PASS, "未记录直接认定为不合格的情形")
    return Finding(
        Outcome.FAIL,
        "有下列情形，考核结果直接认定为不合格：" + "；".join(g.label for g in grounds),
        {"grounds": [g.value for g in grounds], "facts": facts.form.automatic_fail_facts},
        field=("automatic_fail_grounds",),
    )
