"""Registering and updating institutions: identifiers and areas are checked, refusals change nothing."""

from __future__ import annotations

import pytest

from tests.support import documents as doc
from tests.support.helpers import credit_code, register

UPDATE = """mutation($input: UpdateInstitutionInput!) {
  updateInstitution(input: $input) { institution { name divisionCode cityCode version } errors { field code message } } }"""


def _input(**overrides):
    return {
        "name": "杭州某培训有限公司",
        "creditCode": credit_code(),
        "orgType": "ENTERPRISE",
        "divisionCode": "330106",
        "registeredOn": "2018-01-01",
        "legalRepresentative": "王五",
        **overrides,
    }


@pytest.mark.fast
@pytest.mark.parametrize(
    "code, error, words",
    [
        ("91350100M000100Y44", "INVALID_CHECKSUM", "第18位应为 3"),
        ("91350100M000100Y4", "INVALID", "18位"),
        ("9135010OM000100Y43", "INVALID", "非法字符"),
    ],
)
async def test_invalid_credit_code_is_refused_and_nothing_is_stored(client_for, code, error, words):
    gql = await client_for()
    payload = (await gql(doc.REGISTER, {"input": _input(creditCode=code)}, role="applicant"))[
        "registerInstitution"
    ]
    assert payload["institution"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", "creditCode"], error)
    ]
    assert words in payload["errors"][0]["message"]
    assert (await gql(doc.COUNTS))["institutions"]["totalCount"] == 0


async def test_valid_code_with_spaces_and_lowercase_is_normalised(client_for):
    gql = await client_for()
    payload = (
        await gql(
            doc.REGISTER, {"input": _input(creditCode="91350100m000 100y43")}, role="applicant"
        )
    )["registerInstitution"]
    assert payload["errors"] == [] and payload["institution"]["creditCode"] == "91350100M000100Y43"
    again = (
        await gql(
            doc.REGISTER, {"input": _input(creditCode="91350100M000100Y43")}, role="applicant"
        )
    )["registerInstitution"]
    assert [e["code"] for e in again["errors"]] == ["DUPLICATE"]


@pytest.mark.parametrize("division, words", [("330103", "并入拱墅区"), ("310101", "不在浙江省")])
async def test_retired_or_foreign_division_is_refused(client_for, division, words):
    gql = await client_for()
    payload = (await gql(doc.REGISTER, {"input": _input(divisionCode=division)}, role="applicant"))[
        "registerInstitution"
    ]
    assert payload["errors"][0]["code"] == "UNKNOWN_DIVISION" and payload["errors"][0]["field"] == [
        "input",
        "divisionCode",
    ]
    assert words in payload["errors"][0]["message"]


async def test_future_registration_date_and_blank_name_are_refused(client_for):
    gql = await client_for()
    payload = (
        await gql(doc.REGISTER, {"input": _input(registeredOn="2030-01-01")}, role="applicant")
    )["registerInstitution"]
    assert payload["errors"][0]["field"] == ["input", "registeredOn"]
    payload = (await gql(doc.REGISTER, {"input": _input(name="  ")}, role="applicant"))[
        "registerInstitution"
    ]
    assert payload["errors"][0]["field"] == ["input", "name"]


async def test_update_moves_city_and_guards_against_lost_updates(client_for):
    gql = await client_for()
    inst = await register(gql)
    moved = (
        await gql(
            UPDATE,
            {"input": {"id": inst["id"], "expectedVersion": 1, "divisionCode": "330200"}},
            role="applicant",
        )
    )["updateInstitution"]
    assert (
        moved["errors"] == []
        and moved["institution"]["cityCode"] == "330200"
        and moved["institution"]["version"] == 2
    )
    stale = (
        await gql(
            UPDATE,
            {"input": {"id": inst["id"], "expectedVersion": 1, "name": "别的名字"}},
            role="applicant",
        )
    )["updateInstitution"]
    assert [e["code"] for e in stale["errors"]] == ["STALE_VERSION"]


async def test_filters_by_city_district_type_and_name(client_for):
    gql = await client_for()
    await register(gql, name="杭州甲公司", division="330112")
    await register(gql, name="宁波乙学院", division="330200", org_type="TECHNICIAN_COLLEGE")
    query = """query($f: InstitutionFilter) { institutions(filter: $f, first: 10) { totalCount edges { node { name } } } }"""

    async def names(f):
        return [e["node"]["name"] for e in (await gql(query, {"f": f}))["institutions"]["edges"]]

    assert await names({"cityCode": "330100"}) == ["杭州甲公司"]
    assert await names({"divisionCode": "330112"}) == ["杭州甲公司"]
    assert await names({"orgType": "TECHNICIAN_COLLEGE"}) == ["宁波乙学院"]
    assert await names({"nameContains": "学院"}) == ["宁波乙学院"]


async def test_divisions_and_org_types_are_published_with_their_names_and_every_listed_code_registers(
    client_for,
):
    gql = await client_for()
    data = await gql(
        "{ divisions { code name level cityCode } orgTypes { value label } }", role="public"
    )
    divisions = {d["code"]: d for d in data["divisions"]}
    assert divisions["330106"] == {
        "code": "330106",
        "name": "西湖区",
        "level": "district",
        "cityCode": "330100",
    }
    assert (
        divisions["330200"]["cityCode"] == "330200" and divisions["330000"]["level"] == "province"
    )
    assert "330103" not in divisions  # retired: refused when registering, so not offered
    labels = {o["value"]: o["label"] for o in data["orgTypes"]}
    assert labels["PRIVATE_NON_ENTERPRISE"] == "民办非企业单位" and len(labels) == 10
    for code in divisions:  # what is offered is accepted
        payload = (await gql(doc.REGISTER, {"input": _input(divisionCode=code)}, role="applicant"))[
            "registerInstitution"
        ]
        assert payload["errors"] == [], (code, payload["errors"])


async def test_in_scope_leaves_out_institutions_seen_only_on_the_public_register(client_for):
    from core.demo import load_demo
    from tests.support import toy_plugin
    from tests.support.identity import user

    gql = await client_for([toy_plugin])
    await load_demo(gql.platform)  # one recognised institution: on the public register
    own = credit_code()
    await register(gql, name="杭州本机构培训学校", credit_code=own)
    token = await user(gql, "own.applicant", "applicant", credit_codes=(own,))
    query = """query($f: InstitutionFilter) { institutions(filter: $f, first: 10) { totalCount edges { node { name } } } }"""
    seen = await gql(query, {"f": None}, token=token)
    assert seen["institutions"]["totalCount"] == 2  # its own, and the one on the register
    scoped = await gql(query, {"f": {"inScope": True}}, token=token)
    assert [e["node"]["name"] for e in scoped["institutions"]["edges"]] == ["杭州本机构培训学校"]
    assert (await gql(query, {"f": {"inScope": True}}, role="public"))["institutions"][
        "totalCount"
    ] == 0
