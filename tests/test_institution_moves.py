"""An institution cannot pick its reviewers or its quota key by moving (issue 13, finding 8): while
one of its applications is in review its division cannot change, and every application keeps the
division it was first submitted in, for the reviewers who see it and the quota it takes."""

from __future__ import annotations

import pytest

from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, panel_scored, register, submit
from tests.support.identity import user

UPDATE = """mutation($input: UpdateInstitutionInput!) {
  updateInstitution(input: $input) { institution { divisionCode cityCode version } errors { field code message } } }"""
WHERE = "query($id: ID!) { institution(id: $id) { divisionCode version } }"
SEEN = "query($id: ID!) { application(id: $id) { id } }"
QUOTA = 'query($city: String!) { quotaUsage(schemeId: "toy", occupation: "A", cityCode: $city) { used } }'
REGISTER = "{ recognitions(first: 5) { edges { node { code } } } }"


async def _move(gql, institution: dict, division: str, role: str = "applicant") -> dict:
    version = (await gql(WHERE, {"id": institution["id"]}))["institution"]["version"]
    return (
        await gql(
            UPDATE,
            {
                "input": {
                    "id": institution["id"],
                    "expectedVersion": version,
                    "divisionCode": division,
                }
            },
            role=role,
        )
    )["updateInstitution"]


async def _sees(gql, app: dict, token: str) -> bool:
    return (await gql(SEEN, {"id": app["id"]}, token=token))["application"] is not None


@pytest.mark.fast
async def test_an_institution_with_an_application_in_review_cannot_change_its_division(client_for):
    gql = await client_for([toy_plugin])
    institution = await register(gql, division="330106")
    app = ok(await submit(gql, ok(await create(gql, institution["id"], "toy", {"trainees": 150}))))

    for role in ("applicant", "scheme_admin"):
        refused = await _move(gql, institution, "330112", role)
        assert refused["institution"] is None
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [
            (["input", "divisionCode"], "NOT_EDITABLE")
        ]
        assert "1 件申请正在审核" in refused["errors"][0]["message"]
    assert (await gql(WHERE, {"id": institution["id"]}))["institution"] == {
        "divisionCode": "330106",
        "version": 1,
    }
    same = await _move(gql, institution, "330106")  # naming the division it has is no move
    assert same["errors"] == [] and same["institution"]["version"] == 2

    ok(await act(gql, app, "reject", role="city_reviewer", comment="培训场地不符合要求"))
    moved = await _move(gql, institution, "330112")
    assert moved["errors"] == [] and moved["institution"]["divisionCode"] == "330112"
    xihu = await user(gql, "district.xihu", "district_reviewer", areas=("330106",))
    linan = await user(gql, "district.linan", "district_reviewer", areas=("330112",))
    assert await _sees(gql, app, xihu) and not await _sees(
        gql, app, linan
    )  # still filed where it was reviewed


async def test_an_application_keeps_the_division_of_its_first_submission_for_its_reviewers_and_its_quota(
    client_for,
):
    gql = await client_for([toy_plugin])
    institution = await register(gql, division="330106")
    app = ok(
        await submit(
            gql,
            ok(await create(gql, institution["id"], "toy", {"trainees": 150}, occupations=["A"])),
        )
    )
    returned = ok(await act(gql, app, "return", role="city_reviewer", comment="请补充师资证明"))

    moved = await _move(
        gql, institution, "330200"
    )  # returned for changes, it is not in review: the move is allowed
    assert moved["errors"] == [] and moved["institution"]["cityCode"] == "330200"
    again = ok(await submit(gql, returned))
    hangzhou = await user(gql, "city.hz", "city_reviewer", areas=("330100",))
    ningbo = await user(gql, "city.nb", "city_reviewer", areas=("330200",))
    assert await _sees(gql, again, hangzhou) and not await _sees(gql, again, ningbo)
    noticed = ok(
        await act(
            gql,
            await panel_scored(gql, again),
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    ok(await act(gql, noticed, "grant", role="city_reviewer"))

    used = {
        city: (await gql(QUOTA, {"city": city}))["quotaUsage"][0]["used"]
        for city in ("330100", "330200")
    }
    assert used == {"330100": 1, "330200": 0}
    assert [e["node"]["code"] for e in (await gql(REGISTER))["recognitions"]["edges"]] == [
        "TOY-330100-001"
    ]


async def test_a_draft_takes_the_division_its_institution_has_when_first_submitted(client_for):
    gql = await client_for([toy_plugin])
    institution = await register(gql, division="330106")
    draft = ok(await create(gql, institution["id"], "toy", {"trainees": 150}))
    assert (await _move(gql, institution, "330112"))["errors"] == []  # a draft is not in review
    submitted = ok(await submit(gql, draft))
    linan = await user(gql, "district.linan", "district_reviewer", areas=("330112",))
    xihu = await user(gql, "district.xihu", "district_reviewer", areas=("330106",))
    assert await _sees(gql, submitted, linan) and not await _sees(gql, submitted, xihu)
