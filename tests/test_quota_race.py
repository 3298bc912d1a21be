"""Given 200 applications racing for the 5 places of one occupation in one city, when all are
granted at once, then exactly 5 are granted and every other is refused with a quota error naming
the key; with revocations racing too, the places held never exceed the cap. 20 runs per engine."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt

import pytest
from sqlalchemy import func, select

from core.db import models
from core.roles import Role
from tests.support import race_plugin
from tests.support.helpers import credit_code

RACERS, CAP, KEY = 200, 5, "6-01-02@330100"
ACT = """mutation($input: ActOnApplicationInput!) {
  actOnApplication(input: $input) { application { stageId } errors { field code message } } }"""


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def _seed(
    platform, count: int, stage: str = "notice", kind: str = "recognition"
) -> list[int]:
    """Applications waiting in the notice stage, written directly: the race is what is under test."""
    async with platform.writing() as session:
        ids = []
        for n in range(count):
            inst = models.Institution(
                name=f"杭州竞争{n}有限公司",
                credit_code=credit_code(),
                org_type="enterprise",
                division_code="330106",
                city_code="330100",
                registered_on=dt.date(2015, 1, 1),
                legal_representative="甲",
                contacts=[],
            )
            session.add(inst)
            await session.flush()
            app = models.Application(
                institution_id=inst.id,
                scheme_id="race",
                kind=kind,
                stage=stage,
                status="public_notice",
                form={},
                division_code="330106",
                city_code="330100",
                occupations=[models.ApplicationOccupation(occupation=KEY.split("@")[0])],
            )
            session.add(app)
            await session.flush()
            ids.append(app.id)
        return ids


async def _grant(gql, app_id: int) -> list[dict]:
    response = await gql(
        ACT,
        {"input": {"id": gid("Application", app_id), "expectedVersion": 1, "action": "grant"}},
        role=Role.CITY_REVIEWER.value,
    )
    return response["actOnApplication"]["errors"]


async def _held(platform) -> tuple[int, int]:
    async with platform.reading() as session:
        slots = await session.scalar(
            select(func.count()).select_from(models.QuotaSlot).where(models.QuotaSlot.key == KEY)
        )
        active = await session.scalar(
            select(func.count())
            .select_from(models.Recognition)
            .where(models.Recognition.status == "active")
        )
    return slots, active


@pytest.mark.parametrize("run", [pytest.param(0, marks=pytest.mark.fast), *range(1, 20)])
async def test_two_hundred_racing_grants_fill_exactly_five_places(client_for, run):
    gql = await client_for([race_plugin])
    ids = await _seed(gql.platform, RACERS)
    outcomes = await asyncio.gather(*(_grant(gql, i) for i in ids))
    granted = [o for o in outcomes if not o]
    refused = [o for o in outcomes if o]
    assert len(granted) == CAP
    assert all(
        len(o) == 1
        and o[0]["code"] == "QUOTA_EXCEEDED"
        and KEY in o[0]["message"]
        and o[0]["field"] == ["quota", "per_occupation_city", KEY]
        for o in refused
    ), refused[:3]
    assert await _held(gql.platform) == (CAP, CAP)


@pytest.mark.parametrize("run", range(3))
async def test_revocations_racing_with_grants_never_exceed_the_cap(client_for, run):
    gql = await client_for([race_plugin])
    first = await _seed(gql.platform, CAP)
    assert [await _grant(gql, i) for i in first] == [[]] * CAP
    async with gql.platform.writing() as session:
        held = list(await session.scalars(select(models.Recognition)))
        cases = []
        for rec in held[:3]:
            case = models.Application(
                institution_id=rec.institution_id,
                scheme_id="race",
                kind="revocation",
                recognition_id=rec.id,
                stage="open",
                status="in_review",
                form={},
                division_code="330106",
                city_code="330100",
            )
            session.add(case)
            await session.flush()
            cases.append(case.id)
    racers = await _seed(gql.platform, 60)

    async def revoke(case_id: int) -> list[dict]:
        await asyncio.sleep(0.001 * (case_id % 7))
        response = await gql(
            ACT,
            {
                "input": {
                    "id": gid("Application", case_id),
                    "expectedVersion": 1,
                    "action": "revoke",
                }
            },
            role=Role.CITY_REVIEWER.value,
        )
        return response["actOnApplication"]["errors"]

    async def watch(stop: asyncio.Event) -> int:
        worst = 0
        while not stop.is_set():
            worst = max(worst, (await _held(gql.platform))[0])
            await asyncio.sleep(0)
        return worst

    stop = asyncio.Event()
    watcher = asyncio.create_task(watch(stop))
    results = await asyncio.gather(*(_grant(gql, i) for i in racers), *(revoke(c) for c in cases))
    stop.set()
    assert await watcher <= CAP
    assert all(r == [] for r in results[len(racers) :])  # every revocation went through
    assert (
        sum(1 for r in results[: len(racers)] if r == []) == 3
    )  # exactly the freed places refilled
    assert all(r == [] or r[0]["code"] == "QUOTA_EXCEEDED" for r in results[: len(racers)])
    assert await _held(gql.platform) == (CAP, CAP)
