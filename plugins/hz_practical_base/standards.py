"""附件1 认定标准: the school standards (一) and the enterprise standards (二), and which applies.

Each item is its own pure check. An item applies only to the unit type of its section: for the
other type it answers INFO “不适用于…” rather than pass or fail. Ratios (就业率, 一体化教师, 高级实习
指导教师) are compared as exact fractions of the counts the form collects (``以上`` includes the
number), never as rounded floats. :func:`standards_met` is the gate that applies to every
applicant (二（二）“具体认定标准参照附件1”): the items of the applicant's own type must all pass.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from core.counting import at_least
from core.criteria import Facts, Finding, Outcome
from core.institutions import ORG_TYPE_LABELS
from plugins.hz_practical_base.forms import Industry, RecognitionForm, SchoolStandards

SCHOOL, ENTERPRISE = "school", "enterprise"
SECTION = {SCHOOL: "附件1 一（普通高校、职业院校（含技工院校））", ENTERPRISE: "附件1 二（企业）"}


def unit_type(facts: Facts) -> str | None:
    """Which section of 附件1 applies to the applicant: school, enterprise, or neither."""
    org = facts.institution.org_type.value
    if org in facts.params.value("school_org_types"):
        return SCHOOL
    if org in facts.params.value("enterprise_org_types"):
        return ENTERPRISE
    return None


def _not_applicable(facts: Facts, section: str) -> Finding:
    label = ORG_TYPE_LABELS[facts.institution.org_type]
    return Finding(
        Outcome.INFO, f"不适用于{label}（{SECTION[section]}的标准）", {"org_type": label}
    )


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole}（{float(Fraction(part, whole) * 100):.2f}%）" if whole else f"{part}/0"


def share_at_least(part: int, whole: int, percent: int) -> tuple[bool, str]:
    """“…达到…%以上”: part/whole >= percent/100, exactly; an empty whole never holds."""
    return whole > 0 and Fraction(part, whole) >= Fraction(
        percent, 100
    ), f"{percent}%以上（含本数）"


# -- 附件1 一：院校 --------------------------------------------------------------------------------

SchoolCheck = Callable[[Facts, SchoolStandards], Finding]


def _relaxable(key: str, facts: Facts, standards: SchoolStandards, finding: Finding) -> Finding:
    """招生困难的特殊紧缺专业，标准可适当放宽: a shortfall becomes the experts' judgment."""
    relaxed = facts.params["shortage_major_relaxed_standards"]
    if finding.outcome is Outcome.FAIL and standards.shortage_major and key in relaxed.value:
        return Finding(
            Outcome.PENDING,
            f"{finding.rule}；未达到，但申报为招生困难的特殊紧缺专业，标准可适当放宽，由专家判定是否接受",
            {**finding.values, "shortage_major": True},
            field=finding.field,
            parameters=(*finding.parameters, relaxed),
        )
    return finding


