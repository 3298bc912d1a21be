"""One log line and one metric observation per GraphQL request, under a request id.

The id is the client's ``X-Request-ID`` when it is well formed (1-128 letters, digits and
``. _ : = + / -``; a proxy's or load balancer's id carries through), else a new one. It is sent
back in the ``X-Request-ID`` response header, in ``extensions.requestId`` of every error, and on
every log record made while the request runs (:data:`core.logs.REQUEST_ID`), so a user can quote
it and an operator find the lines.

:class:`RequestLog` (ASGI) times the request and writes the line; :class:`RequestOutcome` (a
schema extension) tells it the operation name, the root fields, the caller's role and the error
codes, including those of a mutation's ``errors`` payload. A request refused before GraphQL runs
(401, 413, a body that is not JSON) is logged with the code of its error body.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from graphql import FieldNode, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

from core import metrics
from core.logs import REQUEST_ID, install_request_id
from core.pii import redact

log = logging.getLogger("accredit.request")
WELL_FORMED = re.compile(r"[A-Za-z0-9._:=+/-]{1,128}")
MAX_ROOT_FIELDS = 5
INTROSPECTION = {"__typename", "__schema", "__type"}


@dataclass
class Outcome:
    """What the GraphQL layer learnt about the request (empty when it never ran)."""

    operation: str | None = None
    fields: list[str] = field(default_factory=list)
    role: str | None = None
    codes: list[str] = field(default_factory=list)


OUTCOME: ContextVar[Outcome | None] = ContextVar("accredit_request_outcome", default=None)


class RequestLog:
    """ASGI middleware around the whole app: request ids on every HTTP response; the log line and
    metrics for ``POST /graphql``."""

    def __init__(self, app):
        self.app = app
        install_request_id()

    def __getattr__(self, name):  # e.g. ``app.state`` of the wrapped Starlette app
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        given = dict(scope.get("headers") or ()).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if WELL_FORMED.fullmatch(given) else uuid.uuid4().hex
        logged = scope["method"] == "POST" and scope["path"] == "/graphql"
        outcome, started, status, held, chunks = Outcome(), time.perf_counter(), 500, None, []

        async def respond(message):
            nonlocal status, held
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
                if status != 200 and _json(
                    headers
                ):  # a refusal before GraphQL: small, and given the id too
                    held = message
                    return
            elif held is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = _with_request_id(b"".join(chunks), request_id, outcome)
                start = {
                    **held,
                    "headers": [(k, v) for k, v in held["headers"] if k != b"content-length"]
                    + [(b"content-length", str(len(body)).encode())],
                }
                held = None
                await send(start)
                message = {**message, "body": body}
            await send(message)

        tokens = REQUEST_ID.set(request_id), OUTCOME.set(outcome)
        try:
            await self.app(scope, receive, respond)
        finally:
            if logged:
                _record(outcome, status, time.perf_counter() - started, request_id)
            REQUEST_ID.reset(tokens[0])
            OUTCOME.reset(tokens[1])


def _json(headers) -> bool:
    return any(k == b"content-type" and v.startswith(b"application/json") for k, v in headers)


def _with_request_id(body: bytes, request_id: str, outcome: Outcome) -> bytes:
    """The error body with ``extensions.requestId`` on each error; its codes noted as the outcome."""
    try:
        answer = json.loads(body)
        for error in answer["errors"]:
            error.setdefault("extensions", {})["requestId"] = request_id
            outcome.codes.append(error["extensions"].get("code", "ERROR"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return body
    return json.dumps(answer, ensure_ascii=False).encode()


def _record(outcome: Outcome, status: int, seconds: float, request_id: str) -> None:
    fields = outcome.fields
    label = fields[0] if len(fields) == 1 else ("multiple" if fields else "none")
    result = "ok" if not outcome.codes else outcome.codes[0]
    metrics.REQUESTS.labels(label, result).observe(seconds)
    log.info(
        "graphql %s %s",
        outcome.operation or label,
        result,
        extra={
            "fields": {
                "request_id": request_id,
                "operation": outcome.operation,
                "fields": ",".join(fields) or None,
                "role": outcome.role,
                "outcome": " ".join(dict.fromkeys(outcome.codes)) or "ok",
                "status": status,
                "duration_ms": round(seconds * 1000, 1),
            }
        },
    )


class RequestOutcome(SchemaExtension):
    """Notes the operation, the caller's role and the error codes on the request's :class:`Outcome`,
    and puts the request id on every error. Listed first, it sees the result last, as the client
    will (unexpected errors already masked)."""

    def on_operation(self) -> Iterator[None]:  # type: ignore[override]
        yield
        context = self.execution_context
        outcome = OUTCOME.get() or Outcome()
        actor = getattr(context.context, "actor", None)
        outcome.role = actor.role.value if actor is not None else None
        outcome.operation = redact(context.operation_name[:100]) if context.operation_name else None
        outcome.fields = _root_fields(context)
        result, request_id = context.result, REQUEST_ID.get()
        for error in (result.errors or []) if result is not None else []:
            outcome.codes.append((error.extensions or {}).get("code", "INTERNAL_ERROR"))
            if request_id:
                error.extensions = {**(error.extensions or {}), "requestId": request_id}
        if (
            result is not None
            and isinstance(result.data, dict)
            and context.operation_type.value == "mutation"
        ):
            for payload in result.data.values():  # refusals a mutation answers in its payload
                if isinstance(payload, dict):
                    outcome.codes += [
                        e.get("code", "ERROR")
                        for e in payload.get("errors") or ()
                        if isinstance(e, dict)
                    ]


def _root_fields(context) -> list[str]:
    """The names of the operation's root fields that the schema has (never aliases, never a name
    the client made up: a bounded set, fit for a metric's label)."""
    document = context.graphql_document
    if document is None:
        return []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = next(
        (o for o in operations if o.name and o.name.value == context.operation_name), None
    ) or (operations[0] if len(operations) == 1 else None)
    if chosen is None:
        return []
    root = context.schema._schema.get_root_type(chosen.operation)
    known = (root.fields if root is not None else {}).keys() | INTROSPECTION
    names = [s.name.value for s in chosen.selection_set.selections if isinstance(s, FieldNode)]
    return list(dict.fromkeys(name for name in names if name in known))[:MAX_ROOT_FIELDS]
