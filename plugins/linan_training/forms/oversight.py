"""年度考评（第十四条、第十五条）and 监督检查案件（第十六条）."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field, model_validator

from core.forms import Choice, Form, Text
from plugins.linan_training.forms.base import Money


class Tally(Form):
    """A count out of a total, e.g. employed of those followed up."""

    total: int = Field(title="总数", ge=0)
    count: int = Field(title="其中", ge=0)

    @model_validator(mode="after")
    def _within(self) -> Tally:
        if self.count > self.total:
            raise ValueError(f"人数 {self.count} 不能大于总数 {self.total}")
        return self


class FundPurpose(Choice):
    """第十三条：原则上用于以下方面."""

    TEACHERS = "teachers", "培训师资"
    MATERIALS = "materials", "教材设备"
    PREMISES = "premises", "场地"
    SUPPLIES = "supplies", "培训用品"
    CONSUMABLES = "consumables", "耗材"
    MEALS = "meals", "学员用餐"
    STUDY_VISITS = "study_visits", "观摩学习"
    OTHER = "other", "其他（须说明）"


class FundUse(Form):
    purpose: FundPurpose = Field(title="用途")
    amount: Money = Field(title="金额（元）")
    note: str = Field(default="", title="说明")


class AnnualEvaluationForm(Form):
    """年终督查考评（第十四条）、年度评估（第十五条）: the institution's account of its year."""

    year: int = Field(title="考评年度", ge=2020, le=2100)
    employment: Tally = Field(
        title="培训后就业情况", description="跟踪的结业学员数（总数）及其中已就业人数（第十五条）"
    )
    satisfaction: Tally = Field(
        title="学员满意度调查", description="参与调查的学员数（总数）及其中满意人数（第十五条）"
    )
    complaints: Tally = Field(
        title="学员投诉", description="收到的投诉数（总数）及其中已办结数（第十五条）"
    )
    funds: list[FundUse] = Field(
        default_factory=list, title="培训补贴及收费使用情况", description="第十三条"
    )
    archives_complete: bool = Field(
        default=False, title="每期培训班结束后已建档并做好台账", description="第十四条"
    )
    safety_incidents: int = Field(default=0, title="安全事件数", ge=0, description="第八条")
    summary: Text = Field(title="年度工作总结")
    declaration_truthful: bool = Field(
        default=False, title="承诺所报内容真实", description="第十六条"
    )


class Ground(Choice):
    """立案事由（第十五条、第十六条）."""

    UNAUTHORISED_CHANGE = (
        "unauthorised_change",
        "擅自缩减更改培训内容、课时等（限期整改，情况严重的暂停定点资质）",
    )
    FALSIFICATION = "falsification", "弄虚作假（取消定点资格）"
    SUBSIDY_FRAUD = "subsidy_fraud", "骗取培训补助经费（追缴违规所得，取消定点资格）"
    OVERCHARGING = "overcharging", "违反规定标准收取培训费用（追缴违规所得，取消定点资格）"
    IDLE = "idle", "六个月内未组织技能培训（暂停或取消资质）"
    EVALUATION_FAILED = "evaluation_failed", "年度考评不合格（优胜劣汰，第十五条）"


class SupervisionCaseForm(Form):
    """监督检查案件（第十六条）, opened by the district bureau."""

    ground: Ground = Field(title="立案事由")
    facts: Text = Field(title="查明的事实", description="检查发现的问题及证据")
    rectification_deadline: dt.date | None = Field(
        default=None, title="整改期限", description="责令限期整改的，整改期限的最后一日"
    )
    amount_to_recover: Money = Field(
        default=Decimal(0), title="追缴违规所得（元）", description="第十六条"
    )
    referred_to_judiciary: bool = Field(
        default=False, title="移交司法机关", description="情节严重构成犯罪的（第十六条）"
    )
