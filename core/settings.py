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

    calendar_fallback: Literal["error", "weekdays"] = "error"
    """Years the holiday tables do not cover: refuse ("error") or assume Monday–Friday ("weekdays")."""

    today: str | None = None
    """Pin "today" (ISO date) for demos and tests; unset in production."""

    graphiql: bool = True
    """Serve the GraphiQL page at GET /graphql."""

    echo_sql: bool = False
