"""Crash recovery: no acknowledged write is lost when the database or the API process dies.

    python benchmarks/crash_recovery.py --engine sqlite       # SIGKILL the API process during writes
    python benchmarks/crash_recovery.py --engine postgresql   # immediate stop of PostgreSQL during writes

A real uvicorn server takes a steady write load from several clients: institutions registered and
grants racing for the 5 places of one occupation (the ``race`` test scheme, loaded through
``ACCREDIT_PLUGINS``). Midway the API process is killed (SQLite) or PostgreSQL is stopped with
``-m immediate`` (no checkpoint: crash recovery at the next start) and brought back. Then:

* every write a client saw acknowledged (a payload with no errors) is in the database;
* the database passes its integrity checks (``PRAGMA integrity_check``; amcheck's heap and
  B-tree checks on PostgreSQL);
* the cap holds: at most 5 quota slots for the key, exactly one per active recognition;
* the audit chain is intact (``core.audit.verify``);
* the service answers again within 30 seconds of the database (or process) returning.

Prints figures and exits non-zero on any violation. Bounded in time; cleans up its servers.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stdnum.cn import uscc  # noqa: E402

CAP, OCCUPATION, KEY = 5, "6-01-02", "6-01-02@330100"
ERRORS = "errors { field code message }"
REGISTER = (
    """mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) {
  institution { creditCode } %s } }"""
    % ERRORS
)
GRANT = (
    """mutation($input: ActOnApplicationInput!) { actOnApplication(input: $input) {
  application { stageId } %s } }"""
    % ERRORS
)
BY_CODE = """query($code: String!) { institutions(filter: {creditCode: $code}, first: 1) { totalCount } }"""


def credit_code(serial: int) -> str:
    body = f"91330100MA3{serial:06d}"
    return body + uscc.calc_check_digit(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``accredit serve`` as a child process."""

    def __init__(self, env: dict[str, str], port: int | None = None):
        self.env, self.port, self.process = env, port or free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log = open(Path(self.env["CRASH_TMP"]) / f"server-{time.time():.0f}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "core.cli", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


async def answers(client: httpx.AsyncClient, deadline: float) -> float | None:
    """Seconds until a real query succeeds (None if not before ``deadline``)."""
    start = time.monotonic()
    while time.monotonic() < deadline:
        try:
            response = await client.post(
                "/graphql", json={"query": "{ institutions(first: 1) { totalCount } }"}, timeout=5
            )
            if response.status_code == 200 and "errors" not in response.json():
                return time.monotonic() - start
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.2)
    return None


class Load:
    """Writers that remember exactly what was acknowledged."""

    def __init__(self, app_ids: list[int]):
        self.pending = list(app_ids)
        self.registered: list[str] = []
        self.granted: list[int] = []
        self.failures = 0
        self.serial = 0

    async def writer(self, client: httpx.AsyncClient, until: float) -> None:
        while time.monotonic() < until:
            self.serial += 1
            code = credit_code(self.serial)
            try:
                if self.pending and self.serial % 3 == 0:
                    app_id = self.pending.pop()
                    gid = base64.b64encode(f"Application:{app_id}".encode()).decode()
                    body = (
                        await client.post(
                            "/graphql",
                            timeout=10,
                            headers={"X-Accredit-Role": "city_reviewer"},
                            json={
                                "query": GRANT,
                                "variables": {
                                    "input": {"id": gid, "expectedVersion": 1, "action": "grant"}
                                },
                            },
                        )
                    ).json()
                    if (
                        body.get("data")
                        and not body.get("errors")
                        and body["data"]["actOnApplication"]["errors"] == []
                    ):
                        self.granted.append(app_id)
                    continue
                body = (
                    await client.post(
                        "/graphql",
                        timeout=10,
                        headers={"X-Accredit-Role": "applicant"},
                        json={
                            "query": REGISTER,
                            "variables": {
                                "input": {
                                    "name": f"杭州压测{self.serial}有限公司",
                                    "creditCode": code,
                                    "orgType": "ENTERPRISE",
                                    "divisionCode": "330106",
                                    "registeredOn": "2015-01-01",
                                    "legalRepresentative": "甲",
                                }
                            },
                        },
                    )
                ).json()
                if (
                    body.get("data")
                    and not body.get("errors")
                    and body["data"]["registerInstitution"]["errors"] == []
                ):
                    self.registered.append(code)
                else:
                    self.failures += 1
            except (httpx.HTTPError, ValueError):
                self.failures += 1
                await asyncio.sleep(0.05)


async def seed(url: str, count: int) -> list[int]:
    from core.db import models
    from core.db.engine import make_engine, write_session

    engine = make_engine(url)
    ids = []
    async with write_session(engine) as session:
        for n in range(count):
            inst = models.Institution(
                name=f"杭州竞争{n}有限公司",
                credit_code=credit_code(900_000 + n),
                org_type="enterprise",
                division_code="330106",
                city_code="330100",
                registered_on=dt.date(2015, 1, 1),
                legal_representative="甲",
                contacts=[],
            )
            session.add(inst)
            await session.flush()
            app = models.Application(
                institution_id=inst.id,
                scheme_id="race",
                kind="recognition",
                stage="notice",
                status="public_notice",
                form={},
                division_code="330106",
                city_code="330100",
                occupations=[models.ApplicationOccupation(occupation=OCCUPATION)],
            )
            session.add(app)
            await session.flush()
            ids.append(app.id)
    await engine.dispose()
    return ids


