"""Stages and transitions of each application kind (ids are public API: keep them stable).

Transitions that must carry a reason (returns, rejections, revocations) record it as a review
(``ReviewMode.OPTIONAL`` + ``comment_required``), so the applicant can read why.
"""

from __future__ import annotations

from core.roles import Role
from core.workflow import Effect, ReviewMode, Stage, Status, Transition, Workflow, reasoned
from plugins.hz_outsourcing.guards import rectification_ordered, rectification_overdue

A, D, C, E = Role.APPLICANT, Role.DISTRICT_REVIEWER, Role.CITY_REVIEWER, Role.EXPERT
OPTIONAL, REQUIRED = ReviewMode.OPTIONAL, ReviewMode.REQUIRED


# 认定申请：第七条（区县初审）、第八条（市商务局审核、专家评审、公示）、第九条（公示无异议的予以认定）
RECOGNITION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "填报", Status.DRAFT, A, "第七条", editable=True),
        Stage("district_review", "区、县（市）商务部门初审", Status.IN_REVIEW, D, "第七条"),
        Stage("city_review", "杭州市商务局审核", Status.IN_REVIEW, C, "第八条"),
        Stage("expert_review", "专家评审", Status.IN_REVIEW, E, "第八条", panel=E),
        Stage("public_notice", "公示", Status.PUBLIC_NOTICE, C, "第八条"),
        Stage("recognized", "认定为杭州市服务外包人才培训机构", Status.APPROVED, None, "第九条"),
        Stage("rejected", "未予认定", Status.REJECTED),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ),
    transitions=(
        Transition("submit", "提交申请", "draft", "district_review", A, "第七条", submits=True),
        Transition("withdraw", "撤回", "draft", "withdrawn", A),
        Transition(
            "district_approve",
            "初审通过，报杭州市商务局",
            "district_review",
            "city_review",
            D,
            "第七条",
            review=OPTIONAL,
            requires_gates=True,
        ),
        reasoned("district_return", "退回修改", "district_review", "draft", D, "第七条"),
        reasoned("district_reject", "初审不通过", "district_review", "rejected", D, "第七条"),
        Transition(
            "city_forward",
            "审核通过，提交专家评审",
            "city_review",
            "expert_review",
            C,
            "第八条",
            review=OPTIONAL,
        ),
        reasoned("city_reject", "审核不通过", "city_review", "rejected", C, "第八条"),
        Transition(
            "expert_opinion",
            "记录专家评审意见",
            "expert_review",
            "expert_review",
            E,
            "第八条",
            review=REQUIRED,
        ),
        Transition(
            "expert_pass",
            "通过专家评审，进入公示",
            "expert_review",
            "public_notice",
            E,
            "第八条",
            review=REQUIRED,
            requires_judgment=True,
        ),
        reasoned(
            "expert_fail",
            "未通过专家评审",
            "expert_review",
            "rejected",
            E,
            "第八条",
            review=REQUIRED,
        ),
        Transition(
            "notice_no_objection",
            "公示无异议，予以认定",
            "public_notice",
            "recognized",
            C,
            "第九条",
            effect=Effect.GRANT,
            review=OPTIONAL,
        ),
        reasoned(
            "notice_objection_upheld",
            "公示异议成立，不予认定",
            "public_notice",
            "rejected",
            C,
            "第八条、第九条",
        ),
    ),
)


def _filing(
    review_stage: str,
    review_title: str,
    done: str,
    done_title: str,
    accept: str,
    accept_title: str,
    citation: str,
) -> Workflow:
    """Draft, one review by 杭州市商务局, accepted or returned for correction."""
    return Workflow(
        initial="draft",
        stages=(
            Stage("draft", "填报", Status.DRAFT, A, citation, editable=True),
            Stage(review_stage, review_title, Status.IN_REVIEW, C, citation),
            Stage(done, done_title, Status.CLOSED, None, citation),
        ),
        transitions=(
            Transition("submit", "报送", "draft", review_stage, A, citation, submits=True),
            Transition(accept, accept_title, review_stage, done, C, citation, review=OPTIONAL),
            reasoned("city_return", "退回修改", review_stage, "draft", C, citation),
        ),
    )


ANNUAL_REPORT = _filing(
    "city_review", "杭州市商务局审核", "accepted", "已接收", "accept", "接收", "第十二条"
)
PLAN_CHANGE = _filing(
    "city_filing", "杭州市商务局备案", "filed", "已备案", "file", "予以备案", "第十三条"
)

# 检查登记：第十四条 每两年检查登记一次；不符合有关规定的，限期整改，直至取消原认定。
# ``submits`` is deliberately False: an institution that no longer meets 第六条 must still be
# able to register for the check (the gates decide ``check_pass``, not the registration).
BIENNIAL_CHECK = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "填报检查登记", Status.DRAFT, A, "第十四条", editable=True),
        Stage("city_check", "杭州市商务局检查", Status.IN_REVIEW, C, "第十四条"),
        Stage("rectification", "限期整改", Status.IN_REVIEW, A, "第十四条", editable=True),
        Stage("passed", "检查登记通过", Status.CLOSED, None, "第十四条"),
        Stage("revoked", "取消原认定", Status.REJECTED, None, "第十四条"),
    ),
    transitions=(
        Transition("submit", "提交检查登记", "draft", "city_check", A, "第十四条"),
        Transition(
            "check_pass",
            "检查通过",
            "city_check",
            "passed",
            C,
            "第十四条",
            review=REQUIRED,
            requires_gates=True,
            requires_judgment=True,
        ),
        reasoned(
            "check_rectify",
            "责令限期整改",
            "city_check",
            "rectification",
            C,
            "第十四条",
            review=REQUIRED,
        ),
        Transition(
            "submit_rectification", "提交整改情况", "rectification", "city_check", A, "第十四条"
        ),
        reasoned(
            "check_revoke",
            "整改后仍不符合，取消原认定",
            "city_check",
            "revoked",
            C,
            "第十四条",
            effect=Effect.REVOKE,
            guards=(rectification_ordered,),
        ),
        reasoned(
            "revoke_overdue",
            "逾期未整改，取消原认定",
            "rectification",
            "revoked",
            C,
            "第十四条",
            effect=Effect.REVOKE,
            guards=(rectification_overdue,),
        ),
    ),
)

# 取消认定：第十五条（一）至（五）；三年内不得再次申报（core applies ``reapply_ban_years``）。
REVOCATION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "立案", Status.DRAFT, C, "第十五条", editable=True),
        Stage("decision", "作出决定", Status.IN_REVIEW, C, "第十五条"),
        Stage("revoked", "已取消认定", Status.CLOSED, None, "第十五条"),
        Stage("dismissed", "不予取消", Status.CLOSED, None, "第十五条"),
    ),
    transitions=(
        Transition("submit", "提请决定", "draft", "decision", C, "第十五条", submits=True),
        reasoned("revoke", "取消认定", "decision", "revoked", C, "第十五条", effect=Effect.REVOKE),
        reasoned("dismiss", "不予取消", "decision", "dismissed", C, "第十五条"),
        reasoned("decision_return", "退回补充", "decision", "draft", C, "第十五条"),
    ),
)
