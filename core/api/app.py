"""The ASGI application: GraphQL at /graphql (GraphiQL on GET), the web console at /console,
health and readiness probes.

Every POST to /graphql is authenticated first (:class:`Authenticate`): a valid ``Authorization:
Bearer`` token (from ``login``, or an API token) names the actor; no header means the public view;
a header that is not a currently valid token is answered 401 and nothing runs.
"""

from __future__ import annotations

import gc
import json
from contextlib import asynccontextmanager
from pathlib import Path

import orjson
from cross_web import HTTPException  # what strawberry's views raise for a request they refuse
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from core.actors import EVERYWHERE, Actor
from core.api.console import console_routes
from core.api.context import Context
from core.api.exports import export_endpoint
from core.api.inputs import decode_body
from core.api.metrics_route import metrics_routes
from core.api.request_log import RequestLog
from core.api.schema import schema
from core.db.engine import new_read_session
from core.identity.accounts import authenticate
from core.identity.tokens import InvalidToken
from core.logs import configure as configure_logging
from core.pii import install_log_redaction
from core.platform import Platform
from core.roles import Role

ACTOR_HEADER, ROLE_HEADER = "x-accredit-actor", "x-accredit-role"
HTTP_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
ASSETS = "/graphiql-assets"
GC_THRESHOLD = 50_000  # allocations between young-generation collections (CPython's default: 700)
STATIC = Path(__file__).with_name("static")


class AccreditGraphQL(GraphQL):
    def __init__(self, platform: Platform):
        super().__init__(
            schema,
            graphql_ide="graphiql" if platform.settings.graphiql else None,
            allow_queries_via_get=False,
        )
        self.platform = platform

    async def get_context(self, request, response) -> Context:  # type: ignore[override]
        client = request.client.host if request.client else "unknown"
        await self.platform.refresh_calendar()
        return Context(
            platform=self.platform,
            actor=request.scope.get("accredit.actor") or Actor.public(),
            client=client,
            login_session=request.scope.get("accredit.session"),
            request=request,
            response=response,
            _session=request.scope.get("accredit.read_session"),
        )

    @property
    def graphql_ide_html(self) -> str:
        """Strawberry's GraphiQL page, loading its scripts from our own copies instead of a CDN."""
        return super().graphql_ide_html.replace("https://unpkg.com/", f"{ASSETS}/")

    async def __call__(self, scope, receive, send) -> None:
        """As strawberry's, but a request refused before GraphQL runs (a batch, a query over GET, a
        body that is not JSON, an unknown operationName) is answered in JSON with a code, as every
        other refusal is, instead of plain text."""
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as refused:
            return await _error(
                send,
                refused.status_code,
                "BAD_REQUEST" if refused.status_code == 400 else "REQUEST_REFUSED",
                f"请求无效：{refused.reason}",
            )
        await response(scope, receive, send)

    def encode_json(self, data: object) -> bytes:
        """UTF-8 JSON, Chinese unescaped, written by orjson (a page of 100 nested applications,
        900 KB: 10 ms of CPU with ``json.dumps``, 2 ms); ``json.dumps`` for what orjson refuses
        (integers beyond 64 bits, keys that are not strings: a form's JSON could hold them)."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return json.dumps(data, ensure_ascii=False).encode()

    def decode_json(self, data: str | bytes) -> object:
        """Bodies that are not UTF-8 JSON, or nest too deep, are refused (:mod:`core.api.inputs`)."""
        return decode_body(data)

    async def run(self, request, *args, **kwargs):  # type: ignore[override]
        """A request refused before GraphQL runs (a body it cannot read, batching, a wrong method)
        is answered as a GraphQL error with ``extensions.code``, not strawberry's plain text."""
        try:
            return await super().run(request, *args, **kwargs)
        except HTTPException as refused:
            code = getattr(refused, "code", HTTP_CODES.get(refused.status_code, "BAD_REQUEST"))
            return Response(
                _body(code, refused.reason), refused.status_code, media_type="application/json"
            )


def development_actor(headers: dict[bytes, bytes]) -> Actor:
    """``ACCREDIT_DEV_IDENTITY_HEADERS`` only: the role and name a header claims, everywhere in
    scope (tests and local development; never a deployment). Unknown roles are public."""
    try:
        role = Role(headers.get(ROLE_HEADER.encode(), b"public").decode("latin-1"))
    except ValueError:
        role = Role.PUBLIC
    name = headers.get(ACTOR_HEADER.encode(), b"anonymous").decode("utf-8", "replace")[:100]
    return Actor(name, role, () if role is Role.PUBLIC else EVERYWHERE)


