"""The read path: accredit against a bare endpoint on the same rows, as ratios taken in one run.

    python benchmarks/read_path.py [--applications 1050] [--rounds 15] [--keep FOLDER]

``--keep FOLDER`` builds the data set there and leaves it (and its PostgreSQL database) in place;
a later run with the same folder measures on it again without building it (before and after a
change, on the same rows).

1. Builds its own data set through the services (:func:`core.demo.load_example`): the plugins'
   worked examples of the five schemes, over and over, each under a new institution, until at least
   ``--applications`` applications exist (drafts, submitted, under review and granted, with their
   evaluations, criterion results, reviews and event log), and a province reviewer's account. On
   SQLite in a temporary folder, and, when ``ACCREDIT_TEST_POSTGRES_URL`` is set, in a fresh
   database on that PostgreSQL server (dropped at the end); both built at once, one process each.
2. Per engine, starts accredit (uvicorn, one worker, as ``accredit serve`` runs it) and the bare
   endpoint (:mod:`read_path_bare`: Starlette, SQLAlchemy Core, orjson) side by side, logs in
   through accredit's ``login`` mutation and sends every request with that bearer token.
3. Checks that both answer the same ``data`` for each document (exit status 1 if not).
4. Rounds: for each document, ``K`` requests to one server then ``K`` to the other, which one goes
   first alternating from round to round; a round's ratio is accredit's median latency over the
   bare endpoint's. Server CPU (from /proc) is summed over all rounds.

Documents: ``nested100``, a page of 100 applications with institution, stage, evaluation,
criterion results and reviews with their judgments; ``console20``, a list of 20 rows of 10 fields;
``trivial``, ``{ __typename }``. The machine may be shared: only ratios taken in the same run
compare. Ends with one line a script can read (medians of the per-round latency ratios; with
PostgreSQL, the larger of the two engines' for each document)::

    ratios: nested100=X.XX console20=Y.YY trivial=Z.ZZ
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = "2026-03-02"
SECRET = "read-path-benchmark-" + "x" * 32
READER = "bench.reader"
STARTUP_S = 180  # a server's start-up on a loaded machine

NESTED = """query Nested($first: Int!) {
  applications(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id schemeId kind stageId status version score grade occupations submittedAt createdAt updatedAt
      stage { id title role }
      institution { id name creditCode orgType divisionCode cityCode divisionName cityName }
      evaluation { plugin pluginVersion schemeVersion evaluatedOn total maximum passed grade lines }
      criterionResults { criterionId citation outcome rule values points }
      reviews { reviewer role stage decision comment createdAt judgments { criterionId passed points } }
    } }
  }
}"""
CONSOLE = """query Console($first: Int!) {
  applications(first: $first) {
    totalCount
    edges { node { id schemeId kind stageId status version score submittedAt updatedAt institution { name } } }
  }
}"""


@dataclass(frozen=True)
class Work:
    name: str
    body: bytes
    per_round: int  # requests to each server per round


WORK = (
    Work(
        "nested100",
        json.dumps(
            {"query": NESTED, "operationName": "Nested", "variables": {"first": 100}}
        ).encode(),
        3,
    ),
    Work(
        "console20",
        json.dumps(
            {"query": CONSOLE, "operationName": "Console", "variables": {"first": 20}}
        ).encode(),
        15,
    ),
    Work("trivial", json.dumps({"query": "{ __typename }"}).encode(), 60),
)


# ---- the data set ----------------------------------------------------------------------------


def build(url: str, applications: int) -> tuple[int, str, float]:
    """Migrate ``url`` and fill it through the services; (applications, reader's password, seconds)."""
    from core.db.migrate import upgrade

    started = time.perf_counter()
    upgrade(url)
    loaded, password = asyncio.run(_fill(url, applications))
    return loaded, password, time.perf_counter() - started


async def _fill(url: str, applications: int) -> tuple[int, str]:
    from core.actors import Actor, Scope
    from core.demo import load_example
    from core.identity.accounts import create_user
    from core.platform import Platform
    from core.roles import Role
    from core.settings import Settings

    platform = Platform(Settings(database_url=url, today=TODAY, secret_key=SECRET))
    examples = [
        (entry.scheme.id, example)
        for entry in platform.registry.schemes.values()
        for found in platform.pm.hook.accredit_examples(scheme=entry.scheme)
        for example in found or ()
    ]
    loaded = serial = 0
    try:
        while loaded < applications:
            for scheme_id, example in examples:
                serial += 1
                loaded += await load_example(platform, scheme_id, example, serial)
        password = secrets.token_urlsafe(16)
        await platform.transaction(
            lambda session: create_user(
                session,
                Actor.system(),
                username=READER,
                role=Role.PROVINCE_REVIEWER,
                scopes=[Scope(area="330000")],
                password=password,
            )
        )
    finally:
        await platform.close()
    return loaded, password


async def _postgres(statement: str) -> None:
    import asyncpg

    dsn = make_url(os.environ["ACCREDIT_TEST_POSTGRES_URL"]).set(drivername="postgresql")
    conn = await asyncpg.connect(dsn.render_as_string(hide_password=False))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


# ---- the servers -----------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    port: int
    connection: http.client.HTTPConnection = field(init=False)

    def __post_init__(self) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def post(self, body: bytes, token: str | None = None) -> tuple[float, bytes]:
        headers = {
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
        }
        started = time.perf_counter()
        self.connection.request("POST", "/graphql", body, headers)
        response = self.connection.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise SystemExit(f"{self.name} answered {response.status}: {payload[:500]!r}")
        return elapsed, payload

    def cpu(self) -> float:
        """Seconds of CPU the server process has used (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def resident_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return (
            int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            / 1024
        )

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name: str, app: str, env: dict[str, str], log: Path) -> Server:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            app,
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--timeout-keep-alive",
            "600",
        ],  # one client connection for the whole run
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited at start-up:\n{log.read_text()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return Server(name, process, port)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{name} did not start within {STARTUP_S} s")


def login(accredit: Server, password: str) -> str:
    mutation = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code message } } }"
    _, payload = accredit.post(
        json.dumps({"query": mutation, "variables": {"u": READER, "p": password}}).encode()
    )
    answer = json.loads(payload)["data"]["login"]
    if not answer["token"]:
        raise SystemExit(f"login refused: {answer['errors']}")
    return answer["token"]


# ---- measuring -------------------------------------------------------------------------------


def first_difference(a, b, path: str = "data") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a)} != {sorted(b)}"
        return next((d for k in a if (d := first_difference(a[k], b[k], f"{path}.{k}"))), None)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        return next(
            (
                d
                for i, (x, y) in enumerate(zip(a, b))
                if (d := first_difference(x, y, f"{path}[{i}]"))
            ),
            None,
        )
    return None if a == b else f"{path}: {a!r} != {b!r}"


def leaves(value) -> int:
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value) if value and isinstance(value[0], (dict, list)) else 1
    return 1


def check(accredit: Server, bare: Server, token: str) -> dict[str, str]:
    """Both answer the same ``data``; returns a description of each answer."""
    described = {}
    for work in WORK:
        for server in (accredit, bare):
            server.post(work.body, token)  # warm-up
        ours, theirs = (json.loads(server.post(work.body, token)[1]) for server in (accredit, bare))
        if "errors" in ours:
            raise SystemExit(f"accredit refused {work.name}: {ours['errors']}")
        if (difference := first_difference(ours["data"], theirs["data"])) is not None:
            raise SystemExit(f"{work.name}: the answers differ at {difference}")
        size = len(json.dumps(ours["data"], ensure_ascii=False).encode())
        described[work.name] = f"{leaves(ours['data']):,} fields, {size / 1024:,.0f} KB"
    return described


def measure(accredit: Server, bare: Server, token: str, rounds: int) -> dict[str, dict[str, float]]:
    latency = {w.name: [] for w in WORK}
    medians = {w.name: {accredit.name: [], bare.name: []} for w in WORK}
    cpu = {w.name: {accredit.name: 0.0, bare.name: 0.0} for w in WORK}
    for n in range(rounds):
        for work in WORK:
            for server in (accredit, bare) if n % 2 == 0 else (bare, accredit):
                before = server.cpu()
                median = statistics.median(
                    server.post(work.body, token)[0] for _ in range(work.per_round)
                )
                cpu[work.name][server.name] += server.cpu() - before
                medians[work.name][server.name].append(median)
            latency[work.name].append(
                medians[work.name][accredit.name][-1] / medians[work.name][bare.name][-1]
            )
    return {
        w.name: {
            "ratio": statistics.median(latency[w.name]),
            "accredit_ms": statistics.median(medians[w.name][accredit.name]) * 1000,
            "bare_ms": statistics.median(medians[w.name][bare.name]) * 1000,
            "cpu_ratio": cpu[w.name][accredit.name] / max(cpu[w.name][bare.name], 1e-9),
            "accredit_cpu_ms": cpu[w.name][accredit.name] / (rounds * w.per_round) * 1000,
        }
        for w in WORK
    }


def run_engine(
    engine: str, url: str, password: str, rounds: int, logs: Path
) -> dict[str, dict[str, float]]:
    accredit = start(
        "accredit",
        "core.api.app:create_app",
        {
            "ACCREDIT_DATABASE_URL": url,
            "ACCREDIT_TODAY": TODAY,
            "ACCREDIT_SECRET_KEY": SECRET,
            "ACCREDIT_QUERY_BUDGET_POINTS": str(10**9),
            "ACCREDIT_QUERY_MAX_NODES": str(10**6),
        },
        logs / f"accredit-{engine}.log",
    )
    bare = start(
        "bare",
        "benchmarks.read_path_bare:create_app",
        {"BARE_DATABASE_URL": url, "BARE_SECRET_KEY": SECRET},
        logs / f"bare-{engine}.log",
    )
    try:
        token = login(accredit, password)
        for name, text in check(accredit, bare, token).items():
            print(f"  {engine} {name}: same data from both ({text})", flush=True)
        results = measure(accredit, bare, token, rounds)
        print(
            f"  {engine} accredit resident after the run: {accredit.resident_mb():.0f} MB "
            f"(bare endpoint {bare.resident_mb():.0f} MB)",
            flush=True,
        )
    finally:
        accredit.stop()
        bare.stop()
    for name, r in results.items():
        print(
            f"  {engine} {name:<10} accredit {r['accredit_ms']:8.1f} ms  bare {r['bare_ms']:7.1f} ms  "
            f"latency x{r['ratio']:.2f}  server CPU x{r['cpu_ratio']:.2f} ({r['accredit_cpu_ms']:.1f} ms/request)",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1050)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--keep", type=Path, help="build the data set in this folder and keep it; reuse it if there"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="read-path-"))
    built = data_set(folder, args.applications, bool(args.keep))
    try:
        results = {
            engine: run_engine(engine, url, password, args.rounds, folder)
            for engine, (url, _, password) in built.items()
        }
    finally:
        if not args.keep:
            drop(built)
    print(
        f"({args.rounds} rounds per engine; {time.perf_counter() - started:.0f} s in all; logs in {folder})"
    )
    print(
        "ratios: "
        + " ".join(
            f"{w.name}={max(r[w.name]['ratio'] for r in results.values()):.2f}" for w in WORK
        )
    )


def data_set(folder: Path, applications: int, keep: bool) -> dict[str, tuple[str, int, str]]:
    """Each engine's (URL, applications, reader's password): built in ``folder``, or the one kept
    there (``keep``: the next run with the same folder reuses it)."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / "dataset.json"
    if kept.exists():
        built = json.loads(kept.read_text())
        print(
            f"data set of {folder} reused: {', '.join(f'{e} {b[1]} applications' for e, b in built.items())}",
            flush=True,
        )
        return built
    built = build_all(folder, applications, os.environ.get("ACCREDIT_TEST_POSTGRES_URL"))
    if keep:
        kept.write_text(json.dumps(built))
    return built


