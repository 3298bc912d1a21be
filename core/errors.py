"""Expected failures, reported to clients as typed user errors.

Every refusal the platform makes on purpose is a :class:`UserError`: it names the field (a path
into the input, e.g. ``["input", "form", "trainees_total"]``), a stable :class:`ErrorCode` and a
message a person can act on. Services raise :class:`Refused` carrying one or more of them; the
GraphQL layer turns that into a payload's ``errors`` list and rolls the transaction back, so a
refused request never changes anything.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class ErrorCode(enum.Enum):
    INVALID = "INVALID"  # malformed value (type, format, range)
    REQUIRED = "REQUIRED"
    INVALID_CHECKSUM = "INVALID_CHECKSUM"  # credit code / id number check character
    UNKNOWN_DIVISION = "UNKNOWN_DIVISION"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    NOT_EDITABLE = "NOT_EDITABLE"  # edit outside the draft stage; an institution's area while it has applications in review
    STALE_VERSION = "STALE_VERSION"  # optimistic lock lost
    TRANSITION_NOT_ALLOWED = "TRANSITION_NOT_ALLOWED"
    ROLE_NOT_ALLOWED = "ROLE_NOT_ALLOWED"
    CRITERION_NOT_MET = "CRITERION_NOT_MET"  # an eligibility gate failed
    JUDGMENT_MISSING = "JUDGMENT_MISSING"  # a reviewer-judgment criterion was not decided
    PANEL_REVIEW_MISSING = (
        "PANEL_REVIEW_MISSING"  # a decision at a panel stage before any panel member reviewed
    )
    SCORE_OUT_OF_RANGE = "SCORE_OUT_OF_RANGE"
    ROUND_CLOSED = "ROUND_CLOSED"
    ROUND_REQUIRED = "ROUND_REQUIRED"
    BANNED = "BANNED"  # re-application ban after revocation
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    RECOGNITION_REQUIRED = "RECOGNITION_REQUIRED"
    GUARD_FAILED = "GUARD_FAILED"  # a plugin guard refused the transition
    CALENDAR_UNSUPPORTED = "CALENDAR_UNSUPPORTED"
    NOT_IN_FORCE = "NOT_IN_FORCE"  # a date before the scheme (or one of its policy numbers) applies
    DATABASE_BUSY = "DATABASE_BUSY"  # still contended after retries, or a lock/statement timeout: nothing was written
    FORBIDDEN = "FORBIDDEN"  # the role may see the object but not do this to it
    CONFLICT_OF_INTEREST = (
        "CONFLICT_OF_INTEREST"  # a recorded link between the actor and the institution
    )
    FOUR_EYES = "FOUR_EYES"  # the same person may not act at two consecutive stages
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = (
        "RATE_LIMITED"  # too many failed logins for this username or address: retry later
    )
    WEAK_PASSWORD = "WEAK_PASSWORD"


@dataclass(frozen=True)
class UserError:
    code: ErrorCode
    message: str
    field: tuple[str, ...] = ()


@dataclass
class Refused(Exception):
    """Raised by services to refuse a request; nothing the request did is kept."""

    errors: list[UserError] = field(default_factory=list)
    denial: str | None = None
    """Set when the refusal is a permission denial (out of scope, wrong role, conflict of interest):
    the reason reaches the audit log (:mod:`core.engine.denials`) although the request changed nothing."""
    subject: tuple[str, int] | None = None
    """The object the denial concerns (``("application", 12)``), so auditors of its area see it."""

    def __post_init__(self) -> None:
        super().__init__("; ".join(e.message for e in self.errors))

    @classmethod
    def one(cls, code: ErrorCode, message: str, *path: str) -> Refused:
        return cls([UserError(code, message, tuple(path))])

    @classmethod
    def denied(
        cls,
        code: ErrorCode,
        message: str,
        reason: str,
        *path: str,
        subject: tuple[str, int] | None = None,
    ) -> Refused:
        """A permission denial: the client sees ``code`` (NOT_FOUND when the object is outside the
        actor's scope, so it cannot tell it exists); the audit log records ``reason``."""
        return cls([UserError(code, message, tuple(path))], denial=reason, subject=subject)
