"""Stages and transitions of each application kind (ids are public API: keep them stable).

三（一）分级遴选 and “谁受理、谁评估” are modelled as two parallel paths after a shared acceptance
stage: ``accept_city`` is allowed only for organisations the city handles and ``accept_province``
only for those the province handles (guards), and from there each level evaluates, publishes and
files in stages of its own, so the role named on every later stage is the right one.
Transitions that must carry a reason (returns, refusals, revocations) record it as a review.
"""

from __future__ import annotations

from core.roles import Role
from core.workflow import Effect, ReviewMode, Stage, Status, Transition, Workflow, reasoned
from plugins.zj_evaluation_org.guards import (
    city_only,
    final_only,
    pilot_only,
    province_only,
    revocation_grounded,
    score_passed,
)

A, C, P, E = Role.APPLICANT, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.EXPERT
OPTIONAL, REQUIRED = ReviewMode.OPTIONAL, ReviewMode.REQUIRED
LEVELS = (("city", C, "设区市", city_only), ("province", P, "省", province_only))
NOTICE = "notice_working_days"


def _filing(citation: str, *, scored: bool) -> Workflow:
    """A filing (or an addition of occupations): accept, evaluate, publish 5 working days, file with a code."""
    stages = [
        Stage("draft", "填报", Status.DRAFT, A, "四（一）", editable=True),
        Stage(
            "acceptance",
            "受理（省级注册登记单位和省级备案组织由省技能人才评价管理服务中心，其他由设区市职业技能鉴定中心）",
            Status.IN_REVIEW,
            C,
            "三（一）、四（一）",
        ),
        Stage("filed", "已备案并赋码", Status.APPROVED, None, "四（四）"),
        Stage("rejected", "未予备案", Status.REJECTED, None, citation),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ]
    transitions = [
        Transition("submit", "提交申报", "draft", "acceptance", A, "四（一）", submits=True),
        Transition("withdraw", "撤回", "draft", "withdrawn", A),
    ]
    for level, role, name, guard in LEVELS:
        evaluation, notice = f"{level}_evaluation", f"{level}_notice"
        stages += [
            Stage(
                evaluation,
                f"{name}鉴定（评价）中心组织专家评估",
                Status.IN_REVIEW,
                role,
                "四（二）",
                panel=E,
            ),
            Stage(
                notice,
                f"{name}人力社保部门公示（5个工作日）",
                Status.PUBLIC_NOTICE,
                role,
                "四（三）",
            ),
        ]
        transitions += [
            Transition(
                f"accept_{level}",
                f"{name}受理",
                "acceptance",
                evaluation,
                role,
                "三（一）",
                review=OPTIONAL,
                requires_gates=True,
                guards=(guard,),
            ),
            reasoned(
                f"return_{level}",
                "退回补正材料",
                "acceptance",
                "draft",
                role,
                "四（一）",
                guards=(guard,),
            ),
            reasoned(
                f"refuse_{level}",
                "不予受理",
                "acceptance",
                "rejected",
                role,
                "一、二",
                guards=(guard,),
            ),
            Transition(
                f"expert_review_{level}",
                "专家实地察看、技术评估、逐项打分",
                evaluation,
                evaluation,
                E,
                "四（二）、附件2",
                review=REQUIRED,
            ),
            Transition(
                f"select_{level}",
                "择优确定，进入公示",
                evaluation,
                notice,
                role,
                "四（二）",
                review=OPTIONAL,
                requires_gates=True,
                requires_judgment=True,
                guards=(score_passed,) if scored else (),
            ),
            reasoned(
                f"not_selected_{level}",
                "未予确定",
                evaluation,
                "rejected",
                role,
                "四（二）、五（二）",
            ),
            Transition(
                f"file_{level}",
                "公示无异议，备案赋码",
                notice,
                "filed",
                role,
                "四（四）",
                effect=Effect.GRANT,
                review=OPTIONAL,
                min_working_days_in_stage=NOTICE,
            ),
            reasoned(
                f"objection_upheld_{level}",
                "公示异议成立，不予备案",
                notice,
                "rejected",
                role,
                "四（三）",
            ),
        ]
    return Workflow(tuple(stages), tuple(transitions), "draft")


RECOGNITION = _filing("一、二、附件1、附件2", scored=True)
ADD_OCCUPATIONS = _filing("二", scored=False)