async def verify(url: str, engine_name: str, load: Load) -> list[str]:
    from sqlalchemy import func, select, text

    from core import audit
    from core.db import models
    from core.db.engine import make_engine

    problems = []
    engine = make_engine(url)
    async with engine.connect() as conn:
        codes = set(await conn.scalars(select(models.Institution.credit_code)))
        lost = [c for c in load.registered if c not in codes]
        if lost:
            problems.append(f"{len(lost)} acknowledged registrations lost, e.g. {lost[:3]}")
        granted = set(
            await conn.scalars(
                select(models.Recognition.application_id).where(
                    models.Recognition.status == "active"
                )
            )
        )
        lost_grants = [a for a in load.granted if a not in granted]
        if lost_grants:
            problems.append(f"acknowledged grants lost: {lost_grants}")
        slots = await conn.scalar(
            select(func.count()).select_from(models.QuotaSlot).where(models.QuotaSlot.key == KEY)
        )
        if slots > CAP or slots != len(granted):
            problems.append(
                f"cap broken: {slots} slots, {len(granted)} active recognitions, cap {CAP}"
            )
        if engine_name == "sqlite":
            result = (await conn.execute(text("PRAGMA integrity_check"))).scalar()
            if result != "ok":
                problems.append(f"integrity_check: {result}")
        else:
            await conn.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
            heap = (
                await conn.execute(
                    text(
                        "SELECT count(*) FROM pg_class c, LATERAL verify_heapam(c.oid) WHERE c.relkind = 'r' "
                        "AND c.relnamespace = 'public'::regnamespace"
                    )
                )
            ).scalar()
            await conn.execute(
                text(
                    "SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace"
                )
            )
            if heap:
                problems.append(f"amcheck: {heap} corrupt heap tuples")
        await conn.commit()
    chain = await audit.verify(engine)
    if not chain.ok:
        problems.append(f"audit chain broken at entry {chain.broken_seq}: {chain.reason}")
    await engine.dispose()
    return problems


def pg(command: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [str(ROOT / ".ci" / "postgres"), command],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout.strip()


async def run(args: argparse.Namespace) -> int:
    tmp = tempfile.mkdtemp(prefix="accredit-crash-")
    env = {
        **os.environ,
        "CRASH_TMP": tmp,
        "ACCREDIT_PLUGINS": "tests.support.race_plugin",
        "ACCREDIT_TODAY": "2026-03-02",
        "ACCREDIT_DEV_IDENTITY_HEADERS": "true",
        "ACCREDIT_SECRET_KEY": "benchmark-secret-" + "x" * 32,
        "ACCREDIT_QUERY_BUDGET_POINTS": "100000000",
        "ACCREDIT_PG_STATE": f"{tmp}-pg",
    }  # outside tmp, which only root may enter
    if args.engine == "postgresql":
        env["ACCREDIT_DATABASE_URL"] = pg("start", env)
    else:
        env["ACCREDIT_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp}/crash.db"
    url = env["ACCREDIT_DATABASE_URL"]
    server = Server(env, args.port)
    try:
        subprocess.run(
            [sys.executable, "-m", "core.cli", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        load = Load(await seed(url, 40))
        server.start()
        async with httpx.AsyncClient(base_url=server.url) as client:
            if await answers(client, time.monotonic() + 60) is None:
                print("crash: server never became ready")
                return 1
            until = time.monotonic() + args.seconds_before + args.seconds_after
            writers = [asyncio.create_task(load.writer(client, until)) for _ in range(args.clients)]
            await asyncio.sleep(args.seconds_before)
            before = (len(load.registered), len(load.granted))
            if args.engine == "sqlite":
                server.kill()
                print(
                    f"crash: API process killed (SIGKILL) after {before[0]} registrations, {before[1]} grants acknowledged"
                )
                await asyncio.sleep(1)
                server.start()
                back = time.monotonic()
            else:
                pg("crash", env)
                print(
                    f"crash: PostgreSQL stopped with -m immediate after {before[0]} registrations, {before[1]} grants acknowledged"
                )
                await asyncio.sleep(2)
                pg("resume", env)
                back = time.monotonic()
            recovered = await answers(client, back + 30)
            await asyncio.gather(*writers)
        problems = await verify(url, args.engine, load)
        if recovered is None:
            problems.append(
                "the service did not answer within 30 s of the database/process returning"
            )
        print(
            f"crash: {len(load.registered)} registrations and {len(load.granted)} grants acknowledged in total; "
            f"{load.failures} requests failed while down; answered again {recovered if recovered is None else round(recovered, 2)} s "
            f"after returning"
        )
        for problem in problems:
            print(f"crash: VIOLATION {problem}")
        print(
            "crash: OK, no acknowledged write lost, integrity checks pass, cap and audit chain hold"
            if not problems
            else "crash: FAILED"
        )
        return 1 if problems else 0
    finally:
        server.stop()
        if args.engine == "postgresql":
            pg("stop", env)
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument(
        "--port", type=int, default=None, help="the API server's port (default: a free one)"
    )
    parser.add_argument("--seconds-before", type=float, default=4.0, help="load before the crash")
    parser.add_argument("--seconds-after", type=float, default=6.0, help="load after the crash")
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
