"""Checks of 一 申报条件 and 二 申报职业（工种）范围, pure functions of the application's facts.

The organisation type comes from the Institution record. 一（一） names three kinds of applicant;
技工院校 may apply 参照附件1 (五（二）); 普通高校 and 职业院校 are 事业单位 or 民办非企业单位 in law
and meet 一（一）1. Anything else is not an eligible applicant.
"""

from __future__ import annotations

from core.counting import at_least, at_most
from core.criteria import Facts, Finding, Outcome
from core.institutions import ORG_TYPE_LABELS, OrgType
from core.periods import full_years
from plugins.zj_evaluation_org.filing import ENTERPRISES, province_filing, province_institution
from plugins.zj_evaluation_org.findings import Tally, declared
from plugins.zj_evaluation_org.relaxation import standing
from plugins.zj_evaluation_org.tables import birth_date

ITEM1 = (
    OrgType.PUBLIC_INSTITUTION,
    OrgType.PRIVATE_NON_ENTERPRISE,
    OrgType.UNIVERSITY,
    OrgType.VOCATIONAL_COLLEGE,
)
SCHOOLS = (OrgType.TECHNICAL_SCHOOL, OrgType.TECHNICIAN_COLLEGE)
ELIGIBLE = (
    *ITEM1,
    OrgType.ENTERPRISE,
    OrgType.PRIVATE_TRAINING_ENTERPRISE,
    OrgType.ASSOCIATION,
    *SCHOOLS,
)


# -- 一（一）主体 -----------------------------------------------------------------------------------


def legal_person(facts: Facts) -> Finding:
    tally = Tally()
    tally.need(
        facts.form.independent_legal_person is True,
        ("independent_legal_person",),
        "未声明具有独立法人资格",
    )
    tally.need(
        facts.institution.division_code.startswith("33"),
        (),
        f"登记地 {facts.institution.division_code} 不在浙江省",
    )
    return tally.finding(
        "在我省依法登记的独立法人资格单位", {"division_code": facts.institution.division_code}
    )


def org_type(facts: Facts) -> Finding:
    org = facts.institution.org_type
    label = ORG_TYPE_LABELS[org]
    if org not in ELIGIBLE:
        return Finding(
            Outcome.FAIL,
            f"申报主体应为事业单位、民办非企业单位、企业、行业协会（学会）或技工院校；机构类型为{label}",
            {"org_type": label},
        )
    note = "技工院校参照附件1执行（五（二））" if org in SCHOOLS else "一（一）所列申报主体"
    return Finding(Outcome.PASS, f"机构类型：{label}（{note}）", {"org_type": label})


def _item1(facts: Facts, tally: Tally) -> None:
    """一（一）1: 连续5年以上、累计3万人次以上、每个职业（工种）不得少于5000人次."""
    exp = facts.form.experience
    if not tally.need(exp is not None, ("experience",), "未填写相关培训评价经历（一（一）1）"):
        return
    years = full_years(exp.since, facts.on)
    ok, rule = at_least(years, tally.param(facts, "min_experience_years"), "年")
    tally.need(ok, ("experience", "since"), f"连续相关培训评价经历已满 {years} 年，应为{rule}")
    tally.need(exp.continuous, ("experience", "continuous"), "相关培训评价经历须连续")
    ok, rule = at_least(
        exp.cumulative_persons, tally.param(facts, "min_cumulative_persons"), "人次"
    )
    tally.need(
        ok,
        ("experience", "cumulative_persons"),
        f"累计培训评价规模 {exp.cumulative_persons} 人次，应为{rule}",
    )
    minimum = tally.param(facts, "min_persons_per_occupation")
    for i, row in enumerate(facts.form.occupations):
        ok, rule = at_least(row.persons_assessed, minimum, "人次")
        tally.need(
            ok,
            ("occupations", i, "persons_assessed"),
            f"职业 {row.code}{row.work_type and '/' + row.work_type} 培训评价规模 {row.persons_assessed} 人次，应为{rule}",
        )


def _enterprise(facts: Facts, tally: Tally) -> None:
    """一（一）2: 本企业职工职业技能等级认定工作经验."""
    ent = facts.form.enterprise
    tally.need(
        ent is not None and ent.has_experience,
        ("enterprise", "has_experience"),
        "企业应具有本企业职工职业技能等级认定工作经验（一（一）2）",
    )


