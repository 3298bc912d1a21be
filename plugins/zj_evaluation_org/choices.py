"""Coded choices of the 申报表 and annexes, each with its Chinese label (published as ``enumNames``).

Qualifications are declared low to high, so that by ``rank`` (declaration order) “大专以上”, “技师及以上”,
“中级以上” compare as the text says: the named level itself counts (《民法典》第一千二百五十九条).
"""

from __future__ import annotations

from core.forms import Choice


class Gender(Choice):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Education(Choice):
    """学历（低到高）"""

    BELOW_COLLEGE = "below_college", "高中、中专及以下"
    COLLEGE = "college", "大专"
    BACHELOR = "bachelor", "本科"
    POSTGRADUATE = "postgraduate", "研究生"


class SkillQualification(Choice):
    """职业资格或职业技能等级（低到高）"""

    NONE = "none", "无"
    LEVEL5 = "level5", "五级/初级工"
    LEVEL4 = "level4", "四级/中级工"
    LEVEL3 = "level3", "三级/高级工"
    LEVEL2 = "level2", "二级/技师"
    LEVEL1 = "level1", "一级/高级技师"


class ProfessionalTitle(Choice):
    """专业技术职称（低到高）"""

    NONE = "none", "无"
    JUNIOR = "junior", "初级"
    INTERMEDIATE = "intermediate", "中级"
    ASSOCIATE_SENIOR = "associate_senior", "副高级"
    SENIOR = "senior", "正高级"


class Grade(Choice):
    """拟开展认定的等级（申报表“等级”栏）"""

    LEVEL5 = "level5", "五级/初级工"
    LEVEL4 = "level4", "四级/中级工"
    LEVEL3 = "level3", "三级/高级工"
    LEVEL2 = "level2", "二级/技师"
    LEVEL1 = "level1", "一级/高级技师"

    @property
    def high(self) -> bool:
        """一、二级: experts and examiners need 高级技师 or a senior title (附件1 一、8)."""
        return self in (Grade.LEVEL1, Grade.LEVEL2)


class Duty(Choice):
    """工作人员分工（附件1 一、1-7）"""

    DIRECTOR = "director", "主任"
    DEPUTY_DIRECTOR = "deputy_director", "副主任"
    OFFICE_DIRECTOR = "office_director", "办公室主任"
    EXAM_AFFAIRS = "exam_affairs", "考务人员"
    ARCHIVIST = "archivist", "档案管理人员"
    MAINTENANCE = "maintenance", "设备维修保养人员"
    IT = "it", "计算机管理人员"
    FINANCE = "finance", "财务管理人员"
    OTHER = "other", "其他工作人员"


class Basis(Choice):
    """评价依据（二）"""

    NATIONAL_STANDARD = "national_standard", "国家职业技能标准"
    PROVINCIAL_SPECIFICATION = "provincial_specification", "经省人力社保厅公布的评价规范"


class Tenure(Choice):
    OWNED = "owned", "自有（提供产权证明）"
    LEASED = "leased", "租赁（提供租赁合同）"


class PremisesUse(Choice):
    OFFICE = "office", "办公室用房"
    THEORY = "theory", "理论知识考试场地"
    PRACTICAL = "practical", "实际操作技能考试场地"
    TESTING = "testing", "检测场地"


class AssociationRating(Choice):
    """民政部门社会组织评估等级"""

    NONE = "none", "未评估"
    A1 = "1A", "1A"
    A2 = "2A", "2A"
    A3 = "3A", "3A"
    A4 = "4A", "4A"
    A5 = "5A", "5A"

    @property
    def stars(self) -> int:
        return self.rank


class RuleDocument(Choice):
    """规章制度（附件1 三 1-8 与附件2 2 所列制度的并集；“其他”在 other_rules 中列明）"""

    FINANCE = "finance", "财务管理制度"
    WORK_PROCEDURES = "work_procedures", "工作规程（报名、收费、考核评价、办证等）"
    POST_RESPONSIBILITY = "post_responsibility", "岗位责任制"
    ARCHIVES = "archives", "档案管理制度（职业技能等级认定档案资料保管制度）"
    EQUIPMENT_SAFETY = "equipment_safety", "设备安全操作规程"
    CODES_AND_EXAM_RULES = "codes_and_exam_rules", "考评人员、考务人员守则、考场规则"
    SECURITY = "security", "安全保卫制度"
    FACILITIES = "facilities", "设备、设施管理制度"
    CERTIFICATION_MANAGEMENT = "certification_management", "职业技能等级认定管理制度"
    ITEM_BANK_CONFIDENTIALITY = (
        "item_bank_confidentiality",
        "职业技能等级认定题库（试卷）开发、保密规定",
    )
    QUALITY_CONTROL = "quality_control", "职业技能等级认定质量控制有关规定"
    EMERGENCY_PLAN = "emergency_plan", "工作场所重大问题或突发严重事件的应急处理预案"
    EXAMINER_MANAGEMENT = "examiner_management", "考评人员管理制度"
    INVIGILATOR_MANAGEMENT = "invigilator_management", "监考人员管理制度"
    SUPERVISOR_MANAGEMENT = "supervisor_management", "内部督导人员管理制度"
    EXAM_STAFF_MANAGEMENT = "exam_staff_management", "考务工作人员管理制度"
    CANDIDATE_CODE = "candidate_code", "考生守则"


R = RuleDocument
ANNEX1_RULES = (
    R.FINANCE,
    R.WORK_PROCEDURES,
    R.POST_RESPONSIBILITY,
    R.ARCHIVES,
    R.EQUIPMENT_SAFETY,
    R.CODES_AND_EXAM_RULES,
    R.SECURITY,
    R.FACILITIES,
)  # 附件1 三 1-8 (9 “其他” is open)
WORKPLACE_RULES = (
    R.CERTIFICATION_MANAGEMENT,
    R.ARCHIVES,
    R.ITEM_BANK_CONFIDENTIALITY,
    R.QUALITY_CONTROL,
    R.EQUIPMENT_SAFETY,
    R.SECURITY,
    R.EMERGENCY_PLAN,
)  # 附件2 2 工作场所相关制度 (7)
PERSONNEL_RULES = (
    R.EXAMINER_MANAGEMENT,
    R.INVIGILATOR_MANAGEMENT,
    R.SUPERVISOR_MANAGEMENT,
    R.EXAM_STAFF_MANAGEMENT,
    R.CANDIDATE_CODE,
)  # 附件2 2 人员管理制度办法 (5)


class AssessmentOccasion(Choice):
    """评估的时机"""

    PILOT = "pilot", "试点期间的认定质量综合评估、专家评估（四（五）、二）"
    FINAL = "final", "试点结束后的综合评估（五（三））"


class AssessmentMethod(Choice):
    EXPERT = "expert", "组织专家评估"
    CROSS = "cross", "交叉评估"
    THIRD_PARTY = "third_party", "第三方评估"
    SUPERVISION = "supervision", "质量督导"


class RevocationGround(Choice):
    """取消试点资格的依据"""

    FINAL_ASSESSMENT_FAILED = "final_assessment_failed", "试点结束后综合评估不合格（五（三））"
    COMMITMENT_BREACHED = "commitment_breached", "未兑现承诺书所作承诺（附件3 承诺书）"


class Supervision(Choice):
    """分支机构的监管方式（三（二））"""

    ORIGINAL = "original", "由原备案的人力资源和社会保障部门监管"
    DELEGATED = "delegated", "委托分支机构所在地人力资源社会保障部门监管"
