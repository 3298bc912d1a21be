"""Creating, editing and pre-checking applications (transitions live in :mod:`.transitions`)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from core import access
from core.actors import Actor
from core.clock import china_date
from core.criteria import CriterionResult
from core.db import models
from core.engine import evaluate as ev
from core.engine.audit import record
from core.engine.facts import institution_facts, recognition_facts, review_facts
from core.engine.forms import validate_form
from core.errors import ErrorCode, Refused
from core.pii import seal_model
from core.platform import Platform
from core.registry import SchemeEntry
from core.schemes import ApplicationKind, Purpose
from core.scoring import Assessment
from core.services import loading


@dataclass(frozen=True)
class Draft:
    """What a client sends to create an application."""

    form: dict[str, Any]
    occupations: tuple[str, ...] = ()
    round_id: str | None = None


class Keep(enum.Enum):
    KEEP = "keep"


KEEP = Keep.KEEP
"""An edit's field left out: the application keeps its value."""


@dataclass(frozen=True)
class Edit:
    """What a client changes in an application: a field left at :data:`KEEP` keeps its value;
    ``round_id=None`` takes the application out of its round, ``occupations=()`` clears them."""

    form: dict[str, Any] | Keep = KEEP
    occupations: tuple[str, ...] | Keep = KEEP
    round_id: str | Keep | None = KEEP


def snapshot(row: models.Application) -> dict[str, Any]:
    return {
        "stage": row.stage,
        "status": row.status,
        "version": row.version,
        "round": row.round_id,
        "form": row.form,
        "occupations": [o.occupation for o in row.occupations],
    }


MAX_OCCUPATIONS, OCCUPATION_LENGTH = 100, 64  # per application; characters of one (its column)


