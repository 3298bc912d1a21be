"""附件1's quantitative 评分标准, computed from the 申报表 for the experts (INFO criteria).

The numbers of 附件1 describe what earns an item's points (至少能容纳20人, 不小于20平方米, 超过1000以上,
至少200人次, 不少于20学时, 半年期以上, 本科及以上学历): the experts 酌情打分 against them, so missing
one costs points, not eligibility. Each is therefore INFO: it decides nothing, but its outcome
(PASS/FAIL) and values tell the expert at a glance whether the standard is met. The one number in
the 认定条件 themselves (3 专职讲师, 二、2) is a gate in :mod:`.eligibility`.
"""

from __future__ import annotations

from dataclasses import replace

from core.counting import at_least, more_than
from core.criteria import Facts, Finding, Outcome
from core.periods import term_last_day
from plugins.hz_crossborder.forms import (
    BACHELOR_OR_ABOVE,
    Employment,
    RecognitionForm,
    Tenure,
    Tool,
)


def summary_figures(facts: Facts) -> Finding:
    """The 基本情况 cells computed from the tables instead of typed twice."""
    form: RecognitionForm = facts.form
    lecturers = len(form.lecturers)
    graduates = sum(1 for lecturer in form.lecturers if lecturer.education in BACHELOR_OR_ABOVE)
    return Finding(
        Outcome.INFO,
        "申报表基本情况中由表二、表三和涉及平台计算的栏目",
        {
            "lecturers": lecturers,
            "full_time_lecturers": sum(
                1 for x in form.lecturers if x.employment is Employment.FULL_TIME
            ),
            "lecturers_bachelor_or_above": graduates,
            "share_bachelor_or_above_percent": round(100 * graduates / lecturers, 1)
            if lecturers
            else None,
            "management_staff": len(form.management_team),
            "platforms": len(form.basic.platforms),
        },
    )


