"""附件2《跨境电商人才社会培训基地认定申报表》as a form, with the self-score column of 附件1.

Sections follow the 申报表: 一 基本情况 (``basic``), 二 管理运营团队 (``management_team``), 三 专兼职讲师
(``lecturers``), 四 跨境电商培训活动 (``training_activities``), 五 企业人才对接和考察调研活动
(``matching_activities``), 六 品牌建设和创新活动 (``brand_activities``), 七 企业荣誉 (``honours``),
八 企业资质 (``qualifications``), 九 申报单位审核意见 (``applicant_opinion`` + ``declarations``).
附件1's 自评分 column is ``self_scores``; the 佐证材料 附件1 asks for that carry numbers (办公用房,
近三年净资产) are ``office`` and ``finances``.

Not asked again, because the Institution record holds them: 单位名称, 法定代表人, 注册时间 and
所属区县 (the record's registered division). Not asked at all, because they are computed from the
tables: 讲师数量, 本科及以上学历讲师数量, 占比, 管理人员数量 and 涉及平台数量 (shown by the criterion
``annex2_summary_figures``). Tables may be left empty in a draft; the gates refuse submission.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, ValidationInfo, create_model, field_validator

from core.forms import Choice, Form, Text
from core.pii import Phone
from plugins.hz_crossborder.rubric import ITEMS


class Education(Choice):
    DOCTORATE = "doctorate", "博士研究生"
    MASTER = "master", "硕士研究生"
    BACHELOR = "bachelor", "大学本科"
    JUNIOR_COLLEGE = "junior_college", "大学专科"
    SECONDARY_OR_BELOW = "secondary_or_below", "高中（中专）及以下"


BACHELOR_OR_ABOVE = frozenset({Education.DOCTORATE, Education.MASTER, Education.BACHELOR})


class Employment(Choice):
    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class Tool(Choice):
    """基础授课工具（附件1 一、1 所列）"""

    AIR_CONDITIONING = "air_conditioning", "空调"
    COMPUTERS = "computers", "电脑"
    NETWORK = "network", "网络"
    PROJECTOR = "projector", "投影仪"
    WHITEBOARD = "whiteboard", "白板"


class VenueType(Choice):
    CLASSROOM = "classroom", "教学场地"
    LAB = "lab", "实训场地（实训机房）"


class Tenure(Choice):
    OWNED = "owned", "自有产权"
    LEASED = "leased", "租赁"
    LICENSED = "licensed", "场地使用许可"


def _refuse_repeats(keys: list, what: str) -> None:
    """Used by list validators, so the error lands on the list's own field path."""
    if len(set(keys)) != len(keys):
        raise ValueError(f"{what}有重复")


# -- 一、基本情况 ---------------------------------------------------------------------------------


class Venue(Form):
    address: Text = Field(title="空间地址")
    venue_type: VenueType = Field(title="场地类型")
    area_m2: float = Field(gt=0, title="面积（平方米）")
    capacity: int = Field(
        ge=1, title="可容纳人数", description="可同时参加培训课程的人数（附件1 一、1）"
    )
    tools: list[Tool] = Field(
        default_factory=list, title="基础授课工具", description="附件1 一、1 所列授课工具及网络环境"
    )
    other_equipment: list[Text] = Field(default_factory=list, title="其他教学设备")


class BasicInfo(Form):
    registered_address: Text = Field(title="注册地", description="营业执照所载住所")
    contact_name: Text = Field(title="联系人")
    contact_phone: Phone = Field(title="电话", description="手机号码，或带区号的固定电话")
    office_address: Text = Field(title="办公地址")
    total_area_m2: float = Field(gt=0, title="总面积（平方米）")
    training_venues: list[Venue] = Field(default_factory=list, title="培训场地及可容纳人数")
    platforms: list[Text] = Field(
        default_factory=list,
        title="涉及平台",
        description="涉及的跨境电商平台名称；“涉及平台数量”按此计算",
    )
    profile: Text = Field(title="单位简介")

    @field_validator("platforms")
    @classmethod
    def _distinct_platforms(cls, platforms: list[str]) -> list[str]:
        _refuse_repeats(platforms, "涉及平台")
        return platforms


