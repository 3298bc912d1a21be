"""The four grounds on which 申报要求 may be 适当放宽 (一 末段), and whether a claim stands.

A claim *stands* when what the text measures is met: 300 persons or more assessed in an enterprise
pilot; 3 full years or more of stable qualification assessment; a standard or a recommendation
that concerns an occupation actually applied for (“所申报职业（工种）”). Whether the evidence is
true is for the experts. A standing claim does two things (README, readings chosen): it lets the
experts waive the organisation-type thresholds of 一（一）(see ``art1_1_type_conditions``), and it
may be awarded 10–20 bonus points under 附件2 5.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.counting import at_least
from core.criteria import Facts
from core.periods import full_years


@dataclass(frozen=True)
class Ground:
    id: str  # the form field under ``relaxation`` and the suffix of its bonus criterion
    title: str


GROUNDS = (
    Ground(
        "standard_development", "曾参与所申报职业（工种）国家职业技能标准、题库、培训教材开发编制"
    ),
    Ground("enterprise_pilot", "已开展企业职业技能等级认定试点且评价人数在300人以上"),
    Ground(
        "appraisal_station", "设有职业技能鉴定所（站）或考核鉴定点并稳定开展职业资格评价3年以上"
    ),
    Ground(
        "government_recommended", "拟开展评价的职业（工种）原由政府行业主管部门组织实施，且由其推荐"
    ),
)


@dataclass(frozen=True)
class Claim:
    ground: Ground
    claimed: bool
    stands: bool
    reason: str


def assess(facts: Facts, ground: Ground) -> Claim:
    claim = getattr(facts.form.relaxation, ground.id)
    if claim is None:
        return Claim(ground, False, False, "未主张")
    if ground.id == "enterprise_pilot":
        holds, rule = at_least(
            claim.persons_assessed,
            facts.params.value("relaxation_min_enterprise_pilot_persons"),
            "人",
        )
        return Claim(ground, True, holds, f"评价人数 {claim.persons_assessed} 人，应为{rule}")
    if ground.id == "appraisal_station":
        years = full_years(claim.assessing_since, facts.on)
        holds, rule = at_least(years, facts.params.value("relaxation_min_station_years"), "年")
        return Claim(ground, True, holds, f"稳定开展职业资格评价已满 {years} 年，应为{rule}")
    applied = claim.occupation_code in facts.occupations
    return Claim(
        ground,
        True,
        applied,
        f"所涉职业 {claim.occupation_code}" + ("为所申报职业" if applied else "不是所申报职业"),
    )


def standing(facts: Facts) -> list[Claim]:
    return [claim for ground in GROUNDS if (claim := assess(facts, ground)).stands]
