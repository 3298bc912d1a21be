"""杭商务〔2021〕192号: the registry builds, and each 第六条 threshold holds at its boundary.

Given an application's facts, when a criterion is evaluated through the hook, then the finding
passes or fails exactly as the article reads (以上 includes the number itself).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from pydantic import ValidationError

from core.calendar import WorkingCalendar
from core.criteria import ApplicationSummary, Facts, Outcome
from core.engine.context import TransitionContext
from core.institutions import InstitutionFacts, OrgType
from core.periods import within_years
from core.plugins import get_plugin_manager
from core.recognitions import RecognitionFacts, RecognitionStatus
from core.registry import Registry
from core.scoring import Assessment, ReviewFacts
from core.workflow import Effect
from plugins.hz_outsourcing import plugin
from plugins.hz_outsourcing.forms import (
    AnnualReportForm,
    BiennialCheckForm,
    ManagementTopic,
    PlanChangeForm,
    RecognitionForm,
    RevocationForm,
)
from tests.plugins.hz_outsourcing_forms import VALID as VALID_FORM

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

ON = dt.date(2024, 6, 3)
CALENDAR = WorkingCalendar()
PM = get_plugin_manager(load_entrypoints=False, plugins=[plugin])
ENTRY = Registry(PM, CALENDAR).scheme("hz_outsourcing")
INSTITUTION = InstitutionFacts(
    id=1,
    name="杭州某某培训学校",
    credit_code="91350100M000100Y43",
    org_type=OrgType.PRIVATE_TRAINING_ENTERPRISE,
    division_code="330106",
    city_code="330100",
    registered_on=dt.date(2015, 1, 5),
)
RECOGNITION = {**VALID_FORM, "training_started_on": "2018-03-01"}  # well before ON


def evaluate(
    criterion_id: str,
    form,
    *,
    on: dt.date = ON,
    institution: InstitutionFacts = INSTITUTION,
    recognition: RecognitionFacts | None = None,
    history: tuple = (),
    kind: str = "recognition",
):
    facts = Facts(
        form=form,
        institution=institution,
        on=on,
        params=ENTRY.scheme.parameters.at(on),
        calendar=CALENDAR,
        kind=kind,
        recognition=recognition,
        history=history,
    )
    return PM.hook.accredit_evaluate_criterion(
        scheme=ENTRY.scheme, criterion=ENTRY.criteria[criterion_id], facts=facts
    )


def recognition(**changes) -> RecognitionForm:
    return RecognitionForm.model_validate({**RECOGNITION, **changes})


# -- start-up ---------------------------------------------------------------------------------


def test_registry_declares_scheme_kinds_and_workflows():
    scheme = ENTRY.scheme
    assert (scheme.document_number, scheme.jurisdiction, scheme.effective_from) == (
        "杭商务〔2021〕192号",
        "330100",
        dt.date(2021, 12, 20),
    )
    assert scheme.parameters.at(scheme.effective_from).value(scheme.ban_parameter) == 3
    assert list(ENTRY.kinds) == [
        "recognition",
        "annual_report",
        "plan_change",
        "biennial_check",
        "revocation",
    ]
    assert ENTRY.rounds == {} and ENTRY.quota_rules == {}
    transitions = {t.id: t for t in ENTRY.kinds["recognition"].workflow.transitions}
    assert {
        "submit",
        "withdraw",
        "district_approve",
        "district_return",
        "district_reject",
        "city_forward",
        "city_reject",
        "expert_pass",
        "expert_fail",
        "notice_no_objection",
        "notice_objection_upheld",
    } <= set(transitions)
    assert transitions["notice_no_objection"].effect is Effect.GRANT
    assert all(
        t.min_working_days_in_stage is None for t in transitions.values()
    )  # no notice period is set
    revoking = {
        kind: [t.id for t in k.workflow.transitions if t.effect is Effect.REVOKE]
        for kind, k in ENTRY.kinds.items()
    }
    assert revoking["biennial_check"] == ["check_revoke", "revoke_overdue"] and revoking[
        "revocation"
    ] == ["revoke"]
    for kind in ENTRY.kinds.values():
        kind.form.model_json_schema()  # published to the admin console


def test_hooks_ignore_other_schemes():
    other = replace(ENTRY.scheme, id="somewhere_else")
    assert plugin.accredit_application_kinds(scheme=other) is None
    assert plugin.accredit_criteria(scheme=other) is None


def test_every_criterion_cites_an_article():
    assert all(c.citation.startswith("第") for c in ENTRY.criteria.values())


# -- 第六条（一）基本条件 ---------------------------------------------------------------------------


def test_complete_application_passes_every_automatic_gate():
    form = recognition()
    outcomes = {
        cid: evaluate(cid, form).outcome
        for cid in (c.id for c in ENTRY.criteria_for("recognition"))
    }
    judged = {
        "art6_1_5_other_conditions",
        "art6_4_teachers",
        "art6_5_premises_adequacy",
        "art6_6_assessment_rigour",
        "art6_7_textbooks",
    }
    assert {cid for cid, o in outcomes.items() if o is Outcome.PENDING} == judged
    assert {cid for cid, o in outcomes.items() if o is Outcome.INFO} == {
        "art4_training_content",
        "art5_institution_type",
    }
    assert all(
        o is Outcome.PASS
        for cid, o in outcomes.items()
        if cid not in judged and not cid.startswith(("art4", "art5"))
    )


@pytest.mark.parametrize(
    ("city", "legal_person", "outcome", "field"),
    [
        ("330100", True, Outcome.PASS, ()),
        (
            "330200",
            True,
            Outcome.FAIL,
            (),
        ),  # registered in Ningbo: a fact of the institution record
        ("330100", False, Outcome.FAIL, ("independent_legal_person",)),
    ],
)
def test_art6_1_1_registered_in_hangzhou_as_legal_person(city, legal_person, outcome, field):
    finding = evaluate(
        "art6_1_1_registered_legal_person",
        recognition(independent_legal_person=legal_person),
        institution=replace(INSTITUTION, city_code=city, division_code=city[:4] + "02"),
    )
    assert (finding.outcome, finding.field) == (outcome, field)
    if city != "330100":
        assert "330200" in finding.rule


@pytest.mark.parametrize(
    ("criterion_id", "changes", "field"),
    [
        (
            "art6_1_2_business_qualification",
            {"business_qualifications": []},
            ("business_qualifications",),
        ),
        (
            "art6_1_2_business_qualification",
            {"business_in_operation": False},
            ("business_in_operation",),
        ),
        ("art6_1_3_clean_record", {"no_fiscal_arrears": False}, ("no_fiscal_arrears",)),
        (
            "art6_1_4_reports_and_inspections",
            {"attends_inspections": False},
            ("attends_inspections",),
        ),
        ("art6_5_premises_equipment", {"premises": None}, ("premises",)),
        ("art6_5_premises_equipment", {"equipment": []}, ("equipment",)),
        (
            "art6_6_assessment_certificates",
            {"issues_certificates": False},
            ("issues_certificates",),
        ),
        ("truthfulness_declaration", {"declaration_truthful": False}, ("declaration_truthful",)),
    ],
)
def test_declared_facts_gate_names_the_failing_field(criterion_id, changes, field):
    finding = evaluate(criterion_id, recognition(**changes))
    assert (finding.outcome, finding.field) == (Outcome.FAIL, field)


# -- 第六条（二）（三）thresholds, at the boundary ---------------------------------------------------


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (dt.date(2024, 3, 1), Outcome.PASS),  # 2 years exactly on the anniversary (以上 includes 2)
        (dt.date(2024, 2, 29), Outcome.FAIL),  # one day before
        (dt.date(2024, 3, 2), Outcome.PASS),
    ],
)
def test_art6_2_two_years_of_training(on, outcome):
    finding = evaluate(
        "art6_2_training_years", recognition(training_started_on="2022-03-01"), on=on
    )
    assert (finding.outcome, finding.field) == (outcome, ("training_started_on",))
    assert [(p.name, p.value, p.reference) for p in finding.parameters] == [
        ("min_training_years", 2, "第六条（二）")
    ]


@pytest.mark.parametrize(
    ("cumulative", "recent", "outcome"),
    [
        (500, 0, Outcome.PASS),
        (501, 0, Outcome.PASS),
        (499, 199, Outcome.FAIL),
        (499, 200, Outcome.PASS),  # either limb suffices
        (499, 201, Outcome.PASS),
    ],
)
def test_art6_3_training_scale(cumulative, recent, outcome):
    finding = evaluate(
        "art6_3_training_scale",
        recognition(trainees_cumulative=cumulative, trainees_recent_half_year=recent),
    )
    assert finding.outcome is outcome
    assert finding.values == {
        "trainees_cumulative": cumulative,
        "threshold_cumulative": 500,
        "trainees_recent_half_year": recent,
        "threshold_recent_half_year": 200,
    }
    assert {p.name for p in finding.parameters} == {
        "min_trainees_cumulative",
        "min_trainees_recent_half_year",
    }


def test_parameters_start_with_the_document():
    with pytest.raises(LookupError):
        evaluate("art6_3_training_scale", recognition(), on=dt.date(2021, 12, 19))


# -- 第六条（八）management rules --------------------------------------------------------------------


def test_art6_8_missing_management_topic_is_named():
    topics = [t.value for t in ManagementTopic if t is not ManagementTopic.FEES]
    finding = evaluate("art6_8_management_rules", recognition(management_rules_topics=topics))
    assert (finding.outcome, finding.field, finding.values) == (
        Outcome.FAIL,
        ("management_rules_topics",),
        {"missing": ["培训收费标准"]},
    )


# -- forms --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"unexpected": 1},  # extra="forbid"
        {"trainees_cumulative": -1},
        {
            "trainees_cumulative": 100,
            "trainees_recent_half_year": 101,
        },  # recent trainees are part of the total
        {"training_content": []},
        {"premises": {"address": " ", "area_m2": 10, "tenure": "owned"}},
    ],
)
def test_recognition_form_rejects_invalid_facts(changes):
    with pytest.raises(ValidationError):
        recognition(**changes)


def test_revocation_form_requires_ground_and_facts():
    RevocationForm(ground="fraud", facts="伪造培训人数")
    with pytest.raises(ValidationError):
        RevocationForm(ground="fraud", facts="   ")
    with pytest.raises(ValidationError):
        RevocationForm(ground="ground_6", facts="x")


# -- 第十二条 to 第十四条 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted_on", "outcome"),
    [
        (dt.date(2025, 3, 31), Outcome.PASS),  # chosen reading of 每年初: by 31 March inclusive
        (dt.date(2025, 4, 1), Outcome.FAIL),
    ],
)
def test_art12_annual_report_timeliness(submitted_on, outcome):
    form = AnnualReportForm(
        report_year=2025,
        plan={"planned_trainees": 300, "planned_courses": ["Java"]},
        previous_year={"trainees_trained": 280, "courses_delivered": 6, "certificates_issued": 250},
        declaration_truthful=True,
    )
    finding = evaluate("art12_report_on_time", form, on=submitted_on, kind="annual_report")
    assert finding.outcome is outcome
    assert finding.values["due_on"] == dt.date(2025, 3, 31)
    assert (
        ENTRY.criteria["art12_report_on_time"].kind.value == "info"
    )  # a late report is still received


@pytest.mark.parametrize(
    ("reference", "outcome"), [("", Outcome.FAIL), ("杭价费〔2024〕1号", Outcome.PASS)]
)
def test_art13_fee_change_needs_approval(reference, outcome):
    form = PlanChangeForm(
        plan_year=2025,
        change_summary="新增课程",
        revised_plan={"planned_trainees": 400},
        fees_changed=True,
        fee_approval_reference=reference,
        declaration_truthful=True,
    )
    assert evaluate("art13_fee_approval", form, kind="plan_change").outcome is outcome


def test_art14_check_cycle_counts_from_last_passed_check():
    held = RecognitionFacts(
        1, "hz_outsourcing", 1, RecognitionStatus.ACTIVE, (), dt.date(2022, 1, 10), None, None
    )
    check = ApplicationSummary(
        7,
        "biennial_check",
        "passed",
        "closed",
        {},
        (),
        dt.date(2024, 1, 5),
        dt.date(2024, 1, 20),
        dt.date(2024, 1, 20),
    )
    form = BiennialCheckForm.model_validate(RECOGNITION)
    due = evaluate(
        "art14_check_cycle", form, on=dt.date(2024, 1, 10), recognition=held, kind="biennial_check"
    )
    after_check = evaluate(
        "art14_check_cycle",
        form,
        on=dt.date(2024, 1, 25),
        recognition=held,
        history=(check,),
        kind="biennial_check",
    )
    assert (due.values["due"], after_check.values["due"]) == (True, False)


# -- transition guards (through core's refusal hook) ------------------------------------------------


def refusals(
    kind_id: str,
    transition_id: str,
    *,
    today: dt.date,
    form,
    stage_entered_on: dt.date = ON,
    reviews: tuple = (),
    ban_until: dt.date | None = None,
) -> list[str]:
    kind = ENTRY.kinds[kind_id]
    transition = next(t for t in kind.workflow.transitions if t.id == transition_id)
    context = TransitionContext(
        scheme=ENTRY.scheme,
        kind=kind,
        transition=transition,
        stage=kind.workflow.stage(transition.source),
        application_id=1,
        form=form,
        occupations=(),
        institution=INSTITUTION,
        role=transition.role,
        actor="t",
        today=today,
        params=ENTRY.scheme.parameters.at(today),
        calendar=CALENDAR,
        results=(),
        reviews=reviews,
        judgments=(),
        comment="整改后仍不符合第六条（三）",
        assessment=Assessment(),
        round=None,
        stage_entered_on=stage_entered_on,
        recognition=None,
        ban_until=ban_until,
    )
    return [
        e.message
        for errors in PM.hook.accredit_transition_refusals(context=context)
        for e in errors or ()
    ]


@pytest.mark.parametrize(
    ("today", "refused"),
    [(dt.date(2027, 3, 9), True), (dt.date(2027, 3, 10), True), (dt.date(2027, 3, 11), False)],
)
def test_art15_reapplication_ban_runs_three_years_from_revocation(today, refused):
    ban_until = within_years(
        dt.date(2024, 3, 10), ENTRY.scheme.parameters.at(today).value("reapply_ban_years")
    )
    messages = refusals(
        "recognition", "submit", today=today, form=recognition(), ban_until=ban_until
    )
    assert messages == (
        [
            "该机构的“杭州市服务外包人才培训机构”认定已被取消，至 2027-03-10（含当日）不得再次申报，"
            "2027-03-11 起方可申报（第十五条）"
        ]
        if refused
        else []
    )


def test_art14_check_revoke_needs_an_earlier_rectification_order():
    form = BiennialCheckForm.model_validate(RECOGNITION)
    ordered = ReviewFacts(
        "city",
        "city_reviewer",
        "city_check",
        "check_rectify",
        dt.datetime(2024, 5, 1),
        comment="限期整改",
    )
    assert [m[:4] for m in refusals("biennial_check", "check_revoke", today=ON, form=form)] == [
        "第十四条"
    ]
    assert not refusals("biennial_check", "check_revoke", today=ON, form=form, reviews=(ordered,))


@pytest.mark.parametrize(
    ("today", "refused"),
    [(dt.date(2024, 5, 30), True), (dt.date(2024, 5, 31), True), (dt.date(2024, 6, 1), False)],
)
def test_art14_revoke_overdue_only_after_the_rectification_deadline(today, refused):
    form = BiennialCheckForm.model_validate(
        RECOGNITION
    )  # ordered 2024-05-01: 30 days run to 2024-05-31
    assert (
        bool(
            refusals(
                "biennial_check",
                "revoke_overdue",
                today=today,
                form=form,
                stage_entered_on=dt.date(2024, 5, 1),
            )
        )
        is refused
    )
