"""accredit plugin for the 2021 call for 杭州跨境电商人才社会培训基地 recognition.

Registered under the ``accredit.schemes`` entry point as ``hz_crossborder``. Hooks only: the
scheme is in :mod:`.scheme`, calls in ``rounds.yaml``, the 申报表 in :mod:`.forms`, the 评价表 in
:mod:`.rubric`, criteria in :mod:`.criteria`, scoring in :mod:`.scoring`, the workflow in
:mod:`.workflow`, policy numbers in ``parameters.yaml``; README.md maps every section to code.

No quota rule: 终审 selects 若干家, a number the notice leaves open.
"""

from __future__ import annotations

from core import hookimpl
from core.criteria import Criterion, CriterionResult, Facts, Finding
from core.engine.context import TransitionContext
from core.errors import UserError
from core.examples import Example
from core.schemes import ApplicationKind, Round, Scheme
from core.scoring import Assessment, ReviewFacts
from plugins.hz_crossborder.criteria import CRITERIA
from plugins.hz_crossborder.examples import EXAMPLES
from plugins.hz_crossborder.guards import misplaced_judgments
from plugins.hz_crossborder.kinds import KINDS
from plugins.hz_crossborder.rounds import ROUNDS
from plugins.hz_crossborder.rubric import BY_CRITERION
from plugins.hz_crossborder.scheme import SCHEME, SCHEME_ID
from plugins.hz_crossborder.scoring import assess, self_score_finding

__version__ = "0.1.0"


@hookimpl
def accredit_schemes() -> list[Scheme]:
    return [SCHEME]


@hookimpl
def accredit_rounds(scheme: Scheme) -> list[Round] | None:
    return list(ROUNDS) if scheme.id == SCHEME_ID else None


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
    """A scored item of 附件1 carries the applicant's self-score to the experts."""
    if scheme.id == SCHEME_ID and criterion.id in BY_CRITERION:
        return self_score_finding(BY_CRITERION[criterion.id], facts)
    return None


@hookimpl
def accredit_aggregate(
    scheme: Scheme,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment | None:
    return assess(results, reviews) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_transition_refusals(context: TransitionContext) -> list[UserError] | None:
    return misplaced_judgments(context) if context.scheme.id == SCHEME_ID else None


@hookimpl
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    return list(EXAMPLES) if scheme.id == SCHEME_ID else None
