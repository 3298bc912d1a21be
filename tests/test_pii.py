"""Personal data (:mod:`core.pii`): identity and phone numbers validated, sealed, revealed, masked
and kept out of logs. No database: the types, the vault and the log filter are pure."""

from __future__ import annotations

import datetime as dt
import enum
import io
import logging

import pytest
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from stdnum.cn import ric

from core.pii import (
    IdDerived,
    IdNumber,
    Mobile,
    Phone,
    Phones,
    Vault,
    install_log_redaction,
    is_sealed,
    mask_value,
    redact,
    seal_model,
    uninstall_log_redaction,
)

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

SECRET = "a test master secret that is long enough for HKDF"


def id_number(area: str = "330106", born: str = "19900101", sequence: str = "123") -> str:
    """A GB 11643 number with the right check digit (``calc_check_digit`` ignores the 18th character)."""
    body = area + born + sequence
    return body + ric.calc_check_digit(body + "0")


VALID_ID = id_number()  # 33010619900101123X: the check digit happens to be X
OTHER_ID = id_number(born="19850214", sequence="001")


def refusal(type_, value) -> str:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(type_).validate_python(value)
    return caught.value.errors()[0]["msg"]


# -- 公民身份号码 ------------------------------------------------------------------------------------


def test_a_valid_id_number_is_accepted_stripped_and_upper_cased():
    assert VALID_ID.endswith("X")
    assert TypeAdapter(IdNumber).validate_python(f"  {VALID_ID.lower()} ") == VALID_ID
    assert TypeAdapter(IdNumber).validate_python(OTHER_ID) == OTHER_ID


def test_a_wrong_check_digit_is_refused_naming_the_rule():
    wrong = OTHER_ID[:17] + ("0" if OTHER_ID[17] != "0" else "1")
    message = refusal(IdNumber, wrong)
    assert "身份证号码校验码错误" in message and wrong not in message


def test_a_birth_date_that_does_not_exist_is_refused():
    assert (
        refusal(IdNumber, id_number(born="19900230")) == "身份证号码中的出生日期 1990-02-30 不存在"
    )


def test_a_birth_date_in_the_future_is_refused():
    next_year = dt.date.today().year + 1
    assert "晚于今天" in refusal(IdNumber, id_number(born=f"{next_year}0101"))


@pytest.mark.parametrize("value, length", [(VALID_ID[:17], 17), (VALID_ID + "1", 19), ("", 0)])
def test_a_number_of_the_wrong_length_is_refused(value, length):
    assert refusal(IdNumber, value) == f"身份证号码应为18位，收到{length}位"


def test_letters_and_unknown_areas_are_refused():
    assert "前17位应为数字" in refusal(IdNumber, "33010619900101A23X")
    assert "行政区划代码 999999" in refusal(IdNumber, id_number(area="999999"))


def test_id_number_schema_is_marked_as_personal_data():
    assert TypeAdapter(IdNumber).json_schema() == {"type": "string", "x-pii": "id_number"}


# -- phone numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13900001111",
        "+86 139 0000 1111",
        "86-139-0000-1111",
        "+8613900001111",
        "１３９００００１１１１",
    ],
)
def test_mobiles_are_normalised_to_eleven_digits(raw):
    assert TypeAdapter(Mobile).validate_python(raw) == "13900001111"


@pytest.mark.parametrize(
    "raw", ["12900001111", "1390000111", "139000011112", "0571-88001234", "打电话给我"]
)
def test_other_strings_are_not_mobiles(raw):
    assert "手机号码" in refusal(Mobile, raw)


@pytest.mark.parametrize(
    "raw, normal",
    [
        ("0571-88001234", "0571-88001234"),
        ("057188001234", "0571-88001234"),
        ("(0571) 8800 1234", "0571-88001234"),
        ("0571-8800123", "0571-8800123"),
        ("0571-88001234-801", "0571-88001234-801"),
        ("0571-88001234转801", "0571-88001234-801"),
        ("010-88001234", "010-88001234"),
        ("+86 571 88001234", "0571-88001234"),
        ("139 0000 1111", "13900001111"),
    ],
)
def test_phones_are_mobiles_or_fixed_lines_in_a_canonical_form(raw, normal):
    assert TypeAdapter(Phone).validate_python(raw) == normal


