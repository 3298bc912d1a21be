"""Worked examples for the demo data set and documentation (see ``accredit_examples``).

The only call, round "2021", closed on 2021-08-17, and the demo is loaded with today's date: a
submission would be refused (ROUND_CLOSED), so the examples are drafts filed under that round.
They show a complete 申报表 (every gate passes as of its 2021 dates) and one still short of the
3 专职讲师 of 二、2. Institutions and people are fictional.
"""

from __future__ import annotations

import datetime as dt

from core.examples import Example
from core.institutions import OrgType

FORM = {
    "basic": {
        "registered_address": "杭州市滨江区长河街道江虹路1750号2幢8层",
        "contact_name": "王敏",
        "contact_phone": "0571-86661234",
        "office_address": "杭州市滨江区长河街道江虹路1750号2幢8层801室",
        "total_area_m2": 680,
        "training_venues": [
            {
                "address": "江虹路1750号2幢8层805室",
                "venue_type": "classroom",
                "area_m2": 160,
                "capacity": 60,
                "tools": ["air_conditioning", "network", "projector", "whiteboard"],
                "other_equipment": ["无线话筒 2 套"],
            },
            {
                "address": "江虹路1750号2幢8层806室",
                "venue_type": "lab",
                "area_m2": 120,
                "capacity": 40,
                "tools": ["air_conditioning", "computers", "network", "projector"],
                "other_equipment": ["学员电脑 40 台"],
            },
        ],
        "platforms": ["亚马逊", "速卖通", "eBay", "Shopee", "Lazada"],
        "profile": "专注跨境电商运营、店铺视觉和海外营销人才培训，与滨江区跨境电商企业长期开展订单式培养。",
    },
    "office": {
        "room_area_m2": 45,
        "tenure": "leased",
        "lease_from": "2020-03-01",
        "lease_to": "2023-02-28",
        "name_sign": True,
    },
    "finances": [
        {"year": 2018, "net_assets": 320, "registered_capital": 500},
        {"year": 2019, "net_assets": 385, "registered_capital": 500},
        {"year": 2020, "net_assets": 452, "registered_capital": 500},
    ],
    "daily_management": {
        "annual_plan": True,
        "annual_summary": True,
        "procedures": True,
        "finance_rules": True,
    },
    "management_team": [
        {
            "name": "王敏",
            "position": "总经理",
            "education": "master",
            "department": "管理层",
            "post": "全面负责",
        },
        {
            "name": "周立",
            "position": "教学总监",
            "education": "bachelor",
            "department": "教学部",
            "post": "课程体系",
        },
        {
            "name": "陈佳",
            "position": "运营主管",
            "education": "bachelor",
            "department": "运营部",
            "post": "招生与对接",
        },
        {
            "name": "李航",
            "position": "财务主管",
            "education": "bachelor",
            "department": "财务部",
            "post": "财务管理",
        },
    ],
    "lecturers": [
        {
            "name": "周立",
            "employment": "full_time",
            "education": "master",
            "professional_title": "经济师",
            "platform": "亚马逊",
            "phone": "13900001111",
        },
        {"name": "赵雪", "employment": "full_time", "education": "bachelor", "platform": "速卖通"},
        {"name": "孙浩", "employment": "full_time", "education": "bachelor", "platform": "Shopee"},
        {"name": "吴婷", "employment": "full_time", "education": "bachelor", "platform": "eBay"},
        {
            "name": "郑凯",
            "employment": "part_time",
            "education": "master",
            "platform": "独立站",
            "note": "跨境服务商长期合作讲师",
        },
    ],
    "training_activities": [
        {
            "held_on": "2020-07-06",
            "location": "805室",
            "topic": "亚马逊运营实战班（第1期）",
            "lecturers": "周立",
            "attendances": 48,
            "hours": 32,
        },
        {
            "held_on": "2020-09-14",
            "location": "806室",
            "topic": "速卖通店铺运营",
            "lecturers": "赵雪",
            "attendances": 40,
            "hours": 24,
        },
        {
            "held_on": "2020-11-02",
            "location": "805室",
            "topic": "Shopee东南亚市场入门",
            "lecturers": "孙浩",
            "attendances": 55,
            "hours": 20,
        },
        {
            "held_on": "2021-03-15",
            "location": "805室",
            "topic": "亚马逊运营实战班（第2期）",
            "lecturers": "周立、吴婷",
            "attendances": 60,
            "hours": 32,
        },
        {
            "held_on": "2021-05-10",
            "location": "806室",
            "topic": "跨境电商视觉设计",
            "lecturers": "郑凯",
            "attendances": 38,
            "hours": 24,
        },
    ],
    "training_attendances_total": 2350,
    "matching_activities": [
        {
            "held_on": "2020-12-18",
            "location": "滨江区跨境电商产业园",
            "topic": "跨境电商企业人才双选会",
            "participants": 210,
            "note": "32 家企业参会，录用 46 人",
        },
        {
            "held_on": "2021-04-22",
            "location": "义乌国际商贸城",
            "topic": "跨境供应链考察调研",
            "participants": 45,
        },
    ],
    "brand_activities": [
        {
            "held_on": "2021-01-20",
            "content": "跨境电商“训练营+孵化”模式",
            "influence": "孵化学员店铺 18 家，获区级媒体报道",
        },
    ],
    "honours": [
        {
            "name": "滨江区电子商务人才培训优秀机构",
            "issuer": "杭州市滨江区商务局",
            "awarded_on": "2020-12-30",
        },
    ],
    "qualifications": [
        {
            "name": "亚马逊全球开店官方合作培训机构",
            "registration": "AGS-HZ-2020-017",
            "issuer": "亚马逊全球开店",
            "valid_until": "2022-12-31",
        },
    ],
    "self_scores": {
        "venue": 9,
        "daily_management": 5,
        "finance": 4,
        "office": 5,
        "lecturer_management": 13,
        "training_system": 13,
        "talent_cultivation": 14,
        "talent_delivery": 12,
        "innovation": 8,
        "reputation": 4,
    },
    "declarations": {
        "independent_legal_person": True,
        "no_training_penalty": True,
        "truthful": True,
    },
    "applicant_opinion": "经审核，所填内容及佐证材料真实有效。",
}

SHORT_OF_LECTURERS = {
    **FORM,
    "lecturers": [
        dict(lecturer, employment="part_time") if lecturer["name"] in ("孙浩", "吴婷") else lecturer
        for lecturer in FORM["lecturers"]
    ],
}

EXAMPLES = (
    Example(
        "2021年度申报表（已填妥，申报期已截止，未提交）",
        "recognition",
        FORM,
        round_id="2021",
        institution_name="杭州云帆跨境电商培训有限公司",
        division_code="330108",
        registered_on=dt.date(2016, 4, 18),
    ),
    Example(
        "专职讲师不足3名的申报表草稿",
        "recognition",
        SHORT_OF_LECTURERS,
        round_id="2021",
        institution_name="杭州临平丝路跨境电商职业培训学校",
        org_type=OrgType.PRIVATE_NON_ENTERPRISE,
        division_code="330113",
        registered_on=dt.date(2018, 9, 3),
    ),
)
