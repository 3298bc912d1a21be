"""The ``accredit`` command: serve, schema export, plugins, db upgrade, audit, users, calendar.

It speaks English to the operator, as the logs and the README do (the API and the console speak
Chinese to their users). A setting or option that cannot work is one line naming it and what to do,
with exit status 2, before anything listens or writes (:mod:`core.startup`).
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported once a command runs: `accredit --help` imports nothing heavy
    from core.settings import Settings


WORKER_HEALTHCHECK_S = 30
"""uvicorn restarts a worker that does not answer its supervisor within this (5 s by default): on a
busy 2-core machine importing the app alone took 10 s, and workers were killed and restarted in a loop."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accredit", description="Recognition schemes for vocational-training institutions"
    )
    parser.add_argument(
        "--version", action="version", version=f"accredit {metadata.version('accredit')}"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser(
        "serve",
        help="migrate the database and serve GraphQL at /graphql",
        description="Check the settings, migrate the database, then serve GraphQL at /graphql, the "
        "web console at /console/, /healthz, /readyz and /metrics.",
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        help="load the plugins' worked examples and one account per role "
        "into an empty database (once), and print the accounts' password",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s, this machine "
        "only; 0.0.0.0 for every interface)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="TCP port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (default: %(default)s); each has its "
        "own database pool, and /metrics adds them up",
    )

    schema = sub.add_parser("schema", help="the public GraphQL contract")
    schema_sub = schema.add_subparsers(dest="schema_command", required=True)
    export = schema_sub.add_parser("export", help="print the SDL, or write it to --output")
    export.add_argument(
        "--output", type=Path, help="write the SDL to this file (its folder must exist)"
    )

    sub.add_parser(
        "plugins",
        help="list schemes and plugins loaded (installed and ACCREDIT_PLUGINS), with the hooks "
        "they implement",
    )

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply Alembic migrations up to head")

    audit = sub.add_parser("audit", help="the tamper-evident event log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    check = audit_sub.add_parser(
        "verify", help="walk the chain; name the first entry that does not hold"
    )
    check.add_argument(
        "--head",
        type=Path,
        help="heads exported earlier with `accredit audit head` (detects rewritten "
        "entries and cut-off tails)",
    )
    head = audit_sub.add_parser("head", help="print the chain's head, to keep outside the database")
    head.add_argument(
        "--output",
        type=Path,
        help="append it to this file of exported heads, after checking the chain "
        "against the heads already there",
    )

    from core import cli_calendar, cli_users

    cli_users.add_parser(sub)
    cli_calendar.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from core import startup

    try:
        return _run(startup.settings(), args)
    except startup.StartupError as error:
        print(f"accredit: {error}", file=sys.stderr)
        return 2


def _run(settings: Settings, args) -> int:
    import asyncio

    from core import startup

    if args.command == "serve":
        return _serve(settings, args)
    if args.command == "schema":
        return _schema(args)
    if args.command == "plugins":
        return _plugins(settings)
    startup.database(settings)
    if args.command == "audit":
        return asyncio.run(_audit(settings, args))
    if args.command == "users":
        from core import cli_users

        return asyncio.run(cli_users.run(settings, args))
    if args.command == "calendar":
        from core import cli_calendar

        return asyncio.run(cli_calendar.run(settings, args))
    from core.db.migrate import upgrade

    upgrade(settings.database_url)
    print(
        f"database at head: {startup.database_url(settings.database_url).render_as_string(hide_password=True)}"
    )
    return 0


def _schema(args) -> int:
    from core import startup
    from core.api.schema import schema as graphql_schema

    sdl = graphql_schema.as_str() + "\n"
    if args.output:
        startup.output_folder(args.output)
        args.output.write_text(sdl, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(sdl)
    return 0


async def _audit(settings: Settings, args) -> int:
    import json

    from core import startup
    from core.audit import verify
    from core.db.engine import make_engine

    kept = args.head if args.audit_command == "verify" else args.output
    if args.audit_command == "head" and args.output:
        startup.output_folder(args.output)
    exported = (
        _exported_heads(kept) if kept and (kept.exists() or args.audit_command == "verify") else []
    )
    engine = make_engine(settings.database_url, settings)
    try:
        verdict = await verify(engine, exported)
    finally:
        await engine.dispose()
    if not verdict.ok:
        print(
            f"audit chain BROKEN at entry {verdict.broken_seq}: {verdict.reason} ({verdict.checked} entries verified before it)"
        )
        return 1
    if args.audit_command == "head":
        text = json.dumps({"seq": verdict.head.seq, "hash": verdict.head.hash})
        if args.output:
            with args.output.open("a") as output:
                output.write(text + "\n")
        print(text)
        return 0
    print(
        f"audit chain intact: {verdict.checked} entries, head {verdict.head.seq} {verdict.head.hash}"
        + (f", {len(exported)} exported head(s) matched" if exported else "")
    )
    return 0


def _exported_heads(path: Path):
    """The heads kept in ``path``, one JSON object ``{"seq": …, "hash": …}`` a line."""
    import json

    from core.audit import Head

    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [Head(int(head["seq"]), str(head["hash"])) for head in map(json.loads, lines)]
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise StartupError(
            f"{path}: not a file of exported heads ({error}): name the file `accredit audit head "
            "--output` appends to"
        ) from None


def _plugins(settings: Settings) -> int:
    from core import startup
    from core.plugins import describe

    registry = startup.registry(settings)
    pm = registry.pm
    for entry in registry.schemes.values():
        s = entry.scheme
        print(
            f"scheme {s.id} v{s.version}  {s.title}（{s.document_number}）  plugin {entry.plugin} {entry.plugin_version}"
        )
        print(
            f"  kinds: {', '.join(entry.kinds)}; criteria: {len(entry.criteria)}; rounds: {len(entry.rounds)}; quota rules: {len(entry.quota_rules)}"
        )
    for info in describe(pm):
        print(
            f"plugin {info.name} {info.version}{' (built-in)' if info.builtin else ''}: {', '.join(info.hooks)}"
        )
    return 0


async def _demo(settings: Settings) -> None:
    from core.demo import DEMO_ROLES, create_demo_accounts, load_demo
    from core.platform import Platform

    platform = Platform(settings)
    try:
        loaded = await load_demo(
            platform, progress=lambda scheme: _say(f"loading the demo examples of {scheme}")
        )
        if loaded:
            _say("creating the demo accounts")
            password = await create_demo_accounts(platform)
    finally:
        await platform.close()
    if not loaded:
        _say("demo data: database not empty, left as is")
        return
    _say(f"demo data: {loaded} example application(s) loaded")
    _say(
        f"demo accounts demo.<role> ({', '.join(r.value for r in DEMO_ROLES)}), password {password}: "
        "log in to the web console (/console/), or with the login mutation, then send Authorization: Bearer <token> "
        "(GraphiQL: Headers)"
    )


def _say(line: str) -> None:
    """A progress line for the operator, shown at once."""
    print(f"accredit: {line}", flush=True)


def _serve(settings: Settings, args) -> int:
    import uvicorn

    from core import logs, startup
    from core.db.migrate import upgrade_unless_at_head

    startup.metrics_folder(args.workers)  # first: nothing may have recorded a metric yet
    startup.database(settings)
    startup.secret(settings)
    startup.registry(settings)
    startup.port_free(args.host, args.port)
    _say("migrating the database (when behind)")
    upgrade_unless_at_head(settings.database_url)
    if args.demo:
        import asyncio

        asyncio.run(_demo(settings))
    _say(
        f"web console at http://{args.host}:{args.port}/console/, GraphQL (and GraphiQL) at "
        f"http://{args.host}:{args.port}/graphql"
    )
    # the client's address is taken from X-Forwarded-For by the app, from ACCREDIT_TRUSTED_PROXIES only
    uvicorn.run(
        "core.api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=logs.dict_config(settings),
        access_log=False,
        proxy_headers=False,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