@pytest.mark.parametrize(
    "raw", ["88001234", "0571-08001234", "010-8800123", "0571-880012345", "打电话给我", ""]
)
def test_fixed_lines_need_an_area_code_and_a_plausible_local_number(raw):
    assert "电话号码应为" in refusal(Phone, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "0571-86900000 / 13900000000",
        "0571-86900000、139 0000 0000",
        "0571 86900000 13900000000",
        "057186900000，+86 13900000000",
    ],
)
def test_several_numbers_in_one_field_are_each_validated_and_rejoined(raw):
    assert TypeAdapter(Phones).validate_python(raw) == "0571-86900000 / 13900000000"


def test_one_bad_number_among_several_refuses_the_field():
    assert "电话号码应为" in refusal(Phones, "0571-86900000 / 1390000")
    assert refusal(Phones, "  ") == "请至少填写一个电话号码"


def test_phone_schemas_are_marked_as_personal_data():
    for type_ in (Mobile, Phone, Phones):
        assert TypeAdapter(type_).json_schema()["x-pii"] == "phone"


# -- the vault -------------------------------------------------------------------------------------


def test_seal_and_open_round_trip_without_plaintext_in_the_token():
    vault = Vault.from_secret(SECRET)
    sealed = vault.seal(VALID_ID)
    assert sealed.startswith("pii:v1:") and is_sealed(sealed) and not is_sealed(VALID_ID)
    assert VALID_ID not in sealed and VALID_ID[:6] not in sealed.removeprefix("pii:v1:")
    assert vault.open(sealed) == VALID_ID


def test_sealing_twice_gives_different_tokens_that_both_open():
    vault = Vault.from_secret(SECRET)
    first, second = vault.seal("13900001111"), vault.seal("13900001111")
    assert first != second
    assert vault.open(first) == vault.open(second) == "13900001111"


def test_empty_and_already_sealed_values_are_kept():
    vault = Vault.from_secret(SECRET)
    sealed = vault.seal("13900001111")
    assert vault.seal("") == ""
    assert vault.seal(sealed) == sealed


def test_another_secret_cannot_open_and_open_refuses_plaintext():
    sealed = Vault.from_secret(SECRET).seal("13900001111")
    other = Vault.from_secret(SECRET + "!")
    with pytest.raises(ValueError):
        other.open(sealed)
    with pytest.raises(ValueError):
        other.open("13900001111")
    assert other.reveal({"phone": sealed}) == {"phone": sealed}  # left as is, never raises


def test_reveal_and_mask_walk_nested_data_and_leave_fakes_alone():
    vault = Vault.from_secret(SECRET)
    stored = {
        "head": {"phone": vault.seal("0571-88001234"), "name": "王建国"},
        "staff": [{"id_number": vault.seal(VALID_ID), "age": 36}, {"id_number": "pii:v1:garbage"}],
        "contacts": [vault.seal("0571-86900000 / 13900000000")],
        "count": 2,
        "note": None,
    }
    assert vault.reveal(stored) == {
        "head": {"phone": "0571-88001234", "name": "王建国"},
        "staff": [{"id_number": VALID_ID, "age": 36}, {"id_number": "pii:v1:garbage"}],
        "contacts": ["0571-86900000 / 13900000000"],
        "count": 2,
        "note": None,
    }
    assert vault.mask(stored) == {
        "head": {"phone": "0571-******34", "name": "王建国"},
        "staff": [{"id_number": "330*************3X", "age": 36}, {"id_number": "pii:v1:garbage"}],
        "contacts": ["0571-******00 / 139****0000"],
        "count": 2,
        "note": None,
    }
    assert is_sealed(stored["head"]["phone"])  # the input is not changed


# -- masking and redaction -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plain, masked",
    [
        ("330106199001011234", "330*************34"),
        ("13900001111", "139****1111"),
        ("0571-88001234", "0571-******34"),
        ("0571-8800123-801", "0571-*****23-***"),
        ("010-88001234", "010-******34"),
        ("0571-86900000 / 13900000000", "0571-******00 / 139****0000"),
        ("王建国", "王*国"),
        ("ab", "**"),
        ("", ""),
    ],
)
def test_mask_value_keeps_enough_to_recognise(plain, masked):
    assert mask_value(plain) == masked


def test_redact_masks_id_and_mobile_numbers_in_free_text():
    text = f"申请人 {VALID_ID} 手机13900001111，备用 +86 139 0000 2222；编号 12345678901234567890；电话 0571-88001234"
    assert redact(text) == (
        "申请人 330*************3X 手机139****1111，备用 +86 139****2222；"
        "编号 12345678901234567890；电话 0571-88001234"
    )


