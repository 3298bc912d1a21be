"""Logging: JSON lines for a log collector, or readable lines on a terminal.

``ACCREDIT_LOG_FORMAT`` chooses: ``json`` (one object a line: ``time``, ``level``, ``logger``,
``pid`` (which worker), ``message``, ``request_id`` while a request runs, the record's structured ``fields``, ``exception``),
``text``, or ``auto`` (the default: text when standard error is a terminal, JSON otherwise).
``ACCREDIT_LOG_LEVEL`` (``INFO``) sets the level. The standard library's ``logging`` throughout, so
every library's records go the same way; identity and mobile numbers are masked in every record
(:func:`core.pii.install_log_redaction`).

``accredit serve`` configures uvicorn with :func:`dict_config` in every worker; an app started by
another server configures itself unless logging already is (:func:`configure`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.config
import sys
from contextvars import ContextVar

from core.settings import Settings

REQUEST_ID: ContextVar[str | None] = ContextVar("accredit_request_id", default=None)
"""The id of the request being served (:mod:`core.api.request_log`), on every record logged meanwhile."""


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", None):
            line["request_id"] = record.request_id
        line.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)  # Chinese stays readable


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        text = super().formatMessage(record)
        fields = getattr(record, "fields", None) or {}
        request_id = getattr(record, "request_id", None)
        pairs = (
            [f"request_id={request_id}"] if request_id and "request_id" not in fields else []
        ) + [f"{key}={value}" for key, value in fields.items()]
        return f"{text} {' '.join(pairs)}" if pairs else text


def _with_request_id(factory):
    def make(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        record.request_id = REQUEST_ID.get()
        return record

    make.accredit_request_id = True
    return make


def install_request_id() -> None:
    """Every record made from now on carries the current request's id (idempotent)."""
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "accredit_request_id", False):
        logging.setLogRecordFactory(_with_request_id(factory))


def formatter_class(settings: Settings) -> type[logging.Formatter]:
    chosen = settings.log_format
    if chosen == "auto":
        chosen = "text" if sys.stderr.isatty() else "json"
    return TextFormatter if chosen == "text" else JSONFormatter


def dict_config(settings: Settings) -> dict:
    """One handler on standard error for everything, uvicorn's loggers included."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"accredit": {"()": formatter_class(settings)}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "accredit",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": settings.log_level},
        "loggers": {
            name: {"handlers": [], "propagate": True}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        },
    }


def configure(settings: Settings) -> None:
    """Configure logging as :func:`dict_config` says, unless the root logger has handlers already
    (``accredit serve`` configured it, or a test runner captures it)."""
    install_request_id()
    if not logging.getLogger().handlers:
        logging.config.dictConfig(dict_config(settings))