def clean_occupations(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(values) > MAX_OCCUPATIONS:
        raise Refused.one(
            ErrorCode.INVALID,
            f"一个申请最多 {MAX_OCCUPATIONS} 个职业（工种），收到 {len(values)} 个",
            "input",
            "occupations",
        )
    cleaned = tuple(v.strip() for v in values)
    for i, value in enumerate(cleaned):
        if not value or len(value) > OCCUPATION_LENGTH:
            raise Refused.one(
                ErrorCode.INVALID,
                f"职业（工种）应为 1–{OCCUPATION_LENGTH} 个字符",
                "input",
                "occupations",
                str(i),
            )
    if len(set(cleaned)) != len(cleaned):
        raise Refused.one(ErrorCode.DUPLICATE, "职业（工种）重复", "input", "occupations")
    return cleaned


def application_occupations(
    kind: ApplicationKind, form: BaseModel, sent: tuple[str, ...]
) -> tuple[str, ...]:
    """The occupations an application is for: those the client sent or, for a kind whose form holds
    them (``occupations_from``), the form's, which the client need not send again; sent besides,
    they must be the same."""
    cleaned = clean_occupations(sent)
    if kind.occupations_from is None:
        return cleaned
    derived = tuple(dict.fromkeys(kind.occupations_from(form)))
    if cleaned and set(cleaned) != set(derived):
        raise Refused.one(
            ErrorCode.INVALID,
            f"“{kind.title}”的职业（工种）取自表单（{'、'.join(derived) or '无'}），无需另填；"
            f"所填的（{'、'.join(cleaned)}）与之不一致",
            "input",
            "occupations",
        )
    return derived


def evaluation_date(platform: Platform, row: models.Application | None) -> dt.date:
    """Conditions are judged as of the submission date once submitted, else as of today."""
    return (
        china_date(row.submitted_at) if row is not None and row.submitted_at else platform.today()
    )


async def create_application(
    platform: Platform,
    session: AsyncSession,
    actor: Actor,
    *,
    institution_id: int,
    scheme_id: str,
    kind_id: str,
    draft: Draft,
    recognition_id: int | None = None,
) -> models.Application:
    entry = platform.registry.scheme(scheme_id, "input", "schemeId")
    kind = entry.kind(kind_id, "input", "kind")
    inst = await loading.institution(session, institution_id, "input", "institutionId")
    if not access.application_in_scope(actor, entry.scheme.id, inst):
        raise Refused.denied(
            ErrorCode.NOT_FOUND,
            "机构不存在",
            f"institution {inst.id} outside the actor's scope for {entry.scheme.id}",
            "input",
            "institutionId",
            subject=("institution", inst.id),
        )
    if actor.role not in kind.initiators:
        allowed = "、".join(role.label for role in kind.initiators)
        raise Refused.denied(
            ErrorCode.ROLE_NOT_ALLOWED,
            f"“{kind.title}”须由 {allowed} 发起，当前角色为 {actor.role.label}",
            f"{kind.id} of {entry.scheme.id} initiated by role {actor.role.value}",
        )
    if draft.round_id is not None:
        entry.round(draft.round_id, "input", "roundId")
    recognition = await _concerned_recognition(session, entry, kind, inst.id, recognition_id)
    form = validate_form(kind.form, draft.form, "input", "form", from_client=True)
    occupations = application_occupations(kind, form, draft.occupations)
    stage = kind.workflow.stage(kind.workflow.initial)
    row = models.Application(
        institution_id=inst.id,
        scheme_id=entry.scheme.id,
        round_id=draft.round_id,
        kind=kind.id,
        recognition_id=recognition.id if recognition else None,
        form=seal_model(form, platform.vault),
        stage=stage.id,
        status=stage.status.value,
        created_by=actor.name,
        stage_entered_at=platform.now(),
        division_code=inst.division_code,
        city_code=inst.city_code,
        occupations=[
            models.ApplicationOccupation(occupation=o, position=i)
            for i, o in enumerate(occupations)
        ],
    )
    session.add(row)
    await session.flush()
    await evaluate_and_store(platform, session, row, entry, kind, trigger="save")
    record(
        session,
        actor,
        "application.created",
        "application",
        row.id,
        scheme_id=entry.scheme.id,
        application_id=row.id,
        after=snapshot(row),
        details={"kind": kind.id, "institution": inst.id},
    )
    return row


async def edit_application(
    platform: Platform,
    session: AsyncSession,
    actor: Actor,
    *,
    application_id: int,
    expected_version: int,
    edit: Edit,
) -> models.Application:
    row = await loading.application_in_view(session, actor, application_id, "input", "id")
    entry = platform.registry.scheme(row.scheme_id)
    kind = entry.kind(row.kind)
    stage = kind.workflow.stage(row.stage)
    if not stage.editable:
        raise Refused.one(
            ErrorCode.NOT_EDITABLE,
            f"申请处于“{stage.title}”阶段，已提交的申请不能修改（仅草稿或退回修改时可编辑）",
            "input",
            "id",
        )
    if actor.role is not stage.role:
        raise Refused.denied(
            ErrorCode.ROLE_NOT_ALLOWED,
            f"“{stage.title}”阶段由 {stage.role.label} 编辑，当前角色为 {actor.role.label}",
            f"edit of application {row.id} by role {actor.role.value}",
            subject=("application", row.id),
        )
    check_version(row, expected_version)
    if isinstance(edit.round_id, str):
        entry.round(edit.round_id, "input", "roundId")
    form = (
        None
        if edit.form is KEEP
        else validate_form(kind.form, edit.form, "input", "form", from_client=True)
    )
    sent = None if edit.occupations is KEEP else edit.occupations
    if kind.occupations_from is not None and (
        form is not None or sent is not None
    ):  # derived from the form as it will be
        current = form or validate_form(kind.form, platform.vault.reveal(row.form), "form")
        occupations = application_occupations(kind, current, sent or ())
    else:
        occupations = None if sent is None else clean_occupations(sent)
    before = snapshot(row)
    if form is not None:
        row.form = seal_model(form, platform.vault)
    if edit.round_id is not KEEP:
        row.round_id = edit.round_id
    if occupations is not None:
        row.occupations = [
            models.ApplicationOccupation(occupation=o, position=i)
            for i, o in enumerate(occupations)
        ]
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    await session.flush()
    await evaluate_and_store(platform, session, row, entry, kind, trigger="save")
    record(
        session,
        actor,
        "application.edited",
        "application",
        row.id,
        scheme_id=entry.scheme.id,
        application_id=row.id,
        before=before,
        after=snapshot(row),
    )
    return row


def check_version(row: models.Application, expected: int) -> None:
    if row.version != expected:
        raise Refused.one(
            ErrorCode.STALE_VERSION,
            f"申请已被他人更新（当前版本 {row.version}，提交的版本 {expected}），请刷新后重试",
            "input",
            "expectedVersion",
        )


async def _concerned_recognition(
    session: AsyncSession,
    entry: SchemeEntry,
    kind: ApplicationKind,
    institution_id: int,
    recognition_id: int | None,
) -> models.Recognition | None:
    if kind.purpose is not Purpose.CONCERNS_RECOGNITION:
        if recognition_id is not None:
            raise Refused.one(
                ErrorCode.INVALID,
                f"“{kind.title}”不针对已有认定，不应指定认定记录",
                "input",
                "recognitionId",
            )
        return None
    if recognition_id is None:
        raise Refused.one(
            ErrorCode.RECOGNITION_REQUIRED,
            f"“{kind.title}”须指定所针对的认定记录",
            "input",
            "recognitionId",
        )
    rec = await loading.recognition(session, recognition_id, "input", "recognitionId")
    if rec.institution_id != institution_id or rec.scheme_id != entry.scheme.id:
        raise Refused.one(ErrorCode.NOT_FOUND, "认定记录不存在", "input", "recognitionId")
    return rec


async def evaluate_row(
    platform: Platform,
    session: AsyncSession,
    row: models.Application,
    entry: SchemeEntry,
    kind: ApplicationKind,
    *,
    reviews: list | None = None,
) -> tuple[list[CriterionResult], Assessment, Any]:
    """Evaluate a stored application as of its evaluation date; returns results, assessment, form model."""
    inst = await loading.institution(session, row.institution_id)
    rec = await loading.recognition(session, row.recognition_id) if row.recognition_id else None
    form = validate_form(kind.form, platform.vault.reveal(row.form), "form")
    review_list = ev.counted(
        kind.workflow,
        reviews
        if reviews is not None
        else [review_facts(r) for r in await loading.reviews(session, row.id)],
    )
    results = ev.evaluate(
        platform.pm,
        entry,
        kind,
        form=form,
        institution=institution_facts(inst, row),
        on=evaluation_date(platform, row),
        calendar=platform.calendar,
        occupations=tuple(o.occupation for o in row.occupations),
        recognition=recognition_facts(rec) if rec else None,
        history=await loading.history(session, inst.id, entry.scheme.id, row.id, platform.vault),
    )
    results = ev.with_judgments(results, review_list)
    return results, ev.aggregate(platform.pm, entry, kind, results, review_list), form


async def evaluate_and_store(
    platform: Platform,
    session: AsyncSession,
    row: models.Application,
    entry: SchemeEntry,
    kind: ApplicationKind,
    *,
    trigger: str,
) -> models.Evaluation:
    results, assessment, _ = await evaluate_row(platform, session, row, entry, kind)
    return await ev.store(
        session, row, entry, results, assessment, trigger=trigger, on=evaluation_date(platform, row)
    )


async def dry_run(
    platform: Platform,
    session: AsyncSession,
    *,
    institution_id: int,
    scheme_id: str,
    kind_id: str,
    form: dict[str, Any],
    occupations: tuple[str, ...],
    on: dt.date | None = None,
    recognition_id: int | None = None,
) -> tuple[list[CriterionResult], Assessment]:
    """An applicant's pre-check: the same evaluation as on submission, nothing stored. The
    recognition a report or check concerns is checked as on creation when given; without it such a
    kind is evaluated as concerning none (what its criteria say of a missing recognition)."""
    entry = platform.registry.scheme(scheme_id, "input", "schemeId")
    kind = entry.kind(kind_id, "input", "kind")
    inst = await loading.institution(session, institution_id, "input", "institutionId")
    recognition = (
        await _concerned_recognition(session, entry, kind, inst.id, recognition_id)
        if recognition_id is not None or kind.purpose is not Purpose.CONCERNS_RECOGNITION
        else None
    )
    model = validate_form(kind.form, form, "input", "form", from_client=True)
    results = ev.evaluate(
        platform.pm,
        entry,
        kind,
        form=model,
        institution=institution_facts(inst),
        on=on or platform.today(),
        calendar=platform.calendar,
        occupations=application_occupations(kind, model, occupations),
        recognition=recognition_facts(recognition) if recognition else None,
        history=await loading.history(session, inst.id, entry.scheme.id, None, platform.vault),
    )
    return results, ev.aggregate(platform.pm, entry, kind, results, [])
