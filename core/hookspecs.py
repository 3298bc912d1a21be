"""The whole extension contract of accredit: every hook a scheme plugin may implement.

A plugin is a module or object registered under the ``accredit.schemes`` entry-point group whose
functions are decorated with :data:`hookimpl` (``from core import hookimpl``). Core's own default
behaviour is registered through these same hooks (see :mod:`core.defaults`), marked ``trylast``,
so a plugin overrides it simply by answering first.

Conventions:

* hooks are called with keyword arguments; an implementation may accept any subset of them, and
  new arguments are only ever added, never removed;
* every value crossing the contract is a frozen value object from ``core`` (no raw dicts);
* implementations are pure: they receive facts, dates and parameters and return decisions with
  reasons. Core does all I/O, transactions and auditing;
* hooks taking ``scheme`` are called for every scheme: return ``None`` (or ``[]``) for schemes
  you do not contribute to.

Hooks are grouped by lifecycle phase: **start-up** (declarations collected once into the
:class:`~core.registry.Registry`, which refuses duplicates and dangling references), **evaluation**
(per application, at dry-run, save and submission), **transition** (per attempted workflow step)
and **after commit** (notifications).
"""

from __future__ import annotations

import pluggy

from core.criteria import Criterion, CriterionResult, Facts, Finding
from core.engine.context import TransitionContext
from core.errors import UserError
from core.events import LifecycleEvent
from core.examples import Example
from core.quotas import QuotaRule
from core.recognitions import RecognitionTerms, RevocationGround
from core.schemes import ApplicationKind, Round, Scheme
from core.scoring import Assessment, ReviewFacts

PROJECT = "accredit"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# --------------------------------------------------------------------------------------------
# Start-up: declarations. Called once when the registry is built; results of all plugins are
# concatenated. A duplicate id, or a reference to an undeclared scheme, kind, stage, criterion or
# parameter, stops start-up with a message naming the plugin and the id.
# --------------------------------------------------------------------------------------------


@hookspec
def accredit_schemes() -> list[Scheme]:
    """Declare the schemes this plugin runs.

    Called once at start-up, before every other declaration hook. Return a list of
    :class:`~core.schemes.Scheme` (metadata, version and the dated :class:`~core.parameters.Parameters`
    that hold the scheme's policy numbers). Scheme ids must be unique across all plugins.
    """


@hookspec
def accredit_rounds(scheme: Scheme) -> list[Round] | None:
    """Declare the calls for applications (申报批次) of ``scheme``.

    Called once per declared scheme. Return :class:`~core.schemes.Round` objects with their
    opening date and last day for submissions (inclusive), or ``None``. Kinds declared with
    ``needs_round=True`` can only be submitted inside an open round that lists them.
    """


@hookspec
def accredit_application_kinds(scheme: Scheme) -> list[ApplicationKind] | None:
    """Declare what may be filed under ``scheme``: recognition, annual report, class filing, ….

    Called once per declared scheme. Each :class:`~core.schemes.ApplicationKind` carries its
    pydantic form model (its JSON Schema is published on the GraphQL ``Scheme`` type so consoles
    can render the form) and its :class:`~core.workflow.Workflow` (stages, transitions, the role
    that may take each, guards and effects). Kind ids are unique within a scheme.
    """


@hookspec
def accredit_criteria(scheme: Scheme) -> list[Criterion] | None:
    """Declare the criteria of ``scheme``, each citing its article.

    Called once per declared scheme; results of all plugins are concatenated, so a second plugin
    may add local criteria to a scheme it does not own. Criterion ids are unique within a scheme
    and each criterion's ``kinds`` must name declared application kinds.
    """


@hookspec
def accredit_quota_rules(scheme: Scheme) -> list[QuotaRule] | None:
    """Declare jurisdiction caps of ``scheme``, such as at most 5 per occupation per city.

    Called once per declared scheme. Core enforces each :class:`~core.quotas.QuotaRule` in the
    transaction of every transition whose effect is ``GRANT``; its ``limit_parameter`` must name a
    parameter of the scheme.
    """


