"""Pure pieces of zj_evaluation_org: the chosen code format, lease terms counted with their last day,
qualification order, and the worked-example builder producing valid identity numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from core.institutions import InstitutionFacts, OrgType
from core.periods import term_full_years
from core.recognitions import RecognitionFacts, RecognitionStatus
from plugins.zj_evaluation_org.choices import Education, SkillQualification
from plugins.zj_evaluation_org.examples import filing_form
from plugins.zj_evaluation_org.filing import code_for, filed_by_province

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop


def _institution(city: str) -> InstitutionFacts:
    return InstitutionFacts(
        1, "用例", "91330100MA0000000X", OrgType.ENTERPRISE, city, city, dt.date(2010, 1, 1)
    )


def _filing(code: str) -> RecognitionFacts:
    return RecognitionFacts(
        1,
        "zj_evaluation_org",
        1,
        RecognitionStatus.ACTIVE,
        ("4-03-02-01",),
        dt.date(2020, 12, 8),
        dt.date(2021, 12, 31),
        code,
    )


@pytest.mark.parametrize(
    "city, by_province, serial, code",
    [
        ("330100", False, 7, "S3301002007"),
        ("330100", True, 12, "S3301001012"),
        ("330000", True, 1, "S3300001001"),
    ],
)
def test_code_says_home_city_level_and_serial(city, by_province, serial, code):
    assert code_for(_institution(city), by_province, serial) == code
    assert filed_by_province(_filing(code)) is by_province
    assert filed_by_province(_filing(f"{code}-013")) is by_province  # an addition keeps the level


@pytest.mark.parametrize(
    "end, years",
    [(dt.date(2022, 12, 30), 4), (dt.date(2022, 12, 31), 5), (dt.date(2023, 12, 31), 6)],
)
def test_a_lease_term_counts_its_last_day(end, years):
    assert term_full_years(dt.date(2018, 1, 1), end) == years


def test_qualifications_are_ordered_as_the_text_compares_them():
    assert (
        SkillQualification.LEVEL2.rank
        > SkillQualification.LEVEL3.rank
        > SkillQualification.NONE.rank
    )
    assert Education.COLLEGE.rank < Education.BACHELOR.rank


def test_example_builder_gives_valid_identity_numbers_and_ages():
    data = filing_form(on=dt.date(2020, 12, 1))
    for person in data["staff"] + data["experts"]:
        assert ric.is_valid(person["id_number"])
    first = data["staff"][0]
    born = ric.get_birth_date(first["id_number"])
    assert first["age"] == 2020 - born.year - ((born.month, born.day) > (12, 1))
