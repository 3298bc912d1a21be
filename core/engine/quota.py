"""Taking and releasing quota slots inside the granting transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.db import models
from core.errors import ErrorCode, Refused, UserError
from core.institutions import InstitutionFacts
from core.quotas import QuotaSubject
from core.registry import SchemeEntry


async def take_slots(
    session: AsyncSession,
    entry: SchemeEntry,
    recognition: models.Recognition,
    institution: InstitutionFacts,
    on: dt.date,
) -> list[str]:
    """Take one slot per key of every rule, or refuse naming each full key. Returns keys taken."""
    subject = QuotaSubject(institution, tuple(recognition.occupations), entry.scheme.id)
    params = entry.scheme.parameters.at(on)
    taken, errors = [], []
    for rule in entry.quota_rules.values():
        if rule.exempt(institution):
            continue
        limit = params[rule.limit_parameter]
        for key in rule.keys(subject):
            if await _take(
                session, entry.scheme.id, rule.id, key, int(limit.value), recognition.id
            ):
                taken.append(f"{rule.id}:{key}")
            else:
                errors.append(
                    UserError(
                        ErrorCode.QUOTA_EXCEEDED,
                        f"{rule.title}（{rule.citation}）：{rule.describe_key(key)} 已有 {limit.value} 家，名额已满",
                        ("quota", rule.id, key),
                    )
                )
    if errors:
        raise Refused(errors)
    return taken


async def _take(
    session: AsyncSession, scheme_id: str, rule_id: str, key: str, limit: int, holder: int
) -> bool:
    used = set(
        await session.scalars(
            select(models.QuotaSlot.slot).where(
                models.QuotaSlot.scheme_id == scheme_id,
                models.QuotaSlot.rule_id == rule_id,
                models.QuotaSlot.key == key,
            )
        )
    )
    for slot in range(1, limit + 1):
        if slot in used:
            continue
        try:
            async with session.begin_nested():
                session.add(
                    models.QuotaSlot(
                        scheme_id=scheme_id,
                        rule_id=rule_id,
                        key=key,
                        slot=slot,
                        recognition_id=holder,
                    )
                )
            return True
        except IntegrityError:  # taken meanwhile by a concurrent grant: try the next number
            continue
    return False


async def release_slots(session: AsyncSession, recognition_id: int) -> None:
    await session.execute(
        delete(models.QuotaSlot).where(models.QuotaSlot.recognition_id == recognition_id)
    )
