"""定点职业技能培训机构申请（第三条）: the facts the district bureau decides on.

第三条 names 场地、设施、设备、师资力量; 第六条 the 行政许可 whose scope bounds every class; 第八条
the management the institution must have; 第十三条、第十五条、第十六条 what it undertakes.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from core.forms import Choice, Form, Text
from plugins.linan_training.forms.base import refuse_duplicates
from plugins.linan_training.levels import TeachingType, TrainingLevel


class PremisesUse(Choice):
    CLASSROOM = "classroom", "理论教室"
    WORKSHOP = "workshop", "实训场地"
    BOTH = "both", "理论教学与实训兼用"


class Tenure(Choice):
    OWNED = "owned", "自有"
    LEASED = "leased", "租赁"


class ManagementSystem(Choice):
    """第八条 and 第十四条: the rules an institution must have in place."""

    ATTENDANCE = "attendance", "培训考勤制度（第八条）"
    TEACHER_MANAGEMENT = "teacher_management", "师资管理制度（第八条）"
    HOURS_FILING = "hours_filing", "课时备案制度（第八条）"
    SAFETY = "safety", "安全管理制度（第八条）"
    RECORDS = "records", "培训档案和台账管理制度（第十四条）"


class LicensedOccupation(Form):
    occupation: Text = Field(title="工种（职业）")
    highest_level: TrainingLevel = Field(title="许可的最高培训等级")


class Licence(Form):
    """行政许可（第六条：在行政许可范围内开展各类工种的培训）."""

    document: Text = Field(
        title="许可证或批准文件", description="如民办学校办学许可证、技工学校设立批准文件"
    )
    number: Text = Field(title="编号")
    issued_by: Text = Field(title="发证机关")
    valid_until: dt.date | None = Field(
        default=None, title="有效期至", description="长期有效的留空"
    )
    scope: list[LicensedOccupation] = Field(min_length=1, title="许可范围内的工种及等级")

    @model_validator(mode="after")
    def _one_entry_per_occupation(self) -> Licence:
        refuse_duplicates((s.occupation for s in self.scope), "许可范围内的工种")
        return self


class Premises(Form):
    address: Text = Field(title="地址")
    division_code: str = Field(
        title="所在县（市、区）代码", pattern=r"^\d{6}$", description="GB/T 2260，临安区为 330112"
    )
    area_m2: float = Field(title="面积（平方米）", gt=0)
    use: PremisesUse = Field(title="用途")
    tenure: Tenure = Field(title="产权")


class Equipment(Form):
    name: Text = Field(title="设备名称")
    quantity: int = Field(title="数量", ge=1)


class StaffTeacher(Form):
    """师资力量: the teachers the institution relies on (each enters the 培训师资库 separately)."""

    name: Text = Field(title="姓名")
    teaching: TeachingType = Field(title="授课类型")
    credentials: Text = Field(
        title="学历、职称或职业资格", description="如：本科，中级职称（电气工程师）"
    )
    full_time: bool = Field(title="专职")


class DesignationForm(Form):
    """定点职业技能培训机构申请（第三条）."""

    licence: Licence = Field(title="行政许可", description="第六条")
    premises: list[Premises] = Field(
        default_factory=list, title="培训场地", description="第三条：场地"
    )
    facilities: list[Text] = Field(
        default_factory=list, title="教学设施", description="第三条：设施（多媒体教室、消防设施等）"
    )
    equipment: list[Equipment] = Field(
        default_factory=list, title="教学设备", description="第三条：设备"
    )
    teachers: list[StaffTeacher] = Field(
        default_factory=list, title="师资力量", description="第三条、第五条"
    )
    managers: list[Text] = Field(
        default_factory=list,
        title="专门管理人员",
        description="负责培训教学日常管理的人员姓名（第八条）",
    )
    systems: list[ManagementSystem] = Field(
        default_factory=list, title="已建立的管理制度", description="第八条、第十四条"
    )
    funds_earmarked: bool = Field(
        default=False, title="承诺培训补贴及收费专款专用", description="第十三条"
    )
    training_agreements: bool = Field(
        default=False, title="落实职业培训协议书签订制度", description="第十六条"
    )
    accepts_supervision: bool = Field(
        default=False, title="接受区人力社保局业务指导和监督检查", description="第十五条"
    )
    declaration_truthful: bool = Field(
        default=False, title="承诺申报材料真实", description="弄虚作假的取消定点资格（第十六条）"
    )
