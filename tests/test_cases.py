"""The shared harness for policy test cases kept as data (``tests/cases/<scheme>.yaml``).

Every case goes through the GraphQL API as a client would: it registers the institution the case
describes, then either pre-checks the form (the ``evaluate`` query, on the case's date) and
compares each named criterion's outcome, or, when the case has ``steps``, creates the application
and takes each step, comparing the refusal codes and the final stage. A case file looks like::

    scheme: hz_outsourcing
    plugin: plugins.hz_outsourcing.plugin   # the module registered for the run
    institution: {org_type: ENTERPRISE, division: "330106", registered_on: 2015-01-01}
    forms:                       # base forms by kind; a case's ``form`` is deep-merged over it
      recognition: {...}
    cases:
      - name: 培训从业时间恰好2年（以上含本数）
        article: 第六条（二）
        on: 2026-03-02
        form: {training_started_on: 2024-03-02}
        expect: {art6_2_training_years: pass, eligible: true}
      - name: ...
        steps:
          - {action: submit, role: applicant}
          - {action: grant, role: city_reviewer, errors: [QUOTA_EXCEEDED]}
        expect: {stage: notice}

``expect`` keys: a criterion id -> ``pass``/``fail``/``pending``/``info`` (or ``{outcome, points}``),
``eligible``, ``total``, ``grade``, ``passed``, ``errors`` (codes of a refused pre-check), ``stage``
and ``recognition`` (status of the institution's recognition under the scheme, after steps).
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import documents as doc
from tests.support.helpers import create, register

CASES = Path(__file__).parent / "cases"

DRY_RUN = """query($input: DryRunInput!) { evaluate(input: $input) {
  eligible results { criterionId outcome points rule values } assessment { total passed grade lines }
  errors { field code message } } }"""


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        spec = _on_key(yaml.safe_load(path.read_text(encoding="utf-8")))
        for index, case in enumerate(
            spec["cases"]
        ):  # each file's first case runs in the edit-test loop
            params.append(
                pytest.param(
                    spec,
                    case,
                    id=f"{path.stem}:{case['name']}",
                    marks=pytest.mark.fast if index == 0 else (),
                )
            )
    return params


def _on_key(value: Any) -> Any:
    """YAML 1.1 reads a bare ``on:`` key as the boolean True: give it back its name."""
    if isinstance(value, dict):
        return {("on" if key is True else key): _on_key(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_on_key(v) for v in value]
    return value


def merge(base: Any, change: Any) -> Any:
    """Deep merge for dicts; anything else in ``change`` replaces (``null`` deletes a key)."""
    if isinstance(base, dict) and isinstance(change, dict):
        out = copy.deepcopy(base)
        for key, value in change.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(out.get(key), value)
        return out
    return copy.deepcopy(change)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("spec, case", _load())
async def test_case(client_for, spec, case):
    on = str(case.get("on", spec.get("on", "2026-03-02")))
    gql = await client_for([importlib.import_module(spec["plugin"])], today=on)
    scheme, kind = spec["scheme"], case.get("kind", "recognition")
    facts = merge(spec.get("institution", {}), case.get("institution", {}))
    inst = await register(
        gql,
        name=facts.get("name", "杭州用例培训有限公司"),
        org_type=facts.get("org_type", "ENTERPRISE"),
        division=str(facts.get("division", "330106")),
        registered_on=str(facts.get("registered_on", "2015-01-01")),
    )
    form = _jsonable(merge(spec.get("forms", {}).get(kind, {}), case.get("form", {})))
    expect = dict(case.get("expect", {}))
    where = f"{case['name']}（{case.get('article', '')}）"

    if "steps" not in case:
        result = (
            await gql(
                DRY_RUN,
                {
                    "input": {
                        "institutionId": inst["id"],
                        "schemeId": scheme,
                        "kind": kind,
                        "form": form,
                        "occupations": case.get("occupations", []),
                        "on": on,
                    }
                },
            )
        )["evaluate"]
        if "errors" in expect:
            assert sorted(e["code"] for e in result["errors"]) == sorted(expect.pop("errors")), (
                where,
                result["errors"],
            )
        else:
            assert result["errors"] == [], (where, result["errors"])
        _check_results(where, expect, result["results"], result["assessment"], result["eligible"])
        return

    payload = await create(
        gql,
        inst["id"],
        scheme,
        form,
        kind=kind,
        occupations=case.get("occupations", []),
        role=case.get("initiator", "applicant"),
        **({"roundId": case["round"]} if "round" in case else {}),
    )
    assert payload["errors"] == [], (where, payload["errors"])
    app = payload["application"]
    for number, step in enumerate(case["steps"]):
        response = (
            await gql(
                doc.ACT,
                {
                    "input": {
                        "id": app["id"],
                        "expectedVersion": app["version"],
                        "action": step["action"],
                        "comment": step.get("comment", ""),
                        "judgments": [_camel(j) for j in step.get("judgments", [])],
                    }
                },
                role=step["role"],
                actor=step.get("actor") or f"{step['role']}-{number}",
            )
        )["actOnApplication"]  # one person per step (four eyes)
        got = [e["code"] for e in response["errors"]]
        assert got == step.get("errors", []), (where, step["action"], response["errors"])
        if not got:
            app = response["application"]
    state = (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]
    if "stage" in expect:
        assert state["stageId"] == expect.pop("stage"), where
    if "recognition" in expect:
        wanted = expect.pop("recognition")
        held = [
            r
            for r in (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
            if r["schemeId"] == scheme
        ]
        assert [r["status"].lower() for r in held] == ([wanted] if wanted else []), (where, held)
    _check_results(where, expect, state["criterionResults"], state["evaluation"], None)


def _camel(judgment: dict) -> dict:
    return {{"criterion": "criterionId"}.get(k, k): v for k, v in judgment.items()}


def _check_results(
    where: str, expect: dict, results: list[dict], assessment: dict | None, eligible: bool | None
) -> None:
    by_id = {r["criterionId"]: r for r in results}
    for key, wanted in expect.items():
        if key == "eligible":
            assert eligible is wanted, (where, [r for r in results if r["outcome"] == "FAIL"])
        elif key in ("total", "grade", "passed"):
            assert assessment is not None and assessment[key] == wanted, (where, key, assessment)
        else:
            assert key in by_id, (where, f"no result for criterion {key!r}", sorted(by_id))
            wanted = wanted if isinstance(wanted, dict) else {"outcome": wanted}
            got = by_id[key]
            assert got["outcome"].lower() == str(wanted["outcome"]).lower(), (where, key, got)
            if "points" in wanted:
                assert got["points"] == wanted["points"], (where, key, got)
