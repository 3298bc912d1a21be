"""What a recognition grants, as facts for plugins and as terms a plugin may decide."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class RecognitionStatus(enum.Enum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


@dataclass(frozen=True)
class RecognitionFacts:
    id: int
    scheme_id: str
    institution_id: int
    status: RecognitionStatus
    occupations: tuple[str, ...]
    granted_on: dt.date
    valid_until: dt.date | None
    code: str | None


@dataclass(frozen=True)
class RevocationGround:
    """Why a recognition is revoked, as its document words it, and whether the scheme's
    re-application ban (``Scheme.ban_parameter``) follows from that ground."""

    title: str
    citation: str
    bans: bool


@dataclass(frozen=True)
class RecognitionTerms:
    """What a grant confers: the name it carries, an optional code and its validity."""

    title: str
    valid_until: dt.date | None = None
    code: str | None = None
