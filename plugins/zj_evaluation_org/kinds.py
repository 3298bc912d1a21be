"""The application kinds: each form with its workflow (ids are public API).

Assessments are declared once per level: the department that assesses is the one that filed the
organisation (三（二）、四（五）), and every stage and transition names a single acting role, so one
kind started by either level would need each transition twice (per level, guarded) and a draft
only one level could edit; two kinds keep ``start``/``pass``/``continue``/``revoke`` for both.
"""

from __future__ import annotations

from core.roles import Role
from core.schemes import ApplicationKind, Purpose
from plugins.zj_evaluation_org import forms, workflow

CONCERNS = Purpose.CONCERNS_RECOGNITION

KINDS: tuple[ApplicationKind, ...] = (
    ApplicationKind(
        "recognition",
        "职业技能等级认定试点社会培训评价组织备案申报",
        forms.FilingForm,
        workflow.RECOGNITION,
        Purpose.NEW_RECOGNITION,
        Role.APPLICANT,
        needs_round=True,
        citation="一、二、三、四",
        occupations_from=forms.table_codes,
    ),
    ApplicationKind(
        "add_occupations",
        "新增职业（工种）",
        forms.AdditionForm,
        workflow.ADD_OCCUPATIONS,
        CONCERNS,
        Role.APPLICANT,
        citation="二",
        occupations_from=forms.table_codes,
    ),
    ApplicationKind(
        "promotion",
        "向省推荐申请备案（面向全省）",
        forms.PromotionForm,
        workflow.PROMOTION,
        CONCERNS,
        Role.CITY_REVIEWER,
        citation="三（三）",
    ),
    ApplicationKind(
        "city_assessment",
        "设区市组织的评估",
        forms.AssessmentForm,
        workflow.CITY_ASSESSMENT,
        CONCERNS,
        Role.CITY_REVIEWER,
        citation="二、四（五）、五（三）",
    ),
    ApplicationKind(
        "province_assessment",
        "省组织的评估",
        forms.AssessmentForm,
        workflow.PROVINCE_ASSESSMENT,
        CONCERNS,
        Role.PROVINCE_REVIEWER,
        citation="二、四（五）、五（三）",
    ),
    ApplicationKind(
        "branch",
        "新开设评价分支机构",
        forms.BranchForm,
        workflow.BRANCH,
        CONCERNS,
        Role.APPLICANT,
        citation="三（二）",
    ),
)
