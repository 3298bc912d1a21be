"""鉴定申报（第九条至第十一条）: the institution lists the candidates; 区职建中心 records the results.

The candidates part is filled by the institution; ``exam_date``, ``examiners`` and ``results`` by
区职建中心 in its assessment stage (the submission guard refuses them from the institution).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from core.forms import ApplicationRef, Choice, Form
from core.pii import IdNumber
from plugins.linan_training.forms.base import Person, refuse_duplicates


class CertificateType(Choice):
    """第十条：结业证书，或职业资格证书（技能等级证书）."""

    COMPLETION = "completion", "结业证书"
    QUALIFICATION = "qualification", "职业资格证书"
    SKILL_LEVEL = "skill_level", "职业技能等级证书"


class Assessor(Choice):
    CENTRE = "centre", "区职建中心"
    EVALUATION_ORG = "evaluation_org", "经省市人力社保部门核准的社会培训评价机构"


class Attempt(Choice):
    FIRST = "first", "首次考核"
    RETAKE = "retake", "补考（同一培训年度内一次）"


class Result(Form):
    id_number: IdNumber = Field(title="考生居民身份证号码")
    theory_score: float = Field(title="应知考试（专业理论）成绩", ge=0, le=100)
    practical_score: float = Field(title="应会考试（专业技能）成绩", ge=0, le=100)


class ExamApplicationForm(Form):
    """鉴定申报（第九条）."""

    filing_id: ApplicationRef = Field(
        title="办班备案", description="已审核同意并已结束的培训班的办班备案 ID"
    )
    certificate: CertificateType = Field(title="考核证书类型")
    assessor: Assessor = Field(title="考核组织实施单位")
    evaluation_org: str = Field(default="", title="社会培训评价机构名称")
    attempt: Attempt = Field(title="考核次别")
    candidates: list[Person] = Field(min_length=1, title="考生")
    site_ready: bool = Field(default=False, title="已准备好考核场地、设备", description="第十条")
    exam_date: dt.date | None = Field(
        default=None, title="考核日期", description="由区职建中心填写"
    )
    examiners: list[Person] = Field(
        default_factory=list, title="考评人员", description="由区职建中心填写（考培分离）"
    )
    results: list[Result] = Field(
        default_factory=list, title="考核成绩", description="由区职建中心核准（第十一条）"
    )

    @model_validator(mode="after")
    def _consistent(self) -> ExamApplicationForm:
        refuse_duplicates((c.id_number for c in self.candidates), "考生")
        refuse_duplicates((r.id_number for r in self.results), "考核成绩")
        strangers = {r.id_number for r in self.results} - {c.id_number for c in self.candidates}
        if strangers:
            raise ValueError(f"成绩中有非本次考生：{'、'.join(sorted(strangers))}")
        if (self.assessor is Assessor.EVALUATION_ORG) != bool(self.evaluation_org.strip()):
            raise ValueError("由社会培训评价机构组织实施的须填写机构名称，且仅此时填写")
        return self
