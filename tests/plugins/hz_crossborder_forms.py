"""A complete 申报表 of hz_crossborder sitting exactly on every number of the notice and 附件1
(3 专职讲师, 20 人, 20 平方米, half-year lease, 1000 and 200 人次, 20 学时), dated for the 2021 call,
for tests to vary one fact at a time; plus score sheets for the experts."""

from __future__ import annotations

import copy

from plugins.hz_crossborder.rubric import ITEMS

VALID = {
    "basic": {
        "registered_address": "杭州市西湖区文三路90号",
        "contact_name": "李四",
        "contact_phone": "0571-88888888",
        "office_address": "杭州市西湖区文三路90号5楼",
        "total_area_m2": 300,
        "training_venues": [
            {
                "address": "文三路90号5楼多媒体教室",
                "venue_type": "classroom",
                "area_m2": 60,
                "capacity": 20,
                "tools": ["air_conditioning", "computers", "network", "projector", "whiteboard"],
            }
        ],
        "platforms": ["亚马逊", "速卖通"],
        "profile": "跨境电商运营人才培训。",
    },
    "office": {
        "room_area_m2": 20,
        "tenure": "leased",
        "lease_from": "2021-03-01",
        "lease_to": "2021-08-31",
        "name_sign": True,
    },
    "finances": [
        {"year": 2018, "net_assets": 100, "registered_capital": 100},
        {"year": 2020, "net_assets": 140, "registered_capital": 100},
    ],
    "daily_management": {
        "annual_plan": True,
        "annual_summary": True,
        "procedures": True,
        "finance_rules": True,
    },
    "management_team": [
        {
            "name": "李四",
            "position": "校长",
            "education": "bachelor",
            "department": "校办",
            "post": "管理",
        }
    ],
    "lecturers": [
        {"name": "甲", "employment": "full_time", "education": "bachelor"},
        {"name": "乙", "employment": "full_time", "education": "master"},
        {
            "name": "丙",
            "employment": "full_time",
            "education": "doctorate",
            "phone": "139 0000 1111",
        },
        {"name": "丁", "employment": "part_time", "education": "bachelor"},
    ],
    "training_activities": [
        {
            "held_on": "2021-03-01",
            "location": "多媒体教室",
            "topic": "亚马逊运营",
            "lecturers": "甲",
            "attendances": 120,
            "hours": 20,
        },
        {
            "held_on": "2021-05-01",
            "location": "多媒体教室",
            "topic": "速卖通运营",
            "lecturers": "乙",
            "attendances": 80,
            "hours": 24,
        },
    ],
    "training_attendances_total": 1000,
    "matching_activities": [
        {
            "held_on": "2021-06-01",
            "location": "西湖区",
            "topic": "企业人才对接会",
            "participants": 60,
        }
    ],
    "brand_activities": [{"held_on": "2021-04-01", "content": "直播带岗", "influence": "区级报道"}],
    "honours": [{"name": "优秀培训机构", "issuer": "西湖区商务局", "awarded_on": "2020-12-01"}],
    "qualifications": [
        {
            "name": "平台合作培训机构",
            "registration": "P-001",
            "issuer": "速卖通",
            "valid_until": "2022-12-31",
        }
    ],
    "self_scores": {item.key: item.max_points for item in ITEMS},
    "declarations": {
        "independent_legal_person": True,
        "no_training_penalty": True,
        "truthful": True,
    },
    "applicant_opinion": "属实。",
}

PREREVIEW_GATES = [
    "art1_declarations_verified",
    "art2_1_basic_conditions",
    "art2_2_curriculum_capability",
    "art2_3_delivery_capability",
    "art2_4_brand_building",
    "art2_5_reputation_and_platforms",
]


def form(**changes) -> dict:
    data = copy.deepcopy(VALID)
    data.update(changes)
    return data


def gates_passed() -> list[dict]:
    return [{"criterionId": c, "passed": True} for c in PREREVIEW_GATES]


def sheet(share: float = 0.8, **points: float) -> list[dict]:
    """One expert's score sheet: every item at ``share`` of its maximum unless given by key."""
    return [
        {
            "criterionId": item.criterion_id,
            "points": points.get(item.key, round(item.max_points * share, 2)),
        }
        for item in ITEMS
    ]
