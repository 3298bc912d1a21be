"""Rows turned into the frozen facts plugins receive."""

from __future__ import annotations

from core.db import models
from core.institutions import InstitutionFacts, OrgType
from core.recognitions import RecognitionFacts, RecognitionStatus
from core.scoring import Judgment, ReviewFacts


def institution_facts(
    row: models.Institution, application: models.Application | None = None
) -> InstitutionFacts:
    """The institution; for an ``application``, in the area the application is filed in (fixed at
    its first submission), so its criteria, guards and quota keys follow no later move."""
    filed_in = application or row
    return InstitutionFacts(
        id=row.id,
        name=row.name,
        credit_code=row.credit_code,
        org_type=OrgType(row.org_type),
        division_code=filed_in.division_code,
        city_code=filed_in.city_code,
        registered_on=row.registered_on,
    )


def recognition_facts(row: models.Recognition) -> RecognitionFacts:
    return RecognitionFacts(
        id=row.id,
        scheme_id=row.scheme_id,
        institution_id=row.institution_id,
        status=RecognitionStatus(row.status),
        occupations=tuple(row.occupations),
        granted_on=row.granted_on,
        valid_until=row.valid_until,
        code=row.code,
    )


def review_facts(row: models.Review) -> ReviewFacts:
    return ReviewFacts(
        reviewer=row.reviewer,
        role=row.role,
        stage=row.stage,
        transition=row.transition,
        at=row.created_at,
        comment=row.comment,
        judgments=tuple(
            Judgment(j.criterion_id, j.passed, j.points, j.note) for j in row.judgments
        ),
    )
