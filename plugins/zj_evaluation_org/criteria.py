"""The criteria of 浙人社办发〔2020〕35号 and its annexes, each citing its article.

Automatic checks live in :mod:`.eligibility` (一、二), :mod:`.annex1` (附件1), :mod:`.scoring`
(附件2) and :mod:`.followup` (applications about a filing); what the text leaves to the experts is
a judgment gate (decided at the evaluation) or a scored judgment item of 附件2.
"""

from __future__ import annotations

from core.criteria import Check, Criterion, CriterionKind, EvaluationMode
from plugins.zj_evaluation_org import annex1, scoring
from plugins.zj_evaluation_org import eligibility as el
from plugins.zj_evaluation_org import followup as fu
from plugins.zj_evaluation_org.relaxation import GROUNDS

FILING = ("recognition",)
OCCUPATIONS = ("recognition", "add_occupations")  # the occupation tables of the 申报表
SITES = ("recognition", "add_occupations", "branch")  # site sheets and premises
CONCERNING = ("add_occupations", "promotion", "branch")  # need an active filing
GATE, SCORED, INFO = CriterionKind.GATE, CriterionKind.SCORED, CriterionKind.INFO


def _auto(
    id: str, title: str, citation: str, category: str, check: Check, kinds=FILING, kind=GATE
) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        kind,
        EvaluationMode.AUTOMATIC,
        category=category,
        kinds=kinds,
        check=check,
    )


def _judged(
    id: str, title: str, citation: str, category: str, guidance: str, kinds=FILING
) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        GATE,
        EvaluationMode.JUDGMENT,
        category=category,
        kinds=kinds,
        guidance=guidance,
    )


def _scored(
    id: str, title: str, citation: str, points: float, guidance: str, category=scoring.ITEMS_1_4
) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        SCORED,
        EvaluationMode.JUDGMENT,
        category=category,
        max_points=points,
        kinds=FILING,
        guidance=guidance,
    )


def _computed(id: str, title: str, citation: str, points: float, check: Check) -> Criterion:
    return Criterion(
        id,
        title,
        citation,
        SCORED,
        EvaluationMode.AUTOMATIC,
        category=scoring.ITEMS_1_4,
        max_points=points,
        kinds=FILING,
        check=check,
    )


ELIGIBILITY = (
    _auto(
        "art1_1_legal_person",
        "在我省依法登记的独立法人资格单位",
        "一（一）",
        "申报条件",
        el.legal_person,
    ),
    _auto("art1_1_org_type", "申报主体类别", "一（一）、五（二）", "申报条件", el.org_type),
    _auto(
        "art1_1_type_conditions",
        "申报主体类别条件（经历、规模、企业认定经验、协会评估等级）",
        "一（一）1-3、一 末段",
        "申报条件",
        el.type_conditions,
    ),
    _judged(
        "art1_1_type_conditions_verified",
        "类别条件属实；适用放宽的，放宽理由成立",
        "一（一）1-3、一 末段",
        "申报条件",
        "核实相关培训评价经历连续、规模人次、企业职工认定经验、协会评估等级证书；协会申报职业与机构性质密切相关，"
        "放宽到3A的地方特色产业或当地急需紧缺理由成立；art1_1_type_conditions 标明“放宽”的，判断所主张情形的佐证是否属实、"
        "是否同意适当放宽未达到的数量条件。均不涉及的判定为符合",
    ),
    _auto(
        "art1_1_credit", "社会信用良好，无严重违法违规和失信记录", "一（一）", "申报条件", el.credit
    ),
    _judged(
        "art1_1_credit_verified",
        "信用报告核查无不良记录",
        "一（一）、四（一）6",
        "申报条件",
        "核查信用报告或诚信承诺书，确认无严重违法违规和失信等不良行为记录",
    ),
    _auto(
        "art1_2_department_funding",
        "有专门机构和专项经费",
        "一（二）",
        "申报条件",
        el.department_and_funding,
    ),
    _judged(
        "art1_2_influence",
        "在拟开展评价的职业领域具有广泛的影响力",
        "一（二）",
        "申报条件",
        "依据培训评价业绩、获奖情况、行业认可度等判断",
    ),
    _auto(
        "art1_3_quality_nonprofit",
        "质量管控措施；社会效益优先",
        "一（三）",
        "申报条件",
        el.quality_and_nonprofit,
    ),
    _judged(
        "art1_3_quality_verified",
        "质量管控措施完善，不以营利为最终目的",
        "一（三）、四（一）3",
        "申报条件",
        "审阅试点工作方案及质量管控措施、收费安排",
    ),
    _auto("art1_4_supervision", "自愿接受监管", "一（四）", "申报条件", el.supervision),
    _auto(
        "art2_occupation_scope",
        "申报职业（工种）范围",
        "二",
        "申报职业（工种）",
        el.occupation_scope,
        kinds=OCCUPATIONS,
    ),
    _judged(
        "art2_scope_verified",
        "职业（工种）为技能类、非准入类，依据的标准或规范有效",
        "二",
        "申报职业（工种）",
        "核对职业编码与名称、是否准入类、国家职业技能标准或省人力社保厅公布的评价规范",
        kinds=OCCUPATIONS,
    ),
    _auto(
        "art2_occupation_count",
        "首次申报职业（工种）不超过3个（技师学院除外）",
        "二",
        "申报职业（工种）",
        el.occupation_count,
    ),
    _auto(
        "art3_1_accepting_level",
        "受理和评估部门",
        "三（一）、四（二）",
        "遴选管理",
        el.accepting_level,
    ),
    _auto("art4_1_materials", "申报材料", "四（一）", "申报材料", el.materials),
    _auto(
        "annex3_identity",
        "工作人员、专家身份信息",
        "附件3",
        "申报材料",
        el.identity,
        kinds=OCCUPATIONS,
    ),
    _auto("annex3_commitment", "承诺书", "附件3 承诺书", "申报材料", el.commitment),
)

