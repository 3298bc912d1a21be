"""Latency of other requests while anonymous clients keep failing to log in (issue 13, finding 5).

Starts ``accredit serve`` from a checkout (``--root``, default this one; point it at an older
commit's files for a before/after comparison) on a fresh SQLite database with one account, then
measures for ``--seconds`` a reader (``{ schemes { id } }``) and a writer (``registerInstitution``
as the development identity), each posting in a loop: first alone, then while ``--logins`` clients
post failed logins in a loop (unknown names and the one account, which locks), each as fast as it
is answered. Prints p50 / p95 / max per operation and phase, and how the logins were answered.

``--no-login-limits`` raises the login budgets out of reach, so every attempt is hashed: what
hashing in threads outside the write transaction does by itself. Without it the budgets of failed
logins per address and per username apply as configured. Prints figures; asserts nothing.

Usage (from the repository root)::

    python benchmarks/login_load.py --seconds 10 --logins 30 [--no-login-limits] [--root PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from smoke_concurrency import credit_code, free_port, percentile, stop, wait_ready

ROOT = Path(__file__).resolve().parents[1]
ACCOUNT, PASSWORD = "bench.auditor", "correct horse battery staple"
LOGIN = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code } } }"
READ = "{ schemes { id } }"
WRITE = """mutation($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) { institution { id } errors { code } } }"""


async def probe(
    http: httpx.AsyncClient, name: str, until: float, serials, latencies: dict[str, list[float]]
) -> None:
    while time.monotonic() < until:
        if name == "read":
            body, headers = {"query": READ}, {}
        else:
            body = {
                "query": WRITE,
                "variables": {
                    "input": {
                        "name": f"杭州压测{next(serials)}培训学校有限公司",
                        "creditCode": credit_code(next(serials)),
                        "orgType": "ENTERPRISE",
                        "divisionCode": "330106",
                        "registeredOn": "2015-06-01",
                        "legalRepresentative": "张三",
                    }
                },
            }
            headers = {"X-Accredit-Role": "applicant", "X-Accredit-Actor": "bench"}
        started = time.monotonic()
        response = await http.post("/graphql", json=body, headers=headers)
        latencies[name].append(time.monotonic() - started)
        if response.status_code != 200 or "errors" in response.json():
            raise RuntimeError(f"{name}: {response.status_code} {response.text[:200]}")


async def fail_logins(
    http: httpx.AsyncClient, number: int, until: float, answers: collections.Counter
) -> None:
    for attempt in itertools.count():
        if time.monotonic() >= until:
            return
        username = ACCOUNT if attempt % 2 else f"nobody{number}.{attempt}"
        body = (
            await http.post(
                "/graphql",
                json={"query": LOGIN, "variables": {"u": username, "p": "wrong password!"}},
            )
        ).json()
        answers[
            (body.get("data") or {}).get("login", {}).get("errors", [{}])[0].get("code", "error")
        ] += 1


async def phase(
    base_url: str, seconds: float, logins: int, serials
) -> tuple[dict[str, list[float]], collections.Counter]:
    latencies: dict[str, list[float]] = collections.defaultdict(list)
    answers: collections.Counter = collections.Counter()
    until = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=logins + 10)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as http:
        await asyncio.gather(
            probe(http, "read", until, serials, latencies),
            probe(http, "write", until, serials, latencies),
            *(fail_logins(http, n, until, answers) for n in range(logins)),
        )
    return latencies, answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="length of each phase (default 10)"
    )
    parser.add_argument(
        "--logins", type=int, default=30, help="concurrent clients failing to log in (default 30)"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the checkout whose server is measured"
    )
    parser.add_argument(
        "--no-login-limits",
        action="store_true",
        help="raise the budgets of failed logins out of reach",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "ACCREDIT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/bench.db",
            "ACCREDIT_SECRET_KEY": "b" * 40,
            "ACCREDIT_DEV_IDENTITY_HEADERS": "true",
            "ACCREDIT_QUERY_BUDGET_POINTS": str(10**9),
            "ACCREDIT_GRAPHIQL": "false",
        }
        if args.no_login_limits:
            env |= {
                "ACCREDIT_LOGIN_FAILURES_PER_USERNAME": str(10**9),
                "ACCREDIT_LOGIN_FAILURES_PER_ADDRESS": str(10**9),
            }
        cli = [sys.executable, "-m", "core.cli"]
        subprocess.run(
            [*cli, "db", "upgrade"], cwd=args.root, env=env, check=True, capture_output=True
        )
        subprocess.run(
            [
                *cli,
                "users",
                "create",
                ACCOUNT,
                "--role",
                "auditor",
                "--area",
                "330100",
                "--password-stdin",
            ],
            cwd=args.root,
            env=env,
            check=True,
            capture_output=True,
            input=PASSWORD + "\n",
            text=True,
        )
        port = free_port()
        with open(Path(tmp) / "server.log", "w") as log:
            server = subprocess.Popen(
                [*cli, "serve", "--port", str(port)], cwd=args.root, env=env, stdout=log, stderr=log
            )
        try:
            base_url = f"http://127.0.0.1:{port}"
            asyncio.run(wait_ready(base_url, server, 60))
            print(
                f"{args.root} ({'login limits raised' if args.no_login_limits else 'login limits as configured'})"
            )
            print(
                f"{'phase':<28}{'operation':<8}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
            )
            serials = itertools.count(1)
            for title, logins in (
                ("alone", 0),
                (f"with {args.logins} failing logins", args.logins),
            ):
                latencies, answers = asyncio.run(phase(base_url, args.seconds, logins, serials))
                for name, xs in sorted(latencies.items()):
                    print(
                        f"{title:<28}{name:<8}{len(xs):>7}{percentile(xs, 0.5) * 1000:>9.1f}"
                        f"{percentile(xs, 0.95) * 1000:>9.1f}{max(xs) * 1000:>9.1f}"
                    )
                if answers:
                    print(
                        f"{'':<28}logins answered: "
                        + ", ".join(f"{code} {n}" for code, n in answers.most_common())
                    )
        finally:
            stop(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
