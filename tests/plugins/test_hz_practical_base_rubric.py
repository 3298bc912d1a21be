"""杭人社发〔2023〕115号: the declarations hold together, 附件3's maxima add up, and the readings
kept as parameters switch as the README says.

Given facts or evaluated results, when a check or the aggregation runs, then it reads as the
document does; the alternative readings are exercised by replacing one dated parameter.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import pytest

from core.calendar import WorkingCalendar
from core.criteria import CriterionKind, CriterionResult, EvaluationMode, Facts, Outcome
from core.institutions import InstitutionFacts, OrgType
from core.parameters import Parameter, Parameters
from core.plugins import get_plugin_manager
from core.registry import Registry
from core.scoring import Judgment, ReviewFacts
from plugins.hz_practical_base import aggregation, plugin
from plugins.hz_practical_base.assessment_form import AssessmentForm
from plugins.hz_practical_base.forms import RecognitionForm
from tests.plugins.hz_practical_base_forms import ASSESSMENT, SCHOOL, form

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

ON = dt.date(2026, 3, 2)
CALENDAR = WorkingCalendar()
PM = get_plugin_manager(load_entrypoints=False, plugins=[plugin])
ENTRY = Registry(PM, CALENDAR).scheme("hz_practical_base")
COLLEGE = InstitutionFacts(
    id=1,
    name="杭州某技师学院",
    credit_code="x",
    org_type=OrgType.TECHNICIAN_COLLEGE,
    division_code="330106",
    city_code="330100",
    registered_on=dt.date(2004, 9, 1),
)


def _params(**overrides) -> Parameters:
    """The scheme's parameters with some values replaced from the effective date."""
    params = {p.name: p for p in ENTRY.scheme.parameters}
    for name, value in overrides.items():
        params[name] = Parameter(
            name, "test", "test", ((ENTRY.scheme.effective_from, value, "test"),)
        )
    return Parameters(params)


def evaluate(criterion_id: str, model, *, kind: str, params: Parameters | None = None):
    facts = Facts(
        form=model,
        institution=COLLEGE,
        on=ON,
        params=(params or ENTRY.scheme.parameters).at(ON),
        calendar=CALENDAR,
        kind=kind,
    )
    return PM.hook.accredit_evaluate_criterion(
        scheme=ENTRY.scheme, criterion=ENTRY.criteria[criterion_id], facts=facts
    )


def test_scheme_metadata_and_every_parameter_dated_from_the_effective_date():
    scheme = ENTRY.scheme
    assert (
        scheme.document_number,
        scheme.jurisdiction,
        scheme.effective_from,
        scheme.ban_parameter,
    ) == ("杭人社发〔2023〕115号", "330100", dt.date(2024, 1, 20), None)
    assert list(ENTRY.kinds) == ["recognition", "biennial_assessment"]
    assert all(p.history[0][0] == scheme.effective_from and p.reference for p in scheme.parameters)


def test_annex3_item_and_category_maxima():
    scored = [c for c in ENTRY.criteria.values() if c.kind is CriterionKind.SCORED]
    assert len(scored) == 14 and all(c.kinds == ("biennial_assessment",) for c in scored)
    by_category = Counter()
    for criterion in scored:
        by_category[criterion.category] += criterion.max_points
    assert dict(by_category) == {
        "基本建设": 40,
        "制度建设": 10,
        "实训管理": 20,
        "公共服务": 30,
        "加分项目": 20,
    }
    judged = sorted(
        int(c.citation.removeprefix("附件3 第").removesuffix("项"))
        for c in scored
        if c.mode is EvaluationMode.JUDGMENT
    )
    assert judged == [2, 6, 7, 8, 10, 11]  # exactly the rows whose 评分标准 says 酌情扣分


@pytest.mark.parametrize(
    "counts, lowest, average",
    [
        ((300, 301), 10, 20),  # average 300.5 exceeds 300
        ((0, 2000), 0, 20),  # a year without service: 0 on the lowest-year reading
        ((1500, 1502), 20, 30),  # average 1501
        ((0, 0), 0, 0),
    ],
)
def test_public_service_year_basis_is_a_named_reading(counts, lowest, average):
    years = [{"year": y, "external_service_person_times": n} for y, n in zip((2024, 2025), counts)]
    model = AssessmentForm.model_validate(form(ASSESSMENT, years=years))
    assert evaluate("annex3_12_public_service", model, kind="biennial_assessment").points == lowest
    alternative = _params(public_service_year_basis="average")
    assert (
        evaluate(
            "annex3_12_public_service", model, kind="biennial_assessment", params=alternative
        ).points
        == average
    )