def test_redact_leaves_longer_digit_runs_alone():
    assert redact("9" + VALID_ID[:17] + "12") == "9" + VALID_ID[:17] + "12"
    assert redact("213900001111") == "213900001111"


# -- finding personal data in a form ---------------------------------------------------------------


class Person(BaseModel):
    name: str
    id_number: IdNumber
    phones: list[Mobile] = []


class Filing(BaseModel):
    title: str
    contact: Phone | None = Field(default=None, title="联系电话")
    office: Phones = "0571-86900000"
    staff: list[Person]
    head: Person | None = None


def test_seal_model_seals_every_marked_field_at_any_depth():
    vault = Vault.from_secret(SECRET)
    filing = Filing(
        title="申报表 13900001111",
        contact="0571 88001234",
        staff=[
            Person(name="甲", id_number=VALID_ID, phones=["13900001111"]),
            Person(name="乙", id_number=OTHER_ID),
        ],
        head=Person(name="丙", id_number=OTHER_ID),
    )
    sealed = seal_model(filing, vault)
    assert sealed["title"] == "申报表 13900001111"  # free text is not a marked field
    assert sealed["staff"][0]["name"] == "甲" and sealed["staff"][1]["phones"] == []
    for value in (
        sealed["contact"],
        sealed["office"],
        sealed["staff"][0]["id_number"],
        sealed["staff"][0]["phones"][0],
        sealed["staff"][1]["id_number"],
        sealed["head"]["id_number"],
    ):
        assert is_sealed(value)
    assert vault.reveal(sealed) == filing.model_dump(mode="json")


class Sex(str, enum.Enum):
    FEMALE, MALE = "female", "male"


class Staff(Person):
    sex: IdDerived[Sex]
    age: IdDerived[int]
    born: IdDerived[dt.date] | None = None


def test_values_derived_from_the_number_are_sealed_and_masked_whole_and_reveal_with_their_type():
    vault = Vault.from_secret(SECRET)
    sealed = seal_model(
        Staff(name="甲", id_number=VALID_ID, sex="female", age=36, born=dt.date(1990, 1, 1)), vault
    )
    assert all(is_sealed(sealed[k]) for k in ("sex", "age", "born")) and sealed["name"] == "甲"
    assert vault.reveal(sealed) == {
        "name": "甲",
        "id_number": VALID_ID,
        "phones": [],
        "sex": "female",
        "age": 36,
        "born": "1990-01-01",
    }
    assert vault.mask(sealed) == {
        "name": "甲",
        "id_number": "330*************3X",
        "phones": [],
        "sex": "**",
        "age": "**",
        "born": "**",
    }
    assert TypeAdapter(Staff).json_schema()["properties"]["age"]["x-pii"] == "derived"


def test_seal_model_keeps_a_missing_optional_value_as_none():
    vault = Vault.from_secret(SECRET)
    sealed = seal_model(Filing(title="t", staff=[]), vault)
    assert sealed["contact"] is None and sealed["head"] is None and is_sealed(sealed["office"])


# -- logs ------------------------------------------------------------------------------------------


@pytest.fixture
def captured():
    installed_here = (
        install_log_redaction()
    )  # the app may have installed it already (create_app does)
    assert install_log_redaction() is False  # idempotent: a second call does not wrap twice
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log = logging.getLogger("accredit.test_pii")
    log.addHandler(handler)
    log.propagate = False
    try:
        yield log, stream
    finally:
        log.removeHandler(handler)
        log.propagate = True
        if installed_here:
            uninstall_log_redaction()


def test_log_messages_are_redacted(captured):
    log, stream = captured
    log.error("id %s phone %s", VALID_ID, "13900001111")
    assert stream.getvalue() == "ERROR id 330*************3X phone 139****1111\n"


def test_logged_exceptions_quoting_an_id_number_are_redacted(captured):
    log, stream = captured
    try:
        TypeAdapter(Person).validate_python({"name": "甲", "id_number": VALID_ID[:17] + "0"})
    except ValidationError:
        log.exception("form refused")
    output = stream.getvalue()
    assert "ValidationError" in output and "330*************30" in output
    assert VALID_ID[:17] not in output


def test_log_redaction_can_be_uninstalled():
    was_installed = not install_log_redaction()
    uninstall_log_redaction()
    try:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "id %s", (VALID_ID,), None
        )
        assert record.getMessage() == f"id {VALID_ID}"
    finally:
        if was_installed:
            install_log_redaction()
