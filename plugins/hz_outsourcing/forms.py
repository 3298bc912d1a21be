"""Form models of the five application kinds (published as JSON Schema for the admin console).

Only facts the Institution record does not already hold are asked for: 第六条 needs the rest of
the picture (legal personality, qualifications, scale, teachers, premises, assessment, textbooks,
management rules). Facts an applicant states are recorded as given; automatic gates check what
they say, reviewers check that it is true. Declarations default to ``False`` so a draft can be
saved before they are made; the gates refuse submission until they are.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from core.forms import Choice, Form, Text


class TrainingContent(Choice):
    """服务外包人才培训内容（第四条）"""

    BASIC_SKILLS = "basic_skills", "IT知识、软件编程、软件工具使用、外语等基础知识和专业技能培训"
    CONTRACTED_DEMAND = (
        "contracted_demand",
        "根据服务外包企业承接业务需要或发包商需求进行的人才培训",
    )
    MULTINATIONAL_QUALIFICATION = (
        "multinational_qualification",
        "跨国公司服务外包业务从业人才资质培训",
    )
    INTERNATIONAL_CERTIFICATION = (
        "international_certification",
        "服务外包企业国际认证知识培训、国际认证人才培训",
    )
    RESERVE_TALENT = "reserve_talent", "发展服务外包产业急需的储备人才培训"
    LAW_STANDARDS_IP = "law_standards_ip", "服务外包相关法律、行业标准及相关知识产权培训"
    PRE_JOB = "pre_job", "服务外包企业新入职人员岗前业务技能培训"
    OTHER = "other", "其他服务外包人才培训（第四条“等”）"


class DeliveryMode(Choice):
    """培训形式（第五条：以线上线下等形式）"""

    ONLINE = "online", "线上"
    OFFLINE = "offline", "线下"


class Tenure(Choice):
    """培训场所产权"""

    OWNED = "owned", "自有"
    LEASED = "leased", "租赁"


class ManagementTopic(Choice):
    """内部培训管理细则应包括的内容（第六条（八））"""

    PLANNING = "planning", "培训计划的制定"
    ORGANISATION = "organisation", "培训组织和实施"
    DISCIPLINE = "discipline", "培训纪律"
    FACULTY = "faculty", "培训师资"
    ENROLMENT = "enrolment", "招生要求"
    FEES = "fees", "培训收费标准"
    ASSESSMENT = "assessment", "培训考核"


class RevocationGround(Choice):
    """取消认定的情形（第十五条）"""

    FRAUD = "fraud", "（一）申请过程中故意弄虚作假的"
    IP_INFRINGEMENT = "ip_infringement", "（二）侵害知识产权等违法行为的"
    FALSE_DATA = "false_data", "（三）不按有关规定如实向业务主管部门报送服务外包人才培训数据的"
    NO_LONGER_QUALIFIED = (
        "no_longer_qualified",
        "（四）经营发生重大变化，或其他原因导致实际情况已严重不符合认定条件的",
    )
    OTHER_VIOLATION = "other_violation", "（五）其他违法违规行为等依法应予以撤销的"


# -- recognition (第六条) and biennial check (第十四条) -------------------------------------------


class Teacher(Form):
    name: Text = Field(title="姓名")
    qualification: Text = Field(
        title="教学资质", description="服务外包人才培训教学资质：证书名称及编号"
    )
    full_time: bool = Field(title="专职", description="是否为本机构专职教师")


class Premises(Form):
    address: Text = Field(title="地址", description="固定培训场所地址")
    area_m2: float = Field(title="面积（平方米）", gt=0)
    tenure: Tenure = Field(title="产权", description="自有或租赁")


class Textbooks(Form):
    self_compiled: bool = Field(
        title="有自编教材", description="是否有符合服务外包行业要求的自编教材（第六条（七））"
    )
    titles: list[Text] = Field(
        default_factory=list, title="教材名称", description="自编及选用教材的名称"
    )


class RecognitionForm(Form):
    """认定申请（第六条）."""

    independent_legal_person: bool = Field(title="具有独立法人资格", description="第六条（一）1")
    business_qualifications: list[Text] = Field(
        default_factory=list,
        title="业务资格或核准、备案",
        description="已取得的开展相关业务资格，或已进行的核准、备案：文件名称及编号（第六条（一）2）",
    )
    business_in_operation: bool = Field(title="已开展相关业务", description="第六条（一）2")
    no_serious_violations_3y: bool = Field(
        title="近三年无严重违规违法行为", description="第六条（一）3"
    )
    no_fiscal_arrears: bool = Field(title="未拖欠应缴的财政性资金", description="第六条（一）3")
    files_accounts_and_statistics: bool = Field(
        title="按规定报送会计报表和统计资料", description="第六条（一）4"
    )
    attends_inspections: bool = Field(
        title="正常参加年检、年审、监督检查",
        description="正常参加业务主管部门的年检、年审、监督检查等（第六条（一）4）",
    )
    training_started_on: dt.date = Field(
        title="开始从事培训之日", description="用于计算培训从业时间（第六条（二））"
    )
    trainees_cumulative: int = Field(
        title="累计培训服务外包人才（人）", ge=0, description="第六条（三）"
    )
    trainees_recent_half_year: int = Field(
        title="近半年内培训服务外包人才（人）",
        ge=0,
        description="截至申请之日的近六个月，已计入累计人数（第六条（三））",
    )
    teachers: list[Teacher] = Field(
        default_factory=list,
        title="专业教师",
        description="具备服务外包人才培训教学资质的专业教师（第六条（四））",
    )
    premises: Premises | None = Field(
        default=None, title="固定培训场所", description="第六条（五）"
    )
    equipment: list[Text] = Field(
        default_factory=list, title="教学设备", description="配置的教学设备（第六条（五））"
    )
    has_assessment_system: bool = Field(title="有考核制度", description="第六条（六）")
    issues_certificates: bool = Field(
        title="对考试合格者颁发合格证书或资质证书", description="第六条（六）"
    )
    textbooks: Textbooks = Field(title="培训教材", description="第六条（七）")
    management_rules_topics: list[ManagementTopic] = Field(
        default_factory=list,
        title="培训管理细则涵盖的内容",
        description="内部服务外包人才培训管理细则或办法所含内容（第六条（八））",
    )
    training_content: list[TrainingContent] = Field(
        min_length=1, title="培训内容", description="第四条"
    )
    delivery_modes: list[DeliveryMode] = Field(
        min_length=1, title="培训形式", description="线上、线下（第五条）"
    )
    declaration_truthful: bool = Field(
        default=False,
        title="承诺申报材料真实",
        description="申请过程中故意弄虚作假的，取消认定（第十五条（一））",
    )

    @model_validator(mode="after")
    def _recent_within_cumulative(self) -> RecognitionForm:
        if self.trainees_recent_half_year > self.trainees_cumulative:
            raise ValueError("近半年内培训人数已计入累计培训人数，不应大于累计人数")
        return self


class BiennialCheckForm(RecognitionForm):
    """检查登记（第十四条）: the same facts as 第六条, as they stand now."""

    rectification_measures: str = Field(
        default="",
        title="整改情况",
        description="被责令限期整改后重新提交时，说明已采取的整改措施（第十四条）",
    )


# -- annual report (第十二条) and plan change (第十三条) ------------------------------------------


class TrainingPlan(Form):
    planned_trainees: int = Field(title="计划培训人数", ge=0)
    planned_courses: list[Text] = Field(default_factory=list, title="计划开设课程")


class YearCompletion(Form):
    trainees_trained: int = Field(title="培训人数", ge=0)
    courses_delivered: int = Field(title="开设课程数", ge=0)
    certificates_issued: int = Field(title="颁发合格证书或资质证书数", ge=0)

    @model_validator(mode="after")
    def _certificates_within_trainees(self) -> YearCompletion:
        if self.certificates_issued > self.trainees_trained:
            raise ValueError("颁发证书数不应大于培训人数")
        return self


class AnnualReportForm(Form):
    """年度报送（第十二条）: 当年培训计划和上一年度培训完成情况."""

    report_year: int = Field(
        title="报送年度", ge=2022, le=2100, description="培训计划所属年度；完成情况为其上一年度"
    )
    plan: TrainingPlan = Field(title="当年培训计划")
    previous_year: YearCompletion = Field(title="上一年度培训完成情况")
    declaration_truthful: bool = Field(
        default=False,
        title="承诺报送内容真实",
        description="培训机构应当对报送的计划和完成情况的真实性负责（第十二条）",
    )


class PlanChangeForm(Form):
    """培训计划变更备案（第十三条）."""

    plan_year: int = Field(title="计划年度", ge=2022, le=2100)
    change_summary: Text = Field(title="变更内容", description="培训计划的变化及原因")
    revised_plan: TrainingPlan = Field(title="变更后的培训计划")
    fees_changed: bool = Field(
        default=False, title="涉及收费变化", description="培训收费是否变化（第十三条）"
    )
    fee_approval_reference: str = Field(
        default="",
        title="收费核准文件",
        description="收费变化时，有关部门的核准文件名称及编号（第十三条）",
    )
    declaration_truthful: bool = Field(
        default=False,
        title="承诺备案内容真实",
        description="不如实报送培训数据的，取消认定（第十五条（三））",
    )


# -- revocation (第十五条) -----------------------------------------------------------------------


class RevocationForm(Form):
    """取消认定（第十五条）."""

    ground: RevocationGround = Field(title="取消情形", description="第十五条所列情形之一")
    facts: Text = Field(title="事实", description="认定该情形的事实及证据")
    referred_to_authorities: bool = Field(
        default=False,
        title="移送有关部门",
        description="触犯相关法律法规的，依法移送有关部门处理（第十五条）",
    )
