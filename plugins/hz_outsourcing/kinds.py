"""The five application kinds: each form with its workflow (ids are public API)."""

from __future__ import annotations

from core.roles import Role
from core.schemes import ApplicationKind, Purpose
from plugins.hz_outsourcing import forms, workflow

CONCERNS = Purpose.CONCERNS_RECOGNITION

KINDS: tuple[ApplicationKind, ...] = (
    # Applications are made 根据相关通知 (第七条) with no fixed calls: no round is needed.
    ApplicationKind(
        "recognition",
        "认定申请",
        forms.RecognitionForm,
        workflow.RECOGNITION,
        Purpose.NEW_RECOGNITION,
        Role.APPLICANT,
        needs_round=False,
        citation="第六条至第九条",
    ),
    ApplicationKind(
        "annual_report",
        "年度培训计划和完成情况报送",
        forms.AnnualReportForm,
        workflow.ANNUAL_REPORT,
        CONCERNS,
        Role.APPLICANT,
        citation="第十二条",
    ),
    ApplicationKind(
        "plan_change",
        "培训计划变更备案",
        forms.PlanChangeForm,
        workflow.PLAN_CHANGE,
        CONCERNS,
        Role.APPLICANT,
        citation="第十三条",
    ),
    ApplicationKind(
        "biennial_check",
        "检查登记",
        forms.BiennialCheckForm,
        workflow.BIENNIAL_CHECK,
        CONCERNS,
        Role.APPLICANT,
        citation="第十四条",
    ),
    ApplicationKind(
        "revocation",
        "取消认定",
        forms.RevocationForm,
        workflow.REVOCATION,
        CONCERNS,
        Role.CITY_REVIEWER,
        citation="第十五条",
    ),
)
