"""The criteria of 杭人社发〔2023〕115号, each citing its article or annex row.

Recognition (``recognition``): the gates of 二（一）（二）（三）1 and 附件1, and the judgment gates the
experts decide at the 现场考察. 附件1's items apply by unit type (院校 or 企业), so each is an INFO
line that passes, fails or says “不适用于…”, and the gate ``annex1_standards`` requires the items of
the applicant's own type (see standards.py for why this keeps a non-applicable item from blocking).

Biennial assessment (``biennial_assessment``): the 14 items of 附件3 with their maxima and
categories, and the INFO lines of 五 (cycle, grade bands, grounds for an automatic 不合格) that
the aggregation reads back.
"""

from __future__ import annotations

from collections.abc import Callable

from core.criteria import Check, Criterion, CriterionKind, EvaluationMode, Facts, Finding, Outcome
from core.institutions import ORG_TYPE_LABELS
from plugins.hz_practical_base import assessment as a3
from plugins.hz_practical_base import conditions as c
from plugins.hz_practical_base.standards import (
    ENTERPRISE,
    ITEMS,
    relaxed_items,
    standards_met,
    unit_type,
)

RECOGNITION, ASSESSMENT = ("recognition",), ("biennial_assessment",)
GATE, SCORED, INFO = CriterionKind.GATE, CriterionKind.SCORED, CriterionKind.INFO
AUTO, JUDGED = EvaluationMode.AUTOMATIC, EvaluationMode.JUDGMENT

BASE_CATEGORIES = ("基本建设", "制度建设", "实训管理", "公共服务")
BONUS_CATEGORY = "加分项目"
GRADE_BANDS, AUTOMATIC_FAIL = "art5_2_grade_bands", "art5_3_automatic_fail"


def _auto(
    id: str,
    title: str,
    citation: str,
    category: str,
    check: Check,
    *,
    kind: CriterionKind = GATE,
    kinds: tuple[str, ...] = RECOGNITION,
) -> Criterion:
    return Criterion(id, title, citation, kind, AUTO, category=category, kinds=kinds, check=check)


def _judged_gate(id: str, title: str, citation: str, category: str, guidance: str) -> Criterion:
    return Criterion(
        id, title, citation, GATE, JUDGED, category=category, kinds=RECOGNITION, guidance=guidance
    )


def _item(
    n: int, id: str, title: str, category: str, check: Check | None = None, guidance: str = ""
) -> Criterion:
    """One row of 附件3: automatic when ``check`` is given, else scored by the experts."""
    return Criterion(
        id,
        title,
        f"附件3 第{n}项",
        SCORED,
        AUTO if check else JUDGED,
        category=category,
        max_points=a3.POINTS[id],
        kinds=ASSESSMENT,
        check=check,
        guidance=guidance,
    )


# -- judgment gates whose pending finding depends on the facts ------------------------------------

SCHOOL_QUALITATIVE = (
    "附件1 一（一）已形成一定的人才培养规模，教学（培训）改革成效明显，教育教学（培训）质量良好；"
    "（二）与相关企业的合作长期稳定、紧密和实质性，已为企业培养培训大批高素质技术工人；"
    "（三）一体化专业教师队伍专兼结合、结构合理，实训场地充足，实验实训设施能满足技能训练需要"
)
ENTERPRISE_QUALITATIVE = (
    "附件1 二（一）核实所属产业；（二）重视支持技能人才的培养，核实职工培训经费提取和使用凭证"
)


