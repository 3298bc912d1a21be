"""accredit plugin for 杭人社发〔2023〕115号《杭州市高技能人才公共实训基地体系建设实施办法》.

Registered under the ``accredit.schemes`` entry point as ``hz_practical_base``. Hooks only: the
scheme is in :mod:`.scheme`, forms in :mod:`.forms`, criteria in :mod:`.criteria` (checks in
:mod:`.conditions`, :mod:`.standards`, :mod:`.assessment`), the grade in :mod:`.aggregation`,
workflows in :mod:`.workflow`, names in :mod:`.terms`, policy numbers in ``parameters.yaml``;
README.md maps every article and annex row to code.

No quota rule: 认定分基地若干 (一) sets no number.
No rounds: the document sets no calls for applications (二（三）1).
"""

from __future__ import annotations

from core import hookimpl
from core.criteria import Criterion, CriterionResult, Facts, Finding
from core.engine.context import TransitionContext
from core.errors import UserError
from core.examples import Example
from core.recognitions import RecognitionTerms
from core.schemes import ApplicationKind, Scheme
from core.scoring import Assessment, ReviewFacts
from plugins.hz_practical_base import aggregation, guards, terms
from plugins.hz_practical_base.criteria import CRITERIA, PENDING_FINDINGS
from plugins.hz_practical_base.examples import EXAMPLES
from plugins.hz_practical_base.kinds import KINDS
from plugins.hz_practical_base.scheme import SCHEME, SCHEME_ID

__version__ = "0.1.0"
ASSESSMENT = "biennial_assessment"


@hookimpl
def accredit_schemes() -> list[Scheme]:
    return [SCHEME]


@hookimpl
def accredit_application_kinds(scheme: Scheme) -> list[ApplicationKind] | None:
    return list(KINDS) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_criteria(scheme: Scheme) -> list[Criterion] | None:
    return list(CRITERIA) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_evaluate_criterion(
    scheme: Scheme, criterion: Criterion, facts: Facts
) -> Finding | None:
    """Judgment criteria whose pending finding says what to judge and the most the facts allow."""
    if scheme.id != SCHEME_ID or criterion.id not in PENDING_FINDINGS:
        return None
    return PENDING_FINDINGS[criterion.id](facts)


@hookimpl
def accredit_aggregate(
    scheme: Scheme,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment | None:
    """附件3 score and the grade of 五（二）（三）; recognition applications are not scored."""
    if scheme.id != SCHEME_ID or kind.id != ASSESSMENT:
        return None
    return aggregation.assess(results, reviews)


@hookimpl
def accredit_transition_refusals(context: TransitionContext) -> list[UserError] | None:
    if context.scheme.id != SCHEME_ID or context.kind.id != ASSESSMENT:
        return None
    return guards.scores_beyond_recorded_facts(context)


@hookimpl
def accredit_recognition_terms(context: TransitionContext, serial: int) -> RecognitionTerms | None:
    if context.scheme.id != SCHEME_ID:
        return None
    return terms.recognition_terms(context)


@hookimpl
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    return list(EXAMPLES) if scheme.id == SCHEME_ID else None
