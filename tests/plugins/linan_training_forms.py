"""Valid forms of linan_training for tests to vary one fact at a time, and the steps that file them."""

from __future__ import annotations

import copy

from tests.support import documents as doc
from tests.support.helpers import act, create, ok, register, submit

SCHEME = "linan_training"

# Resident id numbers with valid check digits (临安县 330124 before 1996, 临安市 330185 after).
FANG = {"name": "方建国", "id_number": "330124197804150018"}  # theory teacher
YU = {"name": "俞海燕", "id_number": "330124198307220024"}  # practice teacher (电工技师)
WANG = {"name": "王小明", "id_number": "330124199503010117"}  # trainee
LI = {"name": "李小红", "id_number": "330185199806110126"}  # trainee
ZHAO = {"name": "赵考评", "id_number": "33018520000909013X"}  # examiner from 区职建中心

DESIGNATION = {
    "licence": {
        "document": "民办学校办学许可证",
        "number": "人社民3301127000015号",
        "issued_by": "杭州市临安区人力资源和社会保障局",
        "valid_until": "2029-06-30",
        "scope": [
            {"occupation": "电工", "highest_level": "advanced"},
            {"occupation": "茶艺师", "highest_level": "intermediate"},
        ],
    },
    "premises": [
        {
            "address": "杭州市临安区锦城街道钱王街588号",
            "division_code": "330112",
            "area_m2": 620,
            "use": "both",
            "tenure": "leased",
        }
    ],
    "facilities": ["多媒体教室 2 间", "电工实训室 1 间"],
    "equipment": [{"name": "电工实训考核装置", "quantity": 24}],
    "teachers": [
        {"name": "方建国", "teaching": "theory", "credentials": "本科，中级职称", "full_time": True}
    ],
    "managers": ["钱丽萍"],
    "systems": ["attendance", "teacher_management", "hours_filing", "safety", "records"],
    "funds_earmarked": True,
    "training_agreements": True,
    "accepts_supervision": True,
    "declaration_truthful": True,
}
DESIGNATION_JUDGMENTS = [
    {"criterionId": c, "passed": True}
    for c in ("art3_site_review", "art3_teaching_strength", "art8_management_review")
]


def teacher(
    person: dict,
    *scopes: tuple[str, str],
    education: str = "bachelor",
    occupations=("电工",),
    **changes,
) -> dict:
    """A teacher registration; ``scopes`` as (tier, teaching) pairs."""
    return {
        **person,
        "education": education,
        "titles": [{"name": "电气工程师", "level": "intermediate", "number": "ZJ2012001"}],
        "certificates": [{"occupation": "电工", "level": "level_2", "number": "C2015001"}],
        "teaching_years": 8,
        "employment": "full_time",
        "scopes": [
            {"tier": tier, "teaching": teaching, "occupations": list(occupations)}
            for tier, teaching in scopes
        ],
        "declaration_truthful": True,
        **changes,
    }


def class_filing(
    start: str,
    end: str,
    *,
    trainees: int = 40,
    level: str = "intermediate",
    theory=FANG,
    practice=YU,
    **changes,
) -> dict:
    return {
        "class_name": "电工培训班",
        "class_type": "qualification",
        "occupation": "电工",
        "level": level,
        "start_date": start,
        "end_date": end,
        "venue": "杭州市临安区锦城街道钱王街588号",
        "schedule": "周一至周五全天",
        "trainee_count": trainees,
        "total_hours": 100,
        "modules": [
            {"topic": "电工基础理论", "teaching": "theory", "hours": 40, "teacher": theory},
            {"topic": "低压电工实操", "teaching": "practice", "hours": 60, "teacher": practice},
        ],
        "textbooks": [
            {
                "title": "电工（中级）",
                "source": "designated",
                "reference": "临安区职业技能培训指定教材目录（2026）",
            }
        ],
        "declaration_truthful": True,
        **changes,
    }


def plan(start: str, end: str, **changes) -> dict:
    """A class plan as a change request carries it (``revised``)."""
    return {
        k: v for k, v in class_filing(start, end, **changes).items() if k != "declaration_truthful"
    }


def exam(filing_id: str, *candidates: dict, attempt: str = "first", **changes) -> dict:
    return {
        "filing_id": filing_id,
        "certificate": "qualification",
        "assessor": "centre",
        "attempt": attempt,
        "candidates": list(candidates),
        "site_ready": True,
        **changes,
    }


def trainee(person: dict, *, paid: bool = False, signed: bool = True) -> dict:
    return {**person, "group": "unemployed", "paid_fee": paid, "agreement_signed": signed}


def subsidy(filing_id: str, *trainees: dict) -> dict:
    return {
        "filing_id": filing_id,
        "trainees": list(trainees),
        "amount_claimed": 1500 * len(trainees),
        "funds_earmarked": True,
        "declaration_truthful": True,
    }


def annual(year: int) -> dict:
    return {
        "year": year,
        "employment": {"total": 40, "count": 34},
        "satisfaction": {"total": 40, "count": 38},
        "complaints": {"total": 0, "count": 0},
        "funds": [{"purpose": "teachers", "amount": 48000}],
        "archives_complete": True,
        "summary": "全年开办电工培训班2期",
        "declaration_truthful": True,
    }


# -- steps -------------------------------------------------------------------------------------------


async def designated(gql, *, occupations=("电工", "茶艺师"), **changes) -> tuple[dict, str]:
    """A 临安 institution designated today; returns it and its recognition's id."""
    inst = await register(gql, division="330112", org_type="PRIVATE_NON_ENTERPRISE")
    app = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            {**copy.deepcopy(DESIGNATION), **changes},
            kind="designation",
            occupations=list(occupations),
        )
    )
    app = ok(await submit(gql, app))
    ok(
        await act(
            gql,
            app,
            "approve",
            role="district_reviewer",
            comment="同意定点",
            judgments=DESIGNATION_JUDGMENTS,
        )
    )
    return inst, (await recognitions(gql, inst))[0]["id"]


async def recognitions(gql, inst: dict) -> list[dict]:
    return [
        r
        for r in (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
        if r["schemeId"] == SCHEME
    ]


async def draft(gql, inst: dict, rec: str, kind: str, form: dict, role: str = "applicant") -> dict:
    return ok(await create(gql, inst["id"], SCHEME, form, kind=kind, role=role, recognitionId=rec))


async def approved(
    gql,
    inst: dict,
    rec: str,
    kind: str,
    form: dict,
    *judged: str,
    action: str = "approve",
    comment: str = "同意",
) -> dict:
    """Filed and approved by 区人力社保局, with the named judgment gates decided as met."""
    app = ok(await submit(gql, await draft(gql, inst, rec, kind, form)))
    return ok(
        await act(
            gql,
            app,
            action,
            role="district_reviewer",
            comment=comment,
            judgments=[{"criterionId": c, "passed": True} for c in judged],
        )
    )


async def pool(gql, inst: dict, rec: str, *forms: dict) -> list[dict]:
    return [
        await approved(gql, inst, rec, "teacher_registration", f, "art5_qualification_verified")
        for f in forms
    ]


async def state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def edit(gql, app: dict, form: dict, role: str) -> dict:
    return (
        await gql(
            doc.EDIT,
            {"input": {"id": app["id"], "expectedVersion": app["version"], "form": form}},
            role=role,
        )
    )["editApplication"]
