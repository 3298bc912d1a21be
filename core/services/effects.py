"""What a transition does to recognitions: grant, supersede, renew, suspend, reinstate, end.

Runs inside the transition's transaction, after every check passed; quota slots are taken and
released here, so the cap, the status change and the event log commit (or fail) together.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.db import models
from core.engine.audit import record
from core.engine.context import TransitionContext
from core.engine.quota import release_slots, take_slots
from core.errors import ErrorCode, Refused
from core.periods import within_years
from core.platform import Platform
from core.recognitions import RecognitionStatus
from core.registry import SchemeEntry
from core.services import loading
from core.workflow import Effect, Transition

ACTIVE, SUSPENDED = RecognitionStatus.ACTIVE.value, RecognitionStatus.SUSPENDED.value
ENDED = (RecognitionStatus.REVOKED.value, RecognitionStatus.EXPIRED.value)
# the status a recognition must have for each effect on it
REQUIRED_STATUS = {
    Effect.SUPERSEDE: (ACTIVE, SUSPENDED),
    Effect.RENEW: (ACTIVE,),
    Effect.SUSPEND: (ACTIVE,),
    Effect.REINSTATE: (SUSPENDED,),
    Effect.REVOKE: (ACTIVE, SUSPENDED),
    Effect.EXPIRE: (ACTIVE, SUSPENDED),
}


async def apply_effect(
    platform: Platform,
    session: AsyncSession,
    actor: Actor,
    entry: SchemeEntry,
    row: models.Application,
    transition: Transition,
    context: TransitionContext,
    rec: models.Recognition | None,
) -> None:
    effect = transition.effect
    if effect is Effect.NONE:
        return
    if effect is Effect.GRANT:
        await _grant(platform, session, actor, entry, row, transition, context)
        return
    if rec is None:
        raise Refused.one(ErrorCode.RECOGNITION_REQUIRED, f"“{transition.title}”须针对一项认定")
    if rec.status not in REQUIRED_STATUS[effect]:
        raise Refused.one(
            ErrorCode.TRANSITION_NOT_ALLOWED,
            f"该认定当前为 {rec.status} 状态，不能“{transition.title}”",
        )
    before, today = _snapshot(rec), context.today
    if effect in (Effect.REVOKE, Effect.EXPIRE, Effect.SUPERSEDE):
        rec.status = (
            RecognitionStatus.REVOKED.value
            if effect is Effect.REVOKE
            else RecognitionStatus.EXPIRED.value
        )
        rec.ended_on, rec.ended_by_application_id = today, row.id
        rec.end_reason = context.comment or transition.title
        if effect is Effect.REVOKE:
            _revoke(platform, entry, rec, context)
        await release_slots(session, rec.id)
    elif effect is Effect.RENEW:
        terms = platform.pm.hook.accredit_recognition_terms(context=context, serial=0)
        rec.title, rec.valid_until = terms.title, terms.valid_until
    else:
        rec.status = SUSPENDED if effect is Effect.SUSPEND else ACTIVE
    rec.version += 1
    record(
        session,
        actor,
        f"recognition.{effect.value}",
        "recognition",
        rec.id,
        scheme_id=entry.scheme.id,
        application_id=row.id,
        before=before,
        after=_snapshot(rec),
        details={"transition": transition.id},
    )
    if effect is Effect.SUPERSEDE:  # its successor, in the same transaction: no moment without one
        occupations = context.occupations or tuple(
            rec.occupations
        )  # unless the application names its own
        await _grant(
            platform,
            session,
            actor,
            entry,
            row,
            transition,
            context,
            superseding=rec.id,
            occupations=occupations,
        )


def _revoke(
    platform: Platform, entry: SchemeEntry, rec: models.Recognition, context: TransitionContext
) -> None:
    """Record the revocation's ground with its written reason; the ban only where the ground carries it."""
    ground = platform.pm.hook.accredit_revocation_ground(context=context)
    rec.end_reason = f"{ground.citation} {ground.title}" + (
        f"：{context.comment}" if context.comment else ""
    )
    if ground.bans and (ban := entry.scheme.ban_parameter):
        rec.ban_until = within_years(
            context.today, int(context.params.value(ban))
        )  # the ban's last day (三年内)


async def _grant(
    platform: Platform,
    session: AsyncSession,
    actor: Actor,
    entry: SchemeEntry,
    row: models.Application,
    transition: Transition,
    context: TransitionContext,
    superseding: int | None = None,
    occupations: tuple[str, ...] | None = None,
) -> None:
    city = context.institution.city_code
    await loading.serialise_grants(session, entry.scheme.id, city)
    serial = 1 + await loading.grants_in_city(session, entry.scheme.id, city)
    terms = platform.pm.hook.accredit_recognition_terms(context=context, serial=serial)
    if terms.code and await loading.code_taken(session, terms.code):
        raise Refused.one(
            ErrorCode.DUPLICATE, f"认定编码 {terms.code} 已被使用（方案生成的编码须唯一）"
        )
    granted = models.Recognition(
        institution_id=row.institution_id,
        scheme_id=entry.scheme.id,
        city_code=city,
        application_id=row.id,
        title=terms.title,
        code=terms.code,
        occupations=list(context.occupations if occupations is None else occupations),
        status=ACTIVE,
        granted_on=context.today,
        valid_until=terms.valid_until,
    )
    session.add(granted)
    await session.flush()
    slots = await take_slots(session, entry, granted, context.institution, context.today)
    record(
        session,
        actor,
        "recognition.granted",
        "recognition",
        granted.id,
        scheme_id=entry.scheme.id,
        application_id=row.id,
        after=_snapshot(granted),
        details={"quota_slots": slots, "transition": transition.id, "supersedes": superseding},
    )


def _snapshot(rec: models.Recognition) -> dict:
    return {
        "status": rec.status,
        "title": rec.title,
        "code": rec.code,
        "occupations": rec.occupations,
        "valid_until": rec.valid_until,
        "ended_on": rec.ended_on,
        "end_reason": rec.end_reason,
        "ban_until": rec.ban_until,
        "version": rec.version,
    }
