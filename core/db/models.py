"""The tables. Hand-written GraphQL types sit on top; the public schema does not mirror these.

Scheme metadata, criteria and workflows live in plugins, not here: rows refer to them by id
(``scheme_id``, ``kind``, ``stage``, ``criterion_id``) and every evaluation records the plugin and
scheme version that produced it, so an old decision stays explainable after a plugin changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator):
    """A moment, stored in UTC and read back with its time zone on every engine: PostgreSQL keeps
    it (timestamptz), SQLite stores text without one, so a naive value read there is UTC. Clients
    then get ``2026-03-02T02:00:00+00:00`` from either, never a time without its zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, dt.datetime: UtcDateTime()}


class Institution(Base):
    __tablename__ = "institutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    org_type: Mapped[str] = mapped_column(String(40), index=True)
    division_code: Mapped[str] = mapped_column(String(6), index=True)
    city_code: Mapped[str] = mapped_column(String(6), index=True)
    registered_on: Mapped[dt.date] = mapped_column(Date)
    legal_representative: Mapped[str] = mapped_column(String(100))
    contacts: Mapped[list[Any]] = mapped_column(default=list)
    address: Mapped[str] = mapped_column(String(300), default="")
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (Index("ix_applications_scheme_stage", "scheme_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    scheme_id: Mapped[str] = mapped_column(String(64))
    round_id: Mapped[str | None] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    recognition_id: Mapped[int | None] = mapped_column(ForeignKey("recognitions.id"), index=True)
    form: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stage: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32), index=True)
    stage_entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    score: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(default=1)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    submitted_at: Mapped[dt.datetime | None]
    # where it is reviewed and counted: the institution's area at creation, fixed at the first submission
    division_code: Mapped[str] = mapped_column(String(6), index=True)
    city_code: Mapped[str] = mapped_column(String(6), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    occupations: Mapped[list[ApplicationOccupation]] = relationship(
        cascade="all, delete-orphan", order_by="ApplicationOccupation.position", lazy="raise"
    )


class ApplicationOccupation(Base):
    """One occupation (职业/工种 code) applied for; a table so lists can filter on it."""

    __tablename__ = "application_occupations"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), primary_key=True)
    occupation: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)


class Evaluation(Base):
    """One evaluation run of an application; results are never overwritten, only superseded."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(64))  # "save", "submit", "review", transition id
    evaluated_on: Mapped[dt.date] = mapped_column(Date)
    plugin: Mapped[str] = mapped_column(String(200))
    plugin_version: Mapped[str] = mapped_column(String(40))
    scheme_version: Mapped[str] = mapped_column(String(40))
    total: Mapped[float | None] = mapped_column(Float)
    maximum: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None]
    grade: Mapped[str | None] = mapped_column(String(32))
    lines: Mapped[list[Any]] = mapped_column(default=list)
    subtotals: Mapped[list[Any]] = mapped_column(
        default=list
    )  # [{title, citation, points, maximum}]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CriterionResult(Base):
    __tablename__ = "criterion_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    citation: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(Text)
    values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    parameters: Mapped[list[Any]] = mapped_column(default=list)
    points: Mapped[float | None] = mapped_column(Float)
    max_points: Mapped[float | None] = mapped_column(Float)
    field: Mapped[list[Any]] = mapped_column(default=list)


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    reviewer: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    stage: Mapped[str] = mapped_column(String(64))
    transition: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(64))  # the target stage reached
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    judgments: Mapped[list[ReviewJudgment]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewJudgment.id", lazy="raise"
    )


class ReviewJudgment(Base):
    __tablename__ = "review_judgments"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(100))
    passed: Mapped[bool | None]
    points: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class Recognition(Base):
    __tablename__ = "recognitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    scheme_id: Mapped[str] = mapped_column(String(64), index=True)
    city_code: Mapped[str] = mapped_column(String(6), index=True)  # the holder's city when granted
    application_id: Mapped[int] = mapped_column(
        Integer, unique=True
    )  # the granting application (no FK: would be a cycle)
    title: Mapped[str] = mapped_column(String(300))
    code: Mapped[str | None] = mapped_column(String(64), unique=True)
    occupations: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    granted_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    ended_by_application_id: Mapped[int | None] = mapped_column(Integer)
    ban_until: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(default=1)


class QuotaSlot(Base):
    """A numbered place under a quota rule; the primary key makes an (N+1)-th holder impossible."""

    __tablename__ = "quota_slots"

    scheme_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    slot: Mapped[int] = mapped_column(primary_key=True)
    recognition_id: Mapped[int] = mapped_column(ForeignKey("recognitions.id"), index=True)
    __table_args__ = (
        UniqueConstraint(
            "scheme_id", "rule_id", "key", "recognition_id", name="uq_quota_slot_holder"
        ),
    )


class Event(Base):
    """Append-only log of every state change: who, what, when, before and after.

    Each entry is chained to the one before it (``seq``, ``prev_hash``, ``hash``; see
    :mod:`core.audit`), and the database refuses UPDATE, DELETE and TRUNCATE on the table.
    """

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    scheme_id: Mapped[str | None] = mapped_column(String(64))
    application_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    __table_args__ = (
        Index("ix_events_entity", "entity", "entity_id"),
        UniqueConstraint("seq", name="uq_events_seq"),
    )


class AuditHead(Base):
    """The latest entry of the event chain (one row): appends lock it, so entries are numbered in turn."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))


class User(Base):
    """A person or machine client. One role per account (a person with two roles holds two
    accounts, as bureaus issue them); where the role applies is in :class:`UserScope`."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None: API tokens only
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    scopes: Mapped[list[UserScope]] = relationship(
        cascade="all, delete-orphan", order_by="UserScope.id", lazy="raise"
    )


class UserScope(Base):
    """Where a user's role applies: an area (GB/T 2260; province, city or district), optionally
    one scheme; for an applicant, the institution (by credit code) it acts for."""

    __tablename__ = "user_scopes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    area_code: Mapped[str | None] = mapped_column(String(6))
    scheme_id: Mapped[str | None] = mapped_column(String(64))
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)


class LoginSession(Base):
    """A login: the bearer token names it, so it can expire and be revoked (logout)."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]


class ApiToken(Base):
    """A long-lived token for a machine client; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]


class Conflict(Base):
    """A recorded conflict of interest: the user may not review or decide the institution's applications."""

    __tablename__ = "conflicts"
    __table_args__ = (
        UniqueConstraint("user_id", "credit_code", name="uq_conflict_user_institution"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CalendarYear(Base):
    """A year's holidays and adjusted workdays imported from the State Council's notice
    (``accredit calendar import``); it takes precedence over the library's tables for that year."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    notice: Mapped[str] = mapped_column(String(100))
    holidays: Mapped[list[Any]] = mapped_column()
    """``[{"name": "春节", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}, …]``"""
    workdays: Mapped[list[Any]] = mapped_column()
    """``["YYYY-MM-DD", …]``: weekend days worked."""
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BudgetSpend(Base):
    """What all workers spent of one budget (query points, failed logins) for one key in one window
    (:mod:`core.budgets`); rows of ended windows are deleted as workers synchronise."""

    __tablename__ = "budget_spends"

    purpose: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    spent: Mapped[int] = mapped_column(default=0)
