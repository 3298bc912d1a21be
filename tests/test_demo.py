"""The demo loader applies each plugin's examples through the real services, once."""

from __future__ import annotations

import pytest

from core.demo import load_demo
from tests.support import documents as doc
from tests.support import toy_plugin


@pytest.mark.fast
async def test_demo_loads_examples_once_and_skips_refused_ones(client_for):
    gql = await client_for([toy_plugin])
    announced: list[str] = []  # `serve --demo` prints a progress line for each
    assert (
        await load_demo(gql.platform, progress=announced.append) == 1
    )  # the ineligible example is refused at submission
    assert announced == ["toy"]
    assert await load_demo(gql.platform) == 0  # not into a database that has data
    counts = await gql(doc.COUNTS)
    assert counts["recognitions"]["totalCount"] == 1
    assert counts["institutions"]["totalCount"] == 1  # the refused example left nothing behind


async def test_demo_accounts_log_in_and_the_applicant_sees_its_own_applications_in_clear(
    client_for,
):
    from core.demo import DEMO_ROLES, create_demo_accounts
    from core.roles import Role
    from tests.support.identity import login

    gql = await client_for([toy_plugin])
    await load_demo(gql.platform)
    password = await create_demo_accounts(gql.platform)
    tokens = {role: await login(gql, f"demo.{role.value}", password) for role in DEMO_ROLES}
    query = "{ applications(first: 10) { totalCount } }"
    assert (await gql(query, token=tokens[Role.APPLICANT]))["applications"]["totalCount"] == 1
    assert (await gql(query, role="public"))["applications"]["totalCount"] == 0
