"""收费核准（第十二条）and 培训补贴申领（第十二条、第十三条）."""

from __future__ import annotations

from pydantic import Field, model_validator

from core.forms import ApplicationRef, Choice, Form, Text
from plugins.linan_training.forms.base import Money, Person, refuse_duplicates


class FeeItem(Form):
    name: Text = Field(title="费用项目", description="如：教材费、实训耗材费")
    amount: Money = Field(title="金额（元）")


class FeeApprovalForm(Form):
    """收费事前申请（第十二条：如需向学员收取费用的，必须事前向区人力社保局申请，经核准后方可收费）."""

    occupation: Text = Field(title="培训工种")
    fee_per_trainee: Money = Field(title="每人收费标准（元）", gt=0)
    items: list[FeeItem] = Field(min_length=1, title="费用构成")
    basis: Text = Field(title="收费依据", description="成本测算或价格主管部门的有关规定")
    payers: Text = Field(
        title="收费对象", description="向哪些学员收费；缴费学员不再享受政府培训补贴"
    )
    accepts_supervision: bool = Field(
        default=False, title="接受区人力社保局对收费的监管", description="第十二条"
    )
    declaration_truthful: bool = Field(
        default=False, title="承诺申请内容真实", description="第十六条"
    )

    @model_validator(mode="after")
    def _items_add_up(self) -> FeeApprovalForm:
        total = sum(i.amount for i in self.items)
        if total != self.fee_per_trainee:
            raise ValueError(f"费用构成合计 {total} 元与每人收费标准 {self.fee_per_trainee} 元不符")
        return self


class TargetGroup(Choice):
    """第二条所列重点群体."""

    EMPLOYEE = "employee", "企业职工"
    RURAL_MIGRANT = "rural_migrant", "农村转移就业劳动者"
    UNEMPLOYED = "unemployed", "失业人员"
    VETERAN = "veteran", "退役军人"
    HARD_TO_EMPLOY = "hard_to_employ", "就业困难人员"
    OTHER = "other", "其他"


class Trainee(Person):
    group: TargetGroup = Field(title="人员类别", description="第二条")
    paid_fee: bool = Field(
        title="已向机构缴费", description="缴费后即不再享受政府相关培训补贴（第十二条）"
    )
    agreement_signed: bool = Field(title="已签订职业培训协议书", description="第十六条")


class SubsidyClaimForm(Form):
    """培训补贴申领（第十二条、第十三条）."""

    filing_id: ApplicationRef = Field(
        title="办班备案", description="已审核同意并已结业的培训班的办班备案 ID"
    )
    trainees: list[Trainee] = Field(min_length=1, title="申领补贴的学员")
    amount_claimed: Money = Field(
        title="申领补贴金额（元）", gt=0, description="按有关的规定标准计算"
    )
    funds_earmarked: bool = Field(default=False, title="承诺补贴专款专用", description="第十三条")
    declaration_truthful: bool = Field(
        default=False,
        title="承诺申领内容真实",
        description="骗取培训补助经费的取消定点资格（第十六条）",
    )

    @model_validator(mode="after")
    def _each_trainee_once(self) -> SubsidyClaimForm:
        refuse_duplicates((t.id_number for t in self.trainees), "学员")
        return self
