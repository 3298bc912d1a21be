"""accredit core: the generic domain of recognition schemes, and the contract plugins implement.

A plugin needs only this package's public names::

    from core import hookimpl, Scheme, Criterion, ...

They are imported on first use (PEP 562), so that importing any module of core, the command line's
included, does not pull in pydantic, YAML and the holiday tables: ``accredit --help`` stays quick.
"""

from __future__ import annotations

import importlib

CONTRACT = {
    "core.criteria": (
        "Criterion",
        "CriterionKind",
        "EvaluationMode",
        "Facts",
        "Finding",
        "Outcome",
    ),
    "core.examples": ("Example", "ExampleStep"),
    "core.hookspecs": ("hookimpl",),
    "core.institutions": ("InstitutionFacts", "OrgType"),
    "core.parameters": ("Parameters",),
    "core.quotas": ("QuotaRule", "QuotaSubject", "occupation_city_keys"),
    "core.recognitions": ("RecognitionFacts", "RecognitionTerms"),
    "core.roles": ("Role",),
    "core.schemes": ("ApplicationKind", "Purpose", "Round", "Scheme"),
    "core.scoring": ("Assessment", "Judgment", "ReviewFacts", "Subtotal"),
    "core.forms": ("ApplicationRef", "Choice", "Form", "Text", "reference_id"),
    "core.workflow": (
        "Effect",
        "ReviewMode",
        "Stage",
        "Status",
        "Transition",
        "Workflow",
        "reasoned",
    ),
}
"""Each public name, by the module that defines it."""

_MODULE_OF = {name: module for module, names in CONTRACT.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'core' has no attribute {name!r}")
    value = globals()[name] = getattr(importlib.import_module(module), name)
    return value
