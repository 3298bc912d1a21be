"""The plugin contract: documented hooks, and start-up refusing inconsistent declarations."""

from __future__ import annotations

import inspect
import types

import pytest

from core import hookimpl, hookspecs
from core.calendar import WorkingCalendar
from core.plugins import get_plugin_manager
from core.registry import Registry, RegistryError
from tests.support import toy_plugin

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop


def test_every_hook_is_documented():
    hooks = [
        f
        for name, f in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("accredit_")
    ]
    assert len(hooks) >= 9
    for hook in hooks:
        doc = inspect.getdoc(hook) or ""
        assert "Called" in doc, f"{hook.__name__} must say when it is called"


def _plugin(**hooks) -> types.SimpleNamespace:
    return types.SimpleNamespace(**{name: hookimpl(fn) for name, fn in hooks.items()})


def test_duplicate_scheme_fails_start_up_naming_both_plugins():
    twin = _plugin(accredit_schemes=lambda: toy_plugin.accredit_schemes())
    pm = get_plugin_manager(load_entrypoints=False, plugins=[toy_plugin, twin])
    with pytest.raises(RegistryError, match="'toy'.*already declared"):
        Registry(pm, WorkingCalendar())


def test_criterion_for_an_undeclared_kind_fails_start_up():
    from core import Criterion, CriterionKind, EvaluationMode

    extra = _plugin(
        accredit_criteria=lambda scheme: [
            Criterion(
                "x", "额外", "第九条", CriterionKind.GATE, EvaluationMode.JUDGMENT, kinds=("nope",)
            )
        ]
    )
    pm = get_plugin_manager(load_entrypoints=False, plugins=[toy_plugin, extra])
    with pytest.raises(RegistryError, match="undeclared application kind"):
        Registry(pm, WorkingCalendar())


def test_a_second_plugin_may_add_a_local_criterion_to_a_scheme():
    from core import Criterion, CriterionKind, EvaluationMode

    local = _plugin(
        accredit_criteria=lambda scheme: (
            [
                Criterion(
                    "local_rule",
                    "区级补充条件",
                    "区补充规定第一条",
                    CriterionKind.INFO,
                    EvaluationMode.JUDGMENT,
                )
            ]
            if scheme.id == "toy"
            else None
        )
    )
    registry = Registry(
        get_plugin_manager(load_entrypoints=False, plugins=[toy_plugin, local]), WorkingCalendar()
    )
    assert "local_rule" in registry.scheme("toy").criteria


def test_info_on_a_gate_means_not_applicable():
    from core.criteria import CriterionKind, Outcome, blocks

    assert not blocks(CriterionKind.GATE, Outcome.INFO) and not blocks(
        CriterionKind.GATE, Outcome.PASS
    )
    assert blocks(CriterionKind.GATE, Outcome.FAIL) and blocks(CriterionKind.GATE, Outcome.PENDING)
    assert not blocks(CriterionKind.INFO, Outcome.FAIL)  # an information criterion never blocks


def test_form_building_blocks():
    import pydantic

    from core import Choice, Form, Text

    class Tenure(Choice):
        OWNED = "owned", "自有"
        LEASED = "leased", "租赁"

    class Premises(Form):
        tenure: Tenure
        address: Text

    schema = Premises.model_json_schema()["$defs"]["Tenure"]
    assert schema["enum"] == ["owned", "leased"] and schema["enumNames"] == ["自有", "租赁"]
    assert (
        Premises(tenure="leased", address=" 文三路 ").address == "文三路"
        and Tenure.LEASED.rank == 1
    )
    for bad in (
        {"tenure": "owned", "address": "  "},
        {"tenure": "owned", "address": "x", "extra": 1},
    ):
        with pytest.raises(pydantic.ValidationError):
            Premises.model_validate(bad)


def test_every_hook_is_listed_in_the_readme_with_its_arguments():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, hook in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("accredit_"):
            listed = f"`{name}({', '.join(inspect.signature(hook).parameters)})`"
            assert listed in readme, f"README.md must list {listed}"
