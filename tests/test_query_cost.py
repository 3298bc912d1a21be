"""What a query may cost (core/api/cost.py): connections must be paginated, the estimated nodes are
limited, and each caller spends a budget of points per window, in the manner of GitHub's API.
Refusals are ordinary GraphQL errors (HTTP 200, ``data: null``) and nothing runs."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from core.api.app import create_app
from core.api.cost import ASSUMED_LIST_SIZE, MUTATION_COST
from tests.support import documents as doc
from tests.support.helpers import credit_code

# nodes: 50 applications + 50 x (reviews 20 + judgments 20 + events 20 + recognitions 20) = 4,050
# reviews, judgments and events are records of their application (loaded for every application by
# one statement each, leading nowhere further): they count 20 per application, judgments included,
# not 20 per review; recognitions are entities (each leads back to an institution and its lists).
# (stage is one object; availableActions are the workflow's transitions, held in memory: no nodes)
# requests: 1 (applications) + 50 x (reviews 1 + judgments 1 + events 1 + recognitions 1) = 201
# points: 201 / 100 = 2.01, rounded: 2
KNOWN = """{ applications(first: 50) { totalCount edges { node {
  id stage { title } availableActions { id }
  reviews { reviewer judgments { criterionId } }
  events { action }
  institution { name recognitions { status } }
} } } }"""
KNOWN_NODES, KNOWN_POINTS = 4_050, 2

# nodes: 5 institutions + 5 x (applications 20 + 20 x reviews 20) = 2,105: a list of entities
# (applications) multiplies what is nested in it
NESTED = "{ institutions(first: 5) { edges { node { applications { reviews { reviewer } } } } } }"
NESTED_NODES = 2_105

# What a console sends for a work queue: a full page of applications with everything a reviewer
# reads. 100 + 100 x (criterion results 20 + reviews 20 + judgments 20 + events 20) = 8,100 nodes
# (availableActions and their requirements are the workflow's, held in memory).
CONSOLE_PAGE = """query($first: Int!) { applications(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node {
  id databaseId schemeId kind roundId stageId status version score grade occupations submittedAt updatedAt form
  scheme { id title } stage { id title role citation }
  institution { id name creditCode divisionName cityName orgType contacts { name phone } }
  recognition { id title status validUntil banUntil }
  criterionResults { criterionId title citation kind mode outcome rule values parameters points maxPoints field }
  evaluation { plugin pluginVersion schemeVersion evaluatedOn total maximum passed grade lines }
  reviews { reviewer role stage transition decision comment createdAt judgments { criterionId passed points note } }
  events { at actor role action details }
  availableActions { id title role target review commentRequired submits requiresGates allowed reason reasonCode
    judgments { criterionId title citation kind required minPoints maxPoints } minimumTimeInStage { workingDays citation } }
} } } }"""
CONSOLE_PAGE_NODES = 8_100

# Genuinely explosive: each institution's applications, each one's institution's applications …
# 100 x 20 x 20 x 20 = 800,000 nodes (each level one statement, but the answer multiplies)
CYCLE = """{ institutions(first: 100) { edges { node { applications { institution { applications {
  institution { applications { id } } } } } } } } }"""


async def _post(
    gql,
    query: str,
    variables: dict | None = None,
    *,
    actor: str = "tester",
    role: str = "public",
    operation: str | None = None,
) -> tuple[int, dict]:
    headers = {"X-Accredit-Role": role, "X-Accredit-Actor": actor}
    body = {
        "query": query,
        "variables": variables or {},
        **({"operationName": operation} if operation else {}),
    }
    response = await gql.http.post("/graphql", json=body, headers=headers)
    return response.status_code, response.json()


def _refused(status: int, body: dict, code: str) -> dict:
    """The one error of a refused request, after checking it is a normal GraphQL error response."""
    assert status == 200, body
    assert body["data"] is None, body
    assert [e["extensions"]["code"] for e in body["errors"]] == [code], body["errors"]
    return body["errors"][0]


# -- pagination ---------------------------------------------------------------------------------


async def test_a_connection_without_first_is_refused(client_for):
    gql = await client_for()
    error = _refused(
        *await _post(gql, "{ institutions(first: 1) { totalCount } applications { totalCount } }"),
        "PAGINATION_REQUIRED",
    )
    assert "applications" in error["message"] and "first" in error["message"]
    assert error["message"].startswith("连接字段 applications 须提供 first 参数（1–100）")
    assert (
        "You must provide a `first` value (1–100) to paginate the `applications` connection"
        in error["message"]
    )


@pytest.mark.parametrize("variables", [{"n": None}, {}], ids=["null", "omitted"])
async def test_first_from_a_null_or_missing_variable_is_refused(client_for, variables):
    gql = await client_for()
    query = "query($n: Int) { recognitions(first: $n) { totalCount } }"
    _refused(*await _post(gql, query, variables), "PAGINATION_REQUIRED")
    status, body = await _post(gql, query, {"n": 3})
    assert status == 200 and body["data"]["recognitions"]["totalCount"] == 0


async def test_a_variable_default_paginates(client_for):
    gql = await client_for()
    status, body = await _post(gql, "query($n: Int = 7) { institutions(first: $n) { totalCount } }")
    assert "errors" not in body and body["extensions"]["cost"]["nodes"] == 7


@pytest.mark.parametrize("first", [0, 101, -1])
async def test_first_outside_1_to_100_is_refused(client_for, first):
    gql = await client_for()
    error = _refused(
        *await _post(gql, f"{{ applications(first: {first}) {{ totalCount }} }}"),
        "PAGINATION_REQUIRED",
    )
    assert f"first 为 {first}" in error["message"]
    status, body = await _post(gql, "{ applications(first: 100) { totalCount } }")
    assert "errors" not in body and body["extensions"]["cost"]["nodes"] == 100


async def test_connections_inside_fragments_are_checked(client_for):
    gql = await client_for()
    query = "{ ...Counts } fragment Counts on Query { ... on Query { shown: institutions { totalCount } } }"
    error = _refused(*await _post(gql, query), "PAGINATION_REQUIRED")
    assert "`institutions`" in error["message"]


async def test_only_the_operation_named_is_estimated(client_for):
    gql = await client_for()
    document = "query Bad { applications { totalCount } } query Good { applications(first: 2) { totalCount } }"
    status, body = await _post(gql, document, operation="Good")
    assert "errors" not in body and body["data"]["applications"]["totalCount"] == 0
    assert body["extensions"]["cost"]["nodes"] == 2
    _refused(*await _post(gql, document, operation="Bad"), "PAGINATION_REQUIRED")


async def test_introspection_costs_one_and_needs_no_pagination(client_for):
    gql = await client_for()
    status, body = await _post(
        gql, '{ __schema { types { name fields { name } } } __type(name: "Query") { name } }'
    )
    assert "errors" not in body
    cost = body["extensions"]["cost"]
    assert (cost["requested"], cost["nodes"]) == (1, 0)


# -- nodes and points -----------------------------------------------------------------------------


@pytest.mark.fast
async def test_the_cost_of_a_known_query(client_for):
    gql = await client_for()
    status, body = await _post(gql, KNOWN)
    assert status == 200 and "errors" not in body
    cost = body["extensions"]["cost"]
    assert (cost["requested"], cost["nodes"]) == (KNOWN_POINTS, KNOWN_NODES)
    assert cost["remaining"] == gql.platform.settings.query_budget_points - KNOWN_POINTS
    reset = dt.datetime.fromisoformat(cost["resetAt"].replace("Z", "+00:00"))
    window = dt.timedelta(seconds=gql.platform.settings.query_budget_window_s)
    assert dt.timedelta(0) < reset - dt.datetime.now(dt.UTC) <= window
    second = (await _post(gql, KNOWN))[1]["extensions"]["cost"]
    assert (
        second["remaining"] == cost["remaining"] - KNOWN_POINTS
        and second["resetAt"] == cost["resetAt"]
    )


async def test_a_console_page_of_100_applications_passes_the_default_node_limit(client_for):
    from core.settings import Settings

    gql = await client_for(query_max_nodes=Settings.model_fields["query_max_nodes"].default)
    status, body = await _post(gql, CONSOLE_PAGE, {"first": 100}, role="city_reviewer")
    assert status == 200 and "errors" not in body, body.get("errors")
    assert (
        body["extensions"]["cost"]["nodes"]
        == CONSOLE_PAGE_NODES
        < gql.platform.settings.query_max_nodes
    )


async def test_explosive_nesting_of_entity_lists_is_still_refused(client_for):
    from core.settings import Settings

    gql = await client_for(query_max_nodes=Settings.model_fields["query_max_nodes"].default)
    error = _refused(*await _post(gql, CYCLE, role="city_reviewer"), "QUERY_TOO_COSTLY")
    assert error["extensions"]["nodes"] == 100 * (1 + 20 * (1 + 20 * (1 + 20)))


async def test_ranking_counts_its_first_and_its_default(client_for):
    gql = await client_for()
    query = '{ ranking(schemeId: "toy", roundId: "2026"%s) { rank application { reviews { reviewer } } } }'
    # first x (1 + reviews 20); the default first is 20
    for argument, nodes in (
        (", first: 3", 3 * (1 + ASSUMED_LIST_SIZE)),
        ("", 20 * (1 + ASSUMED_LIST_SIZE)),
    ):
        status, body = await _post(gql, query % argument)
        assert "errors" not in body and body["extensions"]["cost"]["nodes"] == nodes


async def test_too_many_nodes_are_refused_with_the_figure_and_the_limit(client_for):
    gql = await client_for(query_max_nodes=NESTED_NODES - 1)
    error = _refused(*await _post(gql, NESTED), "QUERY_TOO_COSTLY")
    assert "2,105" in error["message"] and "2,104" in error["message"]
    assert (error["extensions"]["nodes"], error["extensions"]["limit"]) == (
        NESTED_NODES,
        NESTED_NODES - 1,
    )
    gql.platform.settings.query_max_nodes = (
        NESTED_NODES  # at the limit: served (read on every request)
    )
    status, body = await _post(gql, NESTED)
    assert "errors" not in body and body["extensions"]["cost"]["nodes"] == NESTED_NODES


async def test_a_refused_estimate_is_not_charged(client_for):
    gql = await client_for(query_budget_points=1, query_max_nodes=10)
    _refused(*await _post(gql, "{ applications { totalCount } }"), "PAGINATION_REQUIRED")
    _refused(*await _post(gql, NESTED), "QUERY_TOO_COSTLY")
    status, body = await _post(gql, "{ applications(first: 1) { totalCount } }")
    assert "errors" not in body and body["extensions"]["cost"]["remaining"] == 0


# -- budget -----------------------------------------------------------------------------------------


@pytest.mark.fast
async def test_the_budget_runs_out_per_caller(client_for):
    gql = await client_for(query_budget_points=3)
    remaining = [
        (await _post(gql, doc.COUNTS))[1]["extensions"]["cost"]["remaining"] for _ in range(3)
    ]
    assert remaining == [2, 1, 0]
    error = _refused(*await _post(gql, doc.COUNTS), "RATE_LIMITED")
    assert (error["extensions"]["requested"], error["extensions"]["remaining"]) == (1, 0)
    assert error["extensions"]["resetAt"] in error["message"]
    status, body = await _post(gql, doc.COUNTS, actor="someone-else")
    assert "errors" not in body and body["extensions"]["cost"]["remaining"] == 2


async def test_the_budget_is_full_again_when_the_window_ends(client_for):
    gql = await client_for(query_budget_points=1, query_budget_window_s=60)
    now = [1_800_000_000.0]
    gql.platform.query_budgets.clock = lambda: now[0]
    first = (await _post(gql, doc.COUNTS))[1]["extensions"]["cost"]
    assert first["resetAt"] == "2027-01-15T08:01:00Z"  # 1,800,000,000 s + 60 s
    now[0] += 59
    assert (
        _refused(*await _post(gql, doc.COUNTS), "RATE_LIMITED")["extensions"]["resetAt"]
        == first["resetAt"]
    )
    now[0] += 1
    again = (await _post(gql, doc.COUNTS))[1]["extensions"]["cost"]
    assert (again["remaining"], again["resetAt"]) == (0, "2027-01-15T08:02:00Z")


async def test_a_mutation_refused_for_its_budget_writes_nothing(client_for):
    gql = await client_for(query_budget_points=MUTATION_COST + 1)
    register = {
        "input": {
            "name": "杭州预算培训学校有限公司",
            "creditCode": credit_code(),
            "orgType": "ENTERPRISE",
            "divisionCode": "330106",
            "registeredOn": "2015-06-01",
            "legalRepresentative": "张三",
        }
    }
    status, body = await _post(gql, doc.REGISTER, register, role="applicant")
    assert body["data"]["registerInstitution"]["errors"] == []
    cost = body["extensions"]["cost"]
    assert (cost["requested"], cost["remaining"]) == (MUTATION_COST, 1)
    register["input"]["creditCode"] = credit_code()
    _refused(*await _post(gql, doc.REGISTER, register, role="applicant"), "RATE_LIMITED")
    counts = await _post(
        gql, "{ institutions(first: 10) { totalCount } }", actor="auditor", role="auditor"
    )
    assert counts[1]["data"]["institutions"]["totalCount"] == 1


async def test_anonymous_callers_have_a_budget_per_address(client_for):
    gql = await client_for(query_budget_points=1)
    app = create_app(gql.platform)

    async def anonymous(address: str) -> tuple[int, dict]:
        transport = httpx.ASGITransport(app=app, client=(address, 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post("/graphql", json={"query": doc.COUNTS})
            return response.status_code, response.json()

    assert (await anonymous("10.0.0.1"))[1]["extensions"]["cost"]["remaining"] == 0
    _refused(*await anonymous("10.0.0.1"), "RATE_LIMITED")
    assert (await anonymous("10.0.0.2"))[1]["extensions"]["cost"]["remaining"] == 0


@pytest.mark.fast
def test_the_budget_key_is_the_account_then_the_name_then_the_address():
    from types import SimpleNamespace

    from core.actors import Actor
    from core.api.cost import budget_key
    from core.roles import Role

    def key(actor: Actor) -> str:
        return budget_key(SimpleNamespace(actor=actor, client="10.0.0.1"))

    assert (
        key(Actor("li", Role.CITY_REVIEWER, user_id=7)) == "user#7"
    )  # renaming an account keeps its budget
    assert key(Actor("li", Role.CITY_REVIEWER)) == "li"
    assert key(Actor.public()) == "anonymous@10.0.0.1"


def test_the_types_counted_as_configuration_exist():
    from core.api.cost import CONFIGURATION_TYPES
    from core.api.schema import schema

    assert {name for name in CONFIGURATION_TYPES if schema._schema.get_type(name) is None} == set()
