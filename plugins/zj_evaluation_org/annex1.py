"""Checks of 附件1 浙江省社会培训评价组织遴选标准 (一 人员配置, 二 场地设备, 三 管理制度, 四 资料).

Staffing is table-driven: each post of 附件1 一、1-7 is a :class:`Post` naming its 分工, its
head-count parameters and what every person in it must hold. A person is listed once and counts
for one post (兼任 is not counted twice). Experts and examiners are counted per occupation code
applied for; a 工种 shares its occupation's bank and examiners (README, readings chosen).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.counting import at_least
from core.criteria import Facts, Finding, Outcome
from core.periods import term_full_years
from plugins.zj_evaluation_org.choices import (
    ANNEX1_RULES,
    Duty,
    Education,
    Grade,
    PremisesUse,
    Tenure,
)
from plugins.zj_evaluation_org.choices import (
    ProfessionalTitle as T,
)
from plugins.zj_evaluation_org.choices import (
    SkillQualification as S,
)
from plugins.zj_evaluation_org.findings import Tally
from plugins.zj_evaluation_org.tables import Staff

COLLEGE = Education.COLLEGE


@dataclass(frozen=True)
class Post:
    duty: Duty
    minimum: str  # parameter: at least this many
    maximum: str | None = None  # parameter: at most this many (主任、副主任、办公室主任)
    skill: S | None = None  # 职业资格 at least this …
    title: T | None = None  # … or 专业技术职称 at least this (either suffices)
    years: str | None = None  # parameter: 从事培训考核工作 at least this many years
    finance_certificate: bool = False
    computer_major: bool = False

    def lacks(self, person: Staff, facts: Facts, tally: Tally) -> list[str]:
        missing = []
        if person.education.rank < COLLEGE.rank:
            missing.append("大专以上学历")
        if self.skill or self.title:
            skill_ok = self.skill is not None and person.skill.rank >= self.skill.rank
            title_ok = self.title is not None and person.professional_title.rank >= self.title.rank
            if not (skill_ok or title_ok):
                missing.append(
                    "或".join(
                        q
                        for q in (
                            self.skill and f"{self.skill.label}及以上职业资格",
                            self.title and f"{self.title.label}及以上专业技术职称",
                        )
                        if q
                    )
                )
        if self.years:
            minimum = tally.param(facts, self.years)
            if not at_least(person.training_assessment_years, minimum)[0]:
                missing.append(
                    f"从事培训考核工作{minimum}年以上（填写 {person.training_assessment_years} 年）"
                )
        if self.finance_certificate and not person.finance_certificate:
            missing.append("财会人员证书")
        if self.computer_major and not person.computer_major:
            missing.append("计算机相关专业")
        return missing


POSTS: dict[str, tuple[str, Post]] = {
    "annex1_1_1_director": (
        "附件1 一、1",
        Post(
            Duty.DIRECTOR,
            "director_count",
            "director_count",
            S.LEVEL2,
            T.INTERMEDIATE,
            "min_leader_years",
        ),
    ),
    "annex1_1_1_deputy_directors": (
        "附件1 一、1",
        Post(
            Duty.DEPUTY_DIRECTOR,
            "min_deputy_directors",
            "max_deputy_directors",
            S.LEVEL2,
            T.INTERMEDIATE,
            "min_leader_years",
        ),
    ),
    "annex1_1_2_office_director": (
        "附件1 一、2",
        Post(
            Duty.OFFICE_DIRECTOR,
            "office_director_count",
            "office_director_count",
            S.LEVEL2,
            T.INTERMEDIATE,
            "min_leader_years",
        ),
    ),
    "annex1_1_3_exam_affairs": ("附件1 一、3", Post(Duty.EXAM_AFFAIRS, "min_exam_affairs_staff")),
    "annex1_1_4_archivists": (
        "附件1 一、4",
        Post(Duty.ARCHIVIST, "min_archivists", None, S.LEVEL4, T.JUNIOR, "min_archivist_years"),
    ),
    "annex1_1_5_maintenance": (
        "附件1 一、5",
        Post(Duty.MAINTENANCE, "min_maintenance_staff", None, S.LEVEL3),
    ),
    "annex1_1_6_it": (
        "附件1 一、6",
        Post(Duty.IT, "min_it_staff", None, S.LEVEL3, T.JUNIOR, computer_major=True),
    ),
    "annex1_1_7_finance": (
        "附件1 一、7",
        Post(Duty.FINANCE, "min_finance_staff", finance_certificate=True),
    ),
}


def post_check(post: Post):
    def check(facts: Facts) -> Finding:
        tally = Tally()
        people = [(i, p) for i, p in enumerate(facts.form.staff) if p.duty is post.duty]
        low = tally.param(facts, post.minimum)
        high = tally.param(facts, post.maximum) if post.maximum else None
        span = f"{low}人" if high == low else (f"{low}-{high}人" if high else f"不少于{low}人")
        tally.need(
            len(people) >= low and (high is None or len(people) <= high),
            ("staff",),
            f"{post.duty.label}应为{span}，填报 {len(people)} 人",
        )
        for i, person in people:
            missing = post.lacks(person, facts, tally)
            tally.need(
                not missing,
                ("staff", i),
                f"{post.duty.label}{person.name}不具备：{'、'.join(missing)}",
            )
        return tally.finding(
            f"{post.duty.label}{span}并具备规定的学历、资格和工作年限", {"count": len(people)}
        )

    return check


# -- 一、8 专家团队 ------------------------------------------------------------------------------------


def qualified_for(person, grades: list[Grade]) -> bool:
    """三、四、五级：技师及以上或中级及以上职称；一、二级：高级技师或高级职称（附件1 一、8）."""
    if any(g.high for g in grades):
        return person.skill is S.LEVEL1 or person.professional_title.rank >= T.ASSOCIATE_SENIOR.rank
    return (
        person.skill.rank >= S.LEVEL2.rank or person.professional_title.rank >= T.INTERMEDIATE.rank
    )


def _qualification(tally: Tally, table: str, people) -> None:
    for i, person in enumerate(people):
        need = (
            "高级技师职业资格或高级专业技术职称"
            if any(g.high for g in person.grades)
            else "技师及以上职业资格或中级及以上专业技术职称"
        )
        tally.need(
            qualified_for(person, person.grades),
            (table, i),
            f"{person.name}开发或认定的等级要求{need}",
        )


def expert_bank(facts: Facts) -> Finding:
    tally = Tally()
    minimum = tally.param(facts, "min_expert_bank")
    counts = {}
    for code in facts.occupations:
        bank = [e for e in facts.form.experts if code in e.occupations]
        counts[code] = len(bank)
        tally.need(
            at_least(len(bank), minimum)[0],
            ("experts",),
            f"职业 {code} 专家库 {len(bank)} 人，应不少于{minimum}人",
        )
        applied = {g for row in facts.form.occupations if row.code == code for g in row.grades}
        for grade in sorted(applied - {g for e in bank for g in e.grades}, key=lambda g: g.rank):
            tally.need(False, ("experts",), f"职业 {code} 专家库无人负责{grade.label}的题库开发")
    _qualification(tally, "experts", facts.form.experts)
    return tally.finding(
        f"已建立每个职业（工种）的专家库（不少于{minimum}人），专家资格与开发等级相符",
        {"counts": counts},
    )


def examiners(facts: Facts) -> Finding:
    tally = Tally()
    minimum, own = tally.param(facts, "min_examiners"), tally.param(facts, "min_own_examiners")
    counts = {}
    for code in facts.occupations:
        team = [e for e in facts.form.examiners if code in e.occupations]
        mine = sum(e.own_staff for e in team)
        counts[code] = {"total": len(team), "own": mine}
        tally.need(
            at_least(len(team), minimum)[0],
            ("examiners",),
            f"职业 {code} 考评人员 {len(team)} 人，应不少于{minimum}人",
        )
        tally.need(
            at_least(mine, own)[0],
            ("examiners",),
            f"职业 {code} 自有考评人员 {mine} 人，应为{own}人以上",
        )
    _qualification(tally, "examiners", facts.form.examiners)
    return tally.finding(
        f"每个职业（工种）考评人员不少于{minimum}人，其中自有{own}人以上，资格与认定等级相符",
        {"counts": counts},
    )


# -- 二 场地、设备 -------------------------------------------------------------------------------------


def office(facts: Facts) -> Finding:
    tally = Tally()
    minimum = tally.param(facts, "min_office_area_m2")
    area = sum(p.area_m2 for p in facts.form.premises if p.use is PremisesUse.OFFICE)
    tally.need(
        at_least(area, minimum)[0],
        ("premises",),
        f"办公室用房 {area:g} 平方米，应不少于{minimum}平方米",
    )
    kit = facts.form.office
    for name, label in (
        ("office_equipment", "办公设备"),
        ("communication", "通信设备"),
        ("computers_printers", "计算机、打印机"),
        ("exam_management_system", "技能人才评价考务管理系统"),
    ):
        tally.need(getattr(kit, name), ("office", name), f"办公室未配有{label}")
    return tally.finding(
        f"办公室用房不少于{minimum}平方米，配有办公、通信设备、计算机、打印机及考务管理系统",
        {"office_area_m2": area},
    )


def _sheets(facts: Facts, tally: Tally):
    """The site sheet of each applied occupation (申报表：按申报职业（工种）单独填写)."""
    sheets = {s.occupation_code: (i, s) for i, s in enumerate(facts.form.sites)}
    for code in facts.occupations:
        if tally.need(code in sheets, ("sites",), f"未填写职业 {code} 的场地设备情况"):
            yield sheets[code]


def theory_site(facts: Facts) -> Finding:
    tally = Tally()
    area, seats = (
        tally.param(facts, "min_theory_area_m2"),
        tally.param(facts, "min_theory_capacity"),
    )
    for i, s in _sheets(facts, tally):
        tally.need(
            at_least(s.theory_area_m2, area)[0],
            ("sites", i, "theory_area_m2"),
            f"职业 {s.occupation_code} 理论考试场地 {s.theory_area_m2:g} 平方米，应不少于{area}平方米",
        )
        tally.need(
            at_least(s.theory_capacity, seats)[0],
            ("sites", i, "theory_capacity"),
            f"职业 {s.occupation_code} 理论考试场地可容纳 {s.theory_capacity} 人，应至少{seats}人",
        )
        tally.need(
            s.theory_video,
            ("sites", i, "theory_video"),
            f"职业 {s.occupation_code} 理论考试场地无视频监控设备",
        )
    return tally.finding(
        f"理论知识考试场地不少于{area}平方米，至少容纳{seats}人同时考试，有视频监控"
    )


def practical_site(facts: Facts) -> Finding:
    tally = Tally()
    seats = tally.param(facts, "min_practical_capacity")
    for i, s in _sheets(facts, tally):
        tally.need(
            at_least(s.practical_capacity, seats)[0],
            ("sites", i, "practical_capacity"),
            f"职业 {s.occupation_code} 技能考核可同时考核 {s.practical_capacity} 人，应满足{seats}人",
        )
        tally.need(
            bool(s.exam_equipment),
            ("sites", i, "exam_equipment"),
            f"职业 {s.occupation_code} 未填写考核设备",
        )
        tally.need(
            s.practical_video,
            ("sites", i, "practical_video"),
            f"职业 {s.occupation_code} 技能考核场地无视频监控设备",
        )
        tally.need(
            s.practical_compliant,
            ("sites", i, "practical_compliant"),
            f"职业 {s.occupation_code} 技能考核场地未声明符合环保、劳保、安全和消防要求",
        )
    return tally.finding(
        f"实际操作技能考试场地配有考核设备，满足{seats}人同时考核，有视频监控，符合安全要求"
    )


def testing_site(facts: Facts) -> Finding:
    tally = Tally()
    examiners_at_once = tally.param(facts, "min_testing_examiners")
    for i, s in _sheets(facts, tally):
        tally.need(
            at_least(s.testing_examiner_capacity, examiners_at_once)[0],
            ("sites", i, "testing_examiner_capacity"),
            f"职业 {s.occupation_code} 检测场地设备可供 {s.testing_examiner_capacity} 个考评员同时测评，应至少{examiners_at_once}个",
        )
    return tally.finding(f"检测场地、设备满足至少{examiners_at_once}个考评员同时测评打分")


def tenure(facts: Facts) -> Finding:
    tally = Tally()
    minimum = tally.param(facts, "min_lease_years")
    uses = {p.use for p in facts.form.premises}
    needed = (
        (PremisesUse.OFFICE, PremisesUse.THEORY, PremisesUse.PRACTICAL, PremisesUse.TESTING)
        if facts.kind == "recognition"
        else ()
    )
    for use in needed:
        tally.need(use in uses, ("premises",), f"未填写{use.label}的权属")
    for i, p in enumerate(facts.form.premises):
        if p.tenure is Tenure.LEASED:
            years = term_full_years(p.lease_start, p.lease_end)
            tally.need(
                at_least(years, minimum)[0],
                ("premises", i, "lease_end"),
                f"{p.use.label}（{p.address}）租期 {years} 年，应为{minimum}年及以上",
            )
            tally.need(
                p.lease_end >= facts.on,
                ("premises", i, "lease_end"),
                f"{p.use.label}（{p.address}）租赁合同已于 {p.lease_end} 到期",
            )
    return tally.finding(
        f"场地设备自有（产权证明）或租赁（{minimum}年及以上且在有效期内的租赁合同）"
    )


# -- 三 管理制度、四 资料、五 基本情况 -------------------------------------------------------------------


def rules(facts: Facts) -> Finding:
    tally = Tally()
    have = set(facts.form.rules)
    for rule in ANNEX1_RULES:
        tally.need(rule in have, ("rules",), f"未建立{rule.label}")
    return tally.finding(
        "已建立附件1 三、1-8 所列管理制度", {"other_rules": list(facts.form.other_rules)}
    )


def records(facts: Facts) -> Finding:
    tally = Tally()
    tally.need(
        facts.form.archives_5_years,
        ("archives_5_years",),
        "未声明具有近5年培训、鉴定（评价）人员档案材料",
    )
    return tally.finding(
        "具备评价依据（职业分类大典、国家职业技能标准、培训教材）和近5年培训、鉴定（评价）人员档案材料"
    )


def profile(facts: Facts) -> Finding:
    form = facts.form
    return Finding(
        Outcome.INFO,
        "申报单位基本情况（成立时间、经费来源、固定资产、规模、业绩、获奖）",
        {
            "registered_on": facts.institution.registered_on,
            "funding_sources": form.funding.sources,
            "fixed_assets_10k_yuan": form.funding.fixed_assets_10k_yuan,
            "scale": form.profile.scale,
            "achievements": form.profile.achievements,
            "awards": form.profile.awards,
        },
    )
