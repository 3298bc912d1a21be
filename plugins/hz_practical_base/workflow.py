"""Stages and transitions of the two application kinds (ids are public API: keep them stable).

Only the experts record judgments and scores: the city bureau's transitions take no judgments
(``ReviewMode.NONE``), and those that must carry a reason require a comment, which is kept as a
review so the applicant can read why.
"""

from __future__ import annotations

from core.roles import Role
from core.workflow import Effect, ReviewMode, Stage, Status, Transition, Workflow, reasoned
from plugins.hz_practical_base import guards

A, C, E = Role.APPLICANT, Role.CITY_REVIEWER, Role.EXPERT
REQUIRED = ReviewMode.REQUIRED
NO_JUDGMENTS = ReviewMode.NONE  # the bureau's reasons are required, but it records no judgments


# 申报认定：二（三）1 申报受理；2 专家现场考察和评估，拟定名单，公示无异议后授予名称和铭牌
RECOGNITION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "填报申报表", Status.DRAFT, A, "二（三）1", editable=True),
        Stage("city_acceptance", "市人力社保部门申报受理", Status.IN_REVIEW, C, "二（三）1"),
        Stage("expert_assessment", "专家现场考察和评估", Status.IN_REVIEW, E, "二（三）2", panel=E),
        Stage("shortlisting", "拟定分基地名单", Status.IN_REVIEW, C, "二（三）2"),
        Stage("public_notice", "公示", Status.PUBLIC_NOTICE, C, "二（三）2"),
        Stage("recognized", "授予名称和铭牌", Status.APPROVED, None, "二（三）2"),
        Stage("rejected", "未予认定", Status.REJECTED),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ),
    transitions=(
        Transition(
            "submit", "提交申报材料", "draft", "city_acceptance", A, "二（三）1", submits=True
        ),
        Transition("withdraw", "撤回", "draft", "withdrawn", A),
        Transition(
            "accept",
            "受理，组织专家现场考察",
            "city_acceptance",
            "expert_assessment",
            C,
            "二（三）1",
            requires_gates=True,
        ),
        reasoned(
            "return_for_correction",
            "退回补正",
            "city_acceptance",
            "draft",
            C,
            "二（三）1",
            review=NO_JUDGMENTS,
        ),
        reasoned(
            "not_accepted",
            "不予受理",
            "city_acceptance",
            "rejected",
            C,
            "二（三）1",
            review=NO_JUDGMENTS,
        ),
        Transition(
            "expert_opinion",
            "记录专家考察意见",
            "expert_assessment",
            "expert_assessment",
            E,
            "二（三）2",
            review=REQUIRED,
        ),
        Transition(
            "expert_pass",
            "专家评估通过",
            "expert_assessment",
            "shortlisting",
            E,
            "二（三）2",
            review=REQUIRED,
            requires_gates=True,
            requires_judgment=True,
        ),
        reasoned(
            "expert_fail",
            "专家评估未通过",
            "expert_assessment",
            "rejected",
            E,
            "二（三）2",
            review=REQUIRED,
        ),
        Transition(
            "shortlist", "列入拟认定名单，予以公示", "shortlisting", "public_notice", C, "二（三）2"
        ),
        reasoned(
            "not_shortlisted",
            "不列入拟认定名单",
            "shortlisting",
            "rejected",
            C,
            "二（三）2",
            review=NO_JUDGMENTS,
        ),
        Transition(
            "grant",
            "公示无异议，授予名称和铭牌",
            "public_notice",
            "recognized",
            C,
            "二（三）2",
            effect=Effect.GRANT,
        ),
        reasoned(
            "objection_upheld",
            "公示有异议且成立，不予认定",
            "public_notice",
            "rejected",
            C,
            "二（三）2",
            review=NO_JUDGMENTS,
        ),
    ),
)

# 考核评估：五（一）每两年组织专家考核评估；五（二）等级，不合格的撤销并摘牌；五（三）直接认定不合格
BIENNIAL_ASSESSMENT = Workflow(
    initial="self_report",
    stages=(
        Stage("self_report", "分基地填报考核材料", Status.DRAFT, A, "五（一）", editable=True),
        Stage(
            "city_verification",
            "市人力社保部门核实",
            Status.IN_REVIEW,
            C,
            "五（一）、五（三）",
            editable=True,
        ),
        Stage("expert_assessment", "专家考核评估", Status.IN_REVIEW, E, "五（一）、附件3", panel=E),
        Stage("decision", "确定考核结果", Status.IN_REVIEW, C, "五（二）"),
        Stage("passed", "考核合格及以上", Status.CLOSED, None, "五（二）"),
        Stage("revoked", "考核不合格，撤销并摘牌", Status.REJECTED, None, "五（二）"),
        Stage("cancelled", "已取消", Status.WITHDRAWN),
    ),
    transitions=(
        Transition(
            "submit_report",
            "提交考核材料",
            "self_report",
            "city_verification",
            A,
            "五（一）",
            submits=True,
        ),
        reasoned(
            "record_refusal",
            "分基地拒绝或未按期接受考核",
            "self_report",
            "city_verification",
            C,
            "五（三）1",
            review=NO_JUDGMENTS,
        ),
        reasoned(
            "cancel", "取消本次考核", "self_report", "cancelled", C, "五（一）", review=NO_JUDGMENTS
        ),
        reasoned(
            "return_report",
            "退回补正考核材料",
            "city_verification",
            "self_report",
            C,
            "五（一）",
            review=NO_JUDGMENTS,
        ),
        Transition(
            "forward_to_experts",
            "组织专家考核评估",
            "city_verification",
            "expert_assessment",
            C,
            "五（一）",
        ),
        reasoned(
            "conclude_without_scoring",
            "直接认定为不合格",
            "city_verification",
            "decision",
            C,
            "五（三）",
            guards=(guards.automatic_fail_recorded,),
            review=NO_JUDGMENTS,
        ),
        Transition(
            "expert_score",
            "专家评分",
            "expert_assessment",
            "expert_assessment",
            E,
            "附件3",
            review=REQUIRED,
        ),
        Transition(
            "experts_done",
            "完成专家考核评估",
            "expert_assessment",
            "decision",
            E,
            "附件3",
            review=ReviewMode.OPTIONAL,
            guards=(guards.all_items_scored,),
        ),
        Transition(
            "confirm_pass",
            "确认考核结果（合格及以上）",
            "decision",
            "passed",
            C,
            "五（二）",
            guards=(guards.grade_not_failing, guards.recognition_in_force),
        ),
        reasoned(
            "revoke",
            "考核不合格，撤销并摘牌",
            "decision",
            "revoked",
            C,
            "五（二）",
            effect=Effect.REVOKE,
            guards=(guards.grade_failing,),
            review=NO_JUDGMENTS,
        ),
        reasoned(
            "return_to_experts",
            "退回专家重新评估",
            "decision",
            "expert_assessment",
            C,
            "五（一）",
            review=NO_JUDGMENTS,
        ),
    ),
)
