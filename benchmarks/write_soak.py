"""Writes under large reads: a write's latency on an idle server against the same write while
clients read large pages, as ratios taken in one run.

    python benchmarks/write_soak.py [--seconds 40] [--writers 12] [--readers 4] [--workers 1] [--keep FOLDER]

1. Builds the read-path data set (:mod:`read_path`: 1,050 applications of the five schemes through
   the services; ``--keep FOLDER`` reuses one), on SQLite and, when ``ACCREDIT_TEST_POSTGRES_URL``
   is set, on PostgreSQL too; adds one institution per writer with its applicant account.
2. Per engine, starts accredit (uvicorn, ``--workers`` processes, as ``accredit serve`` runs it);
   every client logs in through ``login`` and sends its bearer token.
3. Idle: one writer alone, ``--idle-cycles`` cycles. Soak: ``--readers`` clients read the page of
   100 nested applications (``read_path.NESTED``) over and over while ``--writers`` clients write,
   for ``--seconds``. A writer's cycle is ``createApplication`` (a draft of hz_outsourcing's worked
   example for its institution) then ``actOnApplication`` (the applicant's ``withdraw``), each
   timed from request to answer, each checked to have written (no ``errors``).

Prints p50 and p95 of each write, idle and under the soak, and ends with one line a script can read
(p95 under the soak over p95 idle; with PostgreSQL, the larger of the two engines')::

    soak: createApplication=X.XX actOnApplication=Y.YY
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import read_path  # noqa: E402 - the data set, the servers and the large page are the read-path benchmark's
from read_path_bare import global_id  # noqa: E402

SCHEME, KIND = "hz_outsourcing", "recognition"
PASSWORD = "soak-writer-password-" + "y" * 16
WRITES = ("createApplication", "actOnApplication")
ERRORS = "errors { field code message }"
CREATE = (
    """mutation($input: CreateApplicationInput!) {
  createApplication(input: $input) { application { id version stageId } %s } }"""
    % ERRORS
)
ACT = (
    """mutation($input: ActOnApplicationInput!) {
  actOnApplication(input: $input) { application { id version stageId } %s } }"""
    % ERRORS
)
PAGE = json.dumps(
    {"query": read_path.NESTED, "operationName": "Nested", "variables": {"first": 100}}
).encode()


def add_writers(url: str, writers: int) -> list[tuple[str, str, dict]]:
    """One institution and one applicant account per writer (once per data set): (username,
    institution ID, the draft to create)."""
    return asyncio.run(_add_writers(url, writers))


async def _add_writers(url: str, writers: int) -> list[tuple[str, str, dict]]:
    from sqlalchemy import select

    from core.actors import EVERYWHERE, Actor, Scope
    from core.db import models
    from core.demo import demo_credit_code
    from core.identity.accounts import create_user
    from core.platform import Platform
    from core.roles import Role
    from core.services.institutions import register_institution
    from core.settings import Settings

    platform = Platform(
        Settings(database_url=url, today=read_path.TODAY, secret_key=read_path.SECRET)
    )
    entry = platform.registry.scheme(SCHEME)
    example = next(
        e
        for found in platform.pm.hook.accredit_examples(scheme=entry.scheme)
        for e in found or ()
        if e.kind == KIND
    )
    out = []
    try:
        for n in range(writers):
            username, code = f"soak.writer{n}", demo_credit_code(900_000 + n)

            async def add(session, username=username, code=code) -> int:
                found = await session.scalar(
                    select(models.Institution.id).where(models.Institution.credit_code == code)
                )
                if found is not None:
                    return found
                inst = await register_institution(
                    session,
                    platform,
                    Actor(username, Role.APPLICANT, EVERYWHERE),
                    code,
                    {
                        "name": f"{example.institution_name}（写入{n}）",
                        "org_type": example.org_type,
                        "division_code": example.division_code,
                        "registered_on": example.registered_on,
                        "legal_representative": "示例法人",
                        "contacts": [{"name": "示例联系人", "phone": "0571-87000000"}],
                    },
                )
                await create_user(
                    session,
                    Actor.system(),
                    username=username,
                    role=Role.APPLICANT,
                    scopes=[Scope(credit_code=code)],
                    password=PASSWORD,
                )
                return inst.id

            inst_id = await platform.transaction(add)
            out.append(
                (
                    username,
                    global_id("Institution", inst_id),
                    {
                        "institutionId": global_id("Institution", inst_id),
                        "schemeId": SCHEME,
                        "kind": KIND,
                        "roundId": example.round_id,
                        "form": example.form,
                        "occupations": list(example.occupations),
                    },
                )
            )
    finally:
        await platform.close()
    return json.loads(json.dumps(out, default=str))  # dates in forms as a client sends them


class Writer:
    def __init__(self, server: read_path.Server, token: str, draft: dict) -> None:
        self.server, self.token, self.draft = server, token, draft
        self.timings: dict[str, list[float]] = {w: [] for w in WRITES}

    def _write(self, name: str, query: str, variables: dict) -> dict:
        body = json.dumps({"query": query, "variables": variables}, ensure_ascii=False).encode()
        elapsed, payload = self.server.post(body, self.token)
        answer = json.loads(payload)
        result = (answer.get("data") or {}).get(name)
        if not result or result["errors"]:
            raise SystemExit(f"{name} refused: {answer.get('errors') or result['errors']}")
        self.timings[name].append(elapsed)
        return result["application"]

    def cycle(self) -> None:
        app = self._write("createApplication", CREATE, {"input": self.draft})
        self._write(
            "actOnApplication",
            ACT,
            {"input": {"id": app["id"], "expectedVersion": app["version"], "action": "withdraw"}},
        )


def connect(server: read_path.Server) -> read_path.Server:
    """Another client connection to the same server (one per thread)."""
    return read_path.Server(server.name, server.process, server.port)


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def run_engine(
    engine: str, url: str, reader_password: str, writers: list, args, logs: Path
) -> dict[str, float]:
    server = read_path.start(
        "accredit",
        "core.api.app:create_app",
        {
            "ACCREDIT_DATABASE_URL": url,
            "ACCREDIT_TODAY": read_path.TODAY,
            "ACCREDIT_SECRET_KEY": read_path.SECRET,
            "ACCREDIT_QUERY_BUDGET_POINTS": str(10**9),
            "ACCREDIT_QUERY_MAX_NODES": str(10**6),
            "WEB_CONCURRENCY": str(args.workers),
        },
        logs / f"soak-{engine}.log",
    )
    try:
        reader_token = read_path.login(server, reader_password)
        clients = [
            Writer(connect(server), _login(server, username), draft)
            for username, _, draft in writers
        ]
        idle = Writer(connect(server), clients[0].token, clients[0].draft)
        idle.cycle()  # warm-up
        idle.timings = {w: [] for w in WRITES}
        for _ in range(args.idle_cycles):
            idle.cycle()
        stop, reads = threading.Event(), []

        def read() -> None:
            reader = connect(server)
            while not stop.is_set():
                reads.append(reader.post(PAGE, reader_token)[0])

        def write(writer: Writer) -> None:
            while not stop.is_set():
                writer.cycle()

        threads = [threading.Thread(target=read) for _ in range(args.readers)] + [
            threading.Thread(target=write, args=(w,)) for w in clients
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    ratios = {}
    print(
        f"  {engine}: {len(reads)} pages of 100 read ({percentiles(reads)[0] * 1000:.0f} ms p50) by {args.readers} readers "
        f"in {args.seconds} s, beside {args.writers} writers",
        flush=True,
    )
    for name in WRITES:
        alone, soaked = (
            percentiles(idle.timings[name]),
            percentiles([t for w in clients for t in w.timings[name]]),
        )
        ratios[name] = soaked[1] / alone[1]
        print(
            f"  {engine} {name:<17} idle p50 {alone[0] * 1000:6.1f} ms p95 {alone[1] * 1000:6.1f} ms   "
            f"under reads p50 {soaked[0] * 1000:7.1f} ms p95 {soaked[1] * 1000:7.1f} ms "
            f"({sum(len(w.timings[name]) for w in clients)} writes)   p95 x{ratios[name]:.2f}",
            flush=True,
        )
    return ratios


def _login(server: read_path.Server, username: str) -> str:
    mutation = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code message } } }"
    _, payload = server.post(
        json.dumps({"query": mutation, "variables": {"u": username, "p": PASSWORD}}).encode()
    )
    answer = json.loads(payload)["data"]["login"]
    if not answer["token"]:
        raise SystemExit(f"login refused: {answer['errors']}")
    return answer["token"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--writers", type=int, default=12)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--idle-cycles", type=int, default=30)
    parser.add_argument("--applications", type=int, default=1050)
    parser.add_argument(
        "--keep", type=Path, help="build the data set in this folder and keep it; reuse it if there"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="write-soak-"))
    built = read_path.data_set(folder, args.applications, bool(args.keep))
    try:
        results = {
            engine: run_engine(engine, url, password, add_writers(url, args.writers), args, folder)
            for engine, (url, _, password) in built.items()
        }
    finally:
        if not args.keep:
            read_path.drop(built)
    print(
        f"({args.workers} worker(s); {time.perf_counter() - started:.0f} s in all; logs in {folder})"
    )
    print("soak: " + " ".join(f"{w}={max(r[w] for r in results.values()):.2f}" for w in WRITES))


if __name__ == "__main__":
    main()