def annex1_qualitative(facts: Facts) -> Finding:
    """What the experts judge under 附件1, for the applicant's own type (and any 特殊紧缺专业 relaxation)."""
    kind = unit_type(facts)
    if kind is None:
        return Finding(
            Outcome.PENDING,
            f"待专家判定：{ORG_TYPE_LABELS[facts.institution.org_type]}不在附件1 适用范围",
        )
    if kind == ENTERPRISE:
        return Finding(
            Outcome.PENDING, f"待专家判定：{ENTERPRISE_QUALITATIVE}", {"unit_type": kind}
        )
    relaxed = relaxed_items(facts)
    extra = (
        f"；申报招生困难的特殊紧缺专业，判定是否属实、可否放宽：{'、'.join(relaxed)}"
        if relaxed
        else ""
    )
    return Finding(
        Outcome.PENDING,
        f"待专家判定：{SCHOOL_QUALITATIVE}{extra}",
        {"unit_type": kind, "relaxed": relaxed},
    )


PENDING_FINDINGS: dict[str, Callable[[Facts], Finding]] = {
    "annex1_qualitative": annex1_qualitative,
    **a3.JUDGMENT_BOUNDS,
}
"""Judgment criteria whose pending finding is computed (the bound on a score, the points to judge)."""


CRITERIA: tuple[Criterion, ...] = (
    # -- 二（一）适用范围 --------------------------------------------------------------------------
    _auto("art2_1_in_hangzhou", "杭州市内的单位", "二（一）", "适用范围", c.in_hangzhou),
    _auto(
        "art2_1_unit_type",
        "各类企业、普通高校、职业院校（含技工院校）等单位",
        "二（一）",
        "适用范围",
        c.unit_kind,
    ),
    # -- 二（二）申报条件 --------------------------------------------------------------------------
    _auto(
        "art2_2_1_legal_person",
        "依法设立，独立法人，具备开展职业培训公共服务的意愿",
        "二（二）1",
        "申报条件",
        c.legal_person_and_willingness,
    ),
    _auto(
        "art2_2_2_own_training_site",
        "自有实训场地（不含租赁）",
        "二（二）2",
        "申报条件",
        c.own_training_site,
    ),
    _auto(
        "art2_2_2_own_equipment",
        "自有实训设备（不含租赁）",
        "二（二）2",
        "申报条件",
        c.own_equipment,
    ),
    _auto("art2_2_2_own_office", "自有固定的办公场所", "二（二）2", "申报条件", c.own_office),
    _auto(
        "art2_2_2_full_time_staff",
        "专职的管理人员和师资力量",
        "二（二）2",
        "申报条件",
        c.full_time_staff,
    ),
    _judged_gate(
        "art2_2_3_organisation",
        "组织机构和管理制度健全，社会信誉好，高技能人才培养成效突出",
        "二（二）3",
        "申报条件",
        "组织机构和管理制度是否健全（对照所附管理制度）；社会信誉；近几年高技能人才培养成效（申报表“二”）",
    ),
    _judged_gate(
        "art2_2_4_project_fit",
        "项目符合杭州发展导向，前景广、需求大，与市公共实训基地互补",
        "二（二）4",
        "申报条件",
        "对照“项目前景”：是否符合杭州市经济和社会发展导向、市场前景和社会需求，"
        "与杭州市公共实训基地现有实训项目、实训区域是否互补",
    ),
    # -- 附件1 认定标准 ---------------------------------------------------------------------------
    _auto(
        "annex1_standards", "符合附件1 相应的认定标准", "二（二）、附件1", "认定标准", standards_met
    ),
    *(
        _auto(id, title, citation, "认定标准", check, kind=INFO)
        for id, (title, citation, check) in ITEMS.items()
    ),
    _auto(
        "annex1_matching_funds",
        "支持基地建设，按规定落实配套经费",
        "附件1 一（四）、二（三）",
        "认定标准",
        c.matching_funds,
    ),
    _judged_gate(
        "annex1_qualitative",
        "附件1 中由专家判定的认定标准",
        "附件1",
        "认定标准",
        "院校：" + SCHOOL_QUALITATIVE + "；企业：" + ENTERPRISE_QUALITATIVE,
    ),
    # -- 二（三）申报认定程序 ----------------------------------------------------------------------
    _auto("art2_3_1_materials", "申报材料齐全", "二（三）1", "申报材料", c.materials),
    _judged_gate(
        "art2_3_2_site_inspection",
        "现场考察核实申报情况",
        "二（三）2",
        "申报材料",
        "现场核实场地、设备为自有（不含租赁）且与申报一致，办公场所固定，专职人员与劳动（聘用）合同、证书一致",
    ),
    _auto(
        "truthfulness_declaration",
        "承诺所报内容真实",
        "二（三）1、五（一）",
        "申报材料",
        c.truthfulness,
        kinds=RECOGNITION + ASSESSMENT,
    ),
    # -- 附件3 考核评估表 --------------------------------------------------------------------------
    _item(1, "annex3_01_training_site", "有申报项目所需的实训场地", "基本建设", a3.training_site),
    _item(
        2,
        "annex3_02_equipment",
        "有申报项目所需的实训设备（不含租赁）",
        "基本建设",
        guidance="无设备或设备属于租赁不得分；部分租赁酌情扣分",
    ),
    _item(3, "annex3_03_full_time_head", "有专职的分基地负责人", "基本建设", a3.full_time_head),
    _item(
        4,
        "annex3_04_maintenance_staff",
        "有专职的实训设备维护保养人员",
        "基本建设",
        a3.maintenance_staff,
    ),
    _item(5, "annex3_05_matching_funds", "所在单位安排配套经费", "基本建设", a3.matching_funds),
    _item(
        6,
        "annex3_06_operating_rules",
        "有专门的分基地运行管理制度",
        "制度建设",
        guidance="无制度不得分；制度不明确酌情扣分",
    ),
    _item(
        7,
        "annex3_07_process",
        "有规范合理的运行流程",
        "制度建设",
        guidance="无流程不得分；流程不清晰酌情扣分",
    ),
    _item(
        8,
        "annex3_08_job_duties",
        "有工作人员岗位职责",
        "制度建设",
        guidance="无岗位职责不得分；岗位职责不明确酌情扣分",
    ),
    _item(
        9, "annex3_09_plans_summaries", "有年度工作计划和总结", "实训管理", a3.plans_and_summaries
    ),
    _item(
        10,
        "annex3_10_statistics",
        "有月度、年度实训情况统计、分析",
        "实训管理",
        guidance="无统计、分析不得分；统计、分析不完整酌情扣分",
    ),
    _item(
        11,
        "annex3_11_ledger",
        "有完整的实训台账",
        "实训管理",
        guidance="无台账不得分；台账不完整酌情扣分",
    ),
    _item(12, "annex3_12_public_service", "对外公共服务情况", "公共服务", a3.public_service),
    _item(13, "annex3_13_competitions", "承办技能大赛", BONUS_CATEGORY, a3.competitions),
    _item(14, "annex3_14_public_welfare", "其他公益性服务", BONUS_CATEGORY, a3.public_welfare),
    # -- 五 考核评估 ------------------------------------------------------------------------------
    _auto(
        "art5_1_assessment_cycle",
        "每两年考核评估一次",
        "五（一）",
        "考核评估",
        a3.assessment_cycle,
        kind=INFO,
        kinds=ASSESSMENT,
    ),
    _auto(
        GRADE_BANDS,
        "考核结果等级",
        "五（二）",
        "考核评估",
        a3.grade_bands,
        kind=INFO,
        kinds=ASSESSMENT,
    ),
    _auto(
        AUTOMATIC_FAIL,
        "直接认定为不合格的情形",
        "五（三）",
        "考核评估",
        a3.automatic_fail,
        kind=INFO,
        kinds=ASSESSMENT,
    ),
)

BONUS_ITEMS = frozenset(
    criterion.id for criterion in CRITERIA if criterion.category == BONUS_CATEGORY
)
"""加分部分 (附件3 第13、14项); every other scored item is 基础部分."""
