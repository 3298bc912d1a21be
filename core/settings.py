"""Settings, from environment variables prefixed ``ACCREDIT_`` (e.g. ``ACCREDIT_DATABASE_URL``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCREDIT_")

    database_url: str = f"sqlite+aiosqlite:///{Path.cwd() / 'accredit.db'}"
    """SQLAlchemy async URL. Default: an SQLite file ``accredit.db`` in the working folder."""

    sqlite_busy_timeout_ms: int = 10_000
    """How long an SQLite writer waits for the write lock before failing."""

    pool_size: int = 10
    """PostgreSQL: connections kept open per process."""

    pool_max_overflow: int = 10
    """PostgreSQL: extra connections opened under load, closed when idle."""

    pool_timeout_s: float = 30.0
    """PostgreSQL: how long a request waits for a free connection."""

    statement_timeout_ms: int = 30_000
    """PostgreSQL: a statement running longer is cancelled (``statement_timeout``)."""

    lock_timeout_ms: int = 10_000
    """PostgreSQL: waiting longer for a row or table lock fails the statement (``lock_timeout``)."""

    write_retries: int = 3
    """Write transactions failing with a serialization failure or deadlock are retried this often."""

    calendar_fallback: Literal["error", "weekdays"] = "error"
    """Years the holiday tables do not cover: refuse ("error") or assume Monday–Friday ("weekdays")."""

    today: str | None = None
    """Pin "today" (ISO date) for demos and tests; unset in production."""

    graphiql: bool = True
    """Serve the GraphiQL page at GET /graphql."""

    introspection: bool = True
    """Answer introspection queries (GraphiQL and schema-driven consoles need it)."""

    max_body_bytes: int = 256 * 1024
    """Requests with a larger body are refused with 413 before they are parsed."""

    plugins: str = ""
    """Extra plugin modules to register besides the ``accredit.schemes`` entry points, comma-separated
    (e.g. a scheme under development: ``ACCREDIT_PLUGINS=my_scheme.plugin``)."""

    secret_key: str | None = None
    """Master secret (at least 32 characters): signs bearer tokens and, through a derived key,
    encrypts personal data at rest. Unset: read from (or created in) ``secret_file``."""

    secret_file: str = str(Path.cwd() / "accredit.secret")
    """Where the master secret is kept when ``secret_key`` is unset (created 0600 on first use)."""

    dev_identity_headers: bool = False
    """Development and tests only: trust ``X-Accredit-Role`` / ``X-Accredit-Actor`` headers as the
    caller's identity (province-wide scope). Never set in a deployment."""

    session_minutes: int = 480
    """A bearer token from ``login`` expires this long after it was issued."""

    login_max_failures: int = 5
    """Consecutive failed logins after which an account is locked."""

    login_lockout_minutes: int = 15
    """How long a locked account stays locked (it answers as a wrong password meanwhile)."""

    login_window_s: int = 900
    """Window in which failed logins are counted per username and per client address."""

    login_failures_per_username: int = 10
    """Failed logins per username (existing or not) per window, from anywhere; further attempts are
    refused at once, without a password hash."""

    login_failures_per_address: int = 50
    """Failed logins per client address per window, whatever the username; further attempts are
    refused at once, except from a browser that logged in to the same account before (it keeps a
    signed cookie for 30 days)."""

    password_hash_threads: int = 1
    """Argon2 hashes computed at once per process, in threads off the event loop; further logins wait
    their turn. Each hash takes 64 MiB and runs 4 lanes in parallel, so one at a time already uses
    two cores and leaves the event loop its share of the CPU."""

    query_max_nodes: int = 10_000
    """Most nodes one query may ask for (connections' ``first`` multiplied through the nesting)."""

    query_budget_points: int = 5_000
    """Query cost points each caller may spend per budget window (in the manner of GitHub's API)."""

    query_budget_window_s: int = 3_600
    """Length of the budget window, in seconds."""

    trusted_proxies: str = "127.0.0.1"
    """Addresses (comma-separated IPs or CIDR networks; ``*`` for any) of reverse proxies and load
    balancers whose ``X-Forwarded-For`` names the client: behind them, the caller's own address is
    what anonymous budgets, login limits and the audit log key on. A request from any other address
    is taken to come from that address, whatever headers it sends."""

    allowed_documents: str = ""
    """Persisted documents only: folders of ``.graphql`` files (comma-separated) whose exact texts
    are the only GraphQL documents accepted (``DOCUMENT_NOT_ALLOWED`` otherwise); empty accepts any."""

    budget_sync_s: float = 1.0
    """How often each worker adds what callers spent of their budgets (query points, failed logins)
    to the totals in the database and reads back what the other workers admitted, while it has
    callers in the current window; 0 keeps the budgets per process (N workers, N budgets)."""

    denial_window_s: float = 60.0
    """Permission denials are counted in memory and appended to the audit log at the end of each
    window of this many seconds: one entry per caller and area (:mod:`core.engine.denials`)."""

    log_format: Literal["auto", "json", "text"] = "auto"
    """Log lines as JSON objects ("json", for a collector), readable text ("text"), or text on a
    terminal and JSON otherwise ("auto") (:mod:`core.logs`)."""

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    """Records below this level are not written."""

    metrics_token: str | None = None
    """``GET /metrics`` requires ``Authorization: Bearer <this>`` when set; unset, it answers only
    callers on this machine (loopback addresses)."""

    echo_sql: bool = False
