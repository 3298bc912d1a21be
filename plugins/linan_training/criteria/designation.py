"""第三条 定点 (with 第六条 行政许可, 第八条 management, 第十三条、第十五条、第十六条 undertakings).

第三条 names what the bureau looks at (场地、设施、设备、师资力量) but sets no number: the form must
declare each, automatic gates check they are there, and the bureau judges whether they suffice.
"""

from __future__ import annotations

from core.criteria import Criterion, Facts, Finding, Outcome
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import all_true, auto, fail, judged, truthful
from plugins.linan_training.forms import DesignationForm
from plugins.linan_training.forms.designation import ManagementSystem

KINDS = (ids.DESIGNATION,)


def jurisdiction(facts: Facts) -> Finding:
    form: DesignationForm = facts.form
    district, local = facts.params["district_code"], facts.params["local_registration_required"]
    rule = "在临安区登记注册，培训场地位于临安区" if local.value else "培训场地位于临安区"
    if local.value and facts.institution.division_code != district.value:
        return Finding(
            Outcome.FAIL,
            f"{rule}；机构登记地为 {facts.institution.division_code}",
            {"division_code": facts.institution.division_code},
            parameters=(district, local),
        )
    outside = [i for i, p in enumerate(form.premises) if p.division_code != district.value]
    if outside:
        return Finding(
            Outcome.FAIL,
            f"{rule}；场地不在临安区：{'、'.join(form.premises[i].address for i in outside)}",
            {"outside": [form.premises[i].address for i in outside]},
            field=("premises", str(outside[0]), "division_code"),
            parameters=(district, local),
        )
    return Finding(
        Outcome.PASS,
        rule,
        {"division_code": facts.institution.division_code},
        parameters=(district, local),
    )


def not_already_designated(facts: Facts) -> Finding:
    """One designation at a time: every designation ends only through a 取消 case (``cancelled``)."""
    rule = "尚未取得定点资格，且没有正在审批的定点申请"
    granted = sum(
        1 for h in facts.history if h.kind == ids.DESIGNATION and h.stage == ids.DESIGNATED
    )
    cancelled = sum(1 for h in facts.history if h.kind == ids.CASE and h.stage == ids.CANCELLED)
    pending = [h.id for h in facts.history if h.kind == ids.DESIGNATION and h.stage == ids.REVIEW]
    if granted > cancelled:
        return fail(rule, "本机构已是定点培训机构（含暂停期间）")
    if pending:
        return fail(rule, f"已有正在审批的定点申请（编号 {pending[0]}）", pending=pending)
    return Finding(Outcome.PASS, rule)


def licence_valid(facts: Facts) -> Finding:
    licence = facts.form.licence
    rule = "行政许可在有效期内（有效期最后一日仍有效）"
    if licence.valid_until is not None and licence.valid_until < facts.on:
        return fail(
            rule,
            f"许可已于 {licence.valid_until.isoformat()} 到期",
            ("licence", "valid_until"),
            valid_until=licence.valid_until,
            on=facts.on,
        )
    return Finding(Outcome.PASS, rule, {"valid_until": licence.valid_until, "on": facts.on})


def occupations_within_licence(facts: Facts) -> Finding:
    licensed = [s.occupation for s in facts.form.licence.scope]
    rule = "申请定点的工种均在行政许可范围内"
    if not facts.occupations:
        return fail(rule, "未填写申请定点的工种", licensed=licensed)
    outside = [o for o in facts.occupations if o not in licensed]
    if outside:
        return fail(
            rule, f"不在许可范围内：{'、'.join(outside)}", outside=outside, licensed=licensed
        )
    return Finding(Outcome.PASS, rule, {"occupations": list(facts.occupations)})


