"""The assessment record of 附件3: the facts the base reports and the bureau verifies (五).

Items 1–14 of 附件3 are scored from these facts (automatic items) or by the experts within the
bounds they set (酌情扣分 items); the 五（三） grounds are recorded here by the bureau.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from core.forms import Choice, Form, Text


class CompetitionLevel(Choice):
    CITY = "city", "市级"
    PROVINCE = "province", "省级"
    NATIONAL = "national", "国家级"


class LedgerPart(Choice):
    """实训台账的组成（附件3 第11项）"""

    ADMISSION = "admission", "准入申请"
    AGREEMENT = "agreement", "实训协议"
    BOOKING = "booking", "实训预约"
    TRAINEES = "trainees", "学员信息"


class FailGround(Choice):
    """考核结果直接认定为不合格的情形（五（三））"""

    REFUSED_ASSESSMENT = "refused_assessment", "1. 拒绝接受市人力社保部门考核管理的"
    UNIT_DISSOLVED = "unit_dissolved", "2. 所在单位被注销或撤销的"
    VERIFIED_MISCONDUCT = (
        "verified_misconduct",
        ("3. 经查属实且造成不良社会影响的投诉、舆情，或发生重大安全事故及其他违法违规事件"),
    )


class AssessmentYear(Form):
    """一个考核年度的记录（附件3 第9、10、12项）."""

    year: int = Field(title="考核年度", ge=2000, le=2100)
    external_service_person_times: int = Field(
        default=0,
        ge=0,
        title="对外公共服务人次",
        description="为在杭高校、职业院校、培训机构、用人单位和其他社会组织提供的实训、鉴定、竞赛等服务人次，"
        "不含分基地所在院校或企业自身（六（二））",
    )
    work_plan: bool = Field(default=False, title="有年度工作计划")
    work_summary: bool = Field(default=False, title="有年度工作总结")
    monthly_statistics: bool = Field(default=False, title="有月度实训情况统计、分析")
    annual_statistics: bool = Field(default=False, title="有年度实训情况统计、分析")


class Competition(Form):
    name: Text = Field(title="技能大赛名称")
    level: CompetitionLevel = Field(title="级别")
    held_on: dt.date = Field(title="举办日期")


class PublicWelfareService(Form):
    name: Text = Field(title="公益性服务名称")
    held_on: dt.date = Field(title="日期")
    description: str = Field(default="", title="服务内容")


class AssessmentForm(Form):
    """分基地考核评估（五、附件3）：由分基地填报、市人力社保部门核实的事实."""

    years: list[AssessmentYear] = Field(
        min_length=1, title="考核年度", description="考核期内的连续完整年度"
    )
    dedicated_site_m2: float = Field(
        default=0, ge=0, title="专门实训场地面积（平方米）", description="无专门场地填0（第1项）"
    )
    equipment_owned_items: int = Field(
        default=0, ge=0, title="自有实训设备（台/套）", description="第2项"
    )
    equipment_leased_items: int = Field(
        default=0, ge=0, title="租赁实训设备（台/套）", description="第2项"
    )
    full_time_head: str = Field(
        default="", title="专职分基地负责人", description="姓名；无专职负责人留空（第3项）"
    )
    full_time_maintainers: list[Text] = Field(
        default_factory=list, title="专职实训设备维护保养人员", description="姓名（第4项）"
    )
    matching_funds_yuan: int = Field(
        default=0, ge=0, title="所在单位安排的配套经费（元）", description="考核期内（第5项）"
    )
    operating_rules: list[Text] = Field(
        default_factory=list, title="分基地运行管理制度", description="制度名称（第6项）"
    )
    has_process: bool = Field(default=False, title="有运行流程", description="第7项")
    has_job_duties: bool = Field(default=False, title="有工作人员岗位职责", description="第8项")
    ledger_parts: list[LedgerPart] = Field(
        default_factory=list, title="实训台账", description="已建立的台账（第11项）"
    )
    competitions: list[Competition] = Field(
        default_factory=list, title="承办的技能大赛", description="第13项"
    )
    public_welfare_services: list[PublicWelfareService] = Field(
        default_factory=list, title="对外承接的其他公益性服务", description="第14项"
    )
    automatic_fail_grounds: list[FailGround] = Field(
        default_factory=list,
        title="直接认定为不合格的情形",
        description="五（三），由市人力社保部门核实后记录",
    )
    automatic_fail_facts: str = Field(default="", title="情形的事实及依据")
    declaration_truthful: bool = Field(default=False, title="承诺填报内容真实")

    @field_validator("years")
    @classmethod
    def _consecutive_years(cls, value: list[AssessmentYear]) -> list[AssessmentYear]:
        years = sorted(r.year for r in value)
        if years != list(range(years[0], years[0] + len(years))):
            raise ValueError("考核年度应为不重复的连续年度")
        return sorted(value, key=lambda r: r.year)

    @model_validator(mode="after")
    def _grounds_explained(self) -> AssessmentForm:
        if self.automatic_fail_grounds and not self.automatic_fail_facts.strip():
            raise ValueError("记录直接认定不合格的情形时须写明事实及依据")
        return self
