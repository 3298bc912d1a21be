"""What core knows about an institution, as plain facts handed to plugins."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from core.periods import full_years


class OrgType(enum.Enum):
    """Organisation type (机构类型) as the five documents distinguish them."""

    ENTERPRISE = "enterprise"  # 企业
    PRIVATE_TRAINING_ENTERPRISE = "private_training_enterprise"  # 企业性质的民办职业培训机构
    PUBLIC_INSTITUTION = "public_institution"  # 事业单位
    PRIVATE_NON_ENTERPRISE = "private_non_enterprise"  # 民办非企业单位
    ASSOCIATION = "association"  # 社会团体 / 行业协会（学会）
    UNIVERSITY = "university"  # 普通高校
    VOCATIONAL_COLLEGE = "vocational_college"  # 职业院校
    TECHNICAL_SCHOOL = "technical_school"  # 技工学校 / 高级技工学校
    TECHNICIAN_COLLEGE = "technician_college"  # 技师学院
    OTHER = "other"


ORG_TYPE_LABELS: dict[OrgType, str] = {
    OrgType.ENTERPRISE: "企业",
    OrgType.PRIVATE_TRAINING_ENTERPRISE: "企业性质的民办职业培训机构",
    OrgType.PUBLIC_INSTITUTION: "事业单位",
    OrgType.PRIVATE_NON_ENTERPRISE: "民办非企业单位",
    OrgType.ASSOCIATION: "社会团体/行业协会（学会）",
    OrgType.UNIVERSITY: "普通高校",
    OrgType.VOCATIONAL_COLLEGE: "职业院校",
    OrgType.TECHNICAL_SCHOOL: "技工学校",
    OrgType.TECHNICIAN_COLLEGE: "技师学院",
    OrgType.OTHER: "其他",
}


@dataclass(frozen=True)
class InstitutionFacts:
    id: int
    name: str
    credit_code: str
    org_type: OrgType
    division_code: str  # registered area (GB/T 2260)
    city_code: str  # prefecture-level city, or 330000 for province-level bodies
    registered_on: dt.date

    def years_registered(self, on: dt.date) -> int:
        """Full years from registration to ``on`` (届满 counts the anniversary itself)."""
        return full_years(self.registered_on, on)
