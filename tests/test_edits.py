"""Edit mutations change only what is sent: an omitted field keeps its value; an explicit null
clears where clearing makes sense and is refused (changing nothing) where it does not."""

from __future__ import annotations

import pytest

from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import codes, create, ok, register

UPDATE = """mutation($input: UpdateInstitutionInput!) { updateInstitution(input: $input) {
  institution { name address version contacts { name } } errors { field code message } } }"""
STORED = "query($id: ID!) { application(id: $id) { version roundId occupations form } }"


async def _edit(gql, app: dict, **changes) -> dict:
    data = await gql(
        doc.EDIT,
        {"input": {"id": app["id"], "expectedVersion": app["version"], **changes}},
        role="applicant",
    )
    return data["editApplication"]


@pytest.mark.fast
async def test_edit_application_keeps_what_is_not_sent(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(
        await create(
            gql, inst["id"], "toy", {"trainees": 150}, occupations=["电工", "焊工"], roundId="2026"
        )
    )
    app = ok(await _edit(gql, app, form={"trainees": 160}))
    assert (app["form"], app["occupations"]) == ({"trainees": 160}, ["电工", "焊工"])
    app = ok(await _edit(gql, app, occupations=["电工"]))
    stored = (await gql(STORED, {"id": app["id"]}))["application"]
    assert (stored["form"], stored["occupations"], stored["roundId"]) == (
        {"trainees": 160},
        ["电工"],
        "2026",
    )


async def test_edit_application_null_clears_the_round_and_occupations_but_not_the_form(client_for):
    gql = await client_for([toy_plugin])
    inst = await register(gql)
    app = ok(
        await create(
            gql, inst["id"], "toy", {"trainees": 150}, occupations=["电工"], roundId="2026"
        )
    )
    refused = await _edit(gql, app, form=None, roundId=None)
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [(["input", "form"], "REQUIRED")]
    assert (await gql(STORED, {"id": app["id"]}))["application"] == {
        "version": app["version"],
        "roundId": "2026",
        "occupations": ["电工"],
        "form": {"trainees": 150},
    }
    app = ok(await _edit(gql, app, roundId=None, occupations=None))
    stored = (await gql(STORED, {"id": app["id"]}))["application"]
    assert (stored["roundId"], stored["occupations"], stored["form"]) == (
        None,
        [],
        {"trainees": 150},
    )


async def test_update_institution_keeps_what_is_not_sent_and_null_clears_only_optional_details(
    client_for,
):
    gql = await client_for()
    inst = await register(gql, address="杭州市西湖区文三路 1 号")

    async def update(version: int, **changes) -> dict:
        data = await gql(
            UPDATE,
            {"input": {"id": inst["id"], "expectedVersion": version, **changes}},
            role="applicant",
        )
        return data["updateInstitution"]

    renamed = await update(1, name="杭州新名称培训有限公司")
    assert (
        renamed["errors"] == [] and renamed["institution"]["address"] == "杭州市西湖区文三路 1 号"
    )
    assert renamed["institution"]["contacts"] == [{"name": "李四"}]
    refused = await update(2, name=None, address=None)
    assert codes(refused) == ["REQUIRED"] and refused["errors"][0]["field"] == ["input", "name"]
    cleared = await update(2, address=None, contacts=None)
    assert cleared["errors"] == [] and cleared["institution"] == {
        "name": "杭州新名称培训有限公司",
        "address": "",
        "version": 3,
        "contacts": [],
    }
