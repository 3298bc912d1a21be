"""The tables of the 申报表 (附件3) as pydantic rows, shared by the filing and the addition forms.

What a row can check on its own is checked here (format of an occupation code, gender against the
身份证号码's sequence code, lease dates in order; the number itself and phone numbers are core's
personal-data types, and the sex and age the number also tells are ``IdDerived``, :mod:`core.pii`);
what depends on the evaluation date or on other rows is a criterion.
Structured columns (学历, 职业资格, 职称, 分工) are added beside the form's free-text column so
that 附件1's staffing standards can be checked; the free text is kept as the applicant wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from stdnum.cn import ric

from core.forms import Form, Text
from core.pii import IdDerived, IdNumber, Phone
from plugins.zj_evaluation_org.choices import (
    Basis,
    Duty,
    Education,
    Gender,
    Grade,
    PremisesUse,
    ProfessionalTitle,
    SkillQualification,
    Tenure,
)

OCCUPATION_CODE = re.compile(r"^[1-8]-\d{2}-\d{2}-\d{2}$")


def _occupation_code(value: str) -> str:
    if not OCCUPATION_CODE.match(value):
        raise ValueError(f"职业编码 {value!r} 应为《职业分类大典（2015版）》格式，如 4-03-02-01")
    return value


OccupationCode = Annotated[
    str, StringConstraints(strip_whitespace=True), AfterValidator(_occupation_code)
]


def birth_date(id_number: str) -> dt.date:
    """The birth date a validated 身份证号码 carries (digits 7-14)."""
    return ric.get_birth_date(id_number)


class IdentifiedPerson(Form):
    """A person listed with a 身份证号码 (工作人员、专家 tables)."""

    name: Text = Field(title="姓名")
    gender: IdDerived[Gender] = Field(
        title="性别"
    )  # the number's 17th digit: sealed and masked with it
    id_number: IdNumber = Field(
        title="身份证号码", description="18位公民身份号码（GB 11643），校验码和出生日期须有效"
    )

    @model_validator(mode="after")
    def _gender_matches_number(self) -> IdentifiedPerson:
        expected = Gender.MALE if int(self.id_number[16]) % 2 else Gender.FEMALE
        if self.gender is not expected:
            raise ValueError(f"性别与身份证号码不符（号码第17位表示{expected.label}性）")
        return self


class Contact(Form):
    name: Text = Field(title="姓名")
    position: Text = Field(title="职务")
    title_or_qualification: str = Field(default="", title="职称（职业资格）")
    phone: Phone = Field(title="联系电话", description="手机号码，或带区号的固定电话")
    email: str = Field(default="", title="电子邮箱")


class Staff(IdentifiedPerson):
    """工作人员情况（附件3）；分工与资格用于核对附件1 一、1-7."""

    age: IdDerived[int] = Field(
        title="年龄", ge=16, le=100, description="申报时周岁年龄，须与身份证号码的出生日期一致"
    )
    education: Education = Field(title="学历")
    position: Text = Field(title="职务（职称、职业资格）", description="按申报表填写的原文")
    duty: Duty = Field(title="分工", description="附件1 一、1-7 的岗位；一人只计一个岗位")
    skill: SkillQualification = Field(
        default=SkillQualification.NONE, title="职业资格（职业技能等级）"
    )
    professional_title: ProfessionalTitle = Field(
        default=ProfessionalTitle.NONE, title="专业技术职称"
    )
    training_assessment_years: int = Field(
        default=0, ge=0, le=80, title="从事培训考核工作年限（整年）"
    )
    finance_certificate: bool = Field(
        default=False, title="具有财会人员证书", description="财务管理人员须具备（附件1 一、7）"
    )
    computer_major: bool = Field(
        default=False, title="计算机相关专业", description="计算机管理人员须具备（附件1 一、6）"
    )


class Expert(IdentifiedPerson):
    """专家情况（附件3）：专家库成员，负责题库开发（附件1 一、8（1））."""

    education: Education = Field(title="学历")
    title_or_qualification: Text = Field(title="职称或职业资格", description="按申报表填写的原文")
    skill: SkillQualification = Field(
        default=SkillQualification.NONE, title="职业资格（职业技能等级）"
    )
    professional_title: ProfessionalTitle = Field(
        default=ProfessionalTitle.NONE, title="专业技术职称"
    )
    specialty: Text = Field(title="专业/专业方向")
    occupations: list[OccupationCode] = Field(min_length=1, title="所在专家库的职业编码")
    grades: list[Grade] = Field(min_length=1, title="负责开发的等级")


class Examiner(Form):
    """考评人员情况（附件3）：由评价组织自主聘任（附件1 一、8（2））."""

    name: Text = Field(title="姓名")
    gender: IdDerived[Gender] = Field(
        title="性别"
    )  # the number's 17th digit: sealed and masked with it
    education: Education = Field(title="学历")
    title_or_qualification: Text = Field(title="职称或职业资格", description="按申报表填写的原文")
    skill: SkillQualification = Field(
        default=SkillQualification.NONE, title="职业资格（职业技能等级）"
    )
    professional_title: ProfessionalTitle = Field(
        default=ProfessionalTitle.NONE, title="专业技术职称"
    )
    specialty_years: int = Field(ge=0, le=80, title="专业工龄（年）")
    occupations: list[OccupationCode] = Field(min_length=1, title="考评职业领域（职业编码）")
    grades: list[Grade] = Field(min_length=1, title="考评的等级")
    certificate_number: str = Field(default="", title="考评员证书号码")
    own_staff: bool = Field(
        title="自有人员",
        description="本单位自有（非外聘）考评人员（附件1 一、8（2）“其中自有3人以上”）",
    )


class Occupation(Form):
    """拟开展职业技能等级认定的职业（工种）范围（附件3）：一行一个职业（工种）."""

    code: OccupationCode = Field(title="职业编号")
    name: Text = Field(title="职业名称")
    work_type: str = Field(
        default="", title="工种名称", description="职业下设工种的填写工种名称；不设工种的留空"
    )
    grades: list[Grade] = Field(min_length=1, title="等级")
    access_type: bool = Field(
        default=False,
        title="属准入类职业",
        description="准入类职业不在申报范围内（二）；勾选即不予受理",
    )
    basis: Basis = Field(
        title="评价依据", description="国家职业技能标准或经省人力社保厅公布的评价规范（二）"
    )
    basis_title: Text = Field(title="标准或规范名称及编号")
    persons_assessed: int = Field(
        default=0,
        ge=0,
        title="该职业（工种）累计培训评价规模（人次）",
        description="一（一）1：不得少于5000人次",
    )


class Equipment(Form):
    name_model: Text = Field(title="设备名称、型号")
    quantity: int = Field(ge=1, title="数量")


class Site(Form):
    """职业（工种）场地设备情况（附件3，每个职业（工种）一张；公用场地设备可重复填写）."""

    occupation_code: OccupationCode = Field(title="职业编号")
    theory_area_m2: float = Field(ge=0, title="理论知识考试场地面积（平方米）")
    theory_capacity: int = Field(ge=0, title="理论考试可同时容纳人数")
    theory_video: bool = Field(title="理论考试场地有视频监控设备")
    practical_area_m2: float = Field(ge=0, title="技能考核场地面积（平方米）")
    practical_capacity: int = Field(ge=0, title="技能考核可同时考核人数")
    practical_video: bool = Field(title="技能考核场地有视频监控设备")
    practical_compliant: bool = Field(title="技能考核场地符合环境保护、劳保、安全和消防等各项要求")
    testing_examiner_capacity: int = Field(ge=0, title="检测场地设备可同时测评打分的考评员人数")
    exam_equipment: list[Equipment] = Field(default_factory=list, title="考核设备")
    testing_equipment: list[Equipment] = Field(default_factory=list, title="检测设备")

    @property
    def total_area_m2(self) -> float:
        """申报表“合计”栏."""
        return self.theory_area_m2 + self.practical_area_m2


class Premises(Form):
    """场地权属（附件1 二 末段；四（一）5 场地所有权属证明或5年以上房产租赁合同）."""

    use: PremisesUse = Field(title="用途")
    address: Text = Field(title="地址")
    area_m2: float = Field(gt=0, title="面积（平方米）")
    tenure: Tenure = Field(title="权属")
    certificate: str = Field(default="", title="产权证号", description="自有场地填写")
    lease_start: dt.date | None = Field(
        default=None, title="租赁起始日", description="租赁场地填写"
    )
    lease_end: dt.date | None = Field(
        default=None, title="租赁终止日（含）", description="租赁场地填写"
    )

    @model_validator(mode="after")
    def _tenure_evidence(self) -> Premises:
        if self.tenure is Tenure.OWNED and not self.certificate.strip():
            raise ValueError("自有场地须填写产权证号")
        if self.tenure is Tenure.LEASED:
            if self.lease_start is None or self.lease_end is None:
                raise ValueError("租赁场地须填写租赁起止日")
            if self.lease_end <= self.lease_start:
                raise ValueError("租赁终止日应晚于起始日")
        return self
