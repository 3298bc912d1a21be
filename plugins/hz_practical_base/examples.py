"""Worked examples for the demo data set and documentation (see ``accredit_examples``).

The institutions are fictitious but typical of Hangzhou: a technician college in 钱塘区, an
equipment maker in 余杭区 and a vocational school in 富阳区. The enterprise's 职工培训经费 records
cover 2023–2025, the three years before the demo date (2026-11-25).
"""

from __future__ import annotations

import datetime as dt

from core.examples import Example, ExampleStep
from core.institutions import OrgType
from core.roles import Role
from core.scoring import Judgment


def _staff(name: str, age: int, position: str, title: str, major: str = "机电一体化") -> dict:
    return {
        "name": name,
        "age": age,
        "position": position,
        "education": "本科",
        "major": major,
        "title": title,
        "full_time": True,
    }


PROJECT = {
    "centre_name": "智能制造实训中心",
    "occupations": ["数控车工", "工业机器人系统运维员", "电工"],
    "rooms": ["数控加工实训室", "工业机器人实训室", "电气控制实训室"],
    "open_times": ["daytime", "evening", "weekend"],
    "open_to": ["university_students", "unemployed", "employed", "secondary_vocational_students"],
    "site_area_m2": 3200,
    "site_tenure": "owned",
    "equipment": [
        {
            "name": "数控车床",
            "quantity": 24,
            "model": "CK6150",
            "manufacturer": "浙江凯达机床股份有限公司",
            "tenure": "owned",
        },
        {
            "name": "六轴工业机器人工作站",
            "quantity": 12,
            "model": "IRB 1200",
            "manufacturer": "上海ABB工程有限公司",
            "tenure": "owned",
        },
    ],
    "managers": [_staff("王建国", 48, "实训中心主任", "高级讲师", "机械制造")],
    "maintainers": [_staff("李志强", 39, "设备管理员", "高级技师（数控车工）")],
    "teachers": [
        _staff("陈晓东", 42, "一体化教师", "高级实习指导教师"),
        _staff("周敏", 35, "一体化教师", "技师（电工）"),
    ],
    "prospects": "服务钱塘区智能制造产业集群，补充杭州市公共实训基地在工业机器人运维方向的实训能力；年开放实训不少于300天。",
}

BASIC = {
    "address": "杭州市钱塘区学源街1088号",
    "postcode": "310018",
    "contacts": [
        {"name": "赵丽", "phone": "0571-86900000 / 13900000000", "email": "train@example.edu.cn"}
    ],
    "profile": "国家级重点技工院校，设智能制造、电气自动化等12个专业，在校生6800人，一体化教师216人。",
}

SCHOOL_FORM = {
    "requested_name": "钱塘智能制造",
    "basic": BASIC,
    "training_record": "近三年培养高级工、技师2600余人，承办市级职业技能竞赛6项，开展社会培训1.2万人次。",
    "projects": [PROJECT],
    "independent_legal_person": True,
    "public_service_willing": True,
    "office": {"address": "杭州市钱塘区学源街1088号行政楼3楼", "area_m2": 260, "tenure": "owned"},
    "school_standards": {
        "related_majors": ["数控加工", "工业机器人应用与维护", "电气自动化设备安装与维修"],
        "annual_enrolment": 620,
        "annual_trainees": 3800,
        "graduates": 540,
        "graduates_employed": 528,
        "partners": [
            {
                "name": f"杭州钱塘合作企业{i:02d}有限公司",
                "areas": ["internship_employment", "staff_training"],
                "since": "2019-09-01",
            }
            for i in range(1, 13)
        ],
        "professional_teachers": 260,
        "integrated_teachers": 216,
        "practice_teachers": 120,
        "senior_practice_teachers": 58,
    },
    "matching_funds_yuan": 3_000_000,
    "matching_funds_committed": True,
    "attachments": {
        "legal_registration": True,
        "staff_credentials": True,
        "management_rules": ["实训管理制度", "固定资产管理制度", "实训安全管理制度"],
    },
    "declaration_truthful": True,
}

ENTERPRISE_FORM = {
    **SCHOOL_FORM,
    "requested_name": "余杭数控装备",
    "basic": {
        **BASIC,
        "address": "杭州市余杭区文一西路1500号",
        "postcode": "311121",
        "profile": "高端数控机床制造企业，国家高新技术企业，职工1800人，设企业技能人才评价机构。",
    },
    "office": {"address": "杭州市余杭区文一西路1500号综合楼", "area_m2": 180, "tenure": "owned"},
    "school_standards": None,
    "enterprise_standards": {
        "industry": "high_end_equipment",
        "industry_description": "数控机床及智能产线的研发制造",
        "training_funds": [
            {
                "year": y,
                "payroll_yuan": 260_000_000,
                "extracted_yuan": 6_500_000,
                "used_yuan": 6_100_000,
                "fully_extracted": True,
            }
            for y in (2023, 2024, 2025)
        ],
    },
    "matching_funds_yuan": 1_500_000,
}

JUDGMENT_GATES = (
    "art2_2_3_organisation",
    "art2_2_4_project_fit",
    "annex1_qualitative",
    "art2_3_2_site_inspection",
)

_TO_GRANT = (
    ExampleStep("submit", Role.APPLICANT),
    ExampleStep("accept", Role.CITY_REVIEWER, "材料齐全，予以受理"),
    ExampleStep(
        "expert_pass",
        Role.EXPERT,
        "现场考察：场地、设备均为自有，师资结构合理，项目与市基地互补",
        tuple(Judgment(c, passed=True) for c in JUDGMENT_GATES),
    ),
    ExampleStep("shortlist", Role.CITY_REVIEWER),
    ExampleStep("grant", Role.CITY_REVIEWER, "公示期满无异议"),
)

EXAMPLES = (
    Example(
        "已授予名称和铭牌的技师学院分基地",
        "recognition",
        SCHOOL_FORM,
        steps=_TO_GRANT,
        institution_name="杭州钱塘示范技师学院",
        org_type=OrgType.TECHNICIAN_COLLEGE,
        division_code="330114",
        registered_on=dt.date(2004, 9, 1),
    ),
    Example(
        "专家现场考察中的企业申报",
        "recognition",
        ENTERPRISE_FORM,
        steps=_TO_GRANT[:2],
        institution_name="杭州余杭示范数控装备股份有限公司",
        org_type=OrgType.ENTERPRISE,
        division_code="330110",
        registered_on=dt.date(2009, 4, 15),
    ),
    Example(
        "尚未提交的职业学校申报（特殊紧缺专业放宽）",
        "recognition",
        {
            **SCHOOL_FORM,
            "requested_name": "富阳",
            "school_standards": {
                **SCHOOL_FORM["school_standards"],
                "annual_enrolment": 150,
                "shortage_major": True,
                "shortage_major_reason": "船舶电气专业为本地紧缺专业，近年报考人数少",
            },
        },
        institution_name="杭州富阳示范职业高级中学",
        org_type=OrgType.VOCATIONAL_COLLEGE,
        division_code="330111",
        registered_on=dt.date(1998, 8, 1),
    ),
)
