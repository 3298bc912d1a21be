"""An out-of-tree accredit scheme: one recognition kind, draft -> review -> granted/rejected.

Only the public contract is used (``from core import ...``); the distribution registers this module
under the ``accredit.schemes`` entry-point group, which is all accredit needs to serve it.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from core import (
    ApplicationKind,
    Criterion,
    CriterionKind,
    Effect,
    EvaluationMode,
    Example,
    ExampleStep,
    Finding,
    Parameters,
    Role,
    Scheme,
    Stage,
    Status,
    Transition,
    Workflow,
    hookimpl,
)
from core.counting import at_least
from core.parameters import Parameter

SCHEME_ID = "example_outoftree"

PARAMETERS = Parameters(
    {
        "min_teachers": Parameter(
            "min_teachers", "专职教师人数下限", "第三条", ((dt.date(2024, 1, 1), 3, "第三条"),)
        ),
    }
)


class ExampleForm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    teachers: int = Field(ge=0, title="专职教师人数")
    summary: str = Field(default="", max_length=500, title="机构简介")


def _teachers(facts) -> Finding:
    p = facts.params["min_teachers"]
    return Finding.compare(
        at_least(facts.form.teachers, p.value, "人"),
        actual=facts.form.teachers,
        field=("teachers",),
        parameter=p,
        label="专职教师人数",
    )


WORKFLOW = Workflow(
    stages=(
        Stage("draft", "草稿", Status.DRAFT, Role.APPLICANT, editable=True),
        Stage("review", "审核", Status.IN_REVIEW, Role.CITY_REVIEWER, citation="第四条"),
        Stage("granted", "已认定", Status.APPROVED),
        Stage("rejected", "不予认定", Status.REJECTED),
    ),
    transitions=(
        Transition("submit", "提交", "draft", "review", Role.APPLICANT, submits=True),
        Transition(
            "grant",
            "予以认定",
            "review",
            "granted",
            Role.CITY_REVIEWER,
            citation="第四条",
            effect=Effect.GRANT,
            requires_gates=True,
        ),
        Transition(
            "reject",
            "不予认定",
            "review",
            "rejected",
            Role.CITY_REVIEWER,
            citation="第四条",
            comment_required=True,
        ),
    ),
    initial="draft",
)


@hookimpl
def accredit_schemes():
    return [
        Scheme(
            id=SCHEME_ID,
            title="示例培训机构认定（树外插件）",
            document_number="示例〔2024〕3号",
            authority="示例局",
            jurisdiction="330100",
            effective_from=dt.date(2024, 1, 1),
            version="1",
            parameters=PARAMETERS,
            recognition_title="示例认定培训机构",
            summary="An out-of-tree plugin used by accredit's tests.",
        )
    ]


@hookimpl
def accredit_application_kinds(scheme):
    if scheme.id == SCHEME_ID:
        return [
            ApplicationKind("recognition", "认定申请", ExampleForm, WORKFLOW, citation="第二条")
        ]


@hookimpl
def accredit_criteria(scheme):
    if scheme.id == SCHEME_ID:
        return [
            Criterion(
                "teachers",
                "师资",
                "第三条",
                CriterionKind.GATE,
                EvaluationMode.AUTOMATIC,
                check=_teachers,
            )
        ]


@hookimpl
def accredit_examples(scheme):
    if scheme.id == SCHEME_ID:
        return [
            Example(
                "予以认定的示例",
                "recognition",
                {"teachers": 4, "summary": "四名专职教师"},
                steps=(
                    ExampleStep("submit", Role.APPLICANT),
                    ExampleStep("grant", Role.CITY_REVIEWER),
                ),
            )
        ]