def resources_declared(facts: Facts) -> Finding:
    form: DesignationForm = facts.form
    rule = "已申报培训场地、设施、设备和师资力量（是否满足培训需要由区人力社保局审查）"
    missing = [
        (name, label)
        for name, label in (
            ("premises", "场地"),
            ("facilities", "设施"),
            ("equipment", "设备"),
            ("teachers", "师资"),
        )
        if not getattr(form, name)
    ]
    if missing:
        return fail(rule, f"未填写：{'、'.join(label for _, label in missing)}", (missing[0][0],))
    return Finding(
        Outcome.PASS,
        rule,
        {
            "premises_m2": sum(p.area_m2 for p in form.premises),
            "facilities": len(form.facilities),
            "equipment": sum(e.quantity for e in form.equipment),
            "teachers": len(form.teachers),
        },
    )


def management_systems(facts: Facts) -> Finding:
    form: DesignationForm = facts.form
    rule = "明确专门管理人员，建立考勤、师资管理、课时备案、安全和培训档案制度"
    if not form.managers:
        return fail(rule, "未明确专门管理人员", ("managers",))
    missing = [s.label for s in ManagementSystem if s not in form.systems]
    if missing:
        return fail(rule, f"缺少：{'、'.join(missing)}", ("systems",), missing=missing)
    return Finding(Outcome.PASS, rule, {"managers": list(form.managers)})


def undertakings(facts: Facts) -> Finding:
    return all_true(
        facts,
        {
            "funds_earmarked": "培训补贴及收费专款专用（第十三条）",
            "accepts_supervision": "接受业务指导和监督检查（第十五条）",
            "training_agreements": "落实职业培训协议书签订制度（第十六条）",
        },
        "承诺专款专用、接受监督检查并落实职业培训协议书签订制度",
    )


CRITERIA: tuple[Criterion, ...] = (
    auto(
        "art3_jurisdiction",
        "在临安区登记注册，场地位于临安区",
        "第三条",
        "定点条件",
        jurisdiction,
        KINDS,
    ),
    auto(
        "art3_not_already_designated",
        "未重复申请定点",
        "第三条",
        "定点条件",
        not_already_designated,
        KINDS,
    ),
    auto("art6_licence_valid", "行政许可有效", "第六条", "定点条件", licence_valid, KINDS),
    auto(
        "art6_occupations_within_licence",
        "定点工种在行政许可范围内",
        "第六条",
        "定点条件",
        occupations_within_licence,
        KINDS,
    ),
    auto(
        "art3_resources_declared",
        "申报场地、设施、设备、师资",
        "第三条",
        "场地设施和师资",
        resources_declared,
        KINDS,
    ),
    judged(
        "art3_site_review",
        "场地、设施、设备满足培训需要",
        "第三条",
        "场地设施和师资",
        KINDS,
        "实地核查场地（面积、产权或租期、消防）、设施和设备是否满足所申请工种及等级的理论和实训教学需要",
    ),
    judged(
        "art3_teaching_strength",
        "师资力量与培训规模相称",
        "第三条、第五条",
        "场地设施和师资",
        KINDS,
        "师资数量、专兼职结构、学历职称和职业资格是否能承担所申请工种及等级的理论课和操作技能课",
    ),
    auto(
        "art8_management_systems",
        "专门管理人员和管理制度",
        "第八条、第十四条",
        "内部管理",
        management_systems,
        KINDS,
    ),
    judged(
        "art8_management_review",
        "管理制度健全并能落实，安全措施到位",
        "第八条",
        "内部管理",
        KINDS,
        "查阅考勤、师资管理、课时备案、安全和档案制度文本，核实专门管理人员到岗，检查安全措施",
    ),
    auto(
        "art13_16_undertakings",
        "专款专用、接受监督、培训协议承诺",
        "第十三条、第十五条、第十六条",
        "承诺事项",
        undertakings,
        KINDS,
    ),
    auto(
        "art16_truthful",
        "承诺所报内容真实",
        "第十六条",
        "承诺事项",
        truthful,
        (
            ids.DESIGNATION,
            ids.TEACHER,
            ids.CLASS_FILING,
            ids.CLASS_CHANGE,
            ids.FEE,
            ids.SUBSIDY,
            ids.ANNUAL,
        ),
    ),
)
