"""Form models of the application kinds (published as JSON Schema for the admin console).

The filing form mirrors the 申报表 (附件3) with its tables, and adds what 一（一）, the 放宽 grounds,
附件1 and the material list of 四（一） need and the 申报表 leaves to attachments. The
organisation type, registered area and date come from the Institution record and are not asked
again. Declarations default to ``False`` so a draft can be saved before they are made; the gates
refuse submission until they are.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from core.forms import Form, Text
from plugins.zj_evaluation_org.choices import (
    AssessmentMethod,
    AssessmentOccasion,
    AssociationRating,
    RevocationGround,
    RuleDocument,
    Supervision,
)
from plugins.zj_evaluation_org.tables import (
    Contact,
    Examiner,
    Expert,
    Occupation,
    OccupationCode,
    Premises,
    Site,
    Staff,
)

Postcode = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]


# -- 一（一）申报主体类别条件 ------------------------------------------------------------------------


class Experience(Form):
    """事业单位、民办非企业单位、企业性质的民办职业培训机构（一（一）1）."""

    since: dt.date = Field(
        title="相关培训评价经历起始日", description="连续开展相关培训评价工作的起始日"
    )
    continuous: bool = Field(title="此后连续开展、未曾中断")
    cumulative_persons: int = Field(ge=0, title="累计相关培训评价规模（人次）")


class EnterpriseCertification(Form):
    """企业（一（一）2）."""

    has_experience: bool = Field(title="具有本企业职工职业技能等级认定工作经验")
    description: str = Field(
        default="", title="开展情况", description="开展时间、职业（工种）、等级、认定人数等"
    )


class Association(Form):
    """行业协会（学会）（一（一）3）."""

    rating: AssociationRating = Field(title="民政部门评估等级")
    rating_document: str = Field(default="", title="评估等级证书或文件")
    characteristic_industry: str = Field(
        default="",
        title="所属地方特色产业",
        description="市、县级行业协会（学会）属于地方特色产业的，写明产业及依据",
    )
    locally_scarce_reason: str = Field(
        default="",
        title="当地急需紧缺的理由",
        description="申报职业（工种）为当地急需紧缺的，写明依据（如紧缺职业目录）",
    )
    relevance: Text = Field(
        title="申报职业（工种）与机构性质的关系", description="一（一）3：应密切相关"
    )


# -- 一 末段: 可适当放宽申报要求的4类情形（附件2 5 加分项） -------------------------------------------


class StandardDevelopmentClaim(Form):
    occupation_code: OccupationCode = Field(title="所申报职业编号")
    work: Text = Field(
        title="参与开发编制的成果",
        description="国家职业技能标准（行业企业规范）、题库（卷库）、培训教材（考试指南）名称",
    )
    role: Text = Field(title="承担的工作")


class EnterprisePilotClaim(Form):
    persons_assessed: int = Field(ge=0, title="企业职业技能等级认定试点评价人数")
    approval: Text = Field(title="试点备案文件")


class AppraisalStationClaim(Form):
    station: Text = Field(title="职业技能鉴定所（站）或考核鉴定点名称")
    approval: Text = Field(title="设立批准文件")
    assessing_since: dt.date = Field(title="稳定开展职业资格评价的起始日")


class GovernmentRecommendationClaim(Form):
    occupation_code: OccupationCode = Field(
        title="职业编号", description="原由政府行业主管部门组织实施评价的职业（工种）"
    )
    department: Text = Field(title="推荐的政府行业主管部门")
    document: Text = Field(title="推荐文件")


class Relaxation(Form):
    """可适当放宽申报要求的情形（一 末段）；每项附佐证材料，评估时每项加10-20分（附件2 5）."""

    standard_development: StandardDevelopmentClaim | None = Field(
        default=None, title="曾参与所申报职业（工种）国家职业技能标准、题库、培训教材开发编制"
    )
    enterprise_pilot: EnterprisePilotClaim | None = Field(
        default=None, title="已开展企业职业技能等级认定试点且评价人数在300人以上"
    )
    appraisal_station: AppraisalStationClaim | None = Field(
        default=None, title="设有职业技能鉴定所（站）或考核鉴定点并稳定开展职业资格评价3年以上"
    )
    government_recommended: GovernmentRecommendationClaim | None = Field(
        default=None, title="拟开展评价的职业（工种）原由政府行业主管部门组织实施，且由其推荐"
    )


# -- 一（二）、附件1、四（一）----------------------------------------------------------------------------


class Funding(Form):
    sources: Text = Field(title="经费来源", description="附件1 五、1")
    fixed_assets_10k_yuan: float = Field(ge=0, title="固定资产（万元）")
    certification_budget_10k_yuan: float = Field(
        ge=0, title="职业技能等级认定专项经费（万元/年）", description="一（二）、附件2 4"
    )


class OfficeFacilities(Form):
    """办公室用房配置（附件1 二、1）."""

    office_equipment: bool = Field(default=False, title="配有办公设备")
    communication: bool = Field(default=False, title="配有通信设备")
    computers_printers: bool = Field(default=False, title="配有计算机、打印机")
    exam_management_system: bool = Field(default=False, title="配有技能人才评价考务管理系统")


class Materials(Form):
    """提交材料（四（一）1-7）；申报表即本表单."""

    legal_person_certificate: bool = Field(default=False, title="法人登记证书复印件（四（一）2）")
    work_plan: bool = Field(
        default=False, title="职业技能等级认定试点工作方案及质量管控措施（四（一）3）"
    )
    expert_proofs: bool = Field(
        default=False, title="专家等专业人员名单及技能水平证明（四（一）4）"
    )
    asset_proofs: bool = Field(
        default=False,
        title="场地设备设施等资产有效证明文件（四（一）5）",
        description="场地所有权属证明或5年以上租赁合同、固定资产清单、上一年度审计报告或全套财务报表",
    )
    credit_report: bool = Field(default=False, title="信用报告或诚信承诺书（四（一）6）")
    other_evidence: list[str] = Field(
        default_factory=list, title="培训或评价等其他相关佐证材料（四（一）7）"
    )


class Profile(Form):
    """申报单位基本情况（附件1 五）."""

    scale: Text = Field(title="规模", description="人员、场地、年培训评价人次等")
    achievements: str = Field(default="", title="工作业绩")
    awards: str = Field(default="", title="获奖情况")


class FilingForm(Form):
    """浙江省职业技能等级认定试点社会培训评价组织申报表（附件3）及申报条件（一、二、附件1）."""

    competent_department: str = Field(default="", title="主管部门")
    provincial_enterprise: bool = Field(
        default=False,
        title="省部属企业",
        description="中央或省属企业由省人力社保部门受理（三（一）），仅企业可勾选",
    )
    industry_department: str = Field(default="", title="行业主管部门")
    address: Text = Field(title="申报单位地址")
    postcode: Postcode = Field(title="邮编")
    head: Contact = Field(title="负责人")
    contact: Contact = Field(title="联系人")
    independent_legal_person: bool = Field(
        default=False, title="具有独立法人资格", description="一（一）"
    )
    credit_good: bool = Field(default=False, title="社会信用良好", description="一（一）")
    no_bad_records: bool = Field(
        default=False, title="无严重违法违规和失信等不良行为记录", description="一（一）"
    )
    experience: Experience | None = Field(
        default=None,
        title="相关培训评价经历",
        description="一（一）1；企业性质的民办职业培训机构亦须填写",
    )
    enterprise: EnterpriseCertification | None = Field(
        default=None, title="本企业职工职业技能等级认定", description="一（一）2"
    )
    association: Association | None = Field(
        default=None, title="行业协会（学会）情况", description="一（一）3"
    )
    relaxation: Relaxation = Field(
        default_factory=Relaxation, title="可适当放宽申报要求的情形", description="一 末段"
    )
    dedicated_department: str = Field(
        default="", title="专门负责职业技能等级认定工作的机构", description="一（二）"
    )
    funding: Funding = Field(title="经费保障", description="一（二）")
    quality_control: bool = Field(
        default=False, title="具有完善的质量管控措施", description="一（三）"
    )
    social_benefit_first: bool = Field(
        default=False, title="把社会效益放在首位，不以营利为最终目的", description="一（三）"
    )
    accepts_supervision: bool = Field(
        default=False, title="自愿接受各级人力社保部门的监管", description="一（四）"
    )
    staff: list[Staff] = Field(default_factory=list, title="工作人员情况")
    experts: list[Expert] = Field(default_factory=list, title="专家情况")
    examiners: list[Examiner] = Field(default_factory=list, title="考评人员情况")
    rules: list[RuleDocument] = Field(default_factory=list, title="已建立规章制度目录")
    other_rules: list[Text] = Field(
        default_factory=list, title="其他有关管理制度", description="附件1 三、9"
    )
    occupations: list[Occupation] = Field(
        default_factory=list, title="拟开展职业技能等级认定的职业（工种）范围"
    )
    sites: list[Site] = Field(default_factory=list, title="职业（工种）场地设备情况")
    premises: list[Premises] = Field(default_factory=list, title="场地权属", description="附件1 二")
    office: OfficeFacilities = Field(
        default_factory=OfficeFacilities, title="办公室用房配置", description="附件1 二、1"
    )
    archives_5_years: bool = Field(
        default=False, title="有近5年培训、鉴定（评价）人员档案材料", description="附件1 四、2"
    )
    profile: Profile = Field(title="申报单位基本情况", description="附件1 五")
    materials: Materials = Field(
        default_factory=Materials, title="提交材料", description="四（一）"
    )
    commitment_signed: bool = Field(
        default=False, title="已签署承诺书", description="附件3 承诺书，法人代表签字、单位盖章"
    )
    legal_representative: str = Field(default="", title="法人代表（承诺书签字人）")

    @model_validator(mode="after")
    def _unique_rows(self) -> FilingForm:
        _unique([s.id_number for s in self.staff], "工作人员", "身份证号码")
        _unique([e.id_number for e in self.experts], "专家", "身份证号码")
        _unique([(o.code, o.work_type) for o in self.occupations], "职业（工种）", "职业编码和工种")
        _unique([s.occupation_code for s in self.sites], "场地设备情况", "职业编码（每个职业一张）")
        return self


def table_codes(form: FilingForm | AdditionForm) -> list[str]:
    """The application's occupations: the 职业编号 of its occupation table (one per 职业, 工种 rows
    sharing it), so the applicant lists them once, in the 申报表."""
    return [row.code for row in form.occupations]


def _unique(values: list, table: str, what: str) -> None:
    """Each row of a table once; a repeat is named by its rows, never by its value (an identity number)."""
    first: dict = {}
    for row, value in enumerate(values, start=1):
        if value in first:
            raise ValueError(f"{table}表第 {row} 行与第 {first[value]} 行的{what}重复")
        first[value] = row


# -- 二 新增职业（工种） --------------------------------------------------------------------------------


class AdditionForm(Form):
    """新增职业（工种）申报（二）: the occupation tables of the 申报表 for the new occupations only."""

    experience_summary: Text = Field(
        title="试点工作经验", description="试点期间开展等级认定的情况（二：在试点期间取得经验）"
    )
    experts: list[Expert] = Field(default_factory=list, title="专家情况（新增职业）")
    examiners: list[Examiner] = Field(default_factory=list, title="考评人员情况（新增职业）")
    occupations: list[Occupation] = Field(default_factory=list, title="新增职业（工种）")
    sites: list[Site] = Field(default_factory=list, title="职业（工种）场地设备情况（新增职业）")
    premises: list[Premises] = Field(
        default_factory=list, title="新增场地权属", description="新增场地须自有或租期5年及以上"
    )
    commitment_signed: bool = Field(default=False, title="已签署承诺书")

    @model_validator(mode="after")
    def _unique_rows(self) -> AdditionForm:
        _unique([e.id_number for e in self.experts], "专家", "身份证号码")
        _unique([(o.code, o.work_type) for o in self.occupations], "职业（工种）", "职业编码和工种")
        _unique([s.occupation_code for s in self.sites], "场地设备情况", "职业编码（每个职业一张）")
        return self


# -- 三（三）向省推荐 ----------------------------------------------------------------------------------


class PromotionForm(Form):
    """市级综合评估后择优向省推荐申请备案（三（三））."""

    city_assessment_summary: Text = Field(title="市级综合评估情况")
    city_assessment_score: float = Field(ge=0, le=100, title="市级综合评估得分")
    persons_certified: int = Field(ge=0, title="试点期间认定人数")
    certificates_issued: int = Field(ge=0, title="颁发职业技能等级证书数")
    recommendation: Text = Field(title="推荐理由")

    @model_validator(mode="after")
    def _certificates_within_persons(self) -> PromotionForm:
        if self.certificates_issued > self.persons_certified:
            raise ValueError("颁发证书数不应大于认定人数")
        return self


# -- 四（五）、五（三）评估 ----------------------------------------------------------------------------


class AssessmentForm(Form):
    """认定质量综合评估、专家评估（四（五）、二）或试点结束后的综合评估（五（三））."""

    occasion: AssessmentOccasion = Field(title="评估类别")
    methods: list[AssessmentMethod] = Field(min_length=1, title="评估方式")
    scope: Text = Field(
        title="评估内容", description="制度执行、认定工作规程遵守、质量督导发现的问题等"
    )
    findings: str = Field(default="", title="评估发现")
    revocation_ground: RevocationGround | None = Field(
        default=None, title="取消试点资格的依据", description="拟取消试点资格时填写"
    )


# -- 三（二）分支机构 ---------------------------------------------------------------------------------


class BranchForm(Form):
    """在实施等级认定场所以外新开设评价分支机构（三（二））; the application's occupations are those
    the branch will assess."""

    name: Text = Field(title="分支机构名称")
    address: Text = Field(title="分支机构地址")
    division_code: Annotated[str, StringConstraints(pattern=r"^33\d{4}$")] = Field(
        title="所在地行政区划代码", description="浙江省内（GB/T 2260）"
    )
    sites: list[Site] = Field(default_factory=list, title="分支机构场地设备情况")
    premises: list[Premises] = Field(default_factory=list, title="分支机构场地权属")
    supervision: Supervision = Field(title="监管方式")
