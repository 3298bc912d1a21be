"""Worked examples for the demo data set and documentation (see ``accredit_examples``).

The only call of the notice (首批, 2020-11-20 to 2020-12-31) has closed, so with today's date the
examples are drafts that pass every check except the round: a city-level training school, a
province-level public institution and a technician college (which may apply for more than three
occupations). :func:`filing_form` builds a complete 申报表 with valid 身份证号码, ages as of
``on``, and every 附件1 number exactly at its minimum unless overridden; tests vary it one fact
at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stdnum.cn import ric

from core.examples import Example
from core.institutions import OrgType
from core.periods import full_years, term_last_day
from plugins.zj_evaluation_org.scheme import FIRST_BATCH

EXAMPLE_DAY = dt.date(2026, 11, 25)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = (
    "建国",
    "丽华",
    "志强",
    "秀英",
    "海涛",
    "晓燕",
    "伟",
    "敏",
    "军",
    "静",
    "磊",
    "婷",
    "斌",
    "芳",
    "浩",
    "娟",
    "杰",
    "霞",
    "鹏",
    "琳",
)
OCCUPATION_NAMES = {
    "4-03-02-01": "中式烹调师",
    "4-03-02-02": "中式面点师",
    "4-03-02-03": "西式烹调师",
    "4-03-02-04": "西式面点师",
}
STANDARD_TITLES = {
    "4-03-02-01": "中式烹调师国家职业技能标准（2018年版）",
    "4-03-02-02": "中式面点师国家职业技能标准（2018年版）",
    "4-03-02-03": "西式烹调师国家职业技能标准（2018年版）",
    "4-03-02-04": "西式面点师国家职业技能标准（2018年版）",
}
GRADES = ["level5", "level4", "level3"]


def id_number(serial: int, born: dt.date, male: bool, area: str = "330106") -> str:
    """A valid GB 11643 number: area, birth date, a sequence code whose parity gives the gender."""
    sequence = (2 * serial + (1 if male else 0)) % 1000
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def _person(serial: int, on: dt.date) -> dict[str, Any]:
    male = serial % 2 == 1
    born = dt.date(
        1983 + serial % 13, 1 + serial % 6, 1 + serial % 27
    )  # 330106 exists from 1983; born Jan-Jun
    return {
        "name": SURNAMES[serial % len(SURNAMES)] + GIVEN[serial % len(GIVEN)],
        "gender": "male" if male else "female",
        "id_number": id_number(serial, born, male),
        "_age": full_years(born, on),
    }


def staff_member(serial: int, duty: str, on: dt.date, **extra: Any) -> dict[str, Any]:
    person = _person(serial, on)
    qualified = {
        "skill": "level2",
        "professional_title": "intermediate",
        "training_assessment_years": 8,
    }
    row = {k: v for k, v in person.items() if k != "_age"}
    return {
        **row,
        "age": person["_age"],
        "education": "bachelor",
        "position": duty,
        "duty": duty,
        **qualified,
        "finance_certificate": duty == "finance",
        "computer_major": duty == "it",
        **extra,
    }


STAFF_DUTIES = (
    "director",
    "deputy_director",
    "office_director",
    "exam_affairs",
    "exam_affairs",
    "archivist",
    "archivist",
    "archivist",
    "maintenance",
    "it",
    "finance",
)


def expert(serial: int, codes: list[str], on: dt.date) -> dict[str, Any]:
    row = {k: v for k, v in _person(100 + serial, on).items() if k != "_age"}
    return {
        **row,
        "education": "bachelor",
        "title_or_qualification": "中式烹调师 二级/技师",
        "skill": "level2",
        "professional_title": "none",
        "specialty": "烹饪工艺与营养",
        "occupations": codes,
        "grades": GRADES,
    }


def examiner(serial: int, codes: list[str], own: bool) -> dict[str, Any]:
    person = _person(300 + serial, EXAMPLE_DAY)
    return {
        "name": person["name"],
        "gender": person["gender"],
        "education": "college",
        "title_or_qualification": "二级/技师",
        "skill": "level2",
        "specialty_years": 12,
        "occupations": codes,
        "grades": GRADES,
        "certificate_number": f"ZJKP{2019000 + serial}",
        "own_staff": own,
    }


def site(code: str, **extra: Any) -> dict[str, Any]:
    return {
        "occupation_code": code,
        "theory_area_m2": 60,
        "theory_capacity": 30,
        "theory_video": True,
        "practical_area_m2": 120,
        "practical_capacity": 20,
        "practical_video": True,
        "practical_compliant": True,
        "testing_examiner_capacity": 3,
        "exam_equipment": [{"name_model": "燃气双头炒灶 SC-2", "quantity": 20}],
        "testing_equipment": [{"name_model": "电子秤 ACS-30", "quantity": 3}],
        **extra,
    }


def occupation(code: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name": OCCUPATION_NAMES.get(code, "示例职业"),
        "work_type": "",
        "grades": GRADES,
        "access_type": False,
        "basis": "national_standard",
        "basis_title": STANDARD_TITLES.get(code, "国家职业技能标准"),
        "persons_assessed": 5000,
        **extra,
    }


def premises(lease_start: dt.date) -> list[dict[str, Any]]:
    lease_end = term_last_day(lease_start, years=5)
    lease = {
        "tenure": "leased",
        "lease_start": lease_start.isoformat(),
        "lease_end": lease_end.isoformat(),
    }
    return [
        {
            "use": "office",
            "address": "杭州市西湖区文三路 90 号 3 楼",
            "area_m2": 30,
            "tenure": "owned",
            "certificate": "浙（2016）杭州市不动产权第0123456号",
        },
        {"use": "theory", "address": "杭州市西湖区文三路 90 号 4 楼", "area_m2": 60, **lease},
        {"use": "practical", "address": "杭州市西湖区文三路 90 号 1 楼", "area_m2": 120, **lease},
        {"use": "testing", "address": "杭州市西湖区文三路 90 号 1 楼", "area_m2": 40, **lease},
    ]


ALL_RULES = [
    "finance",
    "work_procedures",
    "post_responsibility",
    "archives",
    "equipment_safety",
    "codes_and_exam_rules",
    "security",
    "facilities",
    "certification_management",
    "item_bank_confidentiality",
    "quality_control",
    "emergency_plan",
    "examiner_management",
    "invigilator_management",
    "supervisor_management",
    "exam_staff_management",
    "candidate_code",
]


def filing_form(
    codes: tuple[str, ...] = ("4-03-02-01",),
    *,
    on: dt.date = EXAMPLE_DAY,
    lease_start: dt.date | None = None,
) -> dict[str, Any]:
    """A complete filing of an organisation meeting 一（一）1, every 附件1 number at its minimum."""
    codes = list(codes)
    years_ago = dt.date(on.year - 5, on.month, min(on.day, 28))
    return {
        "competent_department": "杭州市西湖区人力资源和社会保障局",
        "industry_department": "杭州市商务局",
        "address": "杭州市西湖区文三路 90 号",
        "postcode": "310012",
        "head": {
            "name": "王建国",
            "position": "校长",
            "title_or_qualification": "高级技师",
            "phone": "0571-88001234",
        },
        "contact": {
            "name": "李丽华",
            "position": "办公室主任",
            "phone": "0571-88001235",
            "email": "pj@example.cn",
        },
        "independent_legal_person": True,
        "credit_good": True,
        "no_bad_records": True,
        "experience": {
            "since": years_ago.isoformat(),
            "continuous": True,
            "cumulative_persons": 30000,
        },
        "dedicated_department": "职业技能等级认定办公室",
        "funding": {
            "sources": "培训收入、自有资金",
            "fixed_assets_10k_yuan": 860,
            "certification_budget_10k_yuan": 50,
        },
        "quality_control": True,
        "social_benefit_first": True,
        "accepts_supervision": True,
        "staff": [staff_member(i + 1, duty, on) for i, duty in enumerate(STAFF_DUTIES)],
        "experts": [expert(i + 1, codes, on) for i in range(20)],
        "examiners": [examiner(i + 1, codes, own=i < 3) for i in range(10)],
        "rules": ALL_RULES,
        "other_rules": ["收费公示制度"],
        "occupations": [occupation(code) for code in codes],
        "sites": [site(code) for code in codes],
        "premises": premises(lease_start or dt.date(on.year - 2, 1, 1)),
        "office": {
            "office_equipment": True,
            "communication": True,
            "computers_printers": True,
            "exam_management_system": True,
        },
        "archives_5_years": True,
        "profile": {
            "scale": "专兼职教师 60 人，年培训评价 6000 人次",
            "achievements": "近五年培训鉴定 3 万余人次",
            "awards": "杭州市优秀职业培训机构",
        },
        "materials": {
            "legal_person_certificate": True,
            "work_plan": True,
            "expert_proofs": True,
            "asset_proofs": True,
            "credit_report": True,
        },
        "commitment_signed": True,
        "legal_representative": "王建国",
    }


COOKING = ("4-03-02-01", "4-03-02-02")
COLLEGE = ("4-03-02-01", "4-03-02-02", "4-03-02-03", "4-03-02-04")

EXAMPLES = (
    Example(
        "市级受理的申报（草稿，首批申报已截止）",
        "recognition",
        filing_form(COOKING),
        round_id=FIRST_BATCH.id,
        institution_name="杭州西湖示范烹饪职业技能培训学校",
        org_type=OrgType.PRIVATE_NON_ENTERPRISE,
        division_code="330106",
        registered_on=dt.date(2012, 4, 16),
    ),
    Example(
        "省级注册登记单位的申报（草稿，由省受理）",
        "recognition",
        {**filing_form(COOKING[:1]), "competent_department": "浙江省商务厅"},
        round_id=FIRST_BATCH.id,
        institution_name="浙江示范餐饮职业技能评价中心",
        org_type=OrgType.PUBLIC_INSTITUTION,
        division_code="330000",
        registered_on=dt.date(2008, 9, 1),
    ),
    Example(
        "技师学院申报4个职业（不受首次3个的限制，草稿）",
        "recognition",
        filing_form(COLLEGE),
        round_id=FIRST_BATCH.id,
        institution_name="杭州示范烹饪技师学院",
        org_type=OrgType.TECHNICIAN_COLLEGE,
        division_code="330110",
        registered_on=dt.date(2005, 7, 1),
    ),
)
