"""Bounded concurrency smoke test: a real uvicorn server, several concurrent clients, reads and writes.

Starts ``accredit serve`` (``python -m core.cli serve``, same interpreter) on a free 127.0.0.1 port
against a fresh SQLite database in a temporary folder, waits for ``/readyz``, then runs ``--clients``
concurrent HTTP clients for ``--seconds``. Each client loops through generic operations that work on
any scheme: register and update an institution, list and page institutions with filters, read the
schemes and plugins, dry-run, create, edit and submit an application under ``--scheme`` (form from
``--form-json``), read it back and list applications. A deliberately stale update exercises the
optimistic lock.

Expected refusals (the ``errors`` list of a mutation payload, e.g. a stale version or a form the
scheme refuses) are counted as user errors, not failures. It fails (exit status 1) on any HTTP
status other than 200, any top-level GraphQL ``errors`` (which is where an unexpected exception
surfaces, masked as "服务器内部错误 (internal error)"), any connection error or timeout, or the
server process exiting before it is told to stop. The server is always terminated at the end.

Usage (from the repository root, with accredit and httpx installed)::

    python benchmarks/smoke_concurrency.py --seconds 30 --clients 8
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from stdnum.cn import uscc

ROOT = Path(__file__).resolve().parents[1]
MASKED = "服务器内部错误 (internal error)"
TODAY = "2026-03-02"

# The form applied: --form-json if given, else the first worked example the scheme's plugin offers for
# the kind (the accredit_examples hook).
DEFAULT_SCHEME, DEFAULT_KIND = "hz_outsourcing", "recognition"
ERRORS = "errors { field code message }"
REGISTER = (
    """mutation($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) { institution { id version name cityCode } %s } }"""
    % ERRORS
)
UPDATE = (
    """mutation($input: UpdateInstitutionInput!) {
  updateInstitution(input: $input) { institution { id version address divisionCode } %s } }"""
    % ERRORS
)
INSTITUTIONS = """query($filter: InstitutionFilter, $first: Int, $after: String) {
  institutions(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name creditCode cityName divisionName orgTypeLabel version } } } }"""
INSTITUTION = """query($id: ID!) {
  institution(id: $id) { name version applications { id schemeId kind stageId status }
                         recognitions { id schemeId status } } }"""
SCHEMES = """{
  schemes { id version plugin pluginVersion
            kinds { id formSchema initialStage stages { id status } transitions { id source target role } }
            criteria { id citation kind mode } rounds { id opensOn closesOn } parameters { name history { since value } } }
  plugins { name version hooks } }"""
APP_FIELDS = (
    "id version schemeId kind stageId status score criterionResults { criterionId outcome }"
)
CREATE = """mutation($input: CreateApplicationInput!) {
  createApplication(input: $input) { application { %s } %s } }""" % (APP_FIELDS, ERRORS)
EDIT = """mutation($input: EditApplicationInput!) {
  editApplication(input: $input) { application { %s } %s } }""" % (APP_FIELDS, ERRORS)
SUBMIT = """mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { application { %s } %s } }""" % (APP_FIELDS, ERRORS)
DRY_RUN = (
    """query($input: DryRunInput!) {
  evaluate(input: $input) { eligible results { criterionId outcome rule } assessment { total } %s } }"""
    % ERRORS
)
APPLICATION = (
    """query($id: ID!) {
  application(id: $id) { %s form availableActions { id role } evaluation { plugin pluginVersion total }
                         events { action actor role } institution { name } stage { id title } } }"""
    % APP_FIELDS
)
APPLICATIONS = """query($filter: ApplicationFilter, $first: Int) {
  applications(filter: $filter, first: $first) {
    totalCount edges { node { id schemeId stageId status institution { name cityName } } } } }"""

DIVISIONS = (
    "330106",
    "330110",
    "330200",
)  # a Ningbo one in three: refused at submission by a Hangzhou scheme


def example_from_plugins(scheme_id: str, kind: str) -> dict[str, Any] | None:
    """The first worked example the installed plugins offer for ``scheme_id``/``kind`` (None if none)."""
    sys.path.insert(0, str(ROOT))
    try:
        from core.plugins import get_plugin_manager

        pm = get_plugin_manager()
        hook = getattr(pm.hook, "accredit_examples", None)
        schemes = [
            s for found in pm.hook.accredit_schemes() for s in found or () if s.id == scheme_id
        ]
        if hook is None or not schemes:
            return None
        for example in (e for found in hook(scheme=schemes[0]) for e in found or ()):
            if example.kind == kind:
                return {
                    "form": example.form,
                    "occupations": list(example.occupations),
                    "round": example.round_id,
                    "title": example.title,
                }
    except Exception as exc:
        print(f"smoke: could not read the plugins' examples ({type(exc).__name__}: {exc})")
    finally:
        sys.path.remove(str(ROOT))
    return None


def credit_code(serial: int) -> str:
    """A valid unified social credit code (GB 32100-2015), distinct per serial."""
    body = f"91330100MA{serial:07d}"
    return body + uscc.calc_check_digit(body)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failed(Exception):
    """A response the smoke test does not accept; recorded, then the client carries on."""


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    user_errors: collections.Counter = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    def fail(self, message: str) -> None:
        self.failures.append(message)
        if len(self.failures) >= 50:
            self.stop.set()


class Client:
    def __init__(self, http: httpx.AsyncClient, stats: Stats):
        self.http, self.stats = http, stats

    async def gql(
        self,
        op: str,
        query: str,
        variables: dict | None = None,
        *,
        role: str = "city_reviewer",
        payload: str | None = None,
    ) -> dict:
        """Post one document; record its latency; raise :class:`Failed` on anything but a clean answer.

        With ``payload`` (a mutation's field), its ``errors`` are counted as user errors by code.
        """
        started = time.perf_counter()
        try:
            response = await self.http.post(
                "/graphql",
                json={"query": query, "variables": variables or {}},
                headers={"X-Accredit-Role": role, "X-Accredit-Actor": "smoke"},
            )
        except httpx.HTTPError as exc:
            raise Failed(f"{op}: {type(exc).__name__}: {exc}") from None
        finally:
            self.stats.latencies[op].append(time.perf_counter() - started)
        if response.status_code != 200:
            raise Failed(f"{op}: HTTP {response.status_code}: {response.text[:300]}")
        try:
            body = response.json()
        except ValueError:
            raise Failed(f"{op}: not JSON: {response.text[:300]}") from None
        if body.get("errors"):
            masked = any(e.get("message") == MASKED for e in body["errors"])
            raise Failed(
                f"{op}: {'internal error' if masked else 'GraphQL errors'}: {json.dumps(body['errors'], ensure_ascii=False)[:300]}"
            )
        data = body.get("data")
        if data is None:
            raise Failed(f"{op}: no data: {response.text[:300]}")
        if payload is not None:
            for error in data[payload]["errors"]:
                if error["message"] == MASKED:
                    raise Failed(f"{op}: internal error in payload")
                self.stats.user_errors[f"{op}:{error['code']}"] += 1
        return data


async def worker(number: int, base_url: str, deadline: float, args, serials, stats: Stats) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(30.0)) as http:
        client = Client(http, stats)
        while time.monotonic() < deadline and not stats.stop.is_set():
            try:
                await one_round(client, number, next(serials), args, deadline)
            except Failed as failure:
                stats.fail(str(failure))


async def one_round(c: Client, number: int, serial: int, args, deadline: float) -> None:
    """One institution's story, interleaved with reads; returns early at the deadline."""

    def over() -> bool:
        return time.monotonic() >= deadline

    division = DIVISIONS[serial % len(DIVISIONS)]
    data = await c.gql(
        "registerInstitution",
        REGISTER,
        {
            "input": {
                "name": f"杭州冒烟测试{serial}号培训有限公司",
                "creditCode": credit_code(serial),
                "orgType": "ENTERPRISE",
                "divisionCode": division,
                "registeredOn": "2015-06-01",
                "legalRepresentative": "张三",
                "contacts": [{"name": "李四", "phone": "0571-88888888"}],
            }
        },
        role="applicant",
        payload="registerInstitution",
    )
    institution = data["registerInstitution"]["institution"]
    if institution is None or over():
        return
    inst_id = institution["id"]

    page = await c.gql(
        "institutions", INSTITUTIONS, {"filter": {"cityCode": division[:4] + "00"}, "first": 10}
    )
    cursor = page["institutions"]["pageInfo"]["endCursor"]
    if page["institutions"]["pageInfo"]["hasNextPage"]:
        await c.gql(
            "institutions",
            INSTITUTIONS,
            {"filter": {"cityCode": division[:4] + "00"}, "first": 10, "after": cursor},
        )
    await c.gql(
        "institutions", INSTITUTIONS, {"filter": {"nameContains": f"{serial}号"}, "first": 5}
    )

    updated = await c.gql(
        "updateInstitution",
        UPDATE,
        {
            "input": {
                "id": inst_id,
                "expectedVersion": institution["version"],
                "address": f"杭州市某路{serial}号",
            }
        },
        role="applicant",
        payload="updateInstitution",
    )
    # The same change again with the old version: must be refused as stale, never half-applied.
    await c.gql(
        "updateInstitution",
        UPDATE,
        {
            "input": {
                "id": inst_id,
                "expectedVersion": institution["version"],
                "address": "过期的修改",
            }
        },
        role="applicant",
        payload="updateInstitution",
    )
    if updated["updateInstitution"]["institution"] is None or over():
        return

    await c.gql("schemes", SCHEMES)
    form, kind, scheme = args.form, args.kind, args.scheme
    occupations = args.occupations
    await c.gql(
        "evaluate",
        DRY_RUN,
        {
            "input": {
                "institutionId": inst_id,
                "schemeId": scheme,
                "kind": kind,
                "form": form,
                "occupations": occupations,
            }
        },
        payload="evaluate",
    )
    created = await c.gql(
        "createApplication",
        CREATE,
        {
            "input": {
                "institutionId": inst_id,
                "schemeId": scheme,
                "kind": kind,
                "form": form,
                "occupations": occupations,
                **({"roundId": args.round} if args.round else {}),
            }
        },
        role="applicant",
        payload="createApplication",
    )
    application = created["createApplication"]["application"]
    if application is not None and not over():
        edited = await c.gql(
            "editApplication",
            EDIT,
            {
                "input": {
                    "id": application["id"],
                    "expectedVersion": application["version"],
                    "form": form,
                    "occupations": occupations,
                    **({"roundId": args.round} if args.round else {}),
                }
            },
            role="applicant",
            payload="editApplication",
        )
        application = edited["editApplication"]["application"] or application
        if not over():
            await c.gql(
                "submitApplication",
                SUBMIT,
                {
                    "input": {
                        "id": application["id"],
                        "expectedVersion": application["version"],
                    }
                },
                role="applicant",
                payload="submitApplication",
            )
        await c.gql("application", APPLICATION, {"id": application["id"]})
    if over():
        return
    await c.gql("applications", APPLICATIONS, {"filter": {"schemeId": scheme}, "first": 20})
    await c.gql(
        "applications",
        APPLICATIONS,
        {"filter": {"status": "IN_REVIEW", "cityCode": "330100"}, "first": 20},
    )
    await c.gql("institution", INSTITUTION, {"id": inst_id})


async def watch_server(server: subprocess.Popen, stats: Stats, deadline: float) -> None:
    while time.monotonic() < deadline and not stats.stop.is_set():
        if server.poll() is not None:
            stats.fail(f"server process exited with status {server.returncode} during the run")
            stats.stop.set()
            return
        await asyncio.sleep(0.2)


async def wait_ready(base_url: str, server: subprocess.Popen, timeout: float) -> None:
    until = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base_url, timeout=2.0) as http:
        while time.monotonic() < until:
            if server.poll() is not None:
                raise RuntimeError(
                    f"server exited with status {server.returncode} before it was ready"
                )
            try:
                if (await http.get("/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"server not ready after {timeout:.0f}s")


async def run_clients(base_url: str, server: subprocess.Popen, args) -> tuple[Stats, float]:
    stats = Stats()
    serials = itertools.count(1)
    started = time.monotonic()
    deadline = started + args.seconds
    tasks = [worker(n, base_url, deadline, args, serials, stats) for n in range(args.clients)]
    # Bounded: a request in flight at the deadline may take its 30 s timeout, no longer.
    await asyncio.wait_for(
        asyncio.gather(watch_server(server, stats, deadline), *tasks), timeout=args.seconds + 60
    )
    return stats, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def report(stats: Stats, elapsed: float, args) -> None:
    every = [x for xs in stats.latencies.values() for x in xs]
    print(
        f"smoke: {args.clients} clients for {elapsed:.1f}s against scheme {args.scheme!r}/{args.kind!r}"
    )
    print(
        f"requests: {len(every)} ({len(every) / elapsed:.1f}/s)"
        + (
            f", p50 {percentile(every, 0.5) * 1000:.1f} ms, p95 {percentile(every, 0.95) * 1000:.1f} ms,"
            f" max {max(every) * 1000:.1f} ms"
            if every
            else ""
        )
    )
    print(f"{'operation':<22}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for op, xs in sorted(stats.latencies.items()):
        print(
            f"{op:<22}{len(xs):>8}{percentile(xs, 0.5) * 1000:>10.1f}{percentile(xs, 0.95) * 1000:>10.1f}{max(xs) * 1000:>10.1f}"
        )
    print(f"user errors (expected refusals): {sum(stats.user_errors.values())}")
    for key, count in sorted(stats.user_errors.items()):
        print(f"  {key}: {count}")
    print(f"failures: {len(stats.failures)}")
    distinct = collections.Counter(stats.failures)
    for message, count in sorted(
        distinct.items(), key=lambda mc: ("server process exited" not in mc[0], -mc[1])
    )[:15]:
        print(f"  {count:>4} x {message}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=30.0, help="how long the clients run (default 30)"
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument(
        "--scheme", default=DEFAULT_SCHEME, help=f"scheme to apply under (default {DEFAULT_SCHEME})"
    )
    parser.add_argument(
        "--kind", default=DEFAULT_KIND, help=f"application kind (default {DEFAULT_KIND})"
    )
    parser.add_argument(
        "--form-json",
        help="the application form as JSON (default: the plugin's first worked example)",
    )
    parser.add_argument(
        "--occupations", default="", help="comma-separated occupation codes for the application"
    )
    parser.add_argument("--round", default=None, help="round id, for kinds that need one")
    parser.add_argument("--ready-timeout", type=float, default=60.0)
    parser.add_argument(
        "--port", type=int, default=None, help="the server's port (default: a free one)"
    )
    args = parser.parse_args(argv)
    args.occupations = [o for o in args.occupations.split(",") if o]
    if args.form_json:
        args.form, source = json.loads(args.form_json), "--form-json"
    elif example := example_from_plugins(args.scheme, args.kind):
        args.form, source = example["form"], f"the plugin's example {example['title']!r}"
        args.occupations = args.occupations or example["occupations"]
        args.round = args.round or example["round"]
    else:
        print(
            f"smoke: no --form-json and no worked example for {args.scheme}/{args.kind}", flush=True
        )
        return 2
    print(
        f"smoke: applying under {args.scheme}/{args.kind} with the form from {source}", flush=True
    )

    with tempfile.TemporaryDirectory(prefix="accredit-smoke-") as tmp:
        env = {
            **os.environ,
            "ACCREDIT_DATABASE_URL": f"sqlite+aiosqlite:///{Path(tmp) / 'smoke.db'}",
            "ACCREDIT_TODAY": TODAY,
            "ACCREDIT_DEV_IDENTITY_HEADERS": "true",
            "ACCREDIT_QUERY_BUDGET_POINTS": "100000000",
            "ACCREDIT_SECRET_KEY": "benchmark-secret-" + "x" * 32,
        }
        upgrade = subprocess.run(
            [sys.executable, "-m", "core.cli", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if upgrade.returncode != 0:
            print(
                f"smoke: db upgrade failed ({upgrade.returncode}):\n{upgrade.stdout}{upgrade.stderr}"
            )
            return 1
        port = args.port or free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = Path(tmp) / "server.log"
        with open(log_path, "w", encoding="utf-8") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "core.cli", "serve", "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                try:
                    asyncio.run(wait_ready(base_url, server, args.ready_timeout))
                except RuntimeError as exc:
                    print(f"smoke: {exc}")
                    return _fail_with_log(log_path)
                try:
                    stats, elapsed = asyncio.run(run_clients(base_url, server, args))
                except TimeoutError:
                    print(
                        f"smoke: clients still running {args.seconds + 60:.0f}s after the start: hung requests"
                    )
                    return _fail_with_log(log_path)
                if server.poll() is not None and not any(
                    "server process exited" in f for f in stats.failures
                ):
                    stats.fail(f"server process exited with status {server.returncode}")
            finally:
                stop(server)
        report(stats, elapsed, args)
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
        tracebacks = log_text.count("Traceback (most recent call last)")
        if tracebacks:
            print(f"warning: {tracebacks} traceback(s) in the server log")
        if not stats.latencies.get("submitApplication"):
            print(
                f"warning: no application reached submission under {args.scheme!r}: see the user errors above"
            )
        if stats.failures:
            return _fail_with_log(log_path)
        print("smoke: OK")
        return 0


def _fail_with_log(log_path: Path) -> int:
    lines = [
        line
        for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        if '"POST /graphql HTTP/1.1" 200' not in line
    ]  # the access log of clean answers says nothing
    print("--- last lines of the server log (successful requests left out) ---")
    print("\n".join(lines[-40:]))
    print("smoke: FAILED")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
