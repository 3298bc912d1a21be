"""Checks of the applications that concern a filing: additions of occupations (二), promotion to
the province list (三（三）), assessments (四（五）、五（三）) and branches (三（二）).

What was filed, when, and by whom comes from :attr:`Facts.recognition`; earlier additions and
assessments of the organisation from :attr:`Facts.history`.
"""

from __future__ import annotations

from core.counting import at_least, at_most
from core.criteria import Facts, Finding, Outcome
from core.institutions import OrgType
from core.periods import full_years
from core.recognitions import RecognitionStatus
from plugins.zj_evaluation_org.choices import AssessmentOccasion
from plugins.zj_evaluation_org.filing import filed_by_province
from plugins.zj_evaluation_org.findings import Tally, declared

ASSESSMENT_KINDS = ("city_assessment", "province_assessment")
CLOSED_UNSUCCESSFUL = ("draft", "rejected", "withdrawn")


def _level(facts: Facts) -> str:
    return "省级备案" if filed_by_province(facts.recognition) else "市级备案"


def recognition_active(facts: Facts) -> Finding:
    rec = facts.recognition
    if rec is None:
        return Finding(Outcome.FAIL, "须针对一项备案（认定）记录")
    active = rec.status is RecognitionStatus.ACTIVE
    return Finding(
        Outcome.PASS if active else Outcome.FAIL,
        f"所针对的备案须有效（{rec.code}：{rec.status.value}）",
        {"code": rec.code, "status": rec.status.value},
    )


# -- 二 新增职业（工种） ---------------------------------------------------------------------------------


def _additions(facts: Facts):
    return [
        h
        for h in facts.history
        if h.kind == "add_occupations" and h.status not in CLOSED_UNSUCCESSFUL
    ]


def assessment_passed(facts: Facts) -> Finding:
    """经备案的人力社保部门组织专家评估通过后，可再申报新增（技师学院不受此限）."""
    if facts.institution.org_type is OrgType.TECHNICIAN_COLLEGE:
        return Finding(Outcome.PASS, "技师学院不受新增职业（工种）的评估前提和数量限制")
    granted = facts.recognition.granted_on if facts.recognition else None
    passed = [
        h
        for h in facts.history
        if h.kind in ASSESSMENT_KINDS
        and h.stage == "passed"
        and granted is not None
        and h.stage_entered_on >= granted
    ]
    rule = "在试点期间取得经验并经备案的人力社保部门组织专家评估通过后，方可申报新增职业（工种）"
    if passed:
        return Finding(
            Outcome.PASS,
            rule,
            {"assessment": passed[-1].id, "passed_on": passed[-1].stage_entered_on},
        )
    return Finding(Outcome.FAIL, f"{rule}；备案后尚无通过的评估", {"granted_on": granted})


def addition_count(facts: Facts) -> Finding:
    """可再申报新增不超过3个职业（工种）: counted over the whole pilot, earlier additions included."""
    count = len(facts.form.occupations)
    if facts.institution.org_type is OrgType.TECHNICIAN_COLLEGE:
        return Finding(Outcome.PASS, "技师学院不受新增职业（工种）数量限制", {"count": count})
    earlier = sum(len(h.occupations) for h in _additions(facts))
    limit = facts.params["max_added_occupations"]
    holds, rule = at_most(earlier + count, limit.value, "个")
    return Finding(
        Outcome.PASS if holds else Outcome.FAIL,
        f"新增职业（工种）累计应为{rule}"
        + ("" if holds else f"；此前已新增或在办 {earlier} 个，本次 {count} 个"),
        {"earlier": earlier, "count": count, "threshold": limit.value},
        field=() if holds else ("occupations",),
        parameters=(limit,),
    )


def new_occupations(facts: Facts) -> Finding:
    filed = set(facts.recognition.occupations if facts.recognition else ()) | {
        o for h in _additions(facts) for o in h.occupations
    }
    again = [o for o in facts.occupations if o in filed]
    rule = "新增的职业（工种）不得是已备案或正在申报新增的职业"
    if again:
        return Finding(
            Outcome.FAIL,
            f"{rule}；已备案：{'、'.join(again)}",
            {"already_filed": again},
            field=("occupations",),
        )
    return Finding(Outcome.PASS, rule)