ANNEX1 = (
    *(
        _auto(id, f"{post.duty.label}配置", citation, "附件1 人员配置", annex1.post_check(post))
        for id, (citation, post) in annex1.POSTS.items()
    ),
    _auto(
        "annex1_1_8_expert_bank",
        "专家库（每职业不少于20人）",
        "附件1 一、8（1）",
        "附件1 人员配置",
        annex1.expert_bank,
        kinds=OCCUPATIONS,
    ),
    _auto(
        "annex1_1_8_examiners",
        "考评人员（每职业不少于10人，自有3人以上）",
        "附件1 一、8（2）",
        "附件1 人员配置",
        annex1.examiners,
        kinds=OCCUPATIONS,
    ),
    _auto("annex1_2_1_office", "办公室用房", "附件1 二、1", "附件1 场地设备", annex1.office),
    _auto(
        "annex1_2_2_theory_site",
        "理论知识考试场地",
        "附件1 二、2",
        "附件1 场地设备",
        annex1.theory_site,
        kinds=SITES,
    ),
    _auto(
        "annex1_2_3_practical_site",
        "实际操作技能考试场地",
        "附件1 二、3",
        "附件1 场地设备",
        annex1.practical_site,
        kinds=SITES,
    ),
    _auto(
        "annex1_2_4_testing",
        "检测场地、设备",
        "附件1 二、4",
        "附件1 场地设备",
        annex1.testing_site,
        kinds=SITES,
    ),
    _auto(
        "annex1_2_tenure",
        "场地自有或租期5年及以上",
        "附件1 二 末段、四（一）5",
        "附件1 场地设备",
        annex1.tenure,
        kinds=SITES,
    ),
    _auto("annex1_3_rules", "管理制度", "附件1 三", "附件1 管理制度", annex1.rules),
    _auto(
        "annex1_4_records", "评价依据和近5年档案资料", "附件1 四", "附件1 评价依据", annex1.records
    ),
    _auto(
        "annex1_5_profile",
        "申报单位基本情况",
        "附件1 五",
        "附件1 基本情况",
        annex1.profile,
        kind=INFO,
    ),
)

