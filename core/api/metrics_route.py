"""``GET /metrics``: Prometheus's text format (:mod:`core.metrics`), for this machine or a token.

With ``ACCREDIT_METRICS_TOKEN`` set, a scrape must send ``Authorization: Bearer <token>`` (from
anywhere); unset, only loopback callers (127.0.0.0/8, ::1: a Prometheus or an agent on the same
host) are answered. Behind a reverse proxy on the same host, either set the token or let the proxy
pass the caller's address (uvicorn trusts ``X-Forwarded-For`` from 127.0.0.1 by default).
"""

from __future__ import annotations

import hmac
import ipaddress

from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from core import metrics
from core.db import models
from core.platform import Platform


def metrics_routes(platform: Platform) -> list[Route]:
    async def scrape(request: Request) -> Response:
        refused = _refusal(request, platform.settings.metrics_token)
        if refused is not None:
            return refused
        async with platform.reading() as session:
            slots = models.QuotaSlot
            rows = (
                await session.execute(
                    select(slots.scheme_id, slots.rule_id, func.count()).group_by(
                        slots.scheme_id, slots.rule_id
                    )
                )
            ).all()
        return Response(
            metrics.render([tuple(row) for row in rows]), media_type=CONTENT_TYPE_LATEST
        )

    return [Route("/metrics", scrape)]


def _refusal(request: Request, token: str | None) -> Response | None:
    if token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if hmac.compare_digest(given.encode(), token.encode()):
            return None
        return PlainTextResponse(
            "metrics: send Authorization: Bearer <ACCREDIT_METRICS_TOKEN>\n",
            401,
            headers={"www-authenticate": "Bearer"},
        )
    try:
        local = request.client is not None and ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:
        local = False
    if local:
        return None
    return PlainTextResponse(
        "metrics: answered on this machine only, unless ACCREDIT_METRICS_TOKEN is set\n", 403
    )
