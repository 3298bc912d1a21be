"""The levels 第五条 compares and the teacher qualification rules it sets, as data.

Education (学历/文化程度), professional titles (职称) and vocational qualifications (职业资格证书 /
职业技能等级证书) are ordered scales; a class's training level decides which tier of 第五条 applies
and the teaching type (理论课 / 操作技能课) which rule of that tier.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.forms import Choice
from plugins.linan_training.choices import Ranked


class Education(Ranked):
    """学历（文化程度）. 高中 and 中专 are the same level (高中阶段教育): see README, readings."""

    JUNIOR_SECONDARY = "junior_secondary", "初中及以下", 1
    SENIOR_SECONDARY = "senior_secondary", "高中", 2
    SECONDARY_VOCATIONAL = "secondary_vocational", "中专（含职高、技工学校）", 2
    JUNIOR_COLLEGE = "junior_college", "大专", 3
    BACHELOR = "bachelor", "本科", 4
    POSTGRADUATE = "postgraduate", "研究生", 5


class Title(Ranked):
    """专业技术职称."""

    JUNIOR = "junior", "初级（员级、助理级）", 1
    INTERMEDIATE = "intermediate", "中级", 2
    ASSOCIATE_SENIOR = "associate_senior", "副高级", 3
    SENIOR = "senior", "正高级", 4


class Skill(Ranked):
    """职业资格证书 / 职业技能等级证书的等级."""

    LEVEL_5 = "level_5", "五级/初级工", 1
    LEVEL_4 = "level_4", "四级/中级工", 2
    LEVEL_3 = "level_3", "三级/高级工", 3
    LEVEL_2 = "level_2", "二级/技师", 4
    LEVEL_1 = "level_1", "一级/高级技师", 5


class TrainingLevel(Ranked):
    """培训班的培训等级；专项能力、创业等不分等级的培训为 ``ungraded``."""

    UNGRADED = "ungraded", "不分等级（专项能力、创业等）", 0
    BASIC = "basic", "初级（五级）", 1
    INTERMEDIATE = "intermediate", "中级（四级）", 2
    ADVANCED = "advanced", "高级（三级）", 3
    TECHNICIAN = "technician", "技师（二级）", 4
    SENIOR_TECHNICIAN = "senior_technician", "高级技师（一级）", 5


class Tier(Ranked):
    """第五条的两档：初、中级技能培训（一）与高级技能培训（二）."""

    BASIC_INTERMEDIATE = "basic_intermediate", "初、中级技能培训", 1
    ADVANCED = "advanced", "高级技能培训", 2


class TeachingType(Choice):
    THEORY = "theory", "理论课"
    PRACTICE = "practice", "操作技能课"


def tier_of(level: TrainingLevel) -> Tier:
    """The tier of 第五条 a class level falls in.

    初级、中级 and ungraded classes: （一）. 高级: （二）. 技师、高级技师 are not named by 第五条; the
    stricter tier （二） is applied to them as a minimum (chosen reading, README).
    """
    return Tier.ADVANCED if level.at_least(TrainingLevel.ADVANCED) else Tier.BASIC_INTERMEDIATE


@dataclass(frozen=True)
class TeacherRule:
    """One rule of 第五条: minimum education, and a title or a certificate (或等同资质)."""

    citation: str
    education: Education
    title: Title | None = None  # 理论课: 中级以上职称
    certificate: Skill | None = None  # 操作技能课: 职业资格证书
    same_occupation: bool = False  # （二）“本工种”; （一）“相关” is left to the reviewer

    def describe(self) -> str:
        credential = (
            f"{self.title.label}以上职称"
            if self.title
            else f"{'本工种' if self.same_occupation else '相关'}{self.certificate.label}以上职业资格证书"
        )
        return f"{self.education.label}以上学历（文化程度），{credential}或等同资质"


RULES: dict[tuple[Tier, TeachingType], TeacherRule] = {
    (Tier.BASIC_INTERMEDIATE, TeachingType.THEORY): TeacherRule(
        "第五条（一）", Education.SECONDARY_VOCATIONAL, title=Title.INTERMEDIATE
    ),
    (Tier.BASIC_INTERMEDIATE, TeachingType.PRACTICE): TeacherRule(
        "第五条（一）", Education.SENIOR_SECONDARY, certificate=Skill.LEVEL_3
    ),
    (Tier.ADVANCED, TeachingType.THEORY): TeacherRule(
        "第五条（二）", Education.JUNIOR_COLLEGE, title=Title.INTERMEDIATE
    ),
    (Tier.ADVANCED, TeachingType.PRACTICE): TeacherRule(
        "第五条（二）", Education.SENIOR_SECONDARY, certificate=Skill.LEVEL_2, same_occupation=True
    ),
}
