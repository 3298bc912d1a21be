"""A throwaway scheme exercising the contract: a gate, a judgment gate, a scored item, a cap of 2."""

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
    Judgment,
    OrgType,
    Parameters,
    Purpose,
    QuotaRule,
    RecognitionTerms,
    ReviewMode,
    Role,
    Round,
    Scheme,
    Stage,
    Status,
    Transition,
    Workflow,
    hookimpl,
    occupation_city_keys,
)
from core.counting import at_least
from core.parameters import Parameter

SCHEME_ID = "toy"
PARAMS = Parameters(
    {
        "min_trainees": Parameter(
            "min_trainees", "累计培训人数下限", "第一条", ((dt.date(2020, 1, 1), 100, "第一条"),)
        ),
        "cap": Parameter("cap", "每职业每市上限", "第二条", ((dt.date(2020, 1, 1), 2, "第二条"),)),
        "ban_years": Parameter(
            "ban_years", "取消后不得申报年限", "第三条", ((dt.date(2020, 1, 1), 3, "第三条"),)
        ),
        "notice_days": Parameter(
            "notice_days", "公示期（工作日）", "第四条", ((dt.date(2020, 1, 1), 0, "第四条"),)
        ),
    }
)


class ToyForm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    trainees: int = Field(ge=0, title="累计培训人数")


class CaseForm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, title="理由")


def _trainees(facts) -> Finding:
    p = facts.params["min_trainees"]
    return Finding.compare(
        at_least(facts.form.trainees, p.value, "人"),
        actual=facts.form.trainees,
        field=("trainees",),
        parameter=p,
        label="累计培训人数",
    )


RECOGNITION = Workflow(
    stages=(
        Stage("draft", "草稿", Status.DRAFT, Role.APPLICANT, editable=True),
        Stage("review", "市级审核", Status.IN_REVIEW, Role.CITY_REVIEWER, panel=Role.EXPERT),
        Stage("notice", "公示", Status.PUBLIC_NOTICE, Role.CITY_REVIEWER),
        Stage("granted", "已认定", Status.APPROVED),
        Stage("rejected", "不予认定", Status.REJECTED),
    ),
    transitions=(
        Transition("submit", "提交", "draft", "review", Role.APPLICANT, submits=True),
        Transition("score", "评分", "review", "review", Role.EXPERT, review=ReviewMode.REQUIRED),
        Transition(
            "approve",
            "审核通过",
            "review",
            "notice",
            Role.CITY_REVIEWER,
            review=ReviewMode.OPTIONAL,
            requires_gates=True,
            requires_judgment=True,
        ),
        Transition(
            "reject", "不予认定", "review", "rejected", Role.CITY_REVIEWER, comment_required=True
        ),
        Transition(
            "return", "退回修改", "review", "draft", Role.CITY_REVIEWER, comment_required=True
        ),
        Transition(
            "grant",
            "公示无异议，予以认定",
            "notice",
            "granted",
            Role.CITY_REVIEWER,
            effect=Effect.GRANT,
            min_working_days_in_stage="notice_days",
        ),
    ),
    initial="draft",
)

REVOCATION = Workflow(
    stages=(
        Stage("draft", "立案", Status.DRAFT, Role.CITY_REVIEWER, editable=True),
        Stage("revoked", "已取消", Status.CLOSED),
    ),
    transitions=(
        Transition(
            "revoke",
            "取消认定",
            "draft",
            "revoked",
            Role.CITY_REVIEWER,
            effect=Effect.REVOKE,
            comment_required=True,
        ),
    ),
    initial="draft",
)


FOLLOW_UP = Workflow(
    stages=(
        Stage("open", "办理", Status.IN_REVIEW, Role.PROVINCE_REVIEWER),
        Stage("done", "办结", Status.CLOSED),
    ),
    transitions=(
        Transition(
            "promote",
            "升级为省级（替换原认定）",
            "open",
            "done",
            Role.PROVINCE_REVIEWER,
            effect=Effect.SUPERSEDE,
        ),
        Transition(
            "renew", "延续有效期", "open", "done", Role.PROVINCE_REVIEWER, effect=Effect.RENEW
        ),
        Transition(
            "suspend", "暂停", "open", "open", Role.PROVINCE_REVIEWER, effect=Effect.SUSPEND
        ),
        Transition(
            "reinstate", "恢复", "open", "open", Role.PROVINCE_REVIEWER, effect=Effect.REINSTATE
        ),
    ),
    initial="open",
)


