"""accredit plugin for 浙人社办发〔2020〕35号 (职业技能等级认定试点社会培训评价组织遴选).

Hooks only: the scheme and its round are in :mod:`.scheme`, forms in :mod:`.forms` and
:mod:`.tables`, criteria in :mod:`.criteria`, the 附件2 rubric and aggregate in :mod:`.scoring`,
workflows in :mod:`.workflow`, the filing level and code in :mod:`.filing`, the per-city cap in
:mod:`.quotas`, policy numbers in ``parameters.yaml``; README.md maps every article to code.
"""

from __future__ import annotations

from core import hookimpl
from core.criteria import Criterion, CriterionResult, Facts, Finding
from core.engine.context import TransitionContext
from core.errors import UserError
from core.examples import Example
from core.quotas import QuotaRule
from core.recognitions import RecognitionTerms
from core.schemes import ApplicationKind, Round, Scheme
from core.scoring import Assessment, ReviewFacts
from plugins.zj_evaluation_org import filing, scoring
from plugins.zj_evaluation_org.criteria import CRITERIA
from plugins.zj_evaluation_org.examples import EXAMPLES
from plugins.zj_evaluation_org.kinds import KINDS
from plugins.zj_evaluation_org.quotas import PER_OCCUPATION_CITY
from plugins.zj_evaluation_org.scheme import FIRST_BATCH, SCHEME, SCHEME_ID

__version__ = "0.1.0"


@hookimpl
def accredit_schemes() -> list[Scheme]:
    return [SCHEME]


@hookimpl
def accredit_rounds(scheme: Scheme) -> list[Round] | None:
    return [FIRST_BATCH] if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_application_kinds(scheme: Scheme) -> list[ApplicationKind] | None:
    return list(KINDS) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_criteria(scheme: Scheme) -> list[Criterion] | None:
    return list(CRITERIA) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_quota_rules(scheme: Scheme) -> list[QuotaRule] | None:
    return [PER_OCCUPATION_CITY] if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_evaluate_criterion(
    scheme: Scheme, criterion: Criterion, facts: Facts
) -> Finding | None:
    """附件2 5: a bonus item is open for scoring only when its 放宽 ground is claimed and stands."""
    if scheme.id == SCHEME_ID and criterion.id in scoring.BONUS_IDS:
        return scoring.bonus_finding(facts, criterion.id)
    return None


@hookimpl
def accredit_aggregate(
    scheme: Scheme,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment | None:
    """附件2: 1-4项合计须在90分以上（pass mark）；加分项另计入总分."""
    if scheme.id == SCHEME_ID and kind.id == "recognition":
        return scoring.aggregate(results, reviews)
    return None


@hookimpl
def accredit_transition_refusals(context: TransitionContext) -> list[UserError] | None:
    if context.scheme.id != SCHEME_ID:
        return None
    return scoring.bonus_refusals(context)


@hookimpl
def accredit_recognition_terms(context: TransitionContext, serial: int) -> RecognitionTerms | None:
    return filing.terms(context, serial) if context.scheme.id == SCHEME_ID else None


@hookimpl
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    return list(EXAMPLES) if scheme.id == SCHEME_ID else None