def test_leased_office_is_accepted_only_under_the_other_reading():
    leased = {"address": "杭州市某路1号", "area_m2": 80, "tenure": "leased"}
    model = RecognitionForm.model_validate(form(SCHOOL, office=leased))
    assert evaluate("art2_2_2_own_office", model, kind="recognition").outcome is Outcome.FAIL
    assert (
        evaluate(
            "art2_2_2_own_office",
            model,
            kind="recognition",
            params=_params(office_lease_accepted=True),
        ).outcome
        is Outcome.PASS
    )


def test_training_scale_is_relaxed_only_if_the_parameter_lists_it():
    standards = {
        **SCHOOL["school_standards"],
        "annual_trainees": 300,
        "shortage_major": True,
        "shortage_major_reason": "紧缺",
    }
    model = RecognitionForm.model_validate(form(SCHOOL, school_standards=standards))
    assert evaluate("annex1_1_1_training_scale", model, kind="recognition").outcome is Outcome.FAIL
    wider = _params(
        shortage_major_relaxed_standards=["enrolment", "employment_rate", "training_scale"]
    )
    assert (
        evaluate("annex1_1_1_training_scale", model, kind="recognition", params=wider).outcome
        is Outcome.PENDING
    )
    assert (
        evaluate("annex1_standards", model, kind="recognition", params=wider).outcome
        is Outcome.PASS
    )


def _results(**overrides) -> list[CriterionResult]:
    """Evaluated results of the full assessment form, as core would hand them to the aggregation."""
    model = AssessmentForm.model_validate(form(ASSESSMENT, **overrides))
    out = []
    for criterion in ENTRY.criteria_for("biennial_assessment"):
        finding = evaluate(criterion.id, model, kind="biennial_assessment")
        out.append(
            CriterionResult(
                criterion.id,
                criterion.title,
                criterion.citation,
                criterion.kind,
                criterion.mode,
                finding.outcome,
                finding.rule,
                dict(finding.values),
                finding.points,
                criterion.max_points,
            )
        )
    return out


def _panel(*points_by_expert: dict[str, float]) -> list[ReviewFacts]:
    return [
        ReviewFacts(
            f"expert-{i}",
            "expert",
            "expert_assessment",
            "expert_score",
            None,
            tuple(Judgment(c, points=p) for c, p in points.items()),
        )
        for i, points in enumerate(points_by_expert)
    ]


FULL = {
    "annex3_02_equipment": 15,
    "annex3_06_operating_rules": 4,
    "annex3_07_process": 3,
    "annex3_08_job_duties": 3,
    "annex3_10_statistics": 10,
    "annex3_11_ledger": 5,
}


def test_grade_is_decided_on_exact_decimals():
    # 60 automatic + 29.99 from the panel: 89.99 is 良好, not rounded into 优秀
    assessed = aggregation.assess(
        _results(), _panel({**FULL, "annex3_02_equipment": 4.99, "annex3_10_statistics": 10})
    )
    assert (assessed.total, assessed.grade, assessed.passed) == (89.99, "良好", True)
    # 0.1 + 0.2 style drift: 14.1 + 3.2 + ... must add up exactly
    assessed = aggregation.assess(
        _results(), _panel({**FULL, "annex3_02_equipment": 14.1, "annex3_07_process": 2.9})
    )
    assert assessed.total == 99.0 and assessed.grade == "优秀"


def test_bound_from_the_facts_overrides_a_panel_score_recorded_earlier():
    assessed = aggregation.assess(_results(operating_rules=[]), _panel(FULL))
    assert assessed.total == 96.0
    assert any("第6项" in line and "不予采用" in line for line in assessed.lines)


def test_grade_without_bonus_under_the_other_reading():
    results = _results(
        public_welfare_services=[{"name": f"服务{i}", "held_on": "2025-01-02"} for i in range(5)]
    )
    bands = next(r for r in results if r.criterion_id == "art5_2_grade_bands")
    assert (
        aggregation.assess(results, _panel({**FULL, "annex3_10_statistics": 0})).grade == "优秀"
    )  # base 90 + bonus 10
    narrow = [
        replace(r, values={**r.values, "grade_includes_bonus": False}) if r is bands else r
        for r in results
    ]
    assessed = aggregation.assess(narrow, _panel({**FULL, "annex3_10_statistics": 0}))
    assert (assessed.total, assessed.maximum, assessed.grade) == (90.0, 100, "优秀")
    assessed = aggregation.assess(
        narrow, _panel({**FULL, "annex3_10_statistics": 0, "annex3_11_ledger": 4})
    )
    assert (assessed.total, assessed.grade) == (89.0, "良好")
