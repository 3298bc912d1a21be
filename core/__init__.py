"""accredit core: the generic domain of recognition schemes, and the contract plugins implement.

A plugin needs only this package's public names::

    from core import hookimpl, Scheme, Criterion, ...
"""
from core.criteria import Criterion, CriterionKind, EvaluationMode, Facts, Finding, Outcome
from core.examples import Example, ExampleStep
from core.hookspecs import hookimpl
from core.institutions import InstitutionFacts, OrgType
from core.parameters import Parameters
from core.quotas import QuotaRule, QuotaSubject, occupation_city_keys
from core.recognitions import RecognitionFacts, RecognitionTerms
from core.roles import Role
from core.schemes import ApplicationKind, Purpose, Round, Scheme
from core.scoring import Assessment, Judgment, ReviewFacts, Subtotal
from core.forms import ApplicationRef, Choice, Form, Text, reference_id
from core.workflow import Effect, ReviewMode, Stage, Status, Transition, Workflow, reasoned

__all__ = [
    "ApplicationKind", "ApplicationRef", "Assessment", "Choice", "Form", "Text", "reasoned", "Criterion", "CriterionKind", "Effect", "EvaluationMode", "Example",
    "ExampleStep", "Facts",
    "Finding", "InstitutionFacts", "Judgment", "OrgType", "Outcome", "Parameters", "Purpose", "QuotaRule",
    "QuotaSubject", "RecognitionFacts", "RecognitionTerms", "ReviewFacts", "ReviewMode", "Role", "Round",
    "Scheme", "Stage", "Status", "Subtotal", "Transition", "Workflow", "hookimpl", "occupation_city_keys", "reference_id",
]
