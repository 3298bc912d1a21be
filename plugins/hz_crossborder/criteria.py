"""The criteria of the 2021 call, each citing its section of the notice or its annex.

Four groups: automatic gates (:mod:`.eligibility`: 一 认定对象, the checkable parts of 二, a
complete 申报表); judgment gates decided by 市综试办 in its 预审 (what 二 leaves qualitative);
INFO criteria computing 附件1's numbers for the experts (:mod:`.indicators`); and the ten scored
items of 附件1 (:mod:`.rubric`), left to the experts' judgment.
"""

from __future__ import annotations

from core.criteria import Check, Criterion, CriterionKind, EvaluationMode
from plugins.hz_crossborder import eligibility as el
from plugins.hz_crossborder import indicators as ind
from plugins.hz_crossborder.rubric import ITEMS

GATE, INFO, SCORED = CriterionKind.GATE, CriterionKind.INFO, CriterionKind.SCORED


def _auto(
    id: str, title: str, citation: str, category: str, check: Check, kind: CriterionKind = GATE
) -> Criterion:
    return Criterion(
        id, title, citation, kind, EvaluationMode.AUTOMATIC, category=category, check=check
    )


def _judged(id: str, title: str, citation: str, category: str, guidance: str) -> Criterion:
    return Criterion(
        id, title, citation, GATE, EvaluationMode.JUDGMENT, category=category, guidance=guidance
    )


ELIGIBILITY: tuple[Criterion, ...] = (
    _auto("art1_registered_in_hangzhou", "在杭注册", "一", "认定对象", el.registered_in_hangzhou),
    _auto(
        "art1_independent_legal_person",
        "具有独立法人资格",
        "一",
        "认定对象",
        el.independent_legal_person,
    ),
    _auto(
        "art1_no_training_penalty",
        "无违反职业培训法律法规被处罚记录",
        "一",
        "认定对象",
        el.no_training_penalty,
    ),
    _auto(
        "art1_training_and_delivery_experience",
        "有跨境电商人才培训与输送经历",
        "一；二、3",
        "认定对象",
        el.training_and_delivery_experience,
    ),
    _auto(
        "art1_not_recognised_or_pending",
        "增补认定：尚未认定且无在办申请",
        "一；通知标题“增补认定”",
        "认定对象",
        el.not_recognised_or_pending,
    ),
    _auto(
        "art2_1_teaching_facilities",
        "教学场地或实训场地、教学设备和网络环境",
        "一；二、1",
        "基础条件",
        el.teaching_facilities,
    ),
    _auto(
        "art2_1_plan_and_summary",
        "跨境电商人才培训年度计划和总结",
        "二、1",
        "基础条件",
        el.plan_and_summary,
    ),
    _auto(
        "art2_1_management_team", "运营管理团队", "二、1；附件2 二", "基础条件", el.management_team
    ),
    _auto(
        "art2_2_full_time_lecturers",
        "3名及以上跨境电商专职讲师",
        "二、2；附件1 二、1",
        "专业匹配",
        el.full_time_lecturers,
    ),
    _auto(
        "annex2_activities_already_held",
        "所列活动已开展、荣誉已取得",
        "附件2 四至七",
        "申报材料",
        el.activities_already_held,
    ),
    _auto(
        "annex1_self_assessment_complete",
        "评价表自评分逐项填写",
        "附件1 自评分",
        "申报材料",
        el.self_assessment_complete,
    ),
    _auto("annex2_attestation", "申报单位承诺材料真实", "附件2 九", "申报材料", el.attestation),
)