# --------------------------------------------------------------------------------------------
# Evaluation: per application, whenever it is pre-checked (dry run), saved or submitted.
# --------------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def accredit_evaluate_criterion(
    scheme: Scheme, criterion: Criterion, facts: Facts
) -> Finding | None:
    """Evaluate one criterion against an application's facts.

    Called for every criterion that applies to the application's kind. The first non-``None``
    :class:`~core.criteria.Finding` wins. Core's default (``trylast``) runs the criterion's own
    ``check`` for automatic criteria and returns ``PENDING`` for judgment ones, ``INFO`` for
    information; implement this hook only to replace how a criterion is evaluated.
    """


@hookspec(firstresult=True)
def accredit_aggregate(
    scheme: Scheme,
    kind: ApplicationKind,
    results: list[CriterionResult],
    reviews: list[ReviewFacts],
) -> Assessment | None:
    """Aggregate criterion results and reviews into an :class:`~core.scoring.Assessment`.

    Called after every evaluation and after every review. The first non-``None`` answer wins.
    Core's default (``trylast``) adds up scored criteria: automatic points as computed; judgment
    points as the mean of each reviewer's latest score; no pass mark and no grade. A scheme with
    a pass mark (e.g. 90 of items 1–4) or grades (优秀/良好/合格/不合格) answers here.

    ``reviews`` hold only the points of the role that scores at the stage where they were given (a
    stage's panel, else its role). Give each judged item the points it counts with in
    ``Assessment.points`` (clients then read it as SCORED with those points instead of a line of
    text) and the partial sums the document names in ``Assessment.subtotals``.
    """


# --------------------------------------------------------------------------------------------
# Transition: per attempted workflow step, inside its transaction, before anything is written.
# --------------------------------------------------------------------------------------------


@hookspec
def accredit_transition_refusals(context: TransitionContext) -> list[UserError] | None:
    """Say why the transition in ``context`` must not happen, or ``None``/``[]`` to allow it.

    Called for every attempted transition after core has checked that the transition exists in
    the current stage and the actor holds its role. Refusals of all plugins are collected; any
    refusal aborts the transition and leaves the application unchanged. Core's built-in guards
    (open round, re-application ban, automatic gates, judgment recorded, minimum working days in
    stage, the transition's own guards) are themselves an implementation of this hook.
    """


@hookspec(firstresult=True)
def accredit_recognition_terms(context: TransitionContext, serial: int) -> RecognitionTerms | None:
    """Decide the title, code and validity of the recognition a ``GRANT`` transition confers.

    Called once per granting transition, after the refusals hook allowed it, inside its
    transaction. ``serial`` is this grant's 1-based number among all grants of the scheme in the
    institution's city (revoked ones included, so numbers are never reused), for building codes;
    it is 0 for ``RENEW``, which keeps the recognition's code and takes only title and validity.
    First non-``None`` wins; core's default gives the scheme's ``recognition_title`` with no expiry
    and no code. Answer here for naming rules (杭州市公共实训基地 + 名称 + 分基地), codes (which
    must be unique) or pilot periods.
    """


@hookspec(firstresult=True)
def accredit_revocation_ground(context: TransitionContext) -> RevocationGround | None:
    """Name the ground of the revocation a ``REVOKE`` transition makes, and whether the scheme's
    re-application ban follows from it.

    Called once per revoking transition, after the refusals hook allowed it, inside its
    transaction. The ground is recorded on the recognition (``endReason``: citation, title and the
    written reason) and in the audit entry; the ban (``Scheme.ban_parameter``) is applied only when
    ``bans`` is true. First non-``None`` wins; core's default is the transition itself (its title
    and citation) carrying the ban. Answer here when the document attaches its ban to some grounds
    only (杭商务〔2021〕192号: 第十五条's five grounds, not a cancellation at the 第十四条 check).
    """


@hookspec
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    """Offer worked examples for ``scheme``: a valid form and the workflow steps to take.

    Called by ``accredit serve --demo`` (once per scheme, when the demo data is loaded) and by
    smoke tests and documentation. Each :class:`~core.examples.Example` must pass the scheme's
    own checks when applied today by the demo institution; return ``None`` to offer none.
    """


# --------------------------------------------------------------------------------------------
# After commit: notifications. Return values are ignored; a failure is logged, never undoes.
# --------------------------------------------------------------------------------------------


@hookspec
def accredit_lifecycle_event(event: LifecycleEvent) -> None:
    """Observe a committed state change (application created, transitioned, recognition granted,
    revoked, …). Called after the transaction committed, once per event, in the order written.
    """
