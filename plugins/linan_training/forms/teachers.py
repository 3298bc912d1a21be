"""培训师资库登记（第五条）: one teacher, the credentials 第五条 compares, and what they will teach.

A teacher asks to teach in one or more scopes (tier × teaching type × occupations). For each
scope the credentials must meet the rule of 第五条; where a title or certificate is replaced by
“等同资质”, the scope says what it is and the district bureau decides whether it is equivalent.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from core.forms import Choice, Form, Text
from core.pii import IdNumber
from plugins.linan_training.levels import Education, Skill, TeachingType, Tier, Title


class Employment(Choice):
    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class TitleHeld(Form):
    name: Text = Field(title="职称名称", description="如：电气工程师")
    level: Title = Field(title="职称等级")
    number: Text = Field(title="证书编号")


class CertificateHeld(Form):
    occupation: Text = Field(title="工种（职业）")
    level: Skill = Field(title="等级")
    number: Text = Field(title="证书编号")


class TeachingScope(Form):
    tier: Tier = Field(title="培训层次", description="第五条（一）初、中级；（二）高级")
    teaching: TeachingType = Field(title="授课类型")
    occupations: list[Text] = Field(min_length=1, title="授课工种")
    equivalence: str = Field(
        default="",
        title="等同资质说明",
        description="不具备所要求的职称或职业资格证书、以其他资质等同的，写明资质名称、等级及编号；由区人力社保局审查认定",
    )


class TeacherRegistrationForm(Form):
    """培训师资库登记（第五条）."""

    name: Text = Field(title="姓名")
    id_number: IdNumber = Field(title="居民身份证号码")
    education: Education = Field(title="最高学历（文化程度）")
    education_major: str = Field(default="", title="所学专业")
    titles: list[TitleHeld] = Field(default_factory=list, title="专业技术职称")
    certificates: list[CertificateHeld] = Field(
        default_factory=list, title="职业资格证书（职业技能等级证书）"
    )
    teaching_years: int = Field(
        title="从事培训教学年限", ge=0, description="第五条：有一定教学经验"
    )
    employment: Employment = Field(title="聘用方式")
    scopes: list[TeachingScope] = Field(min_length=1, title="申请授课范围")
    declaration_truthful: bool = Field(
        default=False, title="承诺所填资质真实", description="第十六条"
    )

    @model_validator(mode="after")
    def _distinct_scopes(self) -> TeacherRegistrationForm:
        keys = [(s.tier, s.teaching) for s in self.scopes]
        if len(set(keys)) != len(keys):
            raise ValueError("同一培训层次和授课类型只能填写一项授课范围（工种合并填写）")
        return self