def venue_capacity(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_venue_capacity"]
    largest = max((v.capacity for v in form.basic.training_venues), default=0)
    return Finding.compare(
        at_least(largest, minimum.value, "人"),
        actual=largest,
        field=("basic", "training_venues"),
        parameter=minimum,
        label="培训场地可同时容纳人数（最大的一处）",
    )


def teaching_tools(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    present = {tool for venue in form.basic.training_venues for tool in venue.tools}
    missing = [tool.label for tool in Tool if tool not in present]
    rule = "具备空调、电脑、网络、投影仪、白板等基础授课工具和网络环境"
    return Finding(
        Outcome.FAIL if missing else Outcome.PASS,
        rule + (f"；缺少：{'、'.join(missing)}" if missing else ""),
        {"missing": missing},
        field=("basic", "training_venues"),
    )


def office_area(facts: Facts) -> Finding:
    minimum = facts.params["min_office_room_area_m2"]
    area = facts.form.office.room_area_m2
    return Finding.compare(
        at_least(area, minimum.value, "平方米"),
        actual=area,
        field=("office", "room_area_m2"),
        parameter=minimum,
        label="独立办公用房面积（“不小于”）",
    )


def lease_term(facts: Facts) -> Finding:
    """租房合同、场地使用许可协议半年期以上, and still in force on the submission date.

    ``lease_to`` is the lease's last day, so 2021-01-01 … 2021-06-30 is a half-year lease.
    """
    office = facts.form.office
    minimum = facts.params["min_lease_months"]
    if office.tenure is Tenure.OWNED:
        return Finding(Outcome.PASS, "办公用房为自有产权", parameters=(minimum,))
    needed_to = term_last_day(office.lease_from, months=minimum.value)
    long_enough = office.lease_to >= needed_to
    in_force = office.lease_to >= facts.on
    rule = f"{office.tenure.label}期限{minimum.value}个月以上（含本数），且申报时仍在期内"
    problems = ([] if long_enough else [f"期限不足（至少应至 {needed_to.isoformat()}）"]) + (
        [] if in_force else [f"已于 {office.lease_to.isoformat()} 到期"]
    )
    return Finding(
        Outcome.PASS if not problems else Outcome.FAIL,
        rule + "".join(f"；{p}" for p in problems),
        {"lease_from": office.lease_from, "lease_to": office.lease_to},
        field=("office", "lease_to"),
        parameters=(minimum,),
    )


def net_assets_trend(facts: Facts) -> Finding:
    """近三年平均资产增值: the average yearly change of net assets over the three years before the application."""
    form: RecognitionForm = facts.form
    window = range(facts.on.year - 3, facts.on.year)
    years = sorted((f for f in form.finances if f.year in window), key=lambda f: f.year)
    rule = f"近三年（{window[0]}—{window[-1]}年）净资产平均增值"
    if len(years) < 2:
        return Finding(
            Outcome.FAIL,
            f"{rule}；须至少两个年度的净资产方可计算",
            {"years": [f.year for f in years]},
            field=("finances",),
        )
    first, last = years[0], years[-1]
    average = round((last.net_assets - first.net_assets) / (last.year - first.year), 2)
    grows, _ = more_than(average, 0)
    return Finding(
        Outcome.PASS if grows else Outcome.FAIL,
        f"{rule}（万元/年）应大于0",
        {
            "average_change": average,
            "net_assets": {f.year: f.net_assets for f in years},
            "registered_capital": {f.year: f.registered_capital for f in years},
        },
        field=("finances",),
    )


def lecturer_education(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    below = [x.name for x in form.lecturers if x.education not in BACHELOR_OR_ABOVE]
    rule = "讲师团队一般要求本科及以上学历"
    return Finding(
        Outcome.FAIL if below or not form.lecturers else Outcome.PASS,
        rule + (f"；本科以下：{'、'.join(below)}" if below else ""),
        {"lecturers": len(form.lecturers), "below_bachelor": below},
        field=("lecturers",),
    )


def training_total(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_training_attendances_total"]
    inclusive = facts.params["training_total_inclusive"]
    total = form.training_attendances_total
    field = ("training_attendances_total",)
    if total is None:
        return Finding(
            Outcome.FAIL,
            "历年组织人才培训总人次：未填写",
            field=field,
            parameters=(minimum, inclusive),
        )
    comparison = at_least if inclusive.value else more_than
    finding = Finding.compare(
        comparison(total, minimum.value, "人次"),
        actual=total,
        field=field,
        parameter=minimum,
        label="历年组织人才培训总人次（“超过1000以上”）",
    )
    return replace(finding, parameters=(minimum, inclusive))


def cross_border_attendances(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_cross_border_attendances"]
    total = sum(a.attendances for a in form.training_activities)
    return Finding.compare(
        at_least(total, minimum.value, "人次"),
        actual=total,
        field=("training_activities",),
        parameter=minimum,
        label="跨境电商培训人次（表四“培训人次”之和）",
    )


def hours_per_session(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    minimum = facts.params["min_hours_per_session"]
    short = [
        i + 1 for i, a in enumerate(form.training_activities) if a.hours < minimum.value
    ]  # 不少于: 20 is enough
    rule = f"每期培训时间不少于{minimum.value}个学时（含本数）"
    failed = short or not form.training_activities
    rule += f"；不足的期次：表四第{'、'.join(map(str, short))}行" if short else ""
    return Finding(
        Outcome.FAIL if failed else Outcome.PASS,
        rule,
        {"sessions": len(form.training_activities), "short_rows": short},
        field=("training_activities",),
        parameters=(minimum,),
    )


def qualifications_valid(facts: Facts) -> Finding:
    form: RecognitionForm = facts.form
    expired = [
        q.name
        for q in form.qualifications
        if q.valid_until is not None and q.valid_until < facts.on
    ]
    rule = f"企业资质在申报之日（{facts.on.isoformat()}）仍在有效期内"
    if not form.qualifications:
        return Finding(Outcome.INFO, "未填写企业资质", field=("qualifications",))
    return Finding(
        Outcome.FAIL if expired else Outcome.PASS,
        rule + (f"；已过期：{'、'.join(expired)}" if expired else ""),
        {"qualifications": len(form.qualifications), "expired": expired},
        field=("qualifications",),
    )
