"""A complete, eligible 认定申请 form of hz_outsourcing, for tests to vary one fact at a time."""

from __future__ import annotations

import copy

VALID = {
    "independent_legal_person": True,
    "business_qualifications": ["民办学校办学许可证 教民133010670000123号"],
    "business_in_operation": True,
    "no_serious_violations_3y": True,
    "no_fiscal_arrears": True,
    "files_accounts_and_statistics": True,
    "attends_inspections": True,
    "training_started_on": "2024-03-02",
    "trainees_cumulative": 500,
    "trainees_recent_half_year": 120,
    "teachers": [{"name": "陈老师", "qualification": "软件设计师 证书2019001", "full_time": True}],
    "premises": {"address": "杭州市西湖区文三路90号", "area_m2": 600, "tenure": "leased"},
    "equipment": ["计算机 60 台", "投影仪 4 台"],
    "has_assessment_system": True,
    "issues_certificates": True,
    "textbooks": {"self_compiled": True, "titles": ["服务外包实务"]},
    "management_rules_topics": [
        "planning",
        "organisation",
        "discipline",
        "faculty",
        "enrolment",
        "fees",
        "assessment",
    ],
    "training_content": ["basic_skills", "pre_job"],
    "delivery_modes": ["online", "offline"],
    "declaration_truthful": True,
}

JUDGMENT_GATES = [
    "art6_1_5_other_conditions",
    "art6_4_teachers",
    "art6_5_premises_adequacy",
    "art6_6_assessment_rigour",
    "art6_7_textbooks",
]


def form(**changes) -> dict:
    data = copy.deepcopy(VALID)
    data.update(changes)
    return data


def all_pass() -> list[dict]:
    return [{"criterionId": c, "passed": True} for c in JUDGMENT_GATES]
