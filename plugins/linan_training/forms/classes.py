"""办班备案（第六条、第七条）and its changes: the plan a class is run on.

第六条 asks for 办班计划、使用教材、培训内容、上课师资; 第七条 for the class size by class type;
第十二条 for the fee, if any, and its prior approval. A change request (第六条：确需调整的应及时
提出申请) carries the whole revised plan, so the same checks run on what will actually be taught.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field, model_validator

from core.forms import ApplicationRef, Choice, Form, Text
from plugins.linan_training.forms.base import Money, Person
from plugins.linan_training.levels import TeachingType, TrainingLevel


class ClassType(Choice):
    """培训班类型（第七条）."""

    QUALIFICATION = "qualification", "职业资格类"
    SKILL_LEVEL = "skill_level", "技能等级类"
    SPECIAL_ABILITY = "special_ability", "专项能力类"
    ENTREPRENEURSHIP = "entrepreneurship", "创业类"
    OTHER = "other", "其他（需报区人力社保局同意后方可开班）"


class TextbookSource(Choice):
    """第六条：教材统一使用区人力社保局指定或核准的培训教材，不得私自使用教材."""

    DESIGNATED = "designated", "区人力社保局指定"
    APPROVED = "approved", "经区人力社保局核准"


class Textbook(Form):
    title: Text = Field(title="教材名称")
    publisher: str = Field(default="", title="出版单位")
    source: TextbookSource = Field(title="来源")
    reference: Text = Field(
        title="指定目录或核准文件", description="指定教材目录的名称，或核准文件的文号"
    )


class Module(Form):
    """一段培训内容及其上课教师."""

    topic: Text = Field(title="培训内容")
    teaching: TeachingType = Field(title="授课类型")
    hours: int = Field(title="课时", ge=1)
    teacher: Person = Field(
        title="上课教师", description="须为培训师资库中具备相应资格的教师（第五条）"
    )


class ClassPlan(Form):
    """办班计划."""

    class_name: Text = Field(title="班级名称")
    class_type: ClassType = Field(title="培训班类型")
    occupation: Text = Field(title="培训工种", description="须在行政许可范围内（第六条）")
    level: TrainingLevel = Field(title="培训等级")
    start_date: dt.date = Field(title="开班日期")
    end_date: dt.date = Field(title="结业日期")
    venue: Text = Field(title="培训地点")
    schedule: Text = Field(
        title="上课时间安排", description="如：每周一至周五 8:30-11:30、13:30-16:30"
    )
    trainee_count: int = Field(title="培训人数", ge=1, description="第七条")
    total_hours: int = Field(title="总课时", ge=1, description="须等于各段培训内容课时之和")
    modules: list[Module] = Field(min_length=1, title="培训内容和上课师资")
    textbooks: list[Textbook] = Field(min_length=1, title="使用教材")
    special_case: str = Field(
        default="",
        title="特殊情况说明",
        description="超过第七条人数或“其他”类培训班，写明特殊情况，报区人力社保局同意后方可开班",
    )
    charges_fee: bool = Field(default=False, title="向学员收取费用", description="第十二条")
    fee_per_trainee: Money | None = Field(default=None, title="每人收费（元）")
    fee_approval_id: ApplicationRef | None = Field(
        default=None, title="收费核准申请", description="已核准的收费申请（第十二条）的 ID"
    )

    @model_validator(mode="after")
    def _consistent(self) -> ClassPlan:
        if self.end_date < self.start_date:
            raise ValueError("结业日期不能早于开班日期")
        if sum(m.hours for m in self.modules) != self.total_hours:
            raise ValueError(
                f"总课时 {self.total_hours} 与各段培训内容课时之和 {sum(m.hours for m in self.modules)} 不符"
            )
        if self.charges_fee and not (self.fee_per_trainee and self.fee_per_trainee > Decimal(0)):
            raise ValueError("收取费用的须填写每人收费金额")
        if not self.charges_fee and (self.fee_per_trainee or self.fee_approval_id):
            raise ValueError("不收取费用的不应填写收费金额或收费核准")
        return self


class ClassFilingForm(ClassPlan):
    """办班备案（第六条）."""

    declaration_truthful: bool = Field(
        default=False, title="承诺备案内容真实", description="第十六条"
    )


class ClassChangeForm(Form):
    """教学计划调整申请（第六条：不得擅自调整；确需调整的应及时提出申请）."""

    filing_id: ApplicationRef = Field(
        title="办班备案", description="所调整的、已审核同意的办班备案的 ID"
    )
    reason: Text = Field(title="调整原因", description="须调整的特殊情况")
    revised: ClassPlan = Field(title="调整后的办班计划")
    declaration_truthful: bool = Field(
        default=False, title="承诺申请内容真实", description="第十六条"
    )
