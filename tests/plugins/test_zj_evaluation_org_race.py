"""Given 100 organisations of one city waiting out their public notice for the same occupation
under 浙人社办发〔2020〕35号, when every city reviewer files them at once, then exactly 5 are filed
(五（二）: 同一职业原则上不超过5家，不含技师学院) and the others are refused naming the key; a
技师学院 racing with them is filed without taking a place. Repeated on each engine."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import func, select

from core.db import models
from core.pii import seal_model
from plugins.zj_evaluation_org import plugin
from plugins.zj_evaluation_org.examples import EXAMPLES
from tests.support.helpers import credit_code
from tests.test_quota_race import ACT, gid

EXAMPLE = EXAMPLES[0]
OCCUPATION, RACERS = EXAMPLE.form["occupations"][0]["code"], 100
KEY = f"{OCCUPATION}@330100"


async def _seed(platform, count: int, org_type: str = "private_non_enterprise") -> list[int]:
    """Applications whose 5-working-day notice has run out, written directly: the race is under test
    (their forms sealed as the services store them)."""
    entered = dt.datetime(2020, 12, 7, 2, tzinfo=dt.UTC)  # Monday 10:00 Beijing time
    kind = platform.registry.scheme("zj_evaluation_org").kind("recognition")
    form = seal_model(kind.form.model_validate(EXAMPLE.form), platform.vault)
    async with platform.writing() as session:
        ids = []
        for n in range(count):
            inst = models.Institution(
                name=f"杭州评价组织{org_type}{n}",
                credit_code=credit_code(),
                org_type=org_type,
                division_code="330106",
                city_code="330100",
                registered_on=dt.date(2010, 1, 1),
                legal_representative="甲",
                contacts=[],
            )
            session.add(inst)
            await session.flush()
            app = models.Application(
                institution_id=inst.id,
                scheme_id="zj_evaluation_org",
                round_id=EXAMPLE.round_id,
                kind="recognition",
                stage="city_notice",
                status="public_notice",
                form=form,
                stage_entered_at=entered,
                division_code="330106",
                city_code="330100",
                submitted_at=entered - dt.timedelta(days=20),
                occupations=[models.ApplicationOccupation(occupation=OCCUPATION)],
            )
            session.add(app)
            await session.flush()
            ids.append(app.id)
        return ids


async def _file(gql, app_id: int) -> list[dict]:
    response = await gql(
        ACT,
        {"input": {"id": gid("Application", app_id), "expectedVersion": 1, "action": "file_city"}},
        role="city_reviewer",
    )
    return response["actOnApplication"]["errors"]


@pytest.mark.parametrize("run", [pytest.param(0, marks=pytest.mark.fast), *range(1, 5)])
async def test_concurrent_filings_for_one_occupation_and_city_never_exceed_five(client_for, run):
    gql = await client_for([plugin], today="2020-12-20")
    racers = await _seed(gql.platform, RACERS)
    college = await _seed(gql.platform, 1, org_type="technician_college")
    outcomes = await asyncio.gather(*(_file(gql, i) for i in racers + college))
    filed = [o for o in outcomes[:RACERS] if not o]
    assert len(filed) == 5
    refused = [o for o in outcomes[:RACERS] if o]
    # a racer that got no connection in time is told to retry (nothing written), never answered with an internal error
    assert all(
        [(e["code"], e["field"][-1:]) for e in o]
        in ([("QUOTA_EXCEEDED", [KEY])], [("DATABASE_BUSY", [])])
        for o in refused
    ), refused
    assert outcomes[RACERS] == []  # the 技师学院 does not count
    async with gql.platform.reading() as session:
        slots = await session.scalar(
            select(func.count()).select_from(models.QuotaSlot).where(models.QuotaSlot.key == KEY)
        )
        codes = list(await session.scalars(select(models.Recognition.code)))
    assert (
        slots == 5 and len(codes) == 6 and len(set(codes)) == 6
    )  # every filed organisation got its own code
