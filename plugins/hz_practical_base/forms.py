"""The 申报表 of 附件2 (recognition).

The recognition form mirrors 附件2 section by section (一、基本情况；二、高技能人才培养情况；三、申报
项目情况, one entry per 项目 with its 实训设备 and 自有管理人员和师资 tables) and adds what the 申报
条件 of 二（二） and the 认定标准 of 附件1 test but 附件2 leaves to free text: tenure of site,
office and equipment (“不含租赁”), whether staff are 专职, the counts behind 附件1's numbers, the
attachments of 二（三）1, and the requested 名称 segment. Facts are recorded as stated; automatic
gates check what they say, the experts' 现场考察 checks that it is true. Declarations default to
``False`` so a draft can be saved before they are made; the gates refuse submission until they are.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, field_validator, model_validator

from core.forms import Choice, Form, Text
from core.pii import Phones

NAME_PREFIX, NAME_SUFFIX = "杭州市公共实训基地", "分基地"
_NAME_SEGMENT = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()·]{2,30}$")


class Tenure(Choice):
    """产权：自有或租赁（二（二）2“自有…（不含租赁）”）"""

    OWNED = "owned", "自有"
    LEASED = "leased", "租赁"


class OpenTime(Choice):
    """开放时间（附件2 三（一））"""

    DAYTIME = "daytime", "白天"
    EVENING = "evening", "晚上"
    WEEKEND = "weekend", "双休日"


class Audience(Choice):
    """开放对象（附件2 三（一））"""

    UNIVERSITY_STUDENTS = "university_students", "大学生"
    UNEMPLOYED = "unemployed", "失业人员"
    EMPLOYED = "employed", "在职人员"
    SECONDARY_VOCATIONAL_STUDENTS = "secondary_vocational_students", "中职生"
    OTHER = "other", "其他"


class CooperationArea(Choice):
    """校企合作的实质性内容（附件1 一（二））"""

    TEACHING_REFORM = "teaching_reform", "专业教学改革"
    TRAINING_FACILITIES = "training_facilities", "实习实训设施建设"
    INTERNSHIP_EMPLOYMENT = "internship_employment", "学生实习和就业"
    STAFF_TRAINING = "staff_training", "企业职工培训"
    SHARED_TEACHERS = "shared_teachers", "专业师资共享"


class Industry(Choice):
    """企业所属产业（附件1 二（一））"""

    HIGH_END_EQUIPMENT = "high_end_equipment", "高端装备制造业"
    STRATEGIC_EMERGING = "strategic_emerging", "战略性新兴产业"
    HIGH_TECH = "high_tech", "高新技术产业"
    TRADITIONAL_ADVANTAGE = "traditional_advantage", "传统优势产业"
    MODERN_SERVICES = "modern_services", "现代服务业"
    LOCAL_PILLAR = "local_pillar", "当地支柱产业"
    OTHER = "other", "其他（不属于所列产业）"


# -- 附件2 一、基本情况 ------------------------------------------------------------------------------


class Contact(Form):
    name: Text = Field(title="联系人")
    phone: Phones = Field(
        title="联系电话及手机",
        description="一个或多个号码，用 / 分隔，如 0571-86900000 / 13900000000",
    )
    email: Text = Field(title="电子邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BasicInfo(Form):
    """一、基本情况（单位名称取自机构登记信息）."""

    address: Text = Field(title="单位地址")
    postcode: str = Field(title="邮编", pattern=r"^\d{6}$")
    contacts: list[Contact] = Field(
        min_length=1, max_length=2, title="联系人", description="联系人（1）必填，联系人（2）选填"
    )
    profile: Text = Field(
        title="单位简介", description="含本单位基本情况、师资、场地、设备、特色等"
    )


class Office(Form):
    address: Text = Field(title="办公场所地址")
    area_m2: float = Field(title="面积（平方米）", gt=0)
    tenure: Tenure = Field(title="产权", description="二（二）2：有自有固定的办公场所")


# -- 附件2 三、申报项目情况 --------------------------------------------------------------------------


class Equipment(Form):
    """实训设备情况（填写主要设备）."""

    name: Text = Field(title="设备名称")
    quantity: int = Field(title="数量", ge=1)
    model: Text = Field(title="型号规格")
    manufacturer: Text = Field(title="生产厂家")
    tenure: Tenure = Field(title="产权", description="二（二）2：自有实训设备（不含租赁）")


class StaffMember(Form):
    """自有管理人员、设备维护人员和师资：表格各栏，另加“专职”（二（二）2）."""

    name: Text = Field(title="姓名")
    age: int = Field(title="年龄", ge=16, le=80)
    position: Text = Field(title="职务")
    education: Text = Field(title="学历")
    major: Text = Field(title="所学专业")
    title: Text = Field(title="职称（职业资格）")
    full_time: bool = Field(
        title="专职", description="是否为本单位专职人员（二（二）2：有专职的管理人员和师资力量）"
    )


class TrainingProject(Form):
    """项目N：（实训中心名称）."""

    centre_name: Text = Field(title="实训中心名称")
    occupations: list[Text] = Field(min_length=1, title="可实训工种")
    rooms: list[Text] = Field(min_length=1, title="实训室名称")
    open_times: list[OpenTime] = Field(min_length=1, title="开放时间")
    open_to: list[Audience] = Field(min_length=1, title="开放对象")
    open_to_other: str = Field(
        default="", title="其他开放对象", description="开放对象选“其他”时填写"
    )
    site_area_m2: float = Field(title="实训室总面积（平方米）", gt=0, description="自有场地情况")
    site_tenure: Tenure = Field(
        title="实训场地产权", description="二（二）2：自有实训场地（不含租赁）"
    )
    equipment: list[Equipment] = Field(default_factory=list, title="实训设备情况")
    managers: list[StaffMember] = Field(default_factory=list, title="管理人员")
    maintainers: list[StaffMember] = Field(default_factory=list, title="设备维护人员")
    teachers: list[StaffMember] = Field(default_factory=list, title="师资")
    prospects: Text = Field(title="项目前景", description="包括项目背景、工作基础、实训工作思路等")

    @model_validator(mode="after")
    def _other_audience_named(self) -> TrainingProject:
        if Audience.OTHER in self.open_to and not self.open_to_other.strip():
            raise ValueError("开放对象选择“其他”时须填写具体对象")
        return self


# -- 附件1 认定标准的数据 -----------------------------------------------------------------------------


class Partner(Form):
    name: Text = Field(title="合作企业名称")
    areas: list[CooperationArea] = Field(min_length=1, title="合作内容")
    since: dt.date = Field(title="合作起始日期")


class SchoolStandards(Form):
    """附件1 一：普通高校、职业院校（含技工院校）填写."""

    related_majors: list[Text] = Field(min_length=1, title="相关专业")
    annual_enrolment: int = Field(
        title="相关专业年招生人数", ge=0, description="最近一个招生年度（附件1 一（一））"
    )
    annual_trainees: int = Field(
        title="年社会人员技能培训人数", ge=0, description="最近一个年度（附件1 一（一））"
    )
    graduates: int = Field(
        title="相关专业毕业生人数", ge=0, description="最近一届（附件1 一（一））"
    )
    graduates_employed: int = Field(title="其中一次性就业人数", ge=0)
    shortage_major: bool = Field(
        default=False,
        title="招生困难的特殊紧缺专业",
        description="申报放宽标准（附件1 一（一）：标准可适当放宽）",
    )
    shortage_major_reason: str = Field(default="", title="特殊紧缺专业及招生困难的说明")
    partners: list[Partner] = Field(
        default_factory=list, title="长期稳定合作的相关企业", description="附件1 一（二）"
    )
    professional_teachers: int = Field(title="专业课教师总数", ge=0, description="附件1 一（三）")
    integrated_teachers: int = Field(title="一体化教师人数", ge=0)
    practice_teachers: int = Field(title="实习教师总数", ge=0)
    senior_practice_teachers: int = Field(
        title="高级实习指导教师、技师和高级技师人数", ge=0, description="均为实习教师"
    )

    @model_validator(mode="after")
    def _consistent(self) -> SchoolStandards:
        if self.graduates_employed > self.graduates:
            raise ValueError("一次性就业人数不应大于毕业生人数")
        if self.integrated_teachers > self.professional_teachers:
            raise ValueError("一体化教师人数不应大于专业课教师总数")
        if self.senior_practice_teachers > self.practice_teachers:
            raise ValueError("高级实习指导教师、技师和高级技师人数不应大于实习教师总数")
        if self.shortage_major and not self.shortage_major_reason.strip():
            raise ValueError("申报特殊紧缺专业放宽标准时须说明专业及招生困难情况")
        names = [p.name for p in self.partners]
        if len(set(names)) != len(names):
            raise ValueError("合作企业重复填写")
        return self


class TrainingFundYear(Form):
    year: int = Field(title="年度", ge=2000, le=2100)
    payroll_yuan: int = Field(title="职工工资总额（元）", ge=0)
    extracted_yuan: int = Field(title="提取职工培训经费（元）", ge=0)
    used_yuan: int = Field(title="用于职工培训（元）", ge=0)
    fully_extracted: bool = Field(title="按规定足额提取", description="附件1 二（二）")


class EnterpriseStandards(Form):
    """附件1 二：企业填写."""

    industry: Industry = Field(title="所属产业", description="附件1 二（一）")
    industry_description: Text = Field(title="主营业务及产业说明")
    training_funds: list[TrainingFundYear] = Field(
        default_factory=list,
        title="职工培训经费提取和使用情况",
        description="申报年度之前连续3个年度（附件1 二（二））",
    )

    @field_validator("training_funds")
    @classmethod
    def _one_record_per_year(cls, value: list[TrainingFundYear]) -> list[TrainingFundYear]:
        years = [r.year for r in value]
        if len(set(years)) != len(years):
            raise ValueError("同一年度重复填写")
        return value


class Attachments(Form):
    """随表附上的材料（二（三）1（2）—（4）；填写说明二）."""

    legal_registration: bool = Field(
        default=False, title="法人登记证书副本（批准文件）或营业执照副本原件及复印件"
    )
    staff_credentials: bool = Field(
        default=False,
        title="专职管理人员和师资基本情况及资格证明文件",
        description="聘用合同或劳动合同、学历证书、专业技术职称证书或技术等级证书等",
    )
    management_rules: list[Text] = Field(
        default_factory=list,
        title="内部相关管理制度",
        description="如实训管理制度、固定资产管理制度等（制度名称）",
    )


class RecognitionForm(Form):
    """杭州市市级高技能人才公共实训基地（市公共实训基地分基地）申报表（附件2）."""

    requested_name: Text = Field(
        title="分基地名称（名称或区域）",
        description=f"名称由“{NAME_PREFIX}+名称或区域+{NAME_SUFFIX}”组成，此处只填中间的名称或区域（二（三）2）",
    )
    basic: BasicInfo = Field(title="一、基本情况")
    training_record: Text = Field(
        title="二、高技能人才培养情况",
        description="近几年来，本单位的高技能人才培养情况和对社会服务情况等",
    )
    projects: list[TrainingProject] = Field(
        min_length=1, title="三、申报项目情况", description="项目一、项目二……"
    )
    independent_legal_person: bool = Field(
        default=False, title="依法设立，具有独立的法人资格", description="二（二）1"
    )
    public_service_willing: bool = Field(
        default=False, title="具备开展职业培训公共服务的意愿", description="二（二）1"
    )
    office: Office = Field(title="固定办公场所", description="二（二）2")
    school_standards: SchoolStandards | None = Field(
        default=None, title="院校认定标准情况", description="附件1 一，院校填写"
    )
    enterprise_standards: EnterpriseStandards | None = Field(
        default=None, title="企业认定标准情况", description="附件1 二，企业填写"
    )
    matching_funds_yuan: int = Field(
        default=0, ge=0, title="配套经费（元）", description="附件1 一（四）、二（三）"
    )
    matching_funds_committed: bool = Field(
        default=False, title="按规定落实配套经费，确保基地规划项目如期实施"
    )
    attachments: Attachments = Field(default_factory=Attachments, title="附件材料")
    declaration_truthful: bool = Field(default=False, title="承诺申报材料真实")

    @field_validator("requested_name")
    @classmethod
    def _name_segment(cls, value: str) -> str:
        if NAME_PREFIX in value or value.endswith("基地"):
            raise ValueError(
                f"只填名称或区域，不含“{NAME_PREFIX}”“{NAME_SUFFIX}”等字样（如“萧山”“某某技师学院”）"
            )
        if not _NAME_SEGMENT.fullmatch(value):
            raise ValueError(
                "名称或区域应为2至30个汉字、字母或数字（可含括号、间隔号），不含空格和其他标点"
            )
        return value
