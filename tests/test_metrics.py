"""``/metrics``: Prometheus's format, for this machine or a bearer token, counting requests by
operation and outcome, the database pool and failed logins; several workers add up."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import TEST_SECRET
from tests.support import toy_plugin
from tests.support.identity import LOGIN, add_user
from tests.support.scrape import samples, scrape, value

ROOT = Path(__file__).resolve().parent.parent
DURATION = "accredit_graphql_request_duration_seconds_count"


async def test_requests_pool_and_failed_logins_are_counted(client_for):
    gql = await client_for([toy_plugin])
    await add_user(gql.platform, "city.he", "city_reviewer", areas=("330100",))
    before = await scrape(gql)
    for _ in range(3):
        await gql("{ schemes { id } }", role="public")
    await gql("{ nosuchfield }", expect_errors=True)
    refused = (await gql(LOGIN, {"u": "city.he", "p": "not the password"}))["login"]
    assert refused["errors"][0]["code"] == "INVALID_CREDENTIALS"
    after = await scrape(gql)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew(DURATION, operation="schemes", outcome="ok") == 3
    assert (
        grew(DURATION, operation="none", outcome="GRAPHQL_VALIDATION_FAILED") == 1
    )  # never the made-up name
    assert grew(DURATION, operation="login", outcome="INVALID_CREDENTIALS") == 1
    assert grew("accredit_login_failures_total", reason="invalid_credentials") == 1
    assert (
        grew("accredit_db_pool_wait_seconds_count") >= 2
    )  # the login read the account, then wrote
    assert ("accredit_db_connections_in_use", frozenset()) in after


@pytest.mark.fast
async def test_metrics_answer_this_machine_or_the_token_only(client_for):
    gql = await client_for([toy_plugin])
    assert (
        await gql.http.get("/metrics")
    ).status_code == 200  # the test client calls from 127.0.0.1
    remote = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=gql.http._transport.app, client=("10.1.2.3", 4000)),
        base_url="http://test",
    )
    assert (await remote.get("/metrics")).status_code == 403

    guarded = await client_for([toy_plugin], metrics_token="scrape-token-" + "x" * 20)
    assert (await guarded.http.get("/metrics")).status_code == 401
    assert (
        await guarded.http.get("/metrics", headers={"Authorization": "Bearer wrong"})
    ).status_code == 401
    answer = await guarded.http.get(
        "/metrics", headers={"Authorization": "Bearer scrape-token-" + "x" * 20}
    )
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(
        "text/plain; version="
    )
    await remote.aclose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_two_workers_add_up_and_log_json_lines(tmp_path):
    """A real ``accredit serve --workers 2``: whichever worker answers a scrape, it counts every
    request; standard error (not a terminal) carries one JSON line per request with its id."""
    port = _free_port()
    env = {
        **os.environ,
        "ACCREDIT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'a.db'}",
        "ACCREDIT_SECRET_KEY": TEST_SECRET,
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log_path = tmp_path / "server.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        sent = 0
        while sent < 60 and (
            sent < 8 or len(_served_by(log_path)) < 2
        ):  # until both workers have answered
            httpx.post(
                f"{url}/graphql",
                json={"query": "{ schemes { id } }"},
                headers={"X-Request-ID": f"req-{sent}"},
                timeout=30,
            ).raise_for_status()  # a new connection each time
            sent += 1
        assert len(_served_by(log_path)) == 2
        counts = {
            value(
                samples(httpx.get(f"{url}/metrics", timeout=30).text),
                DURATION,
                operation="schemes",
                outcome="ok",
            )
            for _ in range(6)
        }
        assert counts == {sent}
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    lines = [
        json.loads(line)
        for line in log_path.read_text().splitlines()
        if '"accredit.request"' in line
    ]
    assert sorted(line["request_id"] for line in lines) == sorted(f"req-{n}" for n in range(sent))


def _served_by(log_path: Path) -> set[int]:
    return {
        json.loads(line)["pid"]
        for line in log_path.read_text().splitlines()
        if '"accredit.request"' in line
    }
