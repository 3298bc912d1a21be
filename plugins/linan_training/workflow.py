"""Stages and transitions of each application kind (ids are public API: keep them stable).

区人力社保局 is ``DISTRICT_REVIEWER``; 区职建中心, which runs the assessments apart from the bureau
that supervises training (考培分离), is ``EXPERT``. Transitions that must carry a reason (returns,
refusals, sanctions, special consents) record it as a review the institution can read.
"""

from __future__ import annotations

from core.roles import Role
from core.workflow import Effect, Guard, ReviewMode, Stage, Status, Transition, Workflow, reasoned
from plugins.linan_training import guards as g
from plugins.linan_training.ids import (
    CANCELLED,
    CONFIRMED,
    DESIGNATED,
    FAILED,
    REGISTERED,
    REINSTATED,
    REVIEW,
)

A, D, CENTRE = Role.APPLICANT, Role.DISTRICT_REVIEWER, Role.EXPERT
OPTIONAL, REQUIRED = ReviewMode.OPTIONAL, ReviewMode.REQUIRED


def _bureau_decides(
    citation: str,
    done: Stage,
    decisions: tuple[Transition, ...],
    more_stages: tuple[Stage, ...] = (),
    more: tuple[Transition, ...] = (),
    refusable: bool = True,
) -> Workflow:
    """The institution drafts and submits; 区人力社保局 decides, returns for correction or (if ``refusable``) refuses."""
    return Workflow(
        initial="draft",
        stages=(
            Stage("draft", "填报", Status.DRAFT, A, citation, editable=True),
            Stage(REVIEW, "区人力社保局审核", Status.IN_REVIEW, D, citation),
            done,
            *more_stages,
            *(
                (Stage("rejected", "不予同意", Status.REJECTED, None, citation),)
                if refusable
                else ()
            ),
            Stage("withdrawn", "已撤回", Status.WITHDRAWN),
        ),
        transitions=(
            Transition("submit", "提交", "draft", REVIEW, A, citation, submits=True),
            Transition("withdraw", "撤回", "draft", "withdrawn", A, citation),
            *decisions,
            reasoned("return", "退回修改", REVIEW, "draft", D, citation),
            *(
                (reasoned("reject", "不予同意", REVIEW, "rejected", D, citation),)
                if refusable
                else ()
            ),
            *more,
        ),
    )


def _approve(target: str, title: str, citation: str, **kw) -> Transition:
    return Transition(
        "approve", title, REVIEW, target, D, citation, review=OPTIONAL, requires_gates=True, **kw
    )


# 第三条：区人力社保局根据场地、设施、设备、师资力量等，审批确定定点职业技能培训机构
DESIGNATION = _bureau_decides(
    "第三条",
    Stage(DESIGNATED, "确定为定点职业技能培训机构", Status.APPROVED, None, "第三条"),
    (
        Transition("inspect", "记录实地核查意见", REVIEW, REVIEW, D, "第三条", review=REQUIRED),
        _approve(
            DESIGNATED, "审批确定为定点机构", "第三条", requires_judgment=True, effect=Effect.GRANT
        ),
    ),
)

# 第五条：资格审查，建立培训师资库；登记的教师可被移出师资库
TEACHER = _bureau_decides(
    "第五条",
    Stage(REGISTERED, "已入培训师资库", Status.APPROVED, D, "第五条"),
    (_approve(REGISTERED, "资格审查合格，入培训师资库", "第五条", requires_judgment=True),),
    more_stages=(Stage("removed", "已移出培训师资库", Status.CLOSED, None, "第五条"),),
    more=(reasoned("remove", "移出培训师资库", REGISTERED, "removed", D, "第五条"),),
)


def _class_decisions(citation: str, target: str, *first: Guard) -> tuple[Transition, ...]:
    """Approval of a plan: ordinary, or with the bureau's consent to a special case (第七条)."""
    return (
        _approve(
            target, "审核同意", citation, requires_judgment=True, guards=(*first, g.standard_class)
        ),
        reasoned(
            "approve_special",
            "同意特殊情况开班",
            REVIEW,
            target,
            D,
            "第七条",
            requires_gates=True,
            requires_judgment=True,
            guards=(*first, g.special_class),
        ),
    )


# 第六条：办班前3个工作日上报，经区人力社保局审核同意后方可培训
CLASS_FILING = _bureau_decides(
    "第六条",
    Stage("approved", "审核同意，可开班培训", Status.APPROVED, None, "第六条"),
    _class_decisions("第六条", "approved", g.class_not_started),
)

# 第六条：培训过程中不得擅自调整教学计划，确需调整的应及时提出申请
CLASS_CHANGE = _bureau_decides(
    "第六条",
    Stage("approved", "同意调整", Status.APPROVED, None, "第六条"),
    _class_decisions("第六条", "approved"),
)

# 第十二条：如需向学员收取费用的，必须事前申请，经核准后方可收费
FEE_APPROVAL = _bureau_decides(
    "第十二条",
    Stage("approved", "核准收费", Status.APPROVED, None, "第十二条"),
    (_approve("approved", "核准收费", "第十二条"),),
)

# 第十二条、第十三条：补助资金的结算、拨付
SUBSIDY_CLAIM = _bureau_decides(
    "第十二条、第十三条",
    Stage("approved", "审核同意，结算拨付", Status.APPROVED, None, "第十三条"),
    (_approve("approved", "审核同意，结算拨付", "第十三条"),),
)

