"""Complete, eligible forms of hz_practical_base (school and enterprise 申报表, an assessment record),
for tests to vary one fact at a time; and the judgments and scores a panel gives."""

from __future__ import annotations

import copy


def _staff(name: str, position: str, full_time: bool = True) -> dict:
    return {
        "name": name,
        "age": 40,
        "position": position,
        "education": "本科",
        "major": "机电一体化",
        "title": "高级技师",
        "full_time": full_time,
    }


PROJECT = {
    "centre_name": "数控实训中心",
    "occupations": ["数控车工"],
    "rooms": ["数控实训室"],
    "open_times": ["daytime", "weekend"],
    "open_to": ["unemployed", "employed"],
    "site_area_m2": 800,
    "site_tenure": "owned",
    "equipment": [
        {
            "name": "数控车床",
            "quantity": 10,
            "model": "CK6140",
            "manufacturer": "某机床厂",
            "tenure": "owned",
        }
    ],
    "managers": [_staff("王主任", "主任")],
    "maintainers": [_staff("李师傅", "设备员")],
    "teachers": [_staff("陈老师", "教师")],
    "prospects": "服务本地装备制造业，与市公共实训基地互补。",
}

SCHOOL = {
    "requested_name": "西湖技师学院",
    "basic": {
        "address": "杭州市西湖区留和路1号",
        "postcode": "310023",
        "contacts": [{"name": "赵老师", "phone": "0571-80000000", "email": "a@example.cn"}],
        "profile": "技师学院",
    },
    "training_record": "近几年培养高技能人才1000余人。",
    "projects": [PROJECT],
    "independent_legal_person": True,
    "public_service_willing": True,
    "office": {"address": "杭州市西湖区留和路1号", "area_m2": 100, "tenure": "owned"},
    "school_standards": {
        "related_majors": ["数控加工"],
        "annual_enrolment": 200,
        "annual_trainees": 500,
        "graduates": 100,
        "graduates_employed": 95,
        "partners": [
            {"name": f"合作企业{i}", "areas": ["internship_employment"], "since": "2020-01-01"}
            for i in range(10)
        ],
        "professional_teachers": 100,
        "integrated_teachers": 50,
        "practice_teachers": 100,
        "senior_practice_teachers": 40,
    },
    "matching_funds_yuan": 100000,
    "matching_funds_committed": True,
    "attachments": {
        "legal_registration": True,
        "staff_credentials": True,
        "management_rules": ["实训管理制度"],
    },
    "declaration_truthful": True,
}

ENTERPRISE = {
    **SCHOOL,
    "requested_name": "余杭装备",
    "school_standards": None,
    "enterprise_standards": {
        "industry": "high_end_equipment",
        "industry_description": "数控机床制造",
        "training_funds": [
            {
                "year": y,
                "payroll_yuan": 10_000_000,
                "extracted_yuan": 150_000,
                "used_yuan": 140_000,
                "fully_extracted": True,
            }
            for y in (2023, 2024, 2025)
        ],
    },
}

ASSESSMENT = {
    "years": [
        {
            "year": y,
            "external_service_person_times": 1600,
            "work_plan": True,
            "work_summary": True,
            "monthly_statistics": True,
            "annual_statistics": True,
        }
        for y in (2024, 2025)
    ],
    "dedicated_site_m2": 800,
    "equipment_owned_items": 40,
    "full_time_head": "王主任",
    "full_time_maintainers": ["李师傅"],
    "matching_funds_yuan": 200000,
    "operating_rules": ["分基地运行管理办法"],
    "has_process": True,
    "has_job_duties": True,
    "ledger_parts": ["admission", "agreement", "booking", "trainees"],
    "declaration_truthful": True,
}

JUDGMENT_GATES = [
    "art2_2_3_organisation",
    "art2_2_4_project_fit",
    "annex1_qualitative",
    "art2_3_2_site_inspection",
]
SCORED_ITEMS = {  # expert-scored items of 附件3 and their maxima
    "annex3_02_equipment": 15,
    "annex3_06_operating_rules": 4,
    "annex3_07_process": 3,
    "annex3_08_job_duties": 3,
    "annex3_10_statistics": 10,
    "annex3_11_ledger": 5,
}


def form(base: dict = SCHOOL, **changes) -> dict:
    data = copy.deepcopy(base)
    data.update(changes)
    return data


def all_pass() -> list[dict]:
    return [{"criterionId": c, "passed": True} for c in JUDGMENT_GATES]


def scores(total: float | None = None, **points: float) -> list[dict]:
    """Scores for every expert-scored item: full marks unless given, or spread to add up to ``total``."""
    given = dict(SCORED_ITEMS)
    if total is not None:
        left = total
        for item, maximum in SCORED_ITEMS.items():
            given[item] = min(maximum, left)
            left -= given[item]
    given.update(points)
    return [{"criterionId": c, "points": p} for c, p in given.items()]
