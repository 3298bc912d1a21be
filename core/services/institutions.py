"""Registering and updating institutions."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.db import models
from core.divisions import lookup
from core.engine.audit import record
from core.engine.forms import validate_form
from core.errors import ErrorCode, Refused
from core.identifiers import normalize_credit_code
from core.institutions import OrgType

MUTABLE = ("name", "org_type", "division_code", "registered_on", "legal_representative", "contacts", "address")


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, title="联系人")
    phone: str = Field(default="", max_length=40, title="电话")
    email: str = Field(default="", max_length=200, title="电子邮箱")


class InstitutionData(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    return {"credit_code": row.credit_code, "version": row.version, **{k: getattr(row, k) for k in MUTABLE}}


def _check(data: InstitutionData, today: dt.date, *path: str) -> str:
    if data.registered_on > today:
        raise Refused.one(ErrorCode.INVALID, f"注册日期 {data.registered_on} 晚于今天", *path, "registeredOn")
    return lookup(data.division_code, *path, "divisionCode").city_code


async def register_institution(
    session: AsyncSession, actor: Actor, credit_code: str, fields: dict[str, Any], today: dt.date,
) -> models.Institution:
    code = normalize_credit_code(credit_code, "input", "creditCode")
    data = validate_form(InstitutionData, fields, "input")
    city = _check(data, today, "input")
    if await session.scalar(select(models.Institution.id).where(models.Institution.credit_code == code)):
        raise Refused.one(ErrorCode.DUPLICATE, f"统一社会信用代码 {code} 已登记", "input", "creditCode")
    row = models.Institution(credit_code=code, city_code=city, **_columns(data))
    session.add(row)
    await session.flush()
    record(session, actor, "institution.registered", "institution", row.id, after=snapshot(row))
    return row


async def update_institution(
    session: AsyncSession, actor: Actor, row: models.Institution, expected_version: int,
    changes: dict[str, Any], today: dt.date,
) -> models.Institution:
    if row.version != expected_version:
        raise Refused.one(ErrorCode.STALE_VERSION, f"机构信息已被他人修改（当前版本 {row.version}，提交的版本 {expected_version}），请刷新后重试", "input", "expectedVersion")
    before = snapshot(row)
    merged = {k: v for k, v in before.items() if k in MUTABLE} | changes
    data = validate_form(InstitutionData, merged, "input")
    city = _check(data, today, "input")
    for key, value in _columns(data).items():
        setattr(row, key, value)
    row.city_code = city
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    record(session, actor, "institution.updated", "institution", row.id, before=before, after=snapshot(row))
    return row


def _columns(data: InstitutionData) -> dict[str, Any]:
    return {
        "name": data.name, "org_type": data.org_type.value, "division_code": data.division_code,
        "registered_on": data.registered_on, "legal_representative": data.legal_representative,
        "contacts": [c.model_dump() for c in data.contacts], "address": data.address,
    }