class Office(Form):
    """办公条件（附件1 一、4 的佐证材料）"""

    room_area_m2: float = Field(gt=0, title="独立办公用房面积（平方米）")
    tenure: Tenure = Field(title="产权情况")
    lease_from: dt.date | None = Field(default=None, title="租赁（使用许可）起始日")
    lease_to: dt.date | None = Field(
        default=None, validate_default=True, title="租赁（使用许可）到期日"
    )
    name_sign: bool = Field(default=False, title="悬挂单位名称标识")

    @field_validator("lease_to")
    @classmethod
    def _lease_period(cls, lease_to: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if info.data.get("tenure", Tenure.OWNED) is Tenure.OWNED:
            return lease_to
        lease_from = info.data.get("lease_from")
        if lease_from is None or lease_to is None:
            raise ValueError("租赁或场地使用许可的，须填写起始日和到期日")
        if lease_to <= lease_from:
            raise ValueError("到期日应晚于起始日")
        return lease_to


class YearFinance(Form):
    year: int = Field(ge=2000, le=2100, title="年度")
    net_assets: float = Field(title="净资产（万元）")
    registered_capital: float = Field(ge=0, title="注册资金（万元）")


class DailyManagement(Form):
    """日常管理（二、1；附件1 一、2）"""

    annual_plan: bool = Field(default=False, title="具备跨境电商人才培训年度工作计划")
    annual_summary: bool = Field(default=False, title="具备跨境电商人才培训年度工作总结")
    procedures: bool = Field(default=False, title="具备内部事务等日常管理流程")
    finance_rules: bool = Field(
        default=False, title="具备规范的财务管理制度", description="附件1 一、3"
    )


# -- 二 至 八: the tables ---------------------------------------------------------------------------


class TeamMember(Form):
    name: Text = Field(title="姓名")
    position: Text = Field(title="职务")
    education: Education = Field(title="学历")
    department: Text = Field(title="部门")
    post: Text = Field(title="岗位")


class Lecturer(Form):
    name: Text = Field(title="讲师姓名")
    employment: Employment = Field(title="专职/兼职")
    education: Education = Field(title="学历", description="申报表“职称学历”栏的学历")
    professional_title: str = Field(
        default="", title="职称", description="申报表“职称学历”栏的职称，可空"
    )
    platform: str = Field(default="", title="研发平台", description="所擅长或研发的跨境电商平台")
    phone: Phone | None = Field(default=None, title="联系电话")
    note: str = Field(default="", title="备注", description="如：长期合作的平台或服务商讲师")


class TrainingActivity(Form):
    held_on: dt.date = Field(title="时间", description="培训开始日期")
    location: Text = Field(title="地点")
    topic: Text = Field(title="授课主题")
    lecturers: Text = Field(title="讲师")
    attendances: int = Field(ge=1, title="培训人次")
    hours: float = Field(gt=0, title="学时数", description="该期培训的学时数")


class MatchingActivity(Form):
    held_on: dt.date = Field(title="时间")
    location: Text = Field(title="地点")
    topic: Text = Field(title="活动主题", description="企业人才对接会、考察调研活动等")
    participants: int = Field(ge=0, title="参与人次")
    note: str = Field(default="", title="备注")


class BrandActivity(Form):
    held_on: dt.date = Field(title="时间")
    content: Text = Field(title="特色创新活动内容")
    influence: Text = Field(title="社会影响力情况")
    note: str = Field(default="", title="备注")


class Honour(Form):
    name: Text = Field(title="荣誉名称")
    issuer: Text = Field(title="签发单位")
    awarded_on: dt.date = Field(title="时间")
    note: str = Field(default="", title="备注")


class Qualification(Form):
    name: Text = Field(title="资质名称")
    registration: Text = Field(title="资质登记", description="登记号或证书编号")
    issuer: Text = Field(title="发证单位")
    valid_until: dt.date | None = Field(
        default=None, title="有效期", description="到期日；空表示长期有效"
    )


class Declarations(Form):
    """认定对象的声明事项（一）与申报单位承诺（九）; defaults are False so a draft can be saved."""

    independent_legal_person: bool = Field(
        default=False, title="具有独立法人资格", description="一、认定对象"
    )
    no_training_penalty: bool = Field(
        default=False, title="无任何违反职业培训法律法规被处罚记录", description="一、认定对象"
    )
    truthful: bool = Field(
        default=False,
        title="承诺申报材料真实",
        description="申报单位审核意见，法定代表人签章、单位盖章（附件2 九）",
    )


SelfScores = create_model(
    "SelfScores",
    __base__=Form,
    __doc__="附件1 自评分：申报单位对每项的自评，专家评分时参考，不计入总分",
    **{
        item.key: (
            float | None,
            Field(
                default=None,
                ge=0,
                le=item.max_points,
                title=f"{item.title}（{item.max_points}分）",
                description=f"{item.citation} {item.category.title}；{item.standard}",
            ),
        )
        for item in ITEMS
    },
)


class RecognitionForm(Form):
    """跨境电商人才社会培训基地认定申报表（附件2）及自评分（附件1）."""

    basic: BasicInfo = Field(title="一、基本情况")
    office: Office = Field(title="办公条件", description="附件1 一、4 的佐证材料")
    finances: list[YearFinance] = Field(
        default_factory=list, title="近三年净资产和注册资金", description="附件1 一、3 增减情况表"
    )
    daily_management: DailyManagement = Field(default_factory=DailyManagement, title="日常管理")
    management_team: list[TeamMember] = Field(default_factory=list, title="二、管理运营团队")
    lecturers: list[Lecturer] = Field(default_factory=list, title="三、专兼职讲师")
    training_activities: list[TrainingActivity] = Field(
        default_factory=list, title="四、已开展的跨境电商培训活动"
    )
    training_attendances_total: int | None = Field(
        default=None,
        ge=0,
        title="历年组织人才培训总人次",
        description="含跨境电商培训及其他人才培训（附件1 三、1）；不应少于表四培训人次之和",
    )
    matching_activities: list[MatchingActivity] = Field(
        default_factory=list, title="五、已开展的企业人才对接和考察调研活动"
    )
    brand_activities: list[BrandActivity] = Field(
        default_factory=list, title="六、已开展的品牌建设和创新活动"
    )
    honours: list[Honour] = Field(default_factory=list, title="七、企业荣誉")
    qualifications: list[Qualification] = Field(default_factory=list, title="八、企业资质")
    self_scores: SelfScores = Field(default_factory=SelfScores, title="自评分（附件1）")
    declarations: Declarations = Field(default_factory=Declarations, title="声明与承诺")
    applicant_opinion: str = Field(default="", title="九、申报单位审核意见")

    @field_validator("finances")
    @classmethod
    def _distinct_years(cls, finances: list[YearFinance]) -> list[YearFinance]:
        _refuse_repeats([f.year for f in finances], "年度")
        return finances

    @field_validator("lecturers")
    @classmethod
    def _distinct_lecturers(cls, lecturers: list[Lecturer]) -> list[Lecturer]:
        _refuse_repeats(
            [lecturer.name for lecturer in lecturers], "讲师姓名（同名讲师请在姓名后加以区分）"
        )
        return lecturers

    @field_validator("training_attendances_total")
    @classmethod
    def _total_covers_cross_border(cls, total: int | None, info: ValidationInfo) -> int | None:
        cross_border = sum(a.attendances for a in info.data.get("training_activities", []))
        if total is not None and total < cross_border:
            raise ValueError(
                f"历年组织人才培训总人次（{total}）不应少于表四跨境电商培训人次之和（{cross_border}）"
            )
        return total
