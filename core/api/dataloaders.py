"""Per-request DataLoaders: every relation resolves through one of these, so a page of N items
costs a fixed number of SQL statements, not N."""

from __future__ import annotations

import functools
from collections import defaultdict, namedtuple
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from strawberry.dataloader import DataLoader

from core import access
from core.db import models
from core.services import loading


def _by_id(model, context, *options, where=None):
    async def load(ids: list[int]) -> list[Any]:
        query = select(model).where(model.id.in_(ids)).options(*options)
        rows = await context.run(
            lambda s: s.scalars(query if where is None else query.where(where))
        )
        found = {row.id: row for row in rows}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def _existing(model, context):
    """Which IDs name a row, in the view or not: only the IDs are read, so an ID outside the view
    costs what a missing one does."""

    async def load(ids: list[int]) -> list[bool]:
        found = set(
            await context.run(lambda s: s.scalars(select(model.id).where(model.id.in_(ids))))
        )
        return [i in found for i in ids]

    return DataLoader(load_fn=load)


def _grouped(
    context,
    query: Callable[[list[Any]], Any],
    key: Callable[[Any], Any],
    of: Callable[[Any], Any] = lambda row: row,
    *,
    plain: bool = False,
):
    """``of`` turns each row into what the loader hands out. ``plain``: the query selects a table's
    columns and the loader hands out its rows as named tuples (read-only, attribute access alike),
    not ORM instances, which cost far more to build."""

    async def load(keys: list[Any]) -> list[list[Any]]:
        if plain:
            result = await context.run(lambda s: s.execute(query(keys)))
            rows = map(_named(tuple(result.keys())), result)
        else:
            rows = await context.run(lambda s: s.scalars(query(keys)))
        groups: dict[Any, list[Any]] = defaultdict(list)
        for row in rows:
            groups[key(row)].append(of(row))
        return [groups.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


@functools.cache
def _named(columns: tuple[str, ...]) -> Callable[[Any], Any]:
    """A row's values as a named tuple, whose attributes are read in C: each attribute of
    SQLAlchemy's own row goes through a Python ``__getattr__`` (~1 µs; ~15 per criterion result)."""
    return namedtuple("Row", columns)._make


def _conflicts(context, actor):
    """Credit code -> whether the actor has a recorded conflict of interest with that institution."""

    async def load(codes: list[str]) -> list[bool]:
        if actor.user_id is None:
            return [False] * len(codes)
        query = select(models.Conflict.credit_code).where(
            models.Conflict.user_id == actor.user_id, models.Conflict.credit_code.in_(codes)
        )
        linked = set(await context.run(lambda s: s.scalars(query)))
        return [code in linked for code in codes]

    return DataLoader(load_fn=load)


class Loaders:
    """Relations of an object already shown load unfiltered (it was in view, so they are); lookups
    by ID (``visible_*``) and lists of applications apply the actor's view (:mod:`core.access`)."""

    def __init__(self, context) -> None:
        A, R, actor = models.Application, models.Recognition, context.actor
        self.institution = _by_id(models.Institution, context)
        self.visible_institution = _by_id(
            models.Institution, context, where=access.visible_institutions(actor)
        )
        self.scoped_institution = _by_id(
            models.Institution, context, where=access.scoped_institutions(actor)
        )
        self.recognition = _by_id(R, context)
        self.application = _by_id(A, context, selectinload(A.occupations))
        self.visible_application = _by_id(
            A, context, selectinload(A.occupations), where=access.visible_applications(actor)
        )
        self.exists = {
            "application": _existing(A, context),
            "institution": _existing(models.Institution, context),
        }
        self.applications_by_institution = _grouped(
            context,
            lambda ids: (
                select(A)
                .where(A.institution_id.in_(ids), access.visible_applications(actor))
                .options(selectinload(A.occupations))
                .order_by(A.id)
            ),
            lambda r: r.institution_id,
        )
        self.recognitions_by_institution = _grouped(
            context,
            lambda ids: select(R).where(R.institution_id.in_(ids)).order_by(R.id),
            lambda r: r.institution_id,
        )
        self.reviews = _grouped(
            context,
            lambda ids: (
                select(models.Review)
                .where(models.Review.application_id.in_(ids))
                .options(selectinload(models.Review.judgments))
                .order_by(models.Review.id)
            ),
            lambda r: r.application_id,
        )
        self.events = _grouped(
            context,
            lambda ids: (
                select(models.Event)
                .where(models.Event.application_id.in_(ids))
                .order_by(models.Event.id)
            ),
            lambda r: r.application_id,
        )
        E, C = models.Evaluation, models.CriterionResult
        self.evaluation = _grouped(
            context,
            lambda ids: select(E.__table__).where(
                E.id.in_(
                    select(func.max(E.id))
                    .where(E.application_id.in_(ids))
                    .group_by(E.application_id)
                )
            ),
            lambda r: r.application_id,
            plain=True,
        )
        self.moves = (
            _grouped(  # an application's transitions, for four eyes on its available actions
                context, loading.transition_events, lambda r: r.application_id, of=loading.move
            )
        )
        self.conflicts = _conflicts(context, actor)
        self.results = _grouped(  # ~20 per application: the most numerous rows of a page
            context,
            lambda ids: (
                select(C.__table__)
                .where(C.evaluation_id.in_(ids))
                .order_by(C.evaluation_id, C.position)
            ),
            lambda r: r.evaluation_id,
            plain=True,
        )
