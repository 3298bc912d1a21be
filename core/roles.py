"""Who acts in a scheme. Plugins name these roles on stages and transitions; core enforces them."""

from __future__ import annotations

import enum


class Role(enum.Enum):
    APPLICANT = "applicant"  # acts for one institution
    DISTRICT_REVIEWER = "district_reviewer"  # 区、县（市）主管部门
    CITY_REVIEWER = "city_reviewer"  # 设区市主管部门
    PROVINCE_REVIEWER = "province_reviewer"  # 省级主管部门 / 省评价中心
    EXPERT = "expert"  # 专家评审组成员
    SCHEME_ADMIN = "scheme_admin"
    AUDITOR = "auditor"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        """The role's name in messages to people (the console shows the same names)."""
        return _LABELS[self]


_LABELS = {
    Role.APPLICANT: "申报机构",
    Role.DISTRICT_REVIEWER: "区县审核人员",
    Role.CITY_REVIEWER: "市级审核人员",
    Role.PROVINCE_REVIEWER: "省级审核人员",
    Role.EXPERT: "评审专家",
    Role.SCHEME_ADMIN: "业务管理员",
    Role.AUDITOR: "审计人员",
    Role.PUBLIC: "公众",
}
