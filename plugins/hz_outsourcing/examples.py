"""Worked examples for the demo data set and documentation (see ``accredit_examples``)."""

from __future__ import annotations

import datetime as dt

from core.examples import Example, ExampleStep
from core.institutions import OrgType
from core.roles import Role
from core.scoring import Judgment

JUDGMENT_GATES = (
    "art6_1_5_other_conditions",
    "art6_4_teachers",
    "art6_5_premises_adequacy",
    "art6_6_assessment_rigour",
    "art6_7_textbooks",
)

FORM = {
    "independent_legal_person": True,
    "business_qualifications": ["民办职业培训学校办学许可证（示例）"],
    "business_in_operation": True,
    "no_serious_violations_3y": True,
    "no_fiscal_arrears": True,
    "files_accounts_and_statistics": True,
    "attends_inspections": True,
    "training_started_on": "2018-09-01",
    "trainees_cumulative": 2350,
    "trainees_recent_half_year": 310,
    "teachers": [
        {"name": "陈明", "qualification": "系统架构设计师（高级）", "full_time": True},
        {"name": "刘洋", "qualification": "PMP 项目管理专业人士", "full_time": True},
        {"name": "Emily Zhao", "qualification": "TESOL 英语教学证书", "full_time": False},
    ],
    "premises": {"address": "杭州市滨江区网商路 599 号 3 楼", "area_m2": 860, "tenure": "leased"},
    "equipment": ["学员计算机 80 台", "投影及录播系统 4 套", "云实训平台账号 200 个"],
    "has_assessment_system": True,
    "issues_certificates": True,
    "textbooks": {
        "self_compiled": True,
        "titles": ["软件测试外包实务", "商务英语（服务外包方向）"],
    },
    "management_rules_topics": [
        "planning",
        "organisation",
        "discipline",
        "faculty",
        "enrolment",
        "fees",
        "assessment",
    ],
    "training_content": ["basic_skills", "international_certification", "pre_job"],
    "delivery_modes": ["online", "offline"],
    "declaration_truthful": True,
}

_TO_RECOGNITION = (
    ExampleStep("submit", Role.APPLICANT),
    ExampleStep("district_approve", Role.DISTRICT_REVIEWER, "材料齐全，符合第六条所列条件"),
    ExampleStep("city_forward", Role.CITY_REVIEWER, "提交专家评审"),
    ExampleStep(
        "expert_pass",
        Role.EXPERT,
        "师资、场所、考核制度和教材均符合要求",
        tuple(Judgment(c, passed=True) for c in JUDGMENT_GATES),
    ),
    ExampleStep("notice_no_objection", Role.CITY_REVIEWER, "公示期满无异议"),
)

EXAMPLES = (
    Example(
        "已认定的服务外包人才培训机构",
        "recognition",
        FORM,
        steps=_TO_RECOGNITION,
        institution_name="杭州滨江示范服务外包培训有限公司",
        division_code="330108",
        registered_on=dt.date(2017, 5, 12),
    ),
    Example(
        "区县初审中的申请",
        "recognition",
        {**FORM, "trainees_cumulative": 620, "trainees_recent_half_year": 80},
        steps=(ExampleStep("submit", Role.APPLICANT),),
        institution_name="杭州萧山软件人才学院",
        org_type=OrgType.PRIVATE_NON_ENTERPRISE,
        division_code="330109",
        registered_on=dt.date(2016, 3, 1),
    ),
    Example(
        "尚未提交的草稿",
        "recognition",
        {**FORM, "trainees_cumulative": 430, "trainees_recent_half_year": 150},
        institution_name="杭州临安数字技能培训中心",
        division_code="330112",
        registered_on=dt.date(2022, 8, 8),
    ),
)
