"""Stages and transitions of the recognition (ids are public API: keep them stable).

三（一）the district organises the applications and 汇总申报 to the city by the round's deadline;
三（二）市综试办 pre-reviews, the experts score 附件1 and a site visit is made; 三（三）终审 by
综合评定, 公示, and recognition of those with no objection. Only the transitions that record
judgments have a review mode; on every other one core refuses judgments, while a comment given is
still kept with the step (and is required where a reason is owed to the applicant).
"""

from __future__ import annotations

from core.roles import Role
from core.workflow import Effect, ReviewMode, Stage, Status, Transition, Workflow, reasoned
from plugins.hz_crossborder.guards import panel_complete

A, D, C, E = Role.APPLICANT, Role.DISTRICT_REVIEWER, Role.CITY_REVIEWER, Role.EXPERT
NO_JUDGMENTS = ReviewMode.NONE  # returns and refusals owe a reason, but record no judgments


RECOGNITION = Workflow(
    initial="draft",
    stages=(
        Stage("draft", "填报申报表", Status.DRAFT, A, "三（一）；附件2", editable=True),
        Stage(
            "district_review",
            "区、县（市）跨境电商主管部门组织报名、汇总申报",
            Status.IN_REVIEW,
            D,
            "三（一）",
        ),
        Stage("prereview", "市综试办预审", Status.IN_REVIEW, C, "三（二）"),
        Stage(
            "expert_scoring", "专家按评价表打分", Status.IN_REVIEW, E, "三（二）；附件1", panel=E
        ),
        Stage("site_visit", "实地考察", Status.IN_REVIEW, C, "三（二）", panel=E),
        Stage("final_review", "终审（综合评定）", Status.IN_REVIEW, C, "三（三）"),
        Stage("public_notice", "公示", Status.PUBLIC_NOTICE, C, "三（三）"),
        Stage(
            "recognized", "认定为杭州跨境电商人才社会培训基地", Status.APPROVED, None, "三（三）"
        ),
        Stage("rejected", "未予认定", Status.REJECTED),
        Stage("withdrawn", "已撤回", Status.WITHDRAWN),
    ),
    transitions=(
        # The applicant's submission and the district's 汇总申报 both count as 申报 within the
        # round (submits=True): core refuses either after closes_on, naming the deadline.
        Transition(
            "submit",
            "报名（提交区、县（市）主管部门）",
            "draft",
            "district_review",
            A,
            "三（一）",
            submits=True,
        ),
        Transition("withdraw", "撤回", "draft", "withdrawn", A, "三（一）"),
        Transition(
            "district_forward",
            "汇总申报至市综试办",
            "district_review",
            "prereview",
            D,
            "三（一）",
            submits=True,
        ),
        reasoned(
            "district_return",
            "退回补充材料",
            "district_review",
            "draft",
            D,
            "三（一）",
            review=NO_JUDGMENTS,
        ),
        reasoned(
            "district_decline",
            "不予申报",
            "district_review",
            "rejected",
            D,
            "三（一）",
            review=NO_JUDGMENTS,
        ),
        Transition(
            "prereview_pass",
            "预审通过，提交专家打分",
            "prereview",
            "expert_scoring",
            C,
            "三（二）",
            review=ReviewMode.OPTIONAL,
            requires_judgment=True,
        ),
        reasoned("prereview_reject", "预审不通过", "prereview", "rejected", C, "三（二）"),
        Transition(
            "expert_score",
            "专家打分",
            "expert_scoring",
            "expert_scoring",
            E,
            "三（二）；附件1",
            review=ReviewMode.REQUIRED,
        ),
        Transition(
            "scoring_close",
            "打分完成，组织实地考察",
            "expert_scoring",
            "site_visit",
            C,
            "三（二）",
            guards=(panel_complete,),
        ),
        Transition(
            "expert_rescore",
            "专家根据实地考察调整打分",
            "site_visit",
            "site_visit",
            E,
            "三（二）；附件1",
            review=ReviewMode.REQUIRED,
        ),
        Transition(
            "site_visit_done",
            "实地考察完成，提交终审",
            "site_visit",
            "final_review",
            C,
            "三（二）",
            comment_required=True,
            guards=(panel_complete,),
        ),
        reasoned(
            "site_visit_reject",
            "实地考察不符，不予认定",
            "site_visit",
            "rejected",
            C,
            "三（二）",
            review=NO_JUDGMENTS,
        ),
        # 终审 follows a complete panel (checked when leaving the site visit); no score changes after it.
        Transition(
            "final_select", "终审入选，予以公示", "final_review", "public_notice", C, "三（三）"
        ),
        reasoned(
            "final_decline",
            "终审未入选",
            "final_review",
            "rejected",
            C,
            "三（三）",
            review=NO_JUDGMENTS,
        ),
        Transition(
            "notice_no_objection",
            "公示无异议，予以认定",
            "public_notice",
            "recognized",
            C,
            "三（三）",
            effect=Effect.GRANT,
            min_working_days_in_stage="notice_working_days",
        ),
        reasoned(
            "notice_objection_upheld",
            "公示异议成立，不予认定",
            "public_notice",
            "rejected",
            C,
            "三（三）",
            review=NO_JUDGMENTS,
        ),
    ),
)