PREREVIEW: tuple[Criterion, ...] = (
    _judged(
        "art1_declarations_verified",
        "认定对象的声明属实",
        "一",
        "认定对象",
        "对照营业执照等核实独立法人资格、在杭注册，是否属社会培训基地；核实无违反职业培训法律法规被处罚记录，"
        "培训与输送经历属实；表三中“长期合作”的专职讲师须有合作协议",
    ),
    _judged(
        "art2_1_basic_conditions",
        "财务状况良好，办公环境独立，运营管理团队健全",
        "二、1",
        "基础条件",
        "依据近三年净资产和注册资金、办公用房证明和管理运营团队名单，判断是否具有良好的财务状况、独立的办公环境和运营管理团队",
    ),
    _judged(
        "art2_2_curriculum_capability",
        "课程开发和建设能力；讲师具有一定学历和资质",
        "二、2",
        "专业匹配",
        "能否根据行业发展和需求独立设计课程体系、为创业者答疑解惑；专职讲师的学历和资质是否与跨境电商培训相称",
    ),
    _judged(
        "art2_3_delivery_capability",
        "培训项目与企业对接的能力和经验",
        "二、3",
        "人才输送",
        "依据表五及输送人才名单、参会企业名单，判断是否具有培训项目与企业对接、输送专业对口人才的能力和经验",
    ),
    _judged(
        "art2_4_brand_building",
        "开展品牌建设和创新",
        "二、4",
        "品牌建设",
        "依据表六，判断是否拓展创新性举措、进行基地品牌建设、开展创新培训模式及人才输送渠道",
    ),
    _judged(
        "art2_5_reputation_and_platforms",
        "品牌影响力、荣誉及与平台的长期合作",
        "二、5",
        "单位业绩",
        "依据表七、表八及平台合作协议，判断是否有一定品牌影响力、较好荣誉，并与跨境电商平台建立长期合作关系",
    ),
)

INDICATORS: tuple[Criterion, ...] = (
    _auto(
        "annex2_summary_figures",
        "讲师数量、本科及以上学历占比、管理人员和涉及平台数量",
        "附件2 一",
        "申报材料",
        ind.summary_figures,
        INFO,
    ),
    _auto(
        "annex1_venue_capacity",
        "培训场地至少能容纳20人",
        "附件1 一、1",
        "基础条件",
        ind.venue_capacity,
        INFO,
    ),
    _auto(
        "annex1_teaching_tools",
        "空调、电脑、网络、投影仪、白板等授课工具",
        "附件1 一、1",
        "基础条件",
        ind.teaching_tools,
        INFO,
    ),
    _auto(
        "annex1_net_assets_trend",
        "近三年平均资产增值",
        "附件1 一、3",
        "基础条件",
        ind.net_assets_trend,
        INFO,
    ),
    _auto(
        "annex1_office_area",
        "独立办公用房不小于20平方米",
        "附件1 一、4",
        "基础条件",
        ind.office_area,
        INFO,
    ),
    _auto(
        "annex1_lease_term",
        "租房合同、场地使用许可半年期以上",
        "附件1 一、4",
        "基础条件",
        ind.lease_term,
        INFO,
    ),
    _auto(
        "annex1_lecturer_education",
        "讲师团队本科及以上学历",
        "附件1 二、1",
        "专业匹配",
        ind.lecturer_education,
        INFO,
    ),
    _auto(
        "annex1_training_total",
        "历年组织人才培训总人次超过1000以上",
        "附件1 三、1",
        "人才输送",
        ind.training_total,
        INFO,
    ),
    _auto(
        "annex1_cross_border_attendances",
        "跨境电商培训至少200人次",
        "附件1 三、1",
        "人才输送",
        ind.cross_border_attendances,
        INFO,
    ),
    _auto(
        "annex1_hours_per_session",
        "每期培训不少于20学时",
        "附件1 三、1",
        "人才输送",
        ind.hours_per_session,
        INFO,
    ),
    _auto(
        "annex2_qualifications_valid",
        "企业资质在有效期内",
        "附件2 八",
        "单位业绩",
        ind.qualifications_valid,
        INFO,
    ),
)

SCORED_ITEMS: tuple[Criterion, ...] = tuple(
    Criterion(
        item.criterion_id,
        item.title,
        item.citation,
        SCORED,
        EvaluationMode.JUDGMENT,
        category=item.category.title,
        max_points=item.max_points,
        guidance=item.standard,
    )
    for item in ITEMS
)

CRITERIA: tuple[Criterion, ...] = ELIGIBILITY + PREREVIEW + INDICATORS + SCORED_ITEMS