@hookimpl
def accredit_schemes():
    return [
        Scheme(
            id=SCHEME_ID,
            title="示例认定",
            document_number="示〔2020〕1号",
            authority="示例局",
            jurisdiction="330100",
            effective_from=dt.date(2020, 1, 1),
            version="1",
            parameters=PARAMS,
            recognition_title="示例机构",
            ban_parameter="ban_years",
        )
    ]


@hookimpl
def accredit_rounds(scheme):
    if scheme.id == SCHEME_ID:
        return [Round("2026", "2026年度", dt.date(2026, 1, 1), dt.date(2026, 6, 30))]


@hookimpl
def accredit_application_kinds(scheme):
    if scheme.id == SCHEME_ID:
        return [
            ApplicationKind("recognition", "认定申请", ToyForm, RECOGNITION),
            ApplicationKind(
                "revocation",
                "取消认定",
                CaseForm,
                REVOCATION,
                purpose=Purpose.CONCERNS_RECOGNITION,
                initiator=Role.CITY_REVIEWER,
            ),
            ApplicationKind(
                "follow_up",
                "后续管理",
                CaseForm,
                FOLLOW_UP,
                purpose=Purpose.CONCERNS_RECOGNITION,
                initiator=(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER),
            ),
        ]


@hookimpl
def accredit_criteria(scheme):
    if scheme.id == SCHEME_ID:
        return [
            Criterion(
                "trainees",
                "培训规模",
                "第一条",
                CriterionKind.GATE,
                EvaluationMode.AUTOMATIC,
                check=_trainees,
            ),
            Criterion(
                "teachers",
                "师资",
                "第五条",
                CriterionKind.GATE,
                EvaluationMode.JUDGMENT,
                guidance="一定数量",
            ),
            Criterion(
                "quality",
                "培训质量",
                "第六条",
                CriterionKind.SCORED,
                EvaluationMode.JUDGMENT,
                max_points=10,
            ),
        ]


@hookimpl
def accredit_examples(scheme):
    if scheme.id == SCHEME_ID:
        return [
            Example(
                "通过认定的示例",
                "recognition",
                {"trainees": 150},
                ("A",),
                "2026",
                steps=(
                    ExampleStep("submit", Role.APPLICANT),
                    ExampleStep("score", Role.EXPERT, judgments=(Judgment("quality", points=8),)),
                    ExampleStep(
                        "approve",
                        Role.CITY_REVIEWER,
                        judgments=(Judgment("teachers", passed=True),),
                    ),
                    ExampleStep("grant", Role.CITY_REVIEWER),
                ),
            ),
            Example(
                "不符合条件的示例",
                "recognition",
                {"trainees": 10},
                ("A",),
                "2026",
                steps=(ExampleStep("submit", Role.APPLICANT),),
                institution_name="杭州另一示范有限公司",
            ),
        ]


@hookimpl
def accredit_recognition_terms(context, serial):
    if context.scheme.id != SCHEME_ID:
        return None
    if context.kind.id == "follow_up":  # promoted or renewed: valid one more year
        level = "省级" if context.transition.id == "promote" else "市级"
        return RecognitionTerms(
            f"{level}示例机构（{context.institution.name}）",
            code=f"TOY-P-{serial:03d}" if serial else None,
            valid_until=dt.date(context.today.year + 1, 12, 31),
        )
    return RecognitionTerms(
        f"示例机构（{context.institution.name}）",
        code=f"TOY-{context.institution.city_code}-{serial:03d}",
    )


@hookimpl
def accredit_quota_rules(scheme):
    if scheme.id == SCHEME_ID:
        return [
            QuotaRule(
                "per_occupation_city",
                "同一职业每市上限",
                "第二条",
                "cap",
                keys=occupation_city_keys,
                exempt=lambda inst: inst.org_type is OrgType.TECHNICIAN_COLLEGE,
            )
        ]
