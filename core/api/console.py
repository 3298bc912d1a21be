"""The web console at ``/console``: a single-page app built from ``console/`` (React, antd, @rjsf)
into ``console_assets/``, which ships inside the package so that ``pip install`` alone serves it.

It is an ordinary client of the public GraphQL endpoint: these routes serve files and nothing else.
Every path under ``/console/`` that is not a built file is the app's own page (client-side routes
such as ``/console/applications/…``), so the browser gets ``index.html`` for it; the hashed
``assets/`` are cached for good, ``index.html`` never.
"""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

ASSETS = Path(__file__).with_name("console_assets")
PREFIX = "/console"


class ConsoleFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or path.startswith("assets/"):
                raise
            response = await super().get_response("index.html", scope)
        if path.startswith("assets/"):
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        else:
            response.headers["cache-control"] = "no-cache"
        return response


def console_routes() -> list[BaseRoute]:
    async def to_console(_request) -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/")

    return [
        Route("/", to_console),
        Route(PREFIX, to_console),
        Mount(PREFIX, ConsoleFiles(directory=ASSETS, html=True)),
    ]