# 三（三）：市级备案组织经一年试点，由市综合评估、择优向省推荐；省技能人才评价管理服务中心考核评估，
# 按程序（公示）报省厅备案后面向全省。``file_province`` supersedes the city filing: it ends (expired,
# its quota places released) and the province filing is granted in the same transaction, so the
# organisation is never without a filing and no other grant can take the place in between.
PROMOTION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "市级综合评估，拟向省推荐", Status.DRAFT, C, "三（三）", editable=True),
        Stage(
            "province_review",
            "省技能人才评价管理服务中心考核评估",
            Status.IN_REVIEW,
            P,
            "三（三）",
            panel=E,
        ),
        Stage(
            "province_notice", "省人力社保厅公示（5个工作日）", Status.PUBLIC_NOTICE, P, "四（三）"
        ),
        Stage(
            "filed",
            "已在省人力社保厅备案，面向全省（市级备案同时终止）",
            Status.APPROVED,
            None,
            "三（三）",
        ),
        Stage("not_promoted", "未予省级备案", Status.REJECTED, None, "三（三）"),
        Stage("withdrawn", "已撤回推荐", Status.WITHDRAWN),
    ),
    transitions=(
        Transition(
            "recommend", "择优向省推荐", "draft", "province_review", C, "三（三）", submits=True
        ),
        Transition("withdraw", "撤回推荐", "draft", "withdrawn", C),
        Transition(
            "expert_review",
            "专家考核评估",
            "province_review",
            "province_review",
            E,
            "三（三）",
            review=REQUIRED,
        ),
        Transition(
            "approve",
            "考核评估合格，进入公示",
            "province_review",
            "province_notice",
            P,
            "三（三）",
            review=OPTIONAL,
            requires_gates=True,
            requires_judgment=True,
        ),
        reasoned("return", "退回市人力社保部门", "province_review", "draft", P, "三（三）"),
        reasoned("decline", "考核评估不合格", "province_review", "not_promoted", P, "三（三）"),
        reasoned(
            "objection_upheld", "公示异议成立", "province_notice", "not_promoted", P, "四（三）"
        ),
        Transition(
            "file_province",
            "公示无异议，省级备案赋码（替换市级备案）",
            "province_notice",
            "filed",
            P,
            "三（三）、四（四）",
            effect=Effect.SUPERSEDE,
            review=OPTIONAL,
            min_working_days_in_stage=NOTICE,
        ),
    ),
)


def _assessment(role: Role, name: str) -> Workflow:
    """认定质量综合评估 / 专家评估（四（五）、二）或试点结束后综合评估（五（三））by the filing department.

    A pilot-period assessment passes (``pass``: the precondition for adding occupations) or not
    (``fail``: 督促整改); the final one either continues the filing (``continue``: 合格继续, RENEW
    lifts the pilot's end date) or ends it (``revoke``: 不合格取消试点资格), as does a 承诺书 breach.
    """
    return Workflow(
        initial="draft",
        stages=(
            Stage("draft", "拟定评估", Status.DRAFT, role, "四（五）、五（三）", editable=True),
            Stage(
                "assessing",
                f"{name}人力社保部门评估",
                Status.IN_REVIEW,
                role,
                "四（五）、五（三）",
                panel=E,
            ),
            Stage("passed", "评估合格（通过）", Status.CLOSED, None, "二、五（三）"),
            Stage("failed", "评估未通过，督促整改", Status.CLOSED, None, "五（三）"),
            Stage("revoked", "取消试点资格", Status.CLOSED, None, "五（三）、附件3 承诺书"),
            Stage("withdrawn", "已撤销", Status.WITHDRAWN),
        ),
        transitions=(
            Transition(
                "start", "开始评估", "draft", "assessing", role, "四（五）、五（三）", submits=True
            ),
            Transition("withdraw", "撤销", "draft", "withdrawn", role),
            Transition(
                "expert_opinion",
                "专家评估意见",
                "assessing",
                "assessing",
                E,
                "二、五（三）",
                review=REQUIRED,
            ),
            reasoned(
                "pass",
                "评估合格，出具评估报告",
                "assessing",
                "passed",
                role,
                "二、四（五）",
                guards=(pilot_only("五（三）：试点结束后的综合评估合格的，请执行“合格继续”"),),
            ),
            reasoned(
                "fail",
                "评估未通过，督促整改",
                "assessing",
                "failed",
                role,
                "五（三）",
                guards=(
                    pilot_only(
                        "五（三）：试点结束后综合评估不合格的，取消试点资格，请执行“取消试点资格”"
                    ),
                ),
            ),
            reasoned(
                "continue",
                "综合评估合格，继续开展（延续备案）",
                "assessing",
                "passed",
                role,
                "五（三）",
                effect=Effect.RENEW,
                guards=(final_only,),
            ),
            reasoned(
                "revoke",
                "取消试点资格",
                "assessing",
                "revoked",
                role,
                "五（三）、附件3 承诺书",
                effect=Effect.REVOKE,
                guards=(revocation_grounded,),
            ),
        ),
    )


CITY_ASSESSMENT = _assessment(C, "设区市")
PROVINCE_ASSESSMENT = _assessment(P, "省")


def _branch() -> Workflow:
    stages = [
        Stage("draft", "填报", Status.DRAFT, A, "三（二）", editable=True),
        Stage("review", "原备案的人力社保部门审核", Status.IN_REVIEW, C, "三（二）"),
        Stage("approved", "同意开设", Status.CLOSED, None, "三（二）"),
        Stage("refused", "不同意开设", Status.REJECTED, None, "三（二）"),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ]
    transitions = [
        Transition("submit", "提交", "draft", "review", A, "三（二）", submits=True),
        Transition("withdraw", "撤回", "draft", "withdrawn", A),
    ]
    for level, role, name, guard in LEVELS:
        transitions += [
            Transition(
                f"approve_{level}",
                f"{name}人力社保部门同意",
                "review",
                "approved",
                role,
                "三（二）",
                review=OPTIONAL,
                requires_gates=True,
                guards=(guard,),
            ),
            reasoned(
                f"refuse_{level}",
                f"{name}人力社保部门不同意",
                "review",
                "refused",
                role,
                "三（二）",
                guards=(guard,),
            ),
            reasoned(
                f"return_{level}", "退回修改", "review", "draft", role, "三（二）", guards=(guard,)
            ),
        ]
    return Workflow(tuple(stages), tuple(transitions), "draft")


BRANCH = _branch()