def enrolment(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_annual_enrolment"]
    finding = Finding.compare(
        at_least(s.annual_enrolment, minimum.value, "人"),
        actual=s.annual_enrolment,
        field=("school_standards", "annual_enrolment"),
        parameter=minimum,
        label="相关专业年招生",
    )
    return _relaxable("enrolment", facts, s, finding)


def training_scale(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_annual_trainees"]
    finding = Finding.compare(
        at_least(s.annual_trainees, minimum.value, "人"),
        actual=s.annual_trainees,
        field=("school_standards", "annual_trainees"),
        parameter=minimum,
        label="年培训规模",
    )
    return _relaxable("training_scale", facts, s, finding)


def employment_rate(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_employment_rate_percent"]
    finding = Finding.compare(
        share_at_least(s.graduates_employed, s.graduates, minimum.value),
        actual=_percent(s.graduates_employed, s.graduates),
        field=("school_standards", "graduates_employed"),
        parameter=minimum,
        label="相关专业毕业生一次性就业率",
    )
    return _relaxable("employment_rate", facts, s, finding)


def partner_enterprises(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_partner_enterprises"]
    return Finding.compare(
        at_least(len(s.partners), minimum.value, "家"),
        actual=len(s.partners),
        field=("school_standards", "partners"),
        parameter=minimum,
        label="长期稳定合作的相关企业",
    )


def integrated_teachers(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_integrated_teacher_percent"]
    return Finding.compare(
        share_at_least(s.integrated_teachers, s.professional_teachers, minimum.value),
        actual=_percent(s.integrated_teachers, s.professional_teachers),
        field=("school_standards", "integrated_teachers"),
        parameter=minimum,
        label="一体化教师占专业课教师总数",
    )


def senior_practice_teachers(facts: Facts, s: SchoolStandards) -> Finding:
    minimum = facts.params["min_senior_practice_teacher_percent"]
    return Finding.compare(
        share_at_least(s.senior_practice_teachers, s.practice_teachers, minimum.value),
        actual=_percent(s.senior_practice_teachers, s.practice_teachers),
        field=("school_standards", "senior_practice_teachers"),
        parameter=minimum,
        label="高级实习指导教师、技师和高级技师占实习教师总数",
    )


def for_schools(check: SchoolCheck) -> Callable[[Facts], Finding]:
    def evaluate(facts: Facts) -> Finding:
        if unit_type(facts) != SCHOOL:
            return _not_applicable(facts, SCHOOL)
        form: RecognitionForm = facts.form
        if form.school_standards is None:
            return Finding(
                Outcome.FAIL, "院校须填写院校认定标准情况（附件1 一）", field=("school_standards",)
            )
        return check(facts, form.school_standards)

    evaluate.__doc__ = check.__doc__
    return evaluate


# -- 附件1 二：企业 --------------------------------------------------------------------------------


def industry(facts: Facts) -> Finding:
    standards = facts.form.enterprise_standards
    listed = "、".join(i.label for i in Industry if i is not Industry.OTHER)
    rule = f"属于{listed}"
    if standards.industry is Industry.OTHER:
        return Finding(
            Outcome.FAIL,
            f"{rule}；申报为不属于所列产业",
            {"industry": standards.industry.label},
            field=("enterprise_standards", "industry"),
        )
    return Finding(Outcome.PASS, rule, {"industry": standards.industry.label})


def training_funds(facts: Facts) -> Finding:
    """连续3年足额提取并用于职工培训: the N complete years before the year of the application."""
    years = facts.params["training_fund_years"]
    wanted = list(range(facts.on.year - years.value, facts.on.year))
    records = {r.year: r for r in facts.form.enterprise_standards.training_funds}
    rule = f"职工培训经费连续{years.value}年（{wanted[0]}—{wanted[-1]}年）足额提取并用于职工培训"
    missing = [y for y in wanted if y not in records]
    short = [
        y
        for y in wanted
        if y in records
        and not (
            records[y].fully_extracted
            and records[y].extracted_yuan > 0
            and records[y].used_yuan > 0
        )
    ]
    values = {"years": wanted, "missing": missing, "not_met": short}
    field = ("enterprise_standards", "training_funds")
    if missing:
        return Finding(
            Outcome.FAIL,
            f"{rule}；缺少{'、'.join(map(str, missing))}年度记录",
            values,
            field=field,
            parameters=(years,),
        )
    if short:
        return Finding(
            Outcome.FAIL,
            f"{rule}；{'、'.join(map(str, short))}年度未足额提取或未用于职工培训",
            values,
            field=field,
            parameters=(years,),
        )
    return Finding(Outcome.PASS, rule, values, parameters=(years,))


def for_enterprises(check: Callable[[Facts], Finding]) -> Callable[[Facts], Finding]:
    def evaluate(facts: Facts) -> Finding:
        if unit_type(facts) != ENTERPRISE:
            return _not_applicable(facts, ENTERPRISE)
        if facts.form.enterprise_standards is None:
            return Finding(
                Outcome.FAIL,
                "企业须填写企业认定标准情况（附件1 二）",
                field=("enterprise_standards",),
            )
        return check(facts)

    evaluate.__doc__ = check.__doc__
    return evaluate


# -- the standards of the applicant's own type -------------------------------------------------

ITEMS: dict[str, tuple[str, str, Callable[[Facts], Finding]]] = {
    # id: (title, citation, check) -- the Criterion declarations reuse these
    "annex1_1_1_enrolment": ("相关专业年招生200人以上", "附件1 一（一）", for_schools(enrolment)),
    "annex1_1_1_training_scale": (
        "年培训规模500人以上",
        "附件1 一（一）",
        for_schools(training_scale),
    ),
    "annex1_1_1_employment_rate": (
        "相关专业毕业生一次性就业率95%以上",
        "附件1 一（一）",
        for_schools(employment_rate),
    ),
    "annex1_1_2_partner_enterprises": (
        "与10家以上相关企业形成合作关系",
        "附件1 一（二）",
        for_schools(partner_enterprises),
    ),
    "annex1_1_3_integrated_teachers": (
        "一体化教师占专业课教师50%以上",
        "附件1 一（三）",
        for_schools(integrated_teachers),
    ),
    "annex1_1_3_senior_practice_teachers": (
        "高级实习指导教师、技师和高级技师占实习教师40%以上",
        "附件1 一（三）",
        for_schools(senior_practice_teachers),
    ),
    "annex1_2_1_industry": ("属于所列产业", "附件1 二（一）", for_enterprises(industry)),
    "annex1_2_2_training_funds": (
        "职工培训经费连续3年足额提取并用于职工培训",
        "附件1 二（二）",
        for_enterprises(training_funds),
    ),
}


def relaxed_items(facts: Facts) -> list[str]:
    """Items a shortage-major school falls short of, left to the experts."""
    return [
        f"{citation} {title}"
        for title, citation, check in ITEMS.values()
        if check(facts).outcome is Outcome.PENDING
    ]


def standards_met(facts: Facts) -> Finding:
    kind = unit_type(facts)
    if kind is None:
        label = ORG_TYPE_LABELS[facts.institution.org_type]
        return Finding(
            Outcome.FAIL,
            f"附件1 只规定了院校和企业的认定标准，{label}不在适用范围（二（一））",
            {"org_type": label},
        )
    findings = [(title, citation, check(facts)) for title, citation, check in ITEMS.values()]
    own = [(t, c, f) for t, c, f in findings if f.outcome is not Outcome.INFO]
    failed = [(t, c, f) for t, c, f in own if f.outcome is Outcome.FAIL]
    relaxed = [f"{c} {t}" for t, c, f in own if f.outcome is Outcome.PENDING]
    rule = f"符合{SECTION[kind]}的认定标准"
    values = {"unit_type": kind, "relaxed_for_experts": relaxed}
    if failed:
        return Finding(
            Outcome.FAIL,
            f"{rule}；未满足：{'；'.join(f'{c} {f.rule}' for _, c, f in failed)}",
            {**values, "failed": [f"{c} {t}" for t, c, _ in failed]},
            field=failed[0][2].field,
        )
    return Finding(
        Outcome.PASS,
        rule + (f"（{'、'.join(relaxed)} 按特殊紧缺专业放宽，由专家判定）" if relaxed else ""),
        values,
    )
