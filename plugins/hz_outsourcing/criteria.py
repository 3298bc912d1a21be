"""The criteria of 杭商务〔2021〕192号, each citing its article.

第六条's conditions apply to the recognition application and again to the biennial check
(第十四条 checks the institution against the same conditions). Automatic checks are pure
functions of :class:`~core.criteria.Facts`; what the text leaves qualitative (一定数量, 完备,
原则上, 其他按规定应满足的条件) is a judgment gate decided by the experts or the city reviewer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.counting import at_least
from core.criteria import Check, Criterion, CriterionKind, EvaluationMode, Facts, Finding, Outcome
from core.institutions import ORG_TYPE_LABELS, OrgType
from core.periods import full_years
from plugins.hz_outsourcing.forms import ManagementTopic, PlanChangeForm, RecognitionForm

HANGZHOU = "330100"
CONDITIONS = (
    "recognition",
    "biennial_check",
)  # 第六条 is checked on application and at each check (第十四条)
DECLARING = ("recognition", "biennial_check", "annual_report", "plan_change")

# 第五条: 社会专业培训机构、大专院校及有培训能力的企业等 (the list ends in 等: nobody is excluded).
ART5_TYPES = {
    OrgType.ENTERPRISE: "有培训能力的企业",
    OrgType.PRIVATE_TRAINING_ENTERPRISE: "社会专业培训机构",
    OrgType.PRIVATE_NON_ENTERPRISE: "社会专业培训机构",
    OrgType.UNIVERSITY: "大专院校",
    OrgType.VOCATIONAL_COLLEGE: "大专院校",
}


def _all_true(facts: Facts, fields: dict[str, str], rule: str) -> Finding:
    """A gate on declared booleans: names the first one not given as true."""
    failed = [name for name in fields if getattr(facts.form, name) is not True]
    if not failed:
        return Finding(Outcome.PASS, rule)
    return Finding(
        Outcome.FAIL,
        f"{rule}；未满足：{'、'.join(fields[n] for n in failed)}",
        {"failed": [fields[n] for n in failed]},
        field=(failed[0],),
    )


# -- 第四条、第五条: scope, recorded for reviewers --------------------------------------------------


def training_content(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    return Finding(
        Outcome.INFO,
        "申报的培训内容（第四条所列内容或“等”）",
        {"content": [c.label for c in form.training_content]},
        field=("training_content",),
    )


def institution_type(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    org = facts.institution.org_type
    listed = ART5_TYPES.get(org)
    return Finding(
        Outcome.INFO,
        f"机构类型：{ORG_TYPE_LABELS[org]}"
        + (f"（第五条所列“{listed}”）" if listed else "（第五条“等”，由评审人员判断）"),
        {
            "org_type": ORG_TYPE_LABELS[org],
            "listed_in_article": bool(listed),
            "delivery_modes": [m.label for m in form.delivery_modes],
        },
        field=("delivery_modes",),
    )


# -- 第六条（一）基本条件 ---------------------------------------------------------------------------


def registered_legal_person(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    in_city = facts.institution.city_code == HANGZHOU
    failed = (
        [] if in_city else [f"在本市登记注册（登记地所属城市代码为 {facts.institution.city_code}）"]
    ) + ([] if form.independent_legal_person else ["具有独立法人资格"])
    rule = "在本市依法登记注册，具有独立法人资格"
    values = {
        "city_code": facts.institution.city_code,
        "independent_legal_person": form.independent_legal_person,
    }
    if not failed:
        return Finding(Outcome.PASS, rule, values)
    # City is a fact of the institution record, not of the form: only the form field gets a path.
    path = ("independent_legal_person",) if not form.independent_legal_person else ()
    return Finding(
        Outcome.FAIL,
        f"{rule}；未满足：{'、'.join(failed)}",
        {**values, "failed": failed},
        field=path,
    )


def business_qualification(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    rule = "已取得开展相关业务资格或已进行核准、备案，并已开展相关业务"
    if not form.business_qualifications:
        return Finding(
            Outcome.FAIL,
            f"{rule}；未填写业务资格或核准、备案文件",
            field=("business_qualifications",),
        )
    if not form.business_in_operation:
        return Finding(Outcome.FAIL, f"{rule}；尚未开展相关业务", field=("business_in_operation",))
    return Finding(Outcome.PASS, rule, {"qualifications": list(form.business_qualifications)})


def clean_record(facts: Facts) -> Finding:
    return _all_true(
        facts,
        {
            "no_serious_violations_3y": "近三年来无严重违规违法行为",
            "no_fiscal_arrears": "未拖欠应缴的财政性资金",
        },
        "近三年来无严重违规违法行为，未拖欠应缴的财政性资金（申报人声明，评审人员核实）",
    )


def reports_and_inspections(facts: Facts) -> Finding:
    return _all_true(
        facts,
        {
            "files_accounts_and_statistics": "按规定报送会计报表和统计资料",
            "attends_inspections": "正常参加业务主管部门的年检、年审、监督检查",
        },
        "按规定报送会计报表和统计资料，正常参加业务主管部门的年检、年审、监督检查等",
    )


# -- 第六条（二）至（八） ----------------------------------------------------------------------------


def training_years(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_training_years"]
    years = full_years(form.training_started_on, facts.on)
    finding = Finding.compare(
        at_least(years, minimum.value, "年"),
        actual=years,
        field=("training_started_on",),
        parameter=minimum,
        label="培训从业时间",
    )
    return replace(finding, values={**finding.values, "since": form.training_started_on})


def training_scale(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    cumulative, recent = (
        facts.params["min_trainees_cumulative"],
        facts.params["min_trainees_recent_half_year"],
    )
    total_ok, total_rule = at_least(form.trainees_cumulative, cumulative.value, "人")
    recent_ok, recent_rule = at_least(form.trainees_recent_half_year, recent.value, "人")
    values = {
        "trainees_cumulative": form.trainees_cumulative,
        "threshold_cumulative": cumulative.value,
        "trainees_recent_half_year": form.trainees_recent_half_year,
        "threshold_recent_half_year": recent.value,
    }
    rule = f"累计培训服务外包人才{total_rule}，或近半年内培训{recent_rule}"
    passed = total_ok or recent_ok
    return Finding(
        Outcome.PASS if passed else Outcome.FAIL,
        rule,
        values,
        field=() if passed else ("trainees_cumulative",),
        parameters=(cumulative, recent),
    )


def premises_and_equipment(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    rule = "有固定的培训场所，并配置必需的教学设备（是否充足由评审人员判定）"
    if form.premises is None:
        return Finding(Outcome.FAIL, f"{rule}；未填写固定培训场所", field=("premises",))
    if not form.equipment:
        return Finding(Outcome.FAIL, f"{rule}；未填写教学设备", field=("equipment",))
    return Finding(
        Outcome.PASS,
        rule,
        {
            "address": form.premises.address,
            "area_m2": form.premises.area_m2,
            "tenure": form.premises.tenure.label,
            "equipment": len(form.equipment),
        },
    )


def assessment_and_certificates(facts: Facts) -> Finding:
    return _all_true(
        facts,
        {
            "has_assessment_system": "有考核制度",
            "issues_certificates": "对考试合格者颁发合格证书或资质证书",
        },
        "有考核制度，对考试合格者颁发合格证书或资质证书（是否完备、严格规范由评审人员判定）",
    )


def management_rules(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    covered = set(form.management_rules_topics)
    missing = [topic.label for topic in ManagementTopic if topic not in covered]
    rule = "内部培训管理细则或办法的内容包括：" + "、".join(t.label for t in ManagementTopic)
    if missing:
        return Finding(
            Outcome.FAIL,
            f"{rule}；缺少：{'、'.join(missing)}",
            {"missing": missing},
            field=("management_rules_topics",),
        )
    return Finding(Outcome.PASS, rule)


# -- 第十二条至第十五条: reports, filings, checks ---------------------------------------------------


def truthfulness(facts: Facts) -> Finding:
    return _all_true(
        facts, {"declaration_truthful": "承诺所报内容真实"}, "申报人对所报内容的真实性负责"
    )


def report_on_time(facts: Facts) -> Finding:
    due_param = facts.params["annual_report_due_month_day"]
    month, day = (int(part) for part in str(due_param.value).split("-"))
    due = dt.date(facts.form.report_year, month, day)
    on_time = facts.on <= due
    return Finding(
        Outcome.PASS if on_time else Outcome.FAIL,
        f"“每年初”报送：{due.isoformat()}（含）前报送为按时"
        + ("" if on_time else "；已逾期（不影响受理，供审核参考）"),
        {"submitted_on": facts.on, "due_on": due},
        field=("report_year",),
        parameters=(due_param,),
    )


def fee_approval(facts: Facts) -> Finding:
    form: PlanChangeForm = facts.form
    rule = "培训收费需经有关部门核准"
    if form.fees_changed and not form.fee_approval_reference.strip():
        return Finding(
            Outcome.FAIL, f"{rule}；收费变化须填写核准文件", field=("fee_approval_reference",)
        )
    return Finding(Outcome.PASS, rule, {"fees_changed": form.fees_changed})


def check_cycle(facts: Facts) -> Finding:
    interval = facts.params["check_interval_years"]
    if facts.recognition is None:
        return Finding(Outcome.INFO, "未关联认定记录", parameters=(interval,))
    passed = [
        h.stage_entered_on
        for h in facts.history
        if h.kind == "biennial_check" and h.stage == "passed"
    ]
    since = max(passed, default=facts.recognition.granted_on)
    years = full_years(since, facts.on)
    return Finding(
        Outcome.INFO,
        f"每{interval.value}年检查登记一次；自上次认定或检查登记通过起已满{years}年",
        {"since": since, "years": years, "due": years >= interval.value},
        parameters=(interval,),
    )


def _auto(
    id: str,
    title: str,
    citation: str,
    category: str,
    check: Check,
    *,
    kinds: tuple[str, ...] = CONDITIONS,
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


def _judged(id: str, title: str, citation: str, category: str, guidance: str) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        CriterionKind.GATE,
        EvaluationMode.JUDGMENT,
        category=category,
        kinds=CONDITIONS,
        guidance=guidance,
    )


CRITERIA: tuple[Criterion, ...] = (
    _auto(
        "art4_training_content",
        "培训内容",
        "第四条",
        "适用范围",
        training_content,
        kind=CriterionKind.INFO,
    ),
    _auto(
        "art5_institution_type",
        "机构类型与培训形式",
        "第五条",
        "适用范围",
        institution_type,
        kind=CriterionKind.INFO,
    ),
    _auto(
        "art6_1_1_registered_legal_person",
        "在本市依法登记注册，具有独立法人资格",
        "第六条（一）1",
        "基本条件",
        registered_legal_person,
    ),
    _auto(
        "art6_1_2_business_qualification",
        "已取得业务资格或核准、备案，并已开展相关业务",
        "第六条（一）2",
        "基本条件",
        business_qualification,
    ),
    _auto(
        "art6_1_3_clean_record",
        "近三年无严重违规违法行为，未拖欠财政性资金",
        "第六条（一）3",
        "基本条件",
        clean_record,
    ),
    _auto(
        "art6_1_4_reports_and_inspections",
        "报送会计报表和统计资料，正常参加年检年审",
        "第六条（一）4",
        "基本条件",
        reports_and_inspections,
    ),
    _judged(
        "art6_1_5_other_conditions",
        "其他按规定应满足的条件",
        "第六条（一）5",
        "基本条件",
        "核实申报声明（第六条（一）1–4）属实，并判断是否满足其他按规定应满足的条件",
    ),
    _auto(
        "art6_2_training_years", "培训从业时间2年以上", "第六条（二）", "从业时间", training_years
    ),
    _auto(
        "art6_3_training_scale",
        "累计培训500人以上或近半年内培训200人以上",
        "第六条（三）",
        "培训规模",
        training_scale,
    ),
    _judged(
        "art6_4_teachers",
        "有一定数量的具备教学资质的专业教师",
        "第六条（四）",
        "培训师资",
        "依据申报的专业教师名单（资质、专职或兼职），判断教师数量与资质是否与培训规模相称",
    ),
    _auto(
        "art6_5_premises_equipment",
        "有固定的培训场所和教学设备",
        "第六条（五）",
        "培训场所和教学设备",
        premises_and_equipment,
    ),
    _judged(
        "art6_5_premises_adequacy",
        "培训场所固定、教学设备满足培训需要",
        "第六条（五）",
        "培训场所和教学设备",
        "核实场所是否固定（租赁的核查租期）、面积与设备是否满足所申报培训的需要",
    ),
    _auto(
        "art6_6_assessment_certificates",
        "有考核制度并颁发合格证书或资质证书",
        "第六条（六）",
        "培训考核",
        assessment_and_certificates,
    ),
    _judged(
        "art6_6_assessment_rigour",
        "考核制度完备，考核严格规范",
        "第六条（六）",
        "培训考核",
        "考核制度是否完备；是否对学员的专业技能、外语水平和职业素养等进行严格规范的考核",
    ),
    _judged(
        "art6_7_textbooks",
        "原则上有自编教材，选用教材符合行业需求",
        "第六条（七）",
        "培训教材",
        "“原则上”：应有符合服务外包行业要求的自编教材，无自编教材的须说明理由，由评审判定可否接受；"
        "选用教材应符合行业需求和行业标准，具有实用性和有效性，并随行业技术发展更新",
    ),
    _auto(
        "art6_8_management_rules",
        "内部培训管理细则内容完整",
        "第六条（八）",
        "培训管理",
        management_rules,
    ),
    _auto(
        "truthfulness_declaration",
        "承诺所报内容真实",
        "第十二条、第十五条（一）（三）",
        "监督管理",
        truthfulness,
        kinds=DECLARING,
    ),
    _auto(
        "art12_report_on_time",
        "每年初按时报送",
        "第十二条",
        "监督管理",
        report_on_time,
        kinds=("annual_report",),
        kind=CriterionKind.INFO,
    ),
    _auto(
        "art13_fee_approval",
        "收费经有关部门核准",
        "第十三条",
        "监督管理",
        fee_approval,
        kinds=("plan_change",),
    ),
    _auto(
        "art14_check_cycle",
        "每两年检查登记一次",
        "第十四条",
        "监督管理",
        check_cycle,
        kinds=("biennial_check",),
        kind=CriterionKind.INFO,
    ),
)
