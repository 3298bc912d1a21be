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
