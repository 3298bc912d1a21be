"""二、申报认定: scope (一), the conditions of (二) 1–2 and the materials of (三) 1, as pure checks.

Conditions (二) 3–4 are qualitative and left to the experts (see ``criteria.py``). Project-level
conditions are checked project by project; a failure names the project and the field
(``projects.<n>.<field>``) so the applicant can find it.
"""

from __future__ import annotations

from core.criteria import Facts, Finding, Outcome
from core.institutions import ORG_TYPE_LABELS
from plugins.hz_practical_base.forms import RecognitionForm, Tenure
from plugins.hz_practical_base.standards import SCHOOL, unit_type

HANGZHOU = "330100"


def _project_label(form: RecognitionForm, index: int) -> str:
    return f"项目{index + 1}（{form.projects[index].centre_name}）"


def _first_failure(
    rule: str, problems: list[tuple[tuple[str, ...], str]], values: dict | None = None
) -> Finding:
    if not problems:
        return Finding(Outcome.PASS, rule, values or {})
    return Finding(
        Outcome.FAIL,
        f"{rule}；未满足：{'；'.join(p for _, p in problems)}",
        {**(values or {}), "failed": [p for _, p in problems]},
        field=problems[0][0],
    )


# -- 二（一）适用范围 ---------------------------------------------------------------------------------


def in_hangzhou(facts: Facts) -> Finding:
    city = facts.institution.city_code
    return Finding(
        Outcome.PASS if city == HANGZHOU else Outcome.FAIL,
        "杭州市内的单位（登记地属杭州市）"
        + ("" if city == HANGZHOU else f"；登记地所属城市代码为 {city}"),
        {"city_code": city, "division_code": facts.institution.division_code},
    )


def unit_kind(facts: Facts) -> Finding:
    label = ORG_TYPE_LABELS[facts.institution.org_type]
    kind = unit_type(facts)
    rule = "各类企业、普通高校、职业院校（含技工院校）等单位"
    params = (facts.params["school_org_types"], facts.params["enterprise_org_types"])
    if kind is None:
        return Finding(
            Outcome.FAIL,
            f"{rule}；{label}不在附件1 认定标准的适用范围",
            {"org_type": label},
            parameters=params,
        )
    standard = "院校" if kind == SCHOOL else "企业"
    return Finding(
        Outcome.PASS,
        f"{rule}：{label}，适用附件1 {standard}标准",
        {"org_type": label, "unit_type": kind},
        parameters=params,
    )


# -- 二（二）申报条件 ---------------------------------------------------------------------------------


def legal_person_and_willingness(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    problems = (
        [(("independent_legal_person",), "依法设立，具有独立的法人资格")]
        if not form.independent_legal_person
        else []
    )
    if not form.public_service_willing:
        problems.append((("public_service_willing",), "具备开展职业培训公共服务的意愿"))
    return _first_failure("依法设立，具有独立的法人资格，具备开展职业培训公共服务的意愿", problems)


def own_training_site(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    problems = [
        (("projects", str(i), "site_tenure"), f"{_project_label(form, i)}实训场地为租赁")
        for i, p in enumerate(form.projects)
        if p.site_tenure is not Tenure.OWNED
    ]
    return _first_failure(
        "具备申报实训项目所需的自有实训场地（不含租赁）",
        problems,
        {"area_m2": [p.site_area_m2 for p in form.projects]},
    )


def own_equipment(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    problems: list[tuple[tuple[str, ...], str]] = []
    for i, p in enumerate(form.projects):
        if not p.equipment:
            problems.append(
                (("projects", str(i), "equipment"), f"{_project_label(form, i)}未填写实训设备")
            )
        for j, e in enumerate(p.equipment):
            if e.tenure is not Tenure.OWNED:
                problems.append(
                    (
                        ("projects", str(i), "equipment", str(j), "tenure"),
                        f"{_project_label(form, i)}的“{e.name}”为租赁设备",
                    )
                )
    return _first_failure("具备申报实训项目所需的自有实训设备（不含租赁）", problems)


def own_office(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    lease_ok = facts.params["office_lease_accepted"]
    holds = form.office.tenure is Tenure.OWNED or lease_ok.value
    return Finding(
        Outcome.PASS if holds else Outcome.FAIL,
        "有自有固定的办公场所" + ("" if holds else "；办公场所为租赁（“自有”不含租赁）"),
        {"address": form.office.address, "tenure": form.office.tenure.label},
        field=() if holds else ("office", "tenure"),
        parameters=(lease_ok,),
    )


def full_time_staff(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    problems = []
    for i, p in enumerate(form.projects):
        for table, title in (("managers", "管理人员"), ("teachers", "师资")):
            if not any(member.full_time for member in getattr(p, table)):
                problems.append(
                    (("projects", str(i), table), f"{_project_label(form, i)}无专职{title}")
                )
    return _first_failure(
        "有专职的管理人员和师资力量（每个申报项目至少一名专职管理人员和一名专职教师）", problems
    )


# -- 附件1 一（四）、二（三）and 二（三）1 ---------------------------------------------------------------


def matching_funds(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    problems = (
        []
        if form.matching_funds_committed
        else [(("matching_funds_committed",), "未承诺按规定落实配套经费")]
    )
    if form.matching_funds_yuan <= 0:
        problems.append((("matching_funds_yuan",), "未填写配套经费金额"))
    return _first_failure(
        "支持基地建设，并能按规定落实配套经费，确保基地规划项目如期实施",
        problems,
        {"matching_funds_yuan": form.matching_funds_yuan},
    )


def materials(facts: Facts) -> Finding:
    a = facts.form.attachments
    problems = []
    if not a.legal_registration:
        problems.append(
            (("attachments", "legal_registration"), "法人登记证书副本（批准文件）或营业执照副本")
        )
    if not a.staff_credentials:
        problems.append(
            (("attachments", "staff_credentials"), "专职管理人员和师资基本情况及资格证明文件")
        )
    if not a.management_rules:
        problems.append((("attachments", "management_rules"), "内部相关管理制度"))
    return _first_failure("申报材料齐全", problems, {"management_rules": list(a.management_rules)})


def truthfulness(facts: Facts) -> Finding:
    held = facts.form.declaration_truthful
    return Finding(
        Outcome.PASS if held else Outcome.FAIL,
        "申报单位承诺所报内容真实",
        field=() if held else ("declaration_truthful",),
    )
