"""accredit plugin for 临人社发〔2020〕105号《杭州市临安区职业技能培训管理办法》.

Registered under the ``accredit.schemes`` entry point as ``linan_training``. Hooks only: the scheme
is in :mod:`.scheme`, forms in :mod:`.forms`, criteria in :mod:`.criteria`, workflows in
:mod:`.workflow`, policy numbers in ``parameters.yaml``; README.md maps every article to code.

No quota rule: 第三条 designates “若干” institutions, no number.
No rounds: designations, filings and claims are made whenever needed.
"""

from __future__ import annotations

from core import hookimpl
from core.criteria import Criterion, CriterionResult
from core.examples import Example
from core.schemes import ApplicationKind, Scheme
from core.scoring import Assessment, ReviewFacts
from plugins.linan_training import aggregation, ids
from plugins.linan_training.criteria import CRITERIA
from plugins.linan_training.examples import EXAMPLES
from plugins.linan_training.kinds import KINDS
from plugins.linan_training.scheme import SCHEME, SCHEME_ID

__version__ = "0.1.0"


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
def accredit_aggregate(
    scheme: Scheme,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment | None:
    """Assessments say who passed; annual evaluations carry the verdict beside the rates."""
    if scheme.id != SCHEME_ID:
        return None
    if kind.id == ids.EXAM:
        return aggregation.exam(results)
    if kind.id == ids.ANNUAL:
        return aggregation.annual(results, reviews)
    return None


@hookimpl
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    return list(EXAMPLES) if scheme.id == SCHEME_ID else None
