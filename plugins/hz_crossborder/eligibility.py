"""Automatic gates: 一 认定对象, the checkable parts of 二 认定条件, and a complete 申报表.

Pure functions of :class:`~core.criteria.Facts`. A gate that fails refuses submission (and the
district's forwarding) with the form field it is about. What the text leaves qualitative
(良好的财务状况, 课程开发能力, 一定学历和资质 …) is a judgment gate in :mod:`.criteria`.
"""

from __future__ import annotations

from core.counting import at_least
from core.criteria import Facts, Finding, Outcome
from plugins.hz_crossborder.forms import Employment, RecognitionForm, Tool
from plugins.hz_crossborder.rubric import ITEMS
from plugins.hz_crossborder.scheme import HANGZHOU

LIVE = ("in_review", "public_notice")  # statuses of an application still being decided


def _fail(rule: str, why: str, *field: str, **values) -> Finding:
    return Finding(Outcome.FAIL, f"{rule}；{why}", values, field=field)


# -- 一、认定对象 -----------------------------------------------------------------------------------


def registered_in_hangzhou(facts: Facts) -> Finding:
    rule = "在杭注册（登记地属杭州市，含所辖区、县（市））"
    values = {
        "division_code": facts.institution.division_code,
        "city_code": facts.institution.city_code,
    }
    if facts.institution.city_code == HANGZHOU:
        return Finding(Outcome.PASS, rule, values)
    # the registered area is a fact of the institution record, not of the form: no form path
    return _fail(rule, f"登记地所属城市代码为 {facts.institution.city_code}", **values)


def independent_legal_person(facts: Facts) -> Finding:
    rule = "具有独立法人资格"
    if facts.form.declarations.independent_legal_person:
        return Finding(Outcome.PASS, rule)
    return _fail(rule, "未声明具有独立法人资格", "declarations", "independent_legal_person")


def no_training_penalty(facts: Facts) -> Finding:
    rule = "无任何违反职业培训法律法规被处罚记录"
    if facts.form.declarations.no_training_penalty:
        return Finding(Outcome.PASS, rule)
    return _fail(rule, "未声明无被处罚记录", "declarations", "no_training_penalty")


def training_and_delivery_experience(facts: Facts) -> Finding:
    """有跨境电商人才培训与输送经历: at least one training (表四) and one matching activity (表五) held."""
    form: RecognitionForm = facts.form
    rule = "有跨境电商人才培训与输送经历（表四、表五各至少一项已开展的活动）"
    trainings = [a for a in form.training_activities if a.held_on <= facts.on]
    matchings = [a for a in form.matching_activities if a.held_on <= facts.on]
    values = {"training_activities": len(trainings), "matching_activities": len(matchings)}
    if not trainings:
        return _fail(rule, "无已开展的跨境电商培训活动", "training_activities", **values)
    if not matchings:
        return _fail(rule, "无已开展的企业人才对接或考察调研活动", "matching_activities", **values)
    return Finding(Outcome.PASS, rule, values)


def not_recognised_or_pending(facts: Facts) -> Finding:
    """增补认定 adds new bases: a recognised base does not apply again, nor one with a live application."""
    rule = "增补认定：尚未被认定为杭州跨境电商人才社会培训基地，且无正在办理的认定申请"
    for other in facts.history:
        if other.kind != "recognition":
            continue
        if other.status == "approved":
            return _fail(rule, f"已经认定（申请 {other.id}）", other_application=other.id)
        if other.status in LIVE:
            return _fail(
                rule, f"申请 {other.id} 正在办理中（{other.stage}）", other_application=other.id
            )
    return Finding(Outcome.PASS, rule)


# -- 二、认定条件 -----------------------------------------------------------------------------------


def teaching_facilities(facts: Facts) -> Finding:
    """一 具备跨境电商课程开设条件；二、1 教学场地或实训场地、教学设备和必要的网络环境."""
    form: RecognitionForm = facts.form
    rule = "具备开设跨境电商培训课程的教学场地或实训场地、所需的教学设备和必要的网络环境"
    venues = form.basic.training_venues
    path = ("basic", "training_venues")
    if not venues:
        return _fail(rule, "未填写培训场地", *path)
    if not any(Tool.NETWORK in v.tools for v in venues):
        return _fail(rule, "培训场地均未具备网络环境", *path)
    if not any(v.other_equipment or any(t is not Tool.NETWORK for t in v.tools) for v in venues):
        return _fail(rule, "未填写教学设备", *path)
    return Finding(Outcome.PASS, rule, {"venues": len(venues)})


def plan_and_summary(facts: Facts) -> Finding:
    management = facts.form.daily_management
    rule = "具备跨境电商人才培训年度计划和总结"
    if not management.annual_plan:
        return _fail(rule, "无年度工作计划", "daily_management", "annual_plan")
    if not management.annual_summary:
        return _fail(rule, "无年度工作总结", "daily_management", "annual_summary")
    return Finding(Outcome.PASS, rule)


def management_team(facts: Facts) -> Finding:
    team = facts.form.management_team
    rule = "具有运营管理团队（表二）"
    if not team:
        return _fail(rule, "未填写管理运营团队", "management_team")
    return Finding(Outcome.PASS, rule, {"members": len(team)})


def full_time_lecturers(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_full_time_lecturers"]
    count = sum(1 for lecturer in form.lecturers if lecturer.employment is Employment.FULL_TIME)
    return Finding.compare(
        at_least(count, minimum.value, "名"),
        actual=count,
        field=("lecturers",),
        parameter=minimum,
        label="跨境电商专职讲师（表三“专职”）",
    )


# -- 附件2: a complete and truthful 申报表 -----------------------------------------------------------


def activities_already_held(facts: Facts) -> Finding:
    """表四至表七 list what has 已开展 / been awarded: no row may be dated after the submission date."""
    form: RecognitionForm = facts.form
    rule = f"表四至表七所列活动和荣誉应已开展或取得（日期不晚于 {facts.on.isoformat()}）"
    tables = (
        ("training_activities", "held_on"),
        ("matching_activities", "held_on"),
        ("brand_activities", "held_on"),
        ("honours", "awarded_on"),
    )
    for table, column in tables:
        for index, row in enumerate(getattr(form, table)):
            day = getattr(row, column)
            if day > facts.on:
                return _fail(
                    rule,
                    f"第{index + 1}行日期为 {day.isoformat()}",
                    table,
                    str(index),
                    column,
                    date=day,
                )
    return Finding(Outcome.PASS, rule)


def self_assessment_complete(facts: Facts) -> Finding:
    scores = facts.form.self_scores
    rule = "附件1 评价表的“自评分”栏逐项填写"
    missing = [item for item in ITEMS if getattr(scores, item.key) is None]
    if missing:
        return _fail(
            rule,
            f"未自评：{'、'.join(i.title for i in missing)}",
            "self_scores",
            missing[0].key,
            missing=[i.title for i in missing],
        )
    return Finding(Outcome.PASS, rule)


def attestation(facts: Facts) -> Finding:
    rule = "申报单位承诺申报材料真实（法定代表人签章、单位盖章）"
    if facts.form.declarations.truthful:
        return Finding(Outcome.PASS, rule)
    return _fail(rule, "未作承诺", "declarations", "truthful")
