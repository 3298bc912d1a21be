"""Workflow stages and transitions a plugin declares for each application kind.

An application sits in exactly one :class:`Stage`. A :class:`Transition` moves it (or, when
``source == target``, records a review without moving it, as each expert of a panel does), may be
taken only by the named role, runs its guards, and may carry an :class:`Effect` on a recognition.
Core performs the move, the effect, the quota check and the event log in one transaction.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.roles import Role

if TYPE_CHECKING:
    from core.engine.context import TransitionContext


class Status(enum.Enum):
    """Coarse status of an application, derived from its stage; what a list filters on."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLIC_NOTICE = "public_notice"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"  # a filing or report accepted, a case concluded


class Effect(enum.Enum):
    """What a transition does to a recognition; all but GRANT act on the one the application concerns."""

    NONE = "none"
    GRANT = "grant"  # create a recognition (terms from the terms hook; quota slots taken)
    SUPERSEDE = (
        "supersede"  # end the concerned one and grant its successor atomically (e.g. promotion)
    )
    RENEW = "renew"  # new terms (title, validity) for the concerned one, from the terms hook
    REVOKE = "revoke"  # end it as revoked, its ground recorded (ban per the scheme's parameter where the ground carries it); slots released
    EXPIRE = "expire"  # end it as expired; slots released
    SUSPEND = "suspend"  # keeps its slots
    REINSTATE = "reinstate"


class ReviewMode(enum.Enum):
    NONE = "none"  # plain transition, no review recorded
    OPTIONAL = "optional"  # a comment or judgments may be given
    REQUIRED = "required"  # the actor must record a review (comment, judgments, scores)


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    status: Status
    role: Role | None = None  # who acts here; None for terminal stages
    citation: str = ""
    editable: bool = False  # the form may be edited here (drafts, returned applications)
    panel: Role | None = None
    """The role that scores here as a panel: each member records a review through a transition that
    loops on the stage (experts scoring a rubric). Only the panel records points at such a stage and
    its members score blind; whoever else decides here (``role``) may comment and decide gates, but
    deciding is not scoring. Required wherever experts, or a role other than ``role``, must record
    reviews on the stage."""

    @property
    def scorer(self) -> Role | None:
        """The only role whose points count at this stage: its panel, or the role acting here."""
        return self.panel or self.role

    @property
    def terminal(self) -> bool:
        return self.role is None


Guard = Callable[["TransitionContext"], "str | None"]
"""A pure check on a transition: return a refusal message, or None to allow."""


@dataclass(frozen=True)
class Transition:
    id: str
    title: str
    source: str
    target: str
    role: Role
    citation: str = ""
    effect: Effect = Effect.NONE
    review: ReviewMode = ReviewMode.NONE
    submits: bool = False  # the applicant's submission: round, ban and gate checks apply
    requires_gates: bool = False  # every automatic gate must pass
    requires_judgment: bool = False  # every judgment gate must have been decided "pass"
    comment_required: bool = False
    guards: tuple[Guard, ...] = ()
    min_working_days_in_stage: str | None = None  # parameter name: e.g. a public notice period


def reasoned(
    id: str, title: str, source: str, target: str, role: Role, citation: str = "", **options
) -> Transition:
    """A transition that must carry a written reason (returns, rejections, revocations), kept as a
    review so the applicant can read why."""
    return Transition(
        id,
        title,
        source,
        target,
        role,
        citation,
        review=options.pop("review", ReviewMode.OPTIONAL),
        comment_required=True,
        **options,
    )


@dataclass(frozen=True)
class Workflow:
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    initial: str

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)

    def available(self, stage_id: str) -> tuple[Transition, ...]:
        return tuple(t for t in self.transitions if t.source == stage_id)

    def scorer(self, stage_id: str) -> Role | None:
        """Whose points count at a stage (None for a stage this workflow no longer declares)."""
        return next((s.scorer for s in self.stages if s.id == stage_id), None)

    def validate(self, where: str) -> None:
        ids = [s.id for s in self.stages]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{where}: duplicate stage ids {ids}")
        if self.initial not in ids:
            raise ValueError(f"{where}: initial stage {self.initial!r} is not declared")
        seen: set[str] = set()
        for t in self.transitions:
            if t.id in seen:
                raise ValueError(f"{where}: duplicate transition id {t.id!r}")
            seen.add(t.id)
            for end in (t.source, t.target):
                if end not in ids:
                    raise ValueError(
                        f"{where}: transition {t.id!r} refers to undeclared stage {end!r}"
                    )
            if self.stage(t.source).terminal:
                raise ValueError(f"{where}: transition {t.id!r} leaves terminal stage {t.source!r}")
        for stage in self.stages:
            self._validate_panel(where, stage)

    def _validate_panel(self, where: str, stage: Stage) -> None:
        loops = [
            t
            for t in self.transitions
            if t.source == t.target == stage.id and t.review is not ReviewMode.NONE
        ]
        if stage.panel is not None and not any(t.role is stage.panel for t in loops):
            raise ValueError(
                f"{where}: stage {stage.id!r} names panel {stage.panel.value} but no transition lets it "
                "record a review there (a transition from the stage to itself with a review mode)"
            )
        for t in loops:
            panel_like = t.role is not stage.role or t.role is Role.EXPERT
            if t.review is ReviewMode.REQUIRED and panel_like and t.role is not stage.panel:
                raise ValueError(
                    f"{where}: {t.role.value} records reviews at stage {stage.id!r} through {t.id!r}: declare "
                    f"Stage({stage.id!r}, ..., panel=Role.{t.role.name}) so that only the panel scores there and "
                    "its members score blind"
                )


@dataclass(frozen=True)
class NoticePeriod:
    """How long an application has been in its stage, for guards such as a public-notice period."""

    entered_on: dt.date
    working_days_elapsed: int