ANNEX2 = (
    _scored(
        "annex2_1_1_organisation",
        "职业技能等级认定组织机构",
        "附件2 1（1）",
        15,
        "查阅文件：部门设置和管理职能明确，管理人员岗位职责明确",
    ),
    _scored(
        "annex2_1_2_personnel",
        "管理人员、工作人员、专家团队组成",
        "附件2 1（2）",
        15,
        "查阅劳动合同、社保关系、资格证书、任命书或聘书：人数、学历、资格证书符合基本要求；现场提问岗位职责发现问题不得分",
    ),
    _computed(
        "annex2_2_1_workplace_rules",
        "工作场所相关制度、办法（7项）",
        "附件2 2（1）",
        10,
        scoring.workplace_rules,
    ),
    _computed(
        "annex2_2_2_personnel_rules",
        "人员管理制度办法（5项）",
        "附件2 2（2）",
        10,
        scoring.personnel_rules,
    ),
    _scored(
        "annex2_3_1_facilities",
        "设备实施条件",
        "附件2 3（1）",
        30,
        "现场查看：与评价职业（工种）等级相适应的场地、设备设施仪器仪表等硬件设施和视频监控设备",
    ),
    _scored(
        "annex2_3_2_standards_banks",
        "评价标准、题库、培训教材",
        "附件2 3（2）",
        10,
        "查阅资料：有相应的国家职业技能标准或评价规范，有规范编制的评价题库及相应的培训教材",
    ),
    _scored(
        "annex2_4_funding",
        "职业技能等级认定专项经费",
        "附件2 4",
        10,
        "查阅财务报表、审计报告、注册资金，询问负责人员：能提供稳定的经费保障；发现问题不得分",
    ),
    *(
        _scored(
            f"annex2_5_bonus_{g.id}",
            f"加分项：{g.title}",
            "附件2 5、一 末段",
            20,
            "核查佐证材料：认可的加10-20分，不认可的记0分；未主张或情形不成立的不评分",
            category=scoring.BONUS,
        )
        for g in GROUNDS
    ),
    _auto(
        scoring.PASS_MARK_CRITERION,
        "1-4项合计分数必须在90分以上",
        "附件2 注",
        scoring.ITEMS_1_4,
        scoring.pass_mark,
        kind=INFO,
    ),
)

FOLLOW_UP = (
    _auto(
        "recognition_active",
        "所针对的备案有效",
        "四（四）、五（三）",
        "备案管理",
        fu.recognition_active,
        kinds=CONCERNING,
    ),
    _auto(
        "art2_add_after_assessment",
        "专家评估通过后方可新增",
        "二",
        "新增职业（工种）",
        fu.assessment_passed,
        kinds=("add_occupations",),
    ),
    _auto(
        "art2_add_count",
        "新增职业（工种）累计不超过3个",
        "二",
        "新增职业（工种）",
        fu.addition_count,
        kinds=("add_occupations",),
    ),
    _auto(
        "art2_add_new",
        "新增的职业未曾备案",
        "二",
        "新增职业（工种）",
        fu.new_occupations,
        kinds=("add_occupations",),
    ),
    _auto(
        "art2_add_commitment",
        "承诺书",
        "附件3 承诺书",
        "新增职业（工种）",
        fu.addition_commitment,
        kinds=("add_occupations",),
    ),
    _judged(
        "art2_add_verified",
        "新增职业的专家、考评人员和场地设备属实",
        "二、附件1 一、8 和二",
        "新增职业（工种）",
        "核实新增职业（工种）的专家库、考评人员、场地设备与试点工作经验",
        kinds=("add_occupations",),
    ),
    _auto(
        "art3_3_city_filed",
        "在设区市备案的组织",
        "三（三）",
        "向省推荐",
        fu.city_filed,
        kinds=("promotion",),
    ),
    _auto(
        "art3_3_pilot_year",
        "经过一年时间的试点",
        "三（三）",
        "向省推荐",
        fu.pilot_year,
        kinds=("promotion",),
    ),
    _auto(
        "art3_3_same_occupations",
        "推荐的职业与备案一致",
        "三（三）",
        "向省推荐",
        fu.same_occupations,
        kinds=("promotion",),
    ),
    _judged(
        "art3_3_province_assessment",
        "省技能人才评价管理服务中心考核评估合格",
        "三（三）",
        "向省推荐",
        "考核评估试点情况、认定质量与市级综合评估结论",
        kinds=("promotion",),
    ),
    _auto(
        "art4_5_city_assessment_level",
        "由市人力社保部门评估其备案的组织",
        "三（二）、四（五）",
        "评估",
        fu.assessment_level(False),
        kinds=("city_assessment",),
    ),
    _auto(
        "art4_5_province_assessment_level",
        "由省人力社保部门评估其备案的组织",
        "三（二）、四（五）",
        "评估",
        fu.assessment_level(True),
        kinds=("province_assessment",),
    ),
    _auto(
        "art5_3_assessment_timing",
        "评估时机",
        "四（五）、五（三）",
        "评估",
        fu.assessment_timing,
        kinds=fu.ASSESSMENT_KINDS,
    ),
    _auto(
        "art3_2_branch_scope",
        "分支机构的职业和地域",
        "三（一）、三（二）",
        "分支机构",
        fu.branch_scope,
        kinds=("branch",),
    ),
)

CRITERIA: tuple[Criterion, ...] = (*ELIGIBILITY, *ANNEX1, *ANNEX2, *FOLLOW_UP)