# 第十四条、第十五条：年终督查考评，每年一次考评验审
ANNUAL_EVALUATION = _bureau_decides(
    "第十四条、第十五条",
    Stage("passed", "考评合格", Status.CLOSED, None, "第十五条"),
    (
        Transition("inspect", "记录督查意见", REVIEW, REVIEW, D, "第十四条", review=REQUIRED),
        _approve("passed", "考评合格", "第十五条", requires_judgment=True),
        reasoned("fail", "考评不合格", REVIEW, FAILED, D, "第十五条"),
    ),
    more_stages=(Stage(FAILED, "考评不合格", Status.REJECTED, None, "第十五条"),),
    refusable=False,
)

# 第九条至第十一条：鉴定申报，区职建中心组织考核、核准成绩
EXAM_APPLICATION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "填报鉴定申报", Status.DRAFT, A, "第九条", editable=True),
        Stage("centre_review", "区职建中心受理", Status.IN_REVIEW, CENTRE, "第九条"),
        Stage("assessment", "考核及成绩录入", Status.IN_REVIEW, CENTRE, "第十条", editable=True),
        Stage(CONFIRMED, "成绩已核准", Status.CLOSED, None, "第十一条"),
        Stage("rejected", "不予受理", Status.REJECTED, None, "第九条"),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ),
    transitions=(
        Transition(
            "submit",
            "鉴定申报",
            "draft",
            "centre_review",
            A,
            "第九条",
            submits=True,
            guards=(g.centre_fields_empty,),
        ),
        Transition("withdraw", "撤回", "draft", "withdrawn", A, "第九条"),
        Transition(
            "accept",
            "受理并组织考核",
            "centre_review",
            "assessment",
            CENTRE,
            "第九条",
            review=OPTIONAL,
            requires_gates=True,
        ),
        reasoned("centre_return", "退回修改", "centre_review", "draft", CENTRE, "第九条"),
        reasoned("centre_reject", "不予受理", "centre_review", "rejected", CENTRE, "第九条"),
        Transition(
            "confirm_results",
            "核准成绩",
            "assessment",
            CONFIRMED,
            CENTRE,
            "第十一条",
            review=OPTIONAL,
            requires_gates=True,
            guards=(g.results_complete,),
        ),
    ),
)

# 第十五条、第十六条：监督检查；限期整改、暂停、取消、恢复
_CASE = "第十六条"
SUPERVISION_CASE = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "立案", Status.DRAFT, D, _CASE, editable=True),
        Stage("decision", "调查处理", Status.IN_REVIEW, D, _CASE),
        Stage("rectification", "限期整改", Status.IN_REVIEW, A, _CASE),
        Stage("suspended", "定点资质暂停中", Status.IN_REVIEW, D, _CASE),
        Stage("rectified", "整改完成，结案", Status.CLOSED, None, _CASE),
        Stage("dismissed", "不予处理，结案", Status.CLOSED, None, _CASE),
        Stage(CANCELLED, "已取消定点资格", Status.CLOSED, None, _CASE),
        Stage(REINSTATED, "已恢复定点资质", Status.CLOSED, None, _CASE),
    ),
    transitions=(
        Transition("open", "立案", "draft", "decision", D, _CASE, submits=True),
        reasoned("amend", "退回补充", "decision", "draft", D, _CASE),
        reasoned(
            "order_rectification",
            "责令限期整改",
            "decision",
            "rectification",
            D,
            _CASE,
            guards=(g.sanction_allowed("order_rectification"),),
        ),
        reasoned("report_rectification", "报告整改情况", "rectification", "decision", A, _CASE),
        reasoned(
            "close_rectified",
            "整改完成，结案",
            "decision",
            "rectified",
            D,
            _CASE,
            guards=(g.rectification_reported,),
        ),
        reasoned(
            "suspend",
            "暂停定点资质",
            "decision",
            "suspended",
            D,
            _CASE,
            effect=Effect.SUSPEND,
            requires_gates=True,
            guards=(g.sanction_allowed("suspend"), g.designation_in_force),
        ),
        reasoned(
            "suspend_overdue",
            "逾期未整改，暂停定点资质",
            "rectification",
            "suspended",
            D,
            _CASE,
            effect=Effect.SUSPEND,
            guards=(g.rectification_overdue, g.designation_in_force),
        ),
        reasoned(
            "cancel",
            "取消定点资格",
            "decision",
            CANCELLED,
            D,
            _CASE,
            effect=Effect.REVOKE,
            requires_gates=True,
            guards=(g.sanction_allowed("cancel"),),
        ),
        reasoned(
            "cancel_suspended",
            "暂停期间取消定点资格",
            "suspended",
            CANCELLED,
            D,
            _CASE,
            effect=Effect.REVOKE,
            guards=(g.sanction_allowed("cancel"),),
        ),
        reasoned(
            "reinstate",
            "恢复定点资质",
            "suspended",
            REINSTATED,
            D,
            _CASE,
            effect=Effect.REINSTATE,
            guards=(g.designation_suspended,),
        ),
        reasoned("dismiss", "不予处理", "decision", "dismissed", D, _CASE),
    ),
)
