"""Who files an organisation (三（一）分级遴选) and the code it is given (四（四）备案赋码).

Level: 省人力社保部门 accepts 省部属企业 (an enterprise declaring itself one on the form) and bodies
registered at province level or above (in the Institution record, registered area ``330000``), and
the list it files may operate across the province; every other organisation is accepted and filed
by its 设区市, for its city.

Code (选定的解读: 《浙江省职业技能等级评价机构及证书编码方案（试行）》 is not part of the notice,
so the format is chosen here)::

    S 330100 2 007        S + home city code (6) + filing level (1 省级 / 2 市级) + grant serial (3)
    S3301002007-012       an addition of occupations: the organisation's code + "-" + its own serial

The serial is core's grant number in the organisation's city at grant time (revoked and superseded
grants included, never reused), so codes are unique; the level digit says which department filed
it, which decides who acts on later applications about it (“谁受理、谁评估”, 三（二）).
"""

from __future__ import annotations

import datetime as dt

from core.divisions import name_of
from core.engine.context import TransitionContext
from core.institutions import InstitutionFacts, OrgType
from core.recognitions import RecognitionFacts, RecognitionTerms
from core.workflow import Effect

PROVINCE = "330000"
PROVINCE_DIGIT, CITY_DIGIT = "1", "2"
TITLE = "浙江省职业技能等级认定试点社会培训评价组织"


ENTERPRISES = (OrgType.ENTERPRISE, OrgType.PRIVATE_TRAINING_ENTERPRISE)


def province_institution(institution: InstitutionFacts) -> bool:
    """Registered at province level (省级以上注册登记)."""
    return institution.city_code == PROVINCE


def province_filing(institution: InstitutionFacts, form) -> bool:
    """A first filing the province accepts (三（一））: 省级以上注册登记的单位，或省部属企业."""
    provincial_enterprise = (
        getattr(form, "provincial_enterprise", False) and institution.org_type in ENTERPRISES
    )
    return province_institution(institution) or provincial_enterprise


def filed_by_province(recognition: RecognitionFacts) -> bool:
    return bool(recognition.code) and recognition.code[7] == PROVINCE_DIGIT


def code_for(institution: InstitutionFacts, by_province: bool, serial: int) -> str:
    return f"S{institution.city_code}{PROVINCE_DIGIT if by_province else CITY_DIGIT}{serial:03d}"


def scope(city_code: str, by_province: bool) -> str:
    return "省级备案，面向全省" if by_province else f"{name_of(city_code)}备案，面向本市"


def valid_until(ctx: TransitionContext) -> dt.date | None:
    """试点有效期至2021年12月31日（五（三））; a filing made after the pilot ended (a promotion of an
    organisation that passed the final assessment) carries no end date: 评估合格的，继续开展."""
    end = ctx.params.value("pilot_valid_until")
    return end if ctx.today <= end else None


def terms(ctx: TransitionContext, serial: int) -> RecognitionTerms:
    """The terms of each granting kind (a first filing, an addition of occupations, a promotion
    superseding the city filing) and of a filing continued by the final assessment."""
    inst = ctx.institution
    if ctx.transition.effect is Effect.RENEW:
        return continued(ctx.recognition)
    if ctx.kind.id == "add_occupations":
        base = ctx.recognition
        assert base is not None and base.code  # an addition concerns a coded filing
        by_province = filed_by_province(base)
        return RecognitionTerms(
            f"{TITLE}（{scope(inst.city_code, by_province)}，新增职业（工种））",
            base.valid_until,
            f"{base.code}-{serial:03d}",
        )
    by_province = ctx.kind.id == "promotion" or province_filing(inst, ctx.form)
    return RecognitionTerms(
        f"{TITLE}（{scope(inst.city_code, by_province)}）",
        valid_until(ctx),
        code_for(inst, by_province, serial),
    )


def continued(rec: RecognitionFacts) -> RecognitionTerms:
    """五（三）试点结束后综合评估合格的，继续开展: the same filing (title as granted, code kept by core)
    with no end date, since the notice sets none (README, readings chosen). An addition's record is
    continued by an assessment of its own."""
    by_province = filed_by_province(rec)
    addition = "，新增职业（工种）" if "-" in rec.code else ""
    return RecognitionTerms(f"{TITLE}（{scope(rec.code[1:7], by_province)}{addition}）", None)
