"""One log line per GraphQL request, under a request id the client gets back (header and
``extensions.requestId``), with the operation, the caller's role, the outcome and the duration
(:mod:`core.api.request_log`); the same line as JSON or text (:mod:`core.logs`)."""

from __future__ import annotations

import json
import logging
import os

import pytest

from core.logs import JSONFormatter, TextFormatter
from tests.support import documents as doc
from tests.support import toy_plugin

INSTITUTION = {
    "name": "杭州某培训有限公司",
    "orgType": "ENTERPRISE",
    "divisionCode": "330106",
    "registeredOn": "2018-01-01",
    "legalRepresentative": "王五",
}


def lines(caplog) -> list[logging.LogRecord]:
    found = [r for r in caplog.records if r.name == "accredit.request"]
    caplog.clear()
    return found


async def test_a_request_is_one_line_under_the_id_the_client_sent(client_for, caplog):
    caplog.set_level(logging.INFO)
    gql = await client_for([toy_plugin])
    response = await gql.http.post(
        "/graphql",
        json={"query": "query Schemes { schemes { id } }", "operationName": "Schemes"},
        headers={"X-Request-ID": "lb-7f3a.42", "X-Accredit-Role": "city_reviewer"},
    )
    assert response.status_code == 200 and response.headers["x-request-id"] == "lb-7f3a.42"
    [line] = lines(caplog)
    fields = line.fields
    assert fields.pop("duration_ms") >= 0
    assert fields == {
        "request_id": "lb-7f3a.42",
        "operation": "Schemes",
        "fields": "schemes",
        "role": "city_reviewer",
        "outcome": "ok",
        "status": 200,
    }
    assert line.request_id == "lb-7f3a.42"

    # a refused mutation: the codes of its payload's errors are the outcome
    await gql(
        doc.REGISTER,
        {"input": {**INSTITUTION, "creditCode": "91350100M000100Y44"}},
        role="applicant",
    )
    [line] = lines(caplog)
    assert (
        line.fields["operation"],
        line.fields["fields"],
        line.fields["role"],
        line.fields["outcome"],
    ) == (None, "registerInstitution", "applicant", "INVALID_CHECKSUM")


async def test_errors_carry_the_request_id_and_a_malformed_one_is_replaced(client_for, caplog):
    caplog.set_level(logging.INFO)
    gql = await client_for([toy_plugin])
    response = await gql.http.post(
        "/graphql", json={"query": "{ nosuchfield }"}, headers={"X-Request-ID": "bad id\\n"}
    )
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 32 and request_id != "bad id\\n"
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED", "requestId": request_id}
    assert {r.request_id for r in caplog.records if r.name.startswith("accredit")} == {
        request_id
    }  # every line of it
    [line] = lines(caplog)
    assert (line.fields["fields"], line.fields["outcome"]) == (
        None,
        "GRAPHQL_VALIDATION_FAILED",
    )  # no made-up names

    # refused before GraphQL runs: the error body gets the id too, and the line its code
    response = await gql.http.post(
        "/graphql", json={"query": "{ schemes { id } }"}, headers={"Authorization": "Bearer nope"}
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"] == {
        "code": "UNAUTHENTICATED",
        "requestId": response.headers["x-request-id"],
    }
    assert int(response.headers["content-length"]) == len(response.content)
    [line] = lines(caplog)
    assert (line.fields["status"], line.fields["outcome"], line.fields["role"]) == (
        401,
        "UNAUTHENTICATED",
        None,
    )


@pytest.mark.fast
def test_the_line_as_json_for_a_collector_and_as_text_for_a_person():
    record = logging.LogRecord(
        "accredit.request", logging.INFO, __file__, 1, "graphql %s %s", ("Schemes", "ok"), None
    )
    record.request_id, record.fields = (
        "r1",
        {"request_id": "r1", "role": "expert", "outcome": "ok", "name": "王五"},
    )
    assert json.loads(JSONFormatter().format(record)) | {"time": "-"} == {
        "time": "-",
        "level": "INFO",
        "pid": os.getpid(),
        "logger": "accredit.request",
        "message": "graphql Schemes ok",
        "request_id": "r1",
        "role": "expert",
        "outcome": "ok",
        "name": "王五",
    }
    assert '"王五"' in JSONFormatter().format(record)  # Chinese stays readable
    assert (
        TextFormatter()
        .format(record)
        .endswith(
            "INFO    accredit.request graphql Schemes ok request_id=r1 role=expert "
            "outcome=ok name=王五"
        )
    )
