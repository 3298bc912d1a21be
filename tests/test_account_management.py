"""Scheme administrators manage accounts through the API within their own area, audited like the
CLI: create, re-scope, deactivate; a scope they do not cover is refused on its field, an account
outside their area is as if missing, and nothing is written when anything is refused."""

from __future__ import annotations

import pytest

from tests.support import toy_plugin
from tests.support.helpers import credit_code, register
from tests.support.identity import PASSWORD, login, user

ACCOUNT = "account { username role active scopes { areaCode schemeId creditCode } } errors { field code message }"
CREATE = f"mutation($i: CreateAccountInput!) {{ createAccount(input: $i) {{ {ACCOUNT} }} }}"
SET = f"mutation($i: SetAccountAccessInput!) {{ setAccountAccess(input: $i) {{ {ACCOUNT} }} }}"
DEACTIVATE = (
    f"mutation($i: DeactivateAccountInput!) {{ deactivateAccount(input: $i) {{ {ACCOUNT} }} }}"
)
ACCOUNTS = "{ accounts { username role active } }"
AUDIT = "{ auditLog(first: 50) { edges { node { actor action entity after before } } } }"


async def test_an_administrator_creates_rescopes_and_deactivates_accounts_in_their_area_audited(
    client_for,
):
    gql = await client_for([toy_plugin])
    admin = await user(gql, "admin.hangzhou", "scheme_admin", areas=("330100",))
    code = credit_code()
    await register(gql, credit_code=code, division="330106")

    created = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "xihu.shenhe",
                    "role": "DISTRICT_REVIEWER",
                    "displayName": "西湖区审核员",
                    "scopes": [{"areaCode": "330106"}],
                    "password": PASSWORD,
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert created == {
        "account": {
            "username": "xihu.shenhe",
            "role": "DISTRICT_REVIEWER",
            "active": True,
            "scopes": [{"areaCode": "330106", "schemeId": None, "creditCode": None}],
        },
        "errors": [],
    }
    reviewer = await login(gql, "xihu.shenhe")
    assert (await gql("{ me { role } }", token=reviewer))["me"]["role"] == "DISTRICT_REVIEWER"
    applicant = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "xihu.jigou",
                    "role": "APPLICANT",
                    "scopes": [{"creditCode": code}],
                    "password": PASSWORD,
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert applicant["errors"] == []

    moved = (
        await gql(
            SET,
            {
                "i": {
                    "username": "xihu.shenhe",
                    "role": "CITY_REVIEWER",
                    "scopes": [{"areaCode": "330100", "schemeId": "toy"}],
                }
            },
            token=admin,
        )
    )["setAccountAccess"]
    assert moved["account"]["scopes"] == [
        {"areaCode": "330100", "schemeId": "toy", "creditCode": None}
    ]
    assert (await gql("{ me { role scopes { areaCode } } }", token=reviewer))[
        "me"
    ] == {  # from its next request
        "role": "CITY_REVIEWER",
        "scopes": [{"areaCode": "330100"}],
    }
    assert {a["username"] for a in (await gql(ACCOUNTS, token=admin))["accounts"]} == {
        "admin.hangzhou",
        "xihu.shenhe",
        "xihu.jigou",
    }

    ended = (await gql(DEACTIVATE, {"i": {"username": "xihu.shenhe"}}, token=admin))[
        "deactivateAccount"
    ]
    assert ended["account"]["active"] is False
    refused = await gql.http.post(
        "/graphql",
        json={"query": "{ me { role } }"},
        headers={"Authorization": f"Bearer {reviewer}"},
    )
    assert refused.status_code == 401  # its session ends at once

    log = [
        e["node"]
        for e in (await gql(AUDIT, role="auditor"))["auditLog"]["edges"]
        if e["node"]["entity"] == "user"
    ]
    assert [
        (e["actor"], e["action"])
        for e in log
        if e["actor"] == "admin.hangzhou" and e["action"] != "user.logged_in"
    ] == [
        ("admin.hangzhou", "user.created"),
        ("admin.hangzhou", "user.created"),
        ("admin.hangzhou", "user.access_changed"),
        ("admin.hangzhou", "user.deactivated"),
    ]
    change = next(e for e in log if e["action"] == "user.access_changed")
    assert (
        change["before"]["role"] == "district_reviewer"
        and change["after"]["role"] == "city_reviewer"
    )


@pytest.mark.fast
async def test_scopes_outside_the_administrators_area_and_other_roles_are_refused_and_nothing_is_written(
    client_for,
):
    gql = await client_for([toy_plugin])
    admin = await user(gql, "admin.hangzhou", "scheme_admin", areas=("330100",))
    ningbo = await user(gql, "ningbo.shenhe", "district_reviewer", areas=("330200",))

    wider = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "sheng.shenhe",
                    "role": "PROVINCE_REVIEWER",
                    "password": PASSWORD,
                    "scopes": [{"areaCode": "330106"}, {"areaCode": "330000"}],
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert wider == {
        "account": None,
        "errors": [
            {
                "field": ["input", "scopes", "1"],
                "code": "FORBIDDEN",
                "message": "只能授予本人管辖范围内的权限",
            }
        ],
    }
    unregistered = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "new.jigou",
                    "role": "APPLICANT",
                    "password": PASSWORD,
                    "scopes": [{"creditCode": credit_code()}],
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert unregistered["errors"][0]["code"] == "FORBIDDEN"  # where it will be is unknown to a city
    bad_area = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "x.shenhe",
                    "role": "DISTRICT_REVIEWER",
                    "password": PASSWORD,
                    "scopes": [{"areaCode": "330103"}],
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert (
        bad_area["errors"][0]["field"] == ["input", "scopes", "0", "area"]
        and "已停用" in bad_area["errors"][0]["message"]
    )
    weak = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "y.shenhe",
                    "role": "DISTRICT_REVIEWER",
                    "password": "123",
                    "scopes": [{"areaCode": "330106"}],
                }
            },
            token=admin,
        )
    )["createAccount"]
    assert (
        weak["errors"][0]["field"][:1] == ["input"] and weak["errors"][0]["code"] == "WEAK_PASSWORD"
    )

    outside = (await gql(DEACTIVATE, {"i": {"username": "ningbo.shenhe"}}, token=admin))[
        "deactivateAccount"
    ]
    missing = (await gql(DEACTIVATE, {"i": {"username": "nobody.here"}}, token=admin))[
        "deactivateAccount"
    ]
    assert (
        outside["errors"][0]["code"] == missing["errors"][0]["code"] == "NOT_FOUND"
    )  # as if missing
    assert (await gql("{ me { role } }", token=ningbo))["me"][
        "role"
    ] == "DISTRICT_REVIEWER"  # still works

    reviewer_tries = (
        await gql(
            CREATE,
            {
                "i": {
                    "username": "z.shenhe",
                    "role": "SCHEME_ADMIN",
                    "password": PASSWORD,
                    "scopes": [{"areaCode": "330200"}],
                }
            },
            token=ningbo,
        )
    )["createAccount"]
    assert reviewer_tries["errors"][0]["code"] == "ROLE_NOT_ALLOWED"
    assert (await gql(ACCOUNTS, token=ningbo))["accounts"] == []
    assert {a["username"] for a in (await gql(ACCOUNTS, token=admin))["accounts"]} == {
        "admin.hangzhou"
    }  # nothing created
