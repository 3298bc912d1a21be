"""The ``accredit`` command: serve, schema export, plugins, db upgrade, audit, users, calendar."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported once a command runs: `accredit --help` imports nothing heavy
    from core.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="accredit", description="Recognition schemes for vocational-training institutions")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate the database and serve GraphQL at /graphql")
    serve.add_argument("--demo", action="store_true", help="load a small realistic demo data set (once)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)

    schema = sub.add_parser("schema", help="the public GraphQL contract")
    schema_sub = schema.add_subparsers(dest="schema_command", required=True)
    export = schema_sub.add_parser("export", help="print the SDL, or write it to --output")
    export.add_argument("--output", type=Path)

    sub.add_parser("plugins", help="list schemes and plugins loaded, with the hooks they implement")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply Alembic migrations up to head")

    audit = sub.add_parser("audit", help="the tamper-evident event log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    check = audit_sub.add_parser("verify", help="walk the chain; name the first entry that does not hold")
    check.add_argument("--head", type=Path, help="heads exported earlier with `accredit audit head` (detects rewritten "
                       "entries and cut-off tails)")
    head = audit_sub.add_parser("head", help="print the chain's head, to keep outside the database")
    head.add_argument("--output", type=Path, help="append it to this file of exported heads, after checking the chain "
                      "against the heads already there")

    from core import cli_calendar, cli_users

    cli_users.add_parser(sub)
    cli_calendar.add_parser(sub)

    args = parser.parse_args(argv)
    import asyncio

    from core.settings import Settings

    settings = Settings()
    if args.command == "serve":
        return _serve(settings, args)
    if args.command == "schema":
        from core.api.schema import schema as graphql_schema

        sdl = graphql_schema.as_str() + "\n"
        if args.output:
            args.output.write_text(sdl, encoding="utf-8")
            print(f"wrote {args.output}")
        else:
            sys.stdout.write(sdl)
        return 0
    if args.command == "plugins":
        return _plugins()
    if args.command == "audit":
        return asyncio.run(_audit(settings, args))
    if args.command == "users":
        return asyncio.run(cli_users.run(settings, args))
    if args.command == "calendar":
        return asyncio.run(cli_calendar.run(settings, args))
    if args.command == "db":
        from core.db.migrate import upgrade

        upgrade(settings.database_url)
        print(f"database at head: {settings.database_url}")
        return 0
    return 2


async def _audit(settings: Settings, args) -> int:
    import json

    from core.audit import verify
    from core.db.engine import make_engine

    kept = args.head if args.audit_command == "verify" else args.output
    exported = _exported_heads(kept) if kept and (kept.exists() or args.audit_command == "verify") else []
    engine = make_engine(settings.database_url, settings)
    try:
        verdict = await verify(engine, exported)
    finally:
        await engine.dispose()
    if not verdict.ok:
        print(f"audit chain BROKEN at entry {verdict.broken_seq}: {verdict.reason} ({verdict.checked} entries verified before it)")
        return 1
    if args.audit_command == "head":
        text = json.dumps({"seq": verdict.head.seq, "hash": verdict.head.hash})
        if args.output:
            with args.output.open("a") as output:
                output.write(text + "\n")
        print(text)
        return 0
    print(f"audit chain intact: {verdict.checked} entries, head {verdict.head.seq} {verdict.head.hash}"
          + (f", {len(exported)} exported head(s) matched" if exported else ""))
    return 0


def _exported_heads(path: Path):
    """The heads kept in ``path``, one JSON object ``{"seq": …, "hash": …}`` a line."""
    import json

    from core.audit import Head

    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [Head(int(head["seq"]), str(head["hash"])) for head in map(json.loads, lines)]
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise SystemExit(f"{path}: not a file of exported heads ({error})") from None


def _plugins() -> int:
    from core.calendar import WorkingCalendar
    from core.plugins import describe, get_plugin_manager
    from core.registry import Registry

    pm = get_plugin_manager()
    registry = Registry(pm, WorkingCalendar())
    for entry in registry.schemes.values():
        s = entry.scheme
        print(f"scheme {s.id} v{s.version}  {s.title}（{s.document_number}）  plugin {entry.plugin} {entry.plugin_version}")
        print(f"  kinds: {', '.join(entry.kinds)}; criteria: {len(entry.criteria)}; rounds: {len(entry.rounds)}; quota rules: {len(entry.quota_rules)}")
    for info in describe(pm):
        print(f"plugin {info.name} {info.version}{' (built-in)' if info.builtin else ''}: {', '.join(info.hooks)}")
    return 0


async def _demo(settings: Settings) -> None:
    from core.demo import DEMO_ROLES, create_demo_accounts, load_demo
    from core.platform import Platform

    platform = Platform(settings)
    try:
        loaded = await load_demo(platform)
        if loaded:
            password = await create_demo_accounts(platform)
    finally:
        await platform.close()
    if not loaded:
        print("demo data: database not empty, left as is")
        return
    print(f"demo data: {loaded} example application(s) loaded")
    print(f"demo accounts demo.<role> ({', '.join(r.value for r in DEMO_ROLES)}), password {password}: "
          "log in to the web console (/console/), or with the login mutation, then send Authorization: Bearer <token> "
          "(GraphiQL: Headers)")


def _serve(settings: Settings, args) -> int:
    import uvicorn

    from core.db.migrate import upgrade_unless_at_head

    upgrade_unless_at_head(settings.database_url)
    if args.demo:
        import asyncio

        asyncio.run(_demo(settings))
    print(f"accredit: web console at http://{args.host}:{args.port}/console/, GraphQL (and GraphiQL) at "
          f"http://{args.host}:{args.port}/graphql", flush=True)
    uvicorn.run("core.api.app:create_app", factory=True, host=args.host, port=args.port, workers=args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
