"""Who may see and do what: the one place where roles and scopes become decisions.

Every query and mutation asks here, so the policy the authorization-matrix test checks
(``docs/access-policy.yaml``) is implemented once. Two views exist:

* the **public register**: schemes, recognitions, and the institutions holding one (name, codes,
  area; personal data masked). Everyone sees it, anonymous callers included, because 认定名单 are
  published.
* the **scoped view**: institutions, for a role whose scope covers the institution's area, and
  applications, for a role whose scope covers the application's area (the institution's when it
  was first submitted, so moving cannot choose the reviewer) and its scheme, where the scope names
  one; for an applicant, its own institution and its applications. Outside it an object is
  reported exactly as a missing one.

Plain-text personal data (身份证号, phone numbers) is shown only to the applicant's own institution
and to the responsible reviewers; everyone else gets it masked (:mod:`core.pii`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from core.actors import Actor, Scope
from core.db import models
from core.roles import Role
from core.workflow import Stage

REVIEWERS = frozenset({Role.DISTRICT_REVIEWER, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER})
PERSONAL_DATA_ROLES = REVIEWERS | {Role.APPLICANT}
AUDIT_ROLES = frozenset({Role.AUDITOR, Role.SCHEME_ADMIN})
REGISTRARS = frozenset({Role.APPLICANT, Role.SCHEME_ADMIN})
"""Who may register and update institutions: the institution itself, or the scheme administrator of its area."""


def _scopes(actor: Actor) -> tuple[Scope, ...]:
    return () if actor.role is Role.PUBLIC else actor.scopes


def _matches(
    actor: Actor, scope: Scope, division_code: str, city_code: str, credit_code: str
) -> bool:
    if actor.role is Role.APPLICANT:
        return scope.credit_code in (None, credit_code)
    return scope.covers(division_code, city_code)


def institution_in_scope(actor: Actor, inst: models.Institution) -> bool:
    """The scoped view of an institution (not merely the public register)."""
    return any(
        _matches(actor, s, inst.division_code, inst.city_code, inst.credit_code)
        for s in _scopes(actor)
    )


def application_in_scope(
    actor: Actor, scheme_id: str, inst: models.Institution, filed_in: tuple[str, str] | None = None
) -> bool:
    """May the actor see (and, role permitting, act on) an application of ``inst`` under the scheme,
    filed in ``filed_in`` (the application's division and city codes; the institution's for one
    not yet created)?"""
    division_code, city_code = filed_in or (inst.division_code, inst.city_code)
    return any(
        _matches(actor, s, division_code, city_code, inst.credit_code)
        and s.allows_scheme(scheme_id)
        for s in _scopes(actor)
    )


def registration_allowed(
    actor: Actor, credit_code: str, division_code: str, city_code: str
) -> bool:
    """May the actor register (or move into an area) an institution with these details?"""
    return actor.role in REGISTRARS and any(
        _matches(actor, s, division_code, city_code, credit_code) for s in _scopes(actor)
    )


def sees_personal_data(actor: Actor, inst: models.Institution) -> bool:
    return actor.role in PERSONAL_DATA_ROLES and institution_in_scope(actor, inst)


def _areas_sql(areas: set[str | None], division_code, city_code) -> ColumnElement[bool]:
    """Rows whose division or city lies in any of ``areas``: one condition per kind of area, however
    many areas there are (one condition per scope, OR'd, made an actor with 1,000 scopes exceed
    SQLite's expression depth)."""
    if None in areas:
        return true()
    provinces = sorted(a for a in areas if a.endswith("0000"))
    cities = sorted(a for a in areas if a.endswith("00") and a not in provinces)
    districts = sorted(areas - {*provinces, *cities})
    clauses = [division_code.startswith(area[:2]) for area in provinces]
    clauses += [
        column.in_(codes)
        for column, codes in ((city_code, cities), (division_code, districts))
        if codes
    ]
    return or_(*clauses)


def _scopes_sql(actor: Actor, scopes: Iterable[Scope]) -> ColumnElement[bool]:
    """SQL condition on ``institutions`` in any of ``scopes``: one ``IN`` over an applicant's credit
    codes, or the areas of the others."""
    I, scopes = models.Institution, tuple(scopes)
    if not scopes:
        return false()
    if actor.role is Role.APPLICANT:
        codes = {s.credit_code for s in scopes}
        return true() if None in codes else I.credit_code.in_(sorted(codes))
    return _areas_sql({s.area for s in scopes}, I.division_code, I.city_code)


def scoped_institutions(actor: Actor) -> ColumnElement[bool]:
    """SQL condition on ``institutions``: the scoped view."""
    return _scopes_sql(actor, _scopes(actor))


def visible_institutions(actor: Actor) -> ColumnElement[bool]:
    """SQL condition on ``institutions``: the scoped view or the public register."""
    on_register = models.Institution.id.in_(select(models.Recognition.institution_id))
    return or_(scoped_institutions(actor), on_register)


def visible_applications(actor: Actor) -> ColumnElement[bool]:
    """SQL condition on ``applications``: an applicant's institution, or the area it was filed in."""
    A, I = models.Application, models.Institution
    by_scheme: dict[str | None, list[Scope]] = defaultdict(list)
    for scope in _scopes(actor):
        by_scheme[scope.scheme_id].append(scope)
    clauses = []
    for scheme_id, scopes in by_scheme.items():
        clause = (
            A.institution_id.in_(select(I.id).where(_scopes_sql(actor, scopes)))
            if actor.role is Role.APPLICANT
            else _areas_sql({s.area for s in scopes}, A.division_code, A.city_code)
        )
        clauses.append(and_(clause, A.scheme_id == scheme_id) if scheme_id else clause)
    return or_(*clauses) if clauses else false()


def visible_events(actor: Actor) -> ColumnElement[bool]:
    """SQL condition on ``events`` for the audit log: auditors and scheme administrators; a
    province-wide one sees every entry (logins included), others the entries of their area:
    those of its applications and institutions, and the permission denials filed under it."""
    if actor.role not in AUDIT_ROLES:
        return false()
    if any(
        s.area is None or (s.area.endswith("0000") and s.scheme_id is None) for s in actor.scopes
    ):
        return true()
    E = models.Event
    return or_(
        E.application_id.in_(select(models.Application.id).where(visible_applications(actor))),
        and_(
            E.entity == "institution",
            E.entity_id.in_(select(models.Institution.id).where(scoped_institutions(actor))),
        ),
        *(_denials_filed_in(scope) for scope in actor.scopes),
    )


def blind_to_scores(actor: Actor, stage: Stage, reviewed_here: bool) -> bool:
    """Blind scoring: a member of the panel scoring at the stage an application is in sees nobody
    else's scores of it until they have recorded their own review at that stage. Every path that
    carries a score asks here: its score, grade and evaluation, its judged criterion results, that
    stage's reviews, and its place in a ranking."""
    return stage.panel is not None and actor.role is stage.panel and not reviewed_here


def _denials_filed_in(scope: Scope) -> ColumnElement[bool]:
    """Denial entries filed under the scope's area (``entity_id`` is a division code: a city's
    districts share its first four digits, the province's cities its first two), in its scheme
    or in none (those about institutions)."""
    E, low = models.Event, int(scope.area)
    span = 10_000 if scope.area.endswith("0000") else 100 if scope.area.endswith("00") else 1
    in_scheme = (
        true()
        if scope.scheme_id is None
        else or_(E.scheme_id.is_(None), E.scheme_id == scope.scheme_id)
    )
    return and_(E.entity == "area", E.entity_id >= low, E.entity_id < low + span, in_scheme)


def sees_events_of_applications(actor: Actor) -> bool:
    """An application's own history: everyone who sees it, except experts (their panel's scores
    must stay blind, and the history carries them)."""
    return actor.role is not Role.EXPERT


def manages_scope(actor: Actor, scope: Scope, where: tuple[str, str] | None) -> bool:
    """Whether a scheme administrator may grant ``scope`` (or manage an account holding it): one of
    their own scopes covers it, area and scheme. ``where`` is the (division, city) of the area or of
    the applicant's institution; None for an institution not registered yet, which only a
    province-wide administrator may grant (where it will be is unknown)."""
    if actor.role is not Role.SCHEME_ADMIN:
        return False
    return any(
        own.scheme_id in (None, scope.scheme_id)
        and (own.covers(*where) if where else own.area is None or own.area.endswith("0000"))
        for own in _scopes(actor)
    )
