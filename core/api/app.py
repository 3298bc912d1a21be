"""The ASGI application: GraphQL at /graphql (GraphiQL on GET), health and readiness probes."""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL

from core.actors import Actor
from core.api.context import Context
from core.api.schema import schema
from core.platform import Platform
from core.roles import Role

ACTOR_HEADER, ROLE_HEADER = "x-accredit-actor", "x-accredit-role"
ASSETS = "/graphiql-assets"
STATIC = Path(__file__).with_name("static")


class AccreditGraphQL(GraphQL):
    def __init__(self, platform: Platform):
        super().__init__(schema, graphql_ide="graphiql" if platform.settings.graphiql else None, allow_queries_via_get=False)
        self.platform = platform

    async def get_context(self, request, response) -> Context:  # type: ignore[override]
        return Context(platform=self.platform, actor=actor_from(request))

    @property
    def graphql_ide_html(self) -> str:
        """Strawberry's GraphiQL page, loading its scripts from our own copies instead of a CDN."""
        return super().graphql_ide_html.replace("https://unpkg.com/", f"{ASSETS}/")

    def encode_json(self, data: object) -> str:
        """Chinese stays readable in responses and logs instead of \\uXXXX escapes."""
        return json.dumps(data, ensure_ascii=False)


def actor_from(request) -> Actor:
    """Development-mode identity from headers, until authentication exists; unknown roles are public."""
    try:
        role = Role(request.headers.get(ROLE_HEADER, "public"))
    except ValueError:
        role = Role.PUBLIC
    return Actor(request.headers.get(ACTOR_HEADER, "anonymous")[:100], role)


def create_app(platform: Platform | None = None) -> Starlette:
    platform = platform or Platform()

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def ready(_: Request) -> JSONResponse:
        try:
            async with platform.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # noqa: BLE001 - report, never raise, from a probe
            return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ready"})

    @asynccontextmanager
    async def lifespan(_app):
        yield
        await platform.close()

    graphql = AccreditGraphQL(platform)
    app = Starlette(routes=[
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/healthz", health), Route("/readyz", ready),
        Mount(ASSETS, StaticFiles(directory=STATIC)),
    ], lifespan=lifespan)
    app.state.platform = platform
    return BodyLimit(app, platform.settings.max_body_bytes)


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
        body = json.dumps({"errors": [{"message": f"请求体超过 {self.limit} 字节上限", "extensions": {"code": "REQUEST_TOO_LARGE"}}]},
                          ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