def drop(built: dict[str, tuple[str, int, str]]) -> None:
    """Drop the data set's PostgreSQL database, if it has one."""
    if "postgresql" in built:
        asyncio.run(
            _postgres(
                f'DROP DATABASE IF EXISTS "{make_url(built["postgresql"][0]).database}" WITH (FORCE)'
            )
        )


def build_all(
    folder: Path, applications: int, postgres: str | None
) -> dict[str, tuple[str, int, str]]:
    """Each engine's (URL, applications, reader's password), built at once, one process each."""
    urls = {"sqlite": f"sqlite+aiosqlite:///{folder / 'accredit.db'}"}
    if postgres:
        database = f"read_path_{uuid.uuid4().hex[:8]}"
        asyncio.run(_postgres(f'CREATE DATABASE "{database}"'))
        urls["postgresql"] = (
            make_url(postgres).set(database=database).render_as_string(hide_password=False)
        )
    try:
        with ProcessPoolExecutor(len(urls)) as pool:
            futures = {
                engine: pool.submit(build, url, applications) for engine, url in urls.items()
            }
            done = {engine: future.result() for engine, future in futures.items()}
    except BaseException:
        if postgres:
            asyncio.run(_postgres(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        raise
    for engine, (loaded, _, seconds) in done.items():
        print(
            f"{engine}: {loaded} applications built through the services in {seconds:.0f} s",
            flush=True,
        )
    return {
        engine: (urls[engine], loaded, password) for engine, (loaded, password, _) in done.items()
    }


if __name__ == "__main__":
    main()