class Authenticate:
    """Resolve the caller before GraphQL sees the request; refuse an invalid token with 401.

    A token is checked on the session (and connection) that then serves the request's reads
    (:class:`Context`), so a request costs one connection, not two."""

    def __init__(self, app, platform: Platform):
        self.app, self.platform = app, platform

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or ())
        authorization = headers.get(b"authorization", b"").decode("latin-1").strip()
        actor, login_session, session = Actor.public(), None, None
        try:
            if authorization:
                kind, _, token = authorization.partition(" ")
                try:
                    if kind.lower() != "bearer" or not token.strip():
                        raise InvalidToken("not a bearer token")
                    session = new_read_session(self.platform.engine)
                    actor, login_session = await authenticate(
                        session, self.platform.secret, token.strip()
                    )
                except InvalidToken:
                    return await _error(
                        send,
                        401,
                        "UNAUTHENTICATED",
                        "令牌无效、已过期或已注销，请重新登录",
                        [(b"www-authenticate", b'Bearer error="invalid_token"')],
                    )
            elif self.platform.settings.dev_identity_headers and ROLE_HEADER.encode() in headers:
                actor = development_actor(headers)
            scope = {
                **scope,
                "accredit.actor": actor,
                "accredit.session": login_session,
                "accredit.read_session": session,
            }
            return await self.app(scope, receive, send)
        finally:
            if session is not None:
                await session.close()


def _body(code: str, message: str) -> bytes:
    return json.dumps(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, ensure_ascii=False
    ).encode()


async def _error(
    send, status: int, code: str, message: str, extra_headers: list[tuple[bytes, bytes]] = ()
) -> None:
    body = _body(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *extra_headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(platform: Platform | None = None) -> Starlette:
    install_log_redaction()  # identity and phone numbers never reach a log, whoever logs them
    platform = platform or Platform()
    _ = platform.allowed_documents  # a misconfigured allow-list fails here, before anything listens
    configure_logging(
        platform.settings
    )  # JSON lines or text (core.logs), unless already configured

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def ready(_: Request) -> JSONResponse:
        try:
            async with platform.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:
            return JSONResponse(
                {"status": "unavailable", "reason": type(exc).__name__}, status_code=503
            )
        return JSONResponse({"status": "ready"})

    @asynccontextmanager
    async def lifespan(_app):
        settle_heap()
        yield
        await platform.close()

    graphql = AccreditGraphQL(platform)
    app = Starlette(
        routes=[
            Route("/graphql", Authenticate(graphql, platform), methods=["GET", "POST"]),
            Route(
                "/exports/{name}.xlsx",
                Authenticate(export_endpoint(platform), platform),
                methods=["POST"],
            ),
            Route("/healthz", health),
            Route("/readyz", ready),
            Mount(ASSETS, StaticFiles(directory=STATIC)),
            *console_routes(),
            *metrics_routes(platform),
        ],
        lifespan=lifespan,
    )
    app.state.platform = platform
    return RequestLog(
        BodyLimit(
            ProxyHeadersMiddleware(app, trusted_hosts=platform.settings.trusted_proxies),
            platform.settings.max_body_bytes,
        )
    )


def settle_heap() -> None:
    """Once the server has started: what start-up built (plugins, registry, schema, modules) lives as
    long as the process, so move it out of the cyclic collector's sight (``gc.freeze``), and collect
    the young generation less often. A page of 100 nested applications makes some 200,000 objects;
    with CPython's defaults each request paid for many collections, each walking the whole heap
    (measured: 610 ms of CPU per such page, 450 ms after ``gc.freeze``, 380 ms with the threshold)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, whether or not it declares its length."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    def __getattr__(self, name):  # e.g. ``app.state`` of the wrapped Starlette app
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(send)
        if declared is None:  # chunked: read it here, bounded, and hand it on whole
            chunks, seen, more = [], 0, True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return await self.app(scope, receive, send)
                chunks.append(message.get("body", b""))
                seen += len(chunks[-1])
                more = message.get("more_body", False)
                if seen > self.limit:
                    return await self._refuse(send)
            body, replayed = b"".join(chunks), False

            async def replay():
                nonlocal replayed
                if replayed:  # afterwards the app only listens for the client going away
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}

            return await self.app(scope, replay, send)
        return await self.app(scope, receive, send)

    async def _refuse(self, send) -> None:
        await _error(send, 413, "REQUEST_TOO_LARGE", f"请求体超过 {self.limit} 字节上限")