def _association(facts: Facts, tally: Tally) -> str:
    """一（一）3: 4A及以上；地方特色产业的市、县级协会或当地急需紧缺职业可放宽到3A."""
    assoc = facts.form.association
    if not tally.need(
        assoc is not None, ("association",), "未填写行业协会（学会）情况（一（一）3）"
    ):
        return ""
    stars = assoc.rating.stars
    full, relaxed = (
        tally.param(facts, "association_min_rating"),
        tally.param(facts, "association_relaxed_rating"),
    )
    if stars >= full:
        return f"{assoc.rating.label}（{full}A及以上）"
    local = not province_institution(facts.institution) and bool(
        assoc.characteristic_industry.strip()
    )
    scarce = bool(assoc.locally_scarce_reason.strip())
    if stars >= relaxed and (local or scarce):
        return (
            f"{assoc.rating.label}（放宽到{relaxed}A："
            + ("地方特色产业的市、县级协会" if local else "当地急需紧缺职业")
            + "，由评审专家判定理由）"
        )
    why = (
        ""
        if stars < relaxed
        else "；放宽到3A须为地方特色产业的市、县级协会，或申报职业为当地急需紧缺"
    )
    tally.need(
        False,
        ("association", "rating"),
        f"民政部门评估等级为{assoc.rating.label}，应为{full}A及以上{why}",
    )
    return ""


def type_conditions(facts: Facts) -> Finding:
    """一（一）1-3 by organisation type; thresholds not met may be waived when a 放宽 ground stands."""
    org, tally, values = facts.institution.org_type, Tally(), {}
    if org in SCHOOLS:
        return Finding(
            Outcome.PASS, "技工院校参照附件1执行（五（二）），不适用一（一）1-3的类别条件"
        )
    if org not in ELIGIBLE:
        return Finding(
            Outcome.FAIL, "不属于一（一）所列申报主体", {"org_type": ORG_TYPE_LABELS[org]}
        )
    if org in ITEM1 or org is OrgType.PRIVATE_TRAINING_ENTERPRISE:
        _item1(facts, tally)
    if org in (OrgType.ENTERPRISE, OrgType.PRIVATE_TRAINING_ENTERPRISE):
        _enterprise(facts, tally)
    if org is OrgType.ASSOCIATION:
        values["rating"] = _association(facts, tally)
    rule = f"{ORG_TYPE_LABELS[org]}的申报条件（一（一））"
    grounds = standing(facts)
    if tally.shortfalls and grounds:
        texts = [s.text for s in tally.shortfalls]
        return Finding(
            Outcome.PASS,
            f"{rule}：未达到 {'；'.join(texts)}；已主张放宽情形（{'、'.join(g.ground.title for g in grounds)}），"
            "是否适当放宽由评审专家判定（art1_1_type_conditions_verified）",
            {
                **values,
                "relaxed": True,
                "shortfalls": texts,
                "grounds": [g.ground.id for g in grounds],
            },
            parameters=tuple(tally.parameters),
        )
    return tally.finding(rule, {**values, "relaxed": False})


def credit(facts: Facts) -> Finding:
    return declared(
        facts,
        {"credit_good": "社会信用良好", "no_bad_records": "无严重违法违规和失信等不良行为记录"},
        "社会信用良好，无严重违法违规和失信等不良行为记录（申报人声明，评审专家核查信用报告）",
    )


# -- 一（二）至（四） --------------------------------------------------------------------------------


def department_and_funding(facts: Facts) -> Finding:
    tally = Tally()
    tally.need(
        bool(facts.form.dedicated_department.strip()),
        ("dedicated_department",),
        "未填写专门负责职业技能等级认定工作的机构",
    )
    tally.need(
        facts.form.funding.certification_budget_10k_yuan > 0,
        ("funding", "certification_budget_10k_yuan"),
        "未安排职业技能等级认定专项经费",
    )
    return tally.finding(
        "有专门负责职业技能等级认定工作的机构，能提供稳定的经费保障（稳定与否由评审专家判定）"
    )


def quality_and_nonprofit(facts: Facts) -> Finding:
    return declared(
        facts,
        {
            "quality_control": "具有完善的职业技能等级认定工作质量管控措施",
            "social_benefit_first": "把社会效益放在首位，不以营利为最终目的",
        },
        "具有完善的质量管控措施，把社会效益放在首位",
    )


def supervision(facts: Facts) -> Finding:
    return declared(
        facts,
        {"accepts_supervision": "自愿接受各级人力社保部门的监管"},
        "自愿接受各级人力社保部门的监管",
    )


# -- 二 申报职业（工种）范围 ---------------------------------------------------------------------------


