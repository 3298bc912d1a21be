"""The nine application kinds: each form with its workflow (ids are public API).

Only the designation creates a recognition; everything else concerns it (teachers, classes, fees,
assessments, subsidies, the annual evaluation and supervision cases are filed under it).
"""

from __future__ import annotations

from core.roles import Role
from core.schemes import ApplicationKind, Purpose
from plugins.linan_training import forms, ids, workflow

CONCERNS = Purpose.CONCERNS_RECOGNITION

KINDS: tuple[ApplicationKind, ...] = (
    ApplicationKind(
        ids.DESIGNATION,
        "定点职业技能培训机构申请",
        forms.DesignationForm,
        workflow.DESIGNATION,
        Purpose.NEW_RECOGNITION,
        Role.APPLICANT,
        citation="第三条",
    ),
    ApplicationKind(
        ids.TEACHER,
        "培训师资库登记",
        forms.TeacherRegistrationForm,
        workflow.TEACHER,
        CONCERNS,
        Role.APPLICANT,
        citation="第五条",
    ),
    ApplicationKind(
        ids.CLASS_FILING,
        "办班备案",
        forms.ClassFilingForm,
        workflow.CLASS_FILING,
        CONCERNS,
        Role.APPLICANT,
        citation="第六条、第七条",
    ),
    ApplicationKind(
        ids.CLASS_CHANGE,
        "教学计划调整申请",
        forms.ClassChangeForm,
        workflow.CLASS_CHANGE,
        CONCERNS,
        Role.APPLICANT,
        citation="第六条",
    ),
    ApplicationKind(
        ids.FEE,
        "收费事前申请",
        forms.FeeApprovalForm,
        workflow.FEE_APPROVAL,
        CONCERNS,
        Role.APPLICANT,
        citation="第十二条",
    ),
    ApplicationKind(
        ids.EXAM,
        "鉴定申报",
        forms.ExamApplicationForm,
        workflow.EXAM_APPLICATION,
        CONCERNS,
        Role.APPLICANT,
        citation="第九条至第十一条",
    ),
    ApplicationKind(
        ids.SUBSIDY,
        "培训补贴申领",
        forms.SubsidyClaimForm,
        workflow.SUBSIDY_CLAIM,
        CONCERNS,
        Role.APPLICANT,
        citation="第十二条、第十三条",
    ),
    ApplicationKind(
        ids.ANNUAL,
        "年度督查考评",
        forms.AnnualEvaluationForm,
        workflow.ANNUAL_EVALUATION,
        CONCERNS,
        Role.APPLICANT,
        citation="第十四条、第十五条",
    ),
    ApplicationKind(
        ids.CASE,
        "监督检查案件",
        forms.SupervisionCaseForm,
        workflow.SUPERVISION_CASE,
        CONCERNS,
        Role.DISTRICT_REVIEWER,
        citation="第十五条、第十六条",
    ),
)
