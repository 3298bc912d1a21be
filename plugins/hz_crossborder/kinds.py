"""The one application kind: the recognition, filed within a year's call (ids are public API)."""

from __future__ import annotations

from core.roles import Role
from core.schemes import ApplicationKind, Purpose
from plugins.hz_crossborder import forms, workflow

KINDS: tuple[ApplicationKind, ...] = (
    # Each year's notice opens a call with its own deadline: submissions only inside an open round.
    ApplicationKind(
        "recognition",
        "跨境电商人才社会培训基地认定申报",
        forms.RecognitionForm,
        workflow.RECOGNITION,
        Purpose.NEW_RECOGNITION,
        Role.APPLICANT,
        needs_round=True,
        citation="一至三；附件1、附件2",
    ),
)