def addition_commitment(facts: Facts) -> Finding:
    return declared(facts, {"commitment_signed": "已签署承诺书"}, "新增职业（工种）同样适用承诺书")


# -- 三（三）向省推荐 -----------------------------------------------------------------------------------


def city_filed(facts: Facts) -> Finding:
    rec = facts.recognition
    by_province = rec is not None and filed_by_province(rec)
    return Finding(
        Outcome.FAIL if by_province else Outcome.PASS,
        "向省推荐的是在设区市人力社保部门备案的组织"
        + ("；该组织已在省厅备案" if by_province else ""),
    )


def pilot_year(facts: Facts) -> Finding:
    minimum = facts.params["promotion_min_pilot_years"]
    if facts.recognition is None:  # a pre-check that names no filing
        return Finding(
            Outcome.FAIL, "经过一年时间的试点后方可推荐：未指定所针对的备案", parameters=(minimum,)
        )
    granted = facts.recognition.granted_on
    years = full_years(granted, facts.on)
    holds, rule = at_least(years, minimum.value, "年")
    return Finding(
        Outcome.PASS if holds else Outcome.FAIL,
        f"经过一年时间的试点后方可推荐：自备案之日起应为{rule}",
        {"granted_on": granted, "years": years},
        parameters=(minimum,),
    )


def same_occupations(facts: Facts) -> Finding:
    filed = tuple(facts.recognition.occupations) if facts.recognition else ()
    holds = facts.recognition is not None and set(facts.occupations) == set(filed)
    return Finding(
        Outcome.PASS if holds else Outcome.FAIL,
        f"推荐备案的职业应与该备案记录的职业一致（{'、'.join(filed)}）",
        {"filed": list(filed)},
        field=() if holds else ("occupations",),
    )


# -- 四（五）、五（三）评估 -----------------------------------------------------------------------------


def assessment_level(province: bool):
    def check(facts: Facts) -> Finding:
        rec = facts.recognition
        holds = rec is not None and filed_by_province(rec) == province
        who = "省" if province else "设区市"
        return Finding(
            Outcome.PASS if holds else Outcome.FAIL,
            f"由原备案的{who}人力社保部门评估（三（二）、四（五））"
            + ("" if holds or rec is None else f"；该组织为{_level(facts)}"),
        )

    return check


def assessment_timing(facts: Facts) -> Finding:
    """Only a filing in force is assessed (a revoked or superseded one has nothing left to continue);
    the comprehensive assessment of 五（三） comes after the pilot's last day."""
    end, rec = facts.params["pilot_valid_until"], facts.recognition
    if rec is None or rec.status not in (RecognitionStatus.ACTIVE, RecognitionStatus.SUSPENDED):
        state = f"；该备案为 {rec.status.value}" if rec is not None else ""
        return Finding(Outcome.FAIL, f"对备案有效的试点机构进行评估{state}")
    if facts.form.occasion is AssessmentOccasion.FINAL:
        holds = facts.on > end.value
        return Finding(
            Outcome.PASS if holds else Outcome.FAIL,
            f"试点结束（{end.value} 试点有效期届满）后进行综合评估",
            {"pilot_ends": end.value},
            field=() if holds else ("occasion",),
            parameters=(end,),
        )
    return Finding(
        Outcome.PASS, "对备案有效的试点机构进行认定质量综合评估、专家评估", parameters=(end,)
    )


# -- 三（二）分支机构 -------------------------------------------------------------------------------------


def branch_scope(facts: Facts) -> Finding:
    tally, rec, form = Tally(), facts.recognition, facts.form
    filed = set(rec.occupations) if rec else set()
    extra = [o for o in facts.occupations if o not in filed]
    tally.need(bool(facts.occupations), ("occupations",), "未填写分支机构开展认定的职业")
    tally.need(
        not extra, ("occupations",), f"分支机构只能开展已备案的职业（{'、'.join(extra)} 未备案）"
    )
    if rec is not None and not filed_by_province(rec):
        city = form.division_code[:4] + "00"
        tally.need(
            city == facts.institution.city_code,
            ("division_code",),
            f"市级备案的组织只能在本市辖区内开展认定，分支机构所在地 {form.division_code} 不在本市",
        )
    return tally.finding(
        "分支机构开展已备案的职业，位于备案部门的辖区内（市级备案：本市；省级备案：全省）"
    )