def occupation_scope(facts: Facts) -> Finding:
    """技能类、非准入类职业，依据国家标准或省评价规范 (the application's occupations are the table's:
    ``occupations_from`` in ``kinds.py``)."""
    tally, rows = Tally(), facts.form.occupations
    if not tally.need(bool(rows), ("occupations",), "未填写拟开展认定的职业（工种）"):
        return tally.finding("申报职业（工种）范围")
    groups = tally.param(facts, "skill_major_groups")
    for i, row in enumerate(rows):
        tally.need(
            int(row.code[0]) in groups,
            ("occupations", i, "code"),
            f"{row.code} {row.name} 不属技能类职业（大典第{'、'.join(map(str, groups))}大类）",
        )
        tally.need(
            not row.access_type,
            ("occupations", i, "access_type"),
            f"{row.code} {row.name} 为准入类职业，不在申报范围内",
        )
    return tally.finding(
        "《职业分类大典（2015版）》技能类职业（工种）及人社部公布的技能类新职业，准入类职业除外",
        {"occupations": list(facts.occupations)},
    )


def occupation_count(facts: Facts) -> Finding:
    """首次不超过3个（技师学院除外）; counted as rows of the table: one row per 职业（工种）."""
    count = len(facts.form.occupations)
    if facts.institution.org_type is OrgType.TECHNICIAN_COLLEGE:
        return Finding(Outcome.PASS, "技师学院不受首次申报职业（工种）数量限制", {"count": count})
    limit = facts.params["max_first_occupations"]
    holds, rule = at_most(count, limit.value, "个")
    return Finding(
        Outcome.PASS if holds else Outcome.FAIL,
        f"首次申报职业（工种）数量应为{rule}" + ("" if holds else f"；申报了 {count} 个"),
        {"count": count, "threshold": limit.value},
        field=() if holds else ("occupations",),
        parameters=(limit,),
    )


# -- 四（一）材料、附件3 ------------------------------------------------------------------------------


MATERIALS = {
    "legal_person_certificate": "法人登记证书复印件",
    "work_plan": "职业技能等级认定试点工作方案及质量管控措施",
    "expert_proofs": "专家等专业人员名单及技能水平证明",
    "asset_proofs": "场地设备设施等资产有效证明文件",
    "credit_report": "信用报告或诚信承诺书",
}


def materials(facts: Facts) -> Finding:
    tally = Tally()
    for name, label in MATERIALS.items():
        tally.need(
            getattr(facts.form.materials, name) is True, ("materials", name), f"未提交{label}"
        )
    return tally.finding("按四（一）提交申报材料")


def commitment(facts: Facts) -> Finding:
    tally = Tally()
    tally.need(facts.form.commitment_signed is True, ("commitment_signed",), "未签署承诺书")
    tally.need(
        bool(facts.form.legal_representative.strip()),
        ("legal_representative",),
        "承诺书须由法人代表签字",
    )
    return tally.finding("签署浙江省社会培训评价组织承诺书（未兑现承诺的，取消试点资格）")


def identity(facts: Facts) -> Finding:
    """身份证号码 of the 工作人员 and 专家 tables: born before the application; 年龄 as the number says."""
    tally = Tally()
    for table in ("staff", "experts"):
        for i, person in enumerate(getattr(facts.form, table, ())):
            born = birth_date(person.id_number)
            if not tally.need(
                born <= facts.on,
                (table, i, "id_number"),
                f"{person.name} 的身份证号码中的出生日期晚于申报日",
            ):
                continue
            age = getattr(person, "age", None)
            actual = full_years(born, facts.on)
            if age is not None:
                tally.need(
                    age == actual,
                    (table, i, "age"),
                    f"{person.name} 填写的年龄与身份证号码中的出生日期不符",
                )
    return tally.finding("工作人员、专家身份证号码与年龄一致（申报日）")


def accepting_level(facts: Facts) -> Finding:
    """三（一）: who accepts and evaluates; 省部属企业 may only be declared by an enterprise."""
    inst = facts.institution
    if facts.form.provincial_enterprise and inst.org_type not in ENTERPRISES:
        return Finding(
            Outcome.FAIL,
            f"“省部属企业”仅适用于企业，机构类型为{ORG_TYPE_LABELS[inst.org_type]}",
            field=("provincial_enterprise",),
        )
    province = province_filing(inst, facts.form)
    who = (
        "省技能人才评价管理服务中心（省部属企业、省级以上注册登记单位）"
        if province
        else "所在设区市职业技能鉴定中心"
    )
    return Finding(
        Outcome.PASS,
        f"由{who}受理和评估（三（一）、四（二）“谁受理、谁评估”）",
        {"level": "province" if province else "city", "city_code": inst.city_code},
    )
