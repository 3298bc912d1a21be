"""Registering and updating institutions.

An institution may not change its division while one of its applications is in review (out of its
draft and not yet concluded): the application is reviewed by the offices of the area it was
submitted in and counted against that area's quota, and a move could otherwise choose both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core import access
from core.actors import Actor
from core.db import models
from core.divisions import lookup
from core.engine.audit import record
from core.engine.forms import validate_form
from core.errors import ErrorCode, Refused
from core.identifiers import normalize_credit_code
from core.institutions import OrgType
from core.pii import Phones, Vault, seal_model
from core.platform import Platform
from core.roles import Role
from core.workflow import Status

MUTABLE = (
    "name",
    "org_type",
    "division_code",
    "registered_on",
    "legal_representative",
    "contacts",
    "address",
)


class Contact(BaseModel):
    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True
    )  # a logged error never quotes personal data
    name: str = Field(min_length=1, max_length=100, title="联系人")
    phone: Phones | None = Field(
        default=None, title="电话", description="手机或固定电话（带区号），多个用 / 分隔"
    )
    email: str = Field(default="", max_length=200, title="电子邮箱")

    @field_validator("phone", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class InstitutionData(BaseModel):
    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True
    )  # a logged error never quotes personal data
    name: str = Field(min_length=2, max_length=200, title="单位名称")
    org_type: OrgType = Field(title="机构类型")
    division_code: str = Field(title="注册地行政区划代码")
    registered_on: dt.date = Field(title="注册（成立）日期")
    legal_representative: str = Field(min_length=1, max_length=100, title="法定代表人")
    contacts: list[Contact] = Field(default_factory=list, title="联系人")
    address: str = Field(default="", max_length=300, title="办公地址")

    @field_validator("name", "legal_representative")
    @classmethod
    def _strip(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("不能为空")
        return value.strip()


def snapshot(row: models.Institution) -> dict[str, Any]:
    return {
        "credit_code": row.credit_code,
        "version": row.version,
        **{k: getattr(row, k) for k in MUTABLE},
    }


def _check(data: InstitutionData, today: dt.date, *path: str) -> str:
    if data.registered_on > today:
        raise Refused.one(
            ErrorCode.INVALID, f"注册日期 {data.registered_on} 晚于今天", *path, "registeredOn"
        )
    return lookup(data.division_code, *path, "divisionCode").city_code


def _check_registrar(
    actor: Actor, credit_code: str, data: InstitutionData, city: str, what: str
) -> None:
    if actor.role not in access.REGISTRARS:
        raise Refused.denied(
            ErrorCode.ROLE_NOT_ALLOWED,
            f"机构信息由申报单位或方案管理员{what}，当前角色为 {actor.role.label}",
            f"{what} institution {credit_code} by role {actor.role.value}",
        )
    if not access.registration_allowed(actor, credit_code, data.division_code, city):
        field = "creditCode" if actor.role is Role.APPLICANT else "divisionCode"
        raise Refused.denied(
            ErrorCode.FORBIDDEN,
            "申报单位账号只能办理其所代表的机构"
            if actor.role is Role.APPLICANT
            else f"{data.division_code} 不在管辖范围内",
            f"{what} institution {credit_code} outside the actor's scope",
            "input",
            field,
        )


async def register_institution(
    session: AsyncSession,
    platform: Platform,
    actor: Actor,
    credit_code: str,
    fields: dict[str, Any],
) -> models.Institution:
    code = normalize_credit_code(credit_code, "input", "creditCode")
    data = validate_form(InstitutionData, fields, "input")
    city = _check(data, platform.today(), "input")
    _check_registrar(actor, code, data, city, "登记")
    if await session.scalar(
        select(models.Institution.id).where(models.Institution.credit_code == code)
    ):
        raise Refused.one(
            ErrorCode.DUPLICATE, f"统一社会信用代码 {code} 已登记", "input", "creditCode"
        )
    row = models.Institution(credit_code=code, city_code=city, **_columns(data, platform.vault))
    session.add(row)
    await session.flush()
    record(session, actor, "institution.registered", "institution", row.id, after=snapshot(row))
    return row


async def update_institution(
    session: AsyncSession,
    platform: Platform,
    actor: Actor,
    row: models.Institution,
    expected_version: int,
    changes: dict[str, Any],
) -> models.Institution:
    if not access.institution_in_scope(actor, row):
        raise Refused.denied(
            ErrorCode.NOT_FOUND,
            "机构不存在",
            f"update of institution {row.id} outside the actor's scope",
            "input",
            "id",
            subject=("institution", row.id),
        )
    if row.version != expected_version:
        raise Refused.one(
            ErrorCode.STALE_VERSION,
            f"机构信息已被他人修改（当前版本 {row.version}，提交的版本 {expected_version}），请刷新后重试",
            "input",
            "expectedVersion",
        )
    before = snapshot(row)
    merged = {k: v for k, v in platform.vault.reveal(before).items() if k in MUTABLE} | changes
    data = validate_form(InstitutionData, merged, "input")
    city = _check(data, platform.today(), "input")
    _check_registrar(actor, row.credit_code, data, city, "变更")
    if data.division_code != row.division_code:
        await _refuse_move_in_review(session, platform, row)
    for key, value in _columns(data, platform.vault).items():
        setattr(row, key, value)
    row.city_code = city
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    record(
        session,
        actor,
        "institution.updated",
        "institution",
        row.id,
        before=before,
        after=snapshot(row),
    )
    return row


async def _refuse_move_in_review(
    session: AsyncSession, platform: Platform, row: models.Institution
) -> None:
    A = models.Application
    stages = await session.execute(
        select(A.scheme_id, A.kind, A.stage).where(
            A.institution_id == row.id, A.status != Status.DRAFT.value
        )
    )
    in_review = sum(
        not platform.registry.scheme(scheme).kind(kind).workflow.stage(stage).terminal
        for scheme, kind, stage in stages
    )
    if in_review:
        raise Refused.one(
            ErrorCode.NOT_EDITABLE,
            f"本机构有 {in_review} 件申请正在审核中，审核期间不能变更注册地行政区划"
            "（申请由提交时所在地区审核并计入该地区名额）；请待审核办结后再变更",
            "input",
            "divisionCode",
        )


def _columns(data: InstitutionData, vault: Vault) -> dict[str, Any]:
    return {
        "name": data.name,
        "org_type": data.org_type.value,
        "division_code": data.division_code,
        "registered_on": data.registered_on,
        "legal_representative": data.legal_representative,
        "contacts": [seal_model(c, vault) for c in data.contacts],
        "address": data.address,
    }
