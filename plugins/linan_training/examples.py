"""Worked examples for the demo data set and documentation (see ``accredit_examples``).

Only designations can stand alone (every other kind is filed under a designation the demo loader
cannot name), so the examples show a designated institution, one under review and a draft.
"""

from __future__ import annotations

import datetime as dt

from core.examples import Example, ExampleStep
from core.institutions import OrgType
from core.roles import Role
from core.scoring import Judgment

JUDGMENT_GATES = ("art3_site_review", "art3_teaching_strength", "art8_management_review")
OCCUPATIONS = ("电工", "中式烹调师", "茶艺师")

FORM = {
    "licence": {
        "document": "民办学校办学许可证",
        "number": "人社民3301127000015号",
        "issued_by": "杭州市临安区人力资源和社会保障局",
        "valid_until": "2029-06-30",
        "scope": [
            {"occupation": "电工", "highest_level": "advanced"},
            {"occupation": "中式烹调师", "highest_level": "intermediate"},
            {"occupation": "茶艺师", "highest_level": "intermediate"},
        ],
    },
    "premises": [
        {
            "address": "杭州市临安区锦城街道钱王街 588 号 3 楼",
            "division_code": "330112",
            "area_m2": 620,
            "use": "classroom",
            "tenure": "leased",
        },
        {
            "address": "杭州市临安区青山湖街道大园路 1 号实训楼",
            "division_code": "330112",
            "area_m2": 1100,
            "use": "workshop",
            "tenure": "leased",
        },
    ],
    "facilities": [
        "多媒体教室 4 间",
        "低压电工实训室 1 间",
        "烹饪实训室 1 间",
        "茶艺实训室 1 间",
        "消防设施及应急疏散通道",
    ],
    "equipment": [
        {"name": "电工实训考核装置", "quantity": 24},
        {"name": "中式烹调灶台", "quantity": 20},
        {"name": "茶艺演示台", "quantity": 16},
    ],
    "teachers": [
        {
            "name": "方建国",
            "teaching": "theory",
            "credentials": "本科，中级职称（电气工程师）",
            "full_time": True,
        },
        {
            "name": "俞海燕",
            "teaching": "practice",
            "credentials": "高中，电工二级/技师",
            "full_time": True,
        },
        {
            "name": "潘志强",
            "teaching": "practice",
            "credentials": "中专，中式烹调师二级/技师",
            "full_time": False,
        },
    ],
    "managers": ["钱丽萍（教务主任）"],
    "systems": ["attendance", "teacher_management", "hours_filing", "safety", "records"],
    "funds_earmarked": True,
    "training_agreements": True,
    "accepts_supervision": True,
    "declaration_truthful": True,
}

_TO_DESIGNATION = (
    ExampleStep("submit", Role.APPLICANT),
    ExampleStep(
        "inspect", Role.DISTRICT_REVIEWER, "实地核查：场地、设施、设备与申报一致，消防验收合格"
    ),
    ExampleStep(
        "approve",
        Role.DISTRICT_REVIEWER,
        "场地、设施、设备和师资力量满足培训需要，同意确定为定点培训机构",
        tuple(Judgment(c, passed=True) for c in JUDGMENT_GATES),
    ),
)

EXAMPLES = (
    Example(
        "已确定的定点职业技能培训机构",
        "designation",
        FORM,
        OCCUPATIONS,
        steps=_TO_DESIGNATION,
        institution_name="杭州临安天目职业技能培训学校",
        org_type=OrgType.PRIVATE_NON_ENTERPRISE,
        division_code="330112",
        registered_on=dt.date(2014, 9, 1),
    ),
    Example(
        "区人力社保局审核中的定点申请",
        "designation",
        FORM,
        ("电工",),
        steps=(ExampleStep("submit", Role.APPLICANT),),
        institution_name="杭州临安青山湖职业培训有限公司",
        org_type=OrgType.PRIVATE_TRAINING_ENTERPRISE,
        division_code="330112",
        registered_on=dt.date(2019, 4, 16),
    ),
    Example(
        "尚未提交的定点申请草稿",
        "designation",
        {**FORM, "managers": []},
        ("茶艺师",),
        institution_name="杭州临安山核桃产业技能培训中心",
        org_type=OrgType.ASSOCIATION,
        division_code="330112",
        registered_on=dt.date(2021, 11, 3),
    ),
)
