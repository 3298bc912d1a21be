"""第五条: 资格审查 of a teacher before entering the 培训师资库.

Each requested scope (tier × teaching type × occupations) is checked against its rule. The
education minimum is strict; the title or certificate may be replaced by “等同资质”, which the
bureau decides in its review (``art5_qualification_verified``), as it decides whether a
certificate is “相关” for 初、中级 practice teaching.
"""

from __future__ import annotations

from core.criteria import Criterion, CriterionKind, Facts, Finding, Outcome
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import auto, judged
from plugins.linan_training.forms import TeacherRegistrationForm
from plugins.linan_training.forms.teachers import TeachingScope
from plugins.linan_training.levels import RULES

KINDS = (ids.TEACHER,)


def _credential_met(form: TeacherRegistrationForm, scope: TeachingScope) -> tuple[bool, str]:
    """Whether the title or certificate part of the rule is met, and what is missing if not."""
    rule = RULES[(scope.tier, scope.teaching)]
    if rule.title is not None:
        return any(t.level.at_least(rule.title) for t in form.titles), f"{rule.title.label}以上职称"
    if rule.same_occupation:
        lacking = [
            o
            for o in scope.occupations
            if not any(
                c.occupation == o and c.level.at_least(rule.certificate) for c in form.certificates
            )
        ]
        return (
            not lacking,
            f"本工种（{'、'.join(lacking)}）{rule.certificate.label}以上职业资格证书",
        )
    return any(
        c.level.at_least(rule.certificate) for c in form.certificates
    ), f"{rule.certificate.label}以上职业资格证书"


def credentials(facts: Facts) -> Finding:
    form: TeacherRegistrationForm = facts.form
    verdicts, gaps = [], []
    for i, scope in enumerate(form.scopes):
        rule = RULES[(scope.tier, scope.teaching)]
        where = f"{scope.tier.label}{scope.teaching.label}（{rule.citation}）"
        missing = (
            []
            if form.education.at_least(rule.education)
            else [f"学历（文化程度）为{form.education.label}，须{rule.education.label}以上"]
        )
        met, credential = _credential_met(form, scope)
        if not met and not scope.equivalence.strip():
            missing.append(f"须{credential}或等同资质")
        if missing:
            gaps.append((i, f"{where}：{'；'.join(missing)}"))
            verdicts.append(f"{where}：不符合")
        else:
            verdicts.append(f"{where}：{'符合' if met else '以等同资质申请，待审查'}")
    rule = "授课教师的学历和职称（职业资格）符合第五条"
    if gaps:
        return Finding(
            Outcome.FAIL,
            f"{rule}；{' / '.join(text for _, text in gaps)}",
            {"scopes": verdicts},
            field=("scopes", str(gaps[0][0])),
        )
    return Finding(Outcome.PASS, rule, {"scopes": verdicts})


def experience(facts: Facts) -> Finding:
    form: TeacherRegistrationForm = facts.form
    return Finding(
        Outcome.INFO,
        "有一定教学经验（年限由审查人员判断）",
        {"teaching_years": form.teaching_years, "employment": form.employment.label},
        field=("teaching_years",),
    )


CRITERIA: tuple[Criterion, ...] = (
    auto(
        "art5_credentials",
        "学历和职称（职业资格）符合第五条",
        "第五条（一）（二）",
        "师资资格",
        credentials,
        KINDS,
    ),
    auto(
        "art5_experience",
        "教学经验",
        "第五条",
        "师资资格",
        experience,
        KINDS,
        kind=CriterionKind.INFO,
    ),
    judged(
        "art5_qualification_verified",
        "资格审查",
        "第五条",
        "师资资格",
        KINDS,
        "核验学历、职称和职业资格证书真实有效；初、中级操作技能课的证书是否与授课工种“相关”；"
        "所主张的“等同资质”是否与要求的职称或证书等同；是否有一定教学经验",
    ),
)
