"""What ``accredit`` checks before anything listens or writes.

Each failure is a :class:`StartupError`: one line naming the setting (or option) at fault and what
to do about it, which the command line prints before exiting with status 2 (:mod:`core.cli`),
instead of a traceback or a server that fails on its first request.
"""

from __future__ import annotations

import asyncio
import atexit
import errno
import importlib.util
import os
import shutil
import socket
import tempfile
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from core.settings import Settings

DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
EXAMPLES = (
    "sqlite+aiosqlite:///PATH/accredit.db or postgresql+asyncpg://USER:PASSWORD@HOST:5432/DATABASE"
)
CONNECT_TIMEOUT_S = 10


class StartupError(Exception):
    """A setting that cannot work, with what to do; the message is one line."""


def database_url(url: str) -> URL:
    """The URL parsed, or the reason it cannot serve: only SQLite through aiosqlite and PostgreSQL
    through asyncpg are supported, with the driver installed and, for SQLite, an existing folder."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StartupError(f"ACCREDIT_DATABASE_URL is not a database URL: use {EXAMPLES}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        raise StartupError(
            "ACCREDIT_DATABASE_URL starts with postgres://, which SQLAlchemy does not know: "
            "write postgresql+asyncpg:// instead"
        )
    if backend not in DRIVERS:
        raise StartupError(
            f"ACCREDIT_DATABASE_URL names the database {backend!r}: accredit runs on {EXAMPLES}"
        )
    if driver != DRIVERS[backend]:
        raise StartupError(
            f"ACCREDIT_DATABASE_URL starts with {parsed.drivername}://, "
            f"{'whose default driver is synchronous' if not driver else 'a driver accredit cannot use'}: "
            f"write {backend}+{DRIVERS[backend]}://…"
        )
    if importlib.util.find_spec(DRIVERS[backend]) is None:
        raise StartupError(
            f"ACCREDIT_DATABASE_URL needs the driver {DRIVERS[backend]}, which is not installed: "
            f"pip install {DRIVERS[backend]}"
        )
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).absolute().parent
        if not folder.is_dir():
            raise StartupError(
                f"ACCREDIT_DATABASE_URL: the folder {folder} does not exist: create it, or name a "
                "database file in an existing folder"
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StartupError(
                f"ACCREDIT_DATABASE_URL: the folder {folder} is not writable by this user: "
                "SQLite writes its journal beside the database"
            )
    return parsed


def database(settings: Settings) -> None:
    """The URL is usable and the database answers (within ``CONNECT_TIMEOUT_S``)."""
    parsed = database_url(settings.database_url)
    try:
        asyncio.run(_connect(settings))
    except Exception as error:
        reason = getattr(error, "orig", None) or error
        shown = parsed.render_as_string(hide_password=True)
        raise StartupError(
            f"ACCREDIT_DATABASE_URL: cannot connect to {shown} ({type(reason).__name__}: "
            f"{str(reason).splitlines()[0] if str(reason) else 'no answer'}): check that the server runs "
            "and the host, port, user, password and database name"
        ) from None


async def _connect(settings: Settings) -> None:
    from sqlalchemy import text

    from core.db.engine import make_engine

    engine = make_engine(
        settings.database_url, settings
    )  # a new SQLite file is created 0600, as always
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    finally:
        await engine.dispose()


def secret(settings: Settings) -> None:
    """The master secret can be read, or created (:mod:`core.secret`)."""
    from core.secret import SecretUnavailable, master_secret

    try:
        master_secret(settings)
    except SecretUnavailable as error:
        raise StartupError(str(error)) from None


def port_free(host: str, port: int) -> None:
    """Nothing listens on ``host:port`` yet and this user may listen there; the socket is closed
    again at once (uvicorn binds it a moment later)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise StartupError(
            f"--host {host}: not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its "
            "interfaces' addresses"
        ) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise StartupError(
                    f"--port {port}: the port is already in use on {host}: stop what listens there, "
                    "or choose another port"
                ) from None
            if error.errno == errno.EACCES:
                raise StartupError(
                    f"--port {port}: this user may not listen on it: choose a port above 1023"
                ) from None
            raise StartupError(
                f"--host {host} --port {port}: cannot listen there ({error.strerror})"
            ) from None


def output_folder(path: Path, option: str = "--output") -> None:
    if not path.absolute().parent.is_dir():
        raise StartupError(
            f"{option} {path}: the folder {path.absolute().parent} does not exist: create it first"
        )


def registry(settings: Settings):
    """The schemes of the installed plugins and of those ``ACCREDIT_PLUGINS`` names, checked as
    the server builds them."""
    from core.calendar import WorkingCalendar
    from core.plugins import configured_plugins, get_plugin_manager
    from core.registry import Registry, RegistryError

    try:
        pm = get_plugin_manager(plugins=configured_plugins(settings.plugins))
        return Registry(pm, WorkingCalendar(settings.calendar_fallback))
    except ImportError as error:
        raise StartupError(str(error)) from None
    except RegistryError as error:
        raise StartupError(
            f"the plugins declare schemes that do not hold together: {error}"
        ) from None


def settings() -> Settings:
    """The settings from the environment, or the first one that is not valid, by its variable."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = f"ACCREDIT_{str(first['loc'][0]).upper()}" if first["loc"] else "ACCREDIT_*"
        raise StartupError(
            f"{name}: {first['msg']} (see the Configuration table of the README)"
        ) from None


def metrics_folder(workers: int) -> None:
    """Before uvicorn starts ``workers`` processes, and before prometheus-client is imported: with
    more than one, give them a shared ``PROMETHEUS_MULTIPROC_DIR`` (a fresh temporary folder, removed
    at exit, unless one is set; one that is set is emptied of the values a previous run left)."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        folder = Path(configured)
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise StartupError(
                f"PROMETHEUS_MULTIPROC_DIR={configured}: not a writable folder: create it, or unset it "
                "and let accredit serve make one"
            )
        for stale in folder.glob("*.db"):
            if not stale.name.endswith(
                f"_{os.getpid()}.db"
            ):  # this process's own values are current
                stale.unlink()
    elif workers > 1:
        made = tempfile.mkdtemp(prefix="accredit-metrics-")
        atexit.register(shutil.rmtree, made, ignore_errors=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
