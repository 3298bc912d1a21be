"""The two application kinds: each form with its workflow (ids are public API)."""

from __future__ import annotations

from core.roles import Role
from core.schemes import ApplicationKind, Purpose
from plugins.hz_practical_base import assessment_form, forms, workflow

KINDS: tuple[ApplicationKind, ...] = (
    # The document sets no call for applications or deadline (二（三）1): no round is needed.
    ApplicationKind(
        "recognition",
        "分基地申报认定",
        forms.RecognitionForm,
        workflow.RECOGNITION,
        Purpose.NEW_RECOGNITION,
        Role.APPLICANT,
        needs_round=False,
        citation="二、附件1、附件2",
    ),
    # 市人力社保部门每两年组织专家考核评估: the city bureau opens it, the base reports its facts.
    ApplicationKind(
        "biennial_assessment",
        "分基地考核评估",
        assessment_form.AssessmentForm,
        workflow.BIENNIAL_ASSESSMENT,
        Purpose.CONCERNS_RECOGNITION,
        Role.CITY_REVIEWER,
        citation="五、附件3",
    ),
)
