"""JSON logs with the correlation id, health and readiness endpoints, Prometheus metrics."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from pydantic import BaseModel, Field
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)
# Which process answers: a launcher that set COBALT_INSTANCE_ID proves its readiness check
# reached its own process, not another one on the same port.
INSTANCE_ID = os.environ.get("COBALT_INSTANCE_ID") or uuid.uuid4().hex[:12]

HTTP_REQUESTS = Counter(
    "cobalt_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "cobalt_http_request_seconds", "HTTP request latency", ["service", "method", "route"]
)
OUTBOX_PUBLISHED = Counter("cobalt_outbox_published_total", "Outbox rows published to NATS")
OUTBOX_PUBLISH_ERRORS = Counter("cobalt_outbox_errors_total", "Outbox relay failures")
MESSAGES_HANDLED = Counter(
    "cobalt_messages_total", "Messages handled by consumers", ["consumer", "outcome"]
)

_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the correlation id of the work in progress."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self._service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if (cid := correlation_id.get()) is not None:
            entry["correlation_id"] = cid
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(service: str, level: str = "INFO") -> None:
    """Send every log record to stderr as JSON."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("uvicorn.access",):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "faststream", "faststream.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


class CorrelationMiddleware:
    """Takes X-Correlation-Id from the request (or makes one), echoes it back and counts the
    request by route and status. Plain ASGI: Starlette's BaseHTTPMiddleware runs every request
    in a task group of its own with streams in between, a cost paid on each request."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self._app = app
        self._service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-correlation-id", "")
        cid = incoming if _valid_correlation_id(incoming) else str(uuid.uuid4())
        status = 500  # what the client gets when the app fails before answering
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Correlation-Id"] = cid
            await send(message)

        token = correlation_id.set(cid)
        try:
            await self._app(scope, receive, send_with_id)
        finally:
            correlation_id.reset(token)
            path = getattr(scope.get("route"), "path", "unmatched")
            method = scope["method"]
            HTTP_REQUESTS.labels(self._service, method, path, status).inc()
            HTTP_LATENCY.labels(self._service, method, path).observe(time.perf_counter() - started)


def _valid_correlation_id(value: str) -> bool:
    return 0 < len(value) <= 64 and all(c.isalnum() or c in "-_." for c in value)


Check = Callable[[], Awaitable[None]]


class Readiness(BaseModel):
    """Whether the process can do its work, and which process answered."""

    status: str = Field(description="ready or not ready")
    checks: dict[str, str] = Field(description="Each dependency: ok, or why it is unavailable.")
    instance: str = Field(description="Which process answered.")


def health_router(checks: Mapping[str, Check]) -> APIRouter:
    """`/healthz` (process alive), `/readyz` (every dependency answers), `/metrics`."""
    router = APIRouter(tags=["health"])

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is alive."""
        return {"status": "ok", "instance": INSTANCE_ID}

    @router.get(
        "/readyz",
        responses={
            200: {"model": Readiness, "description": "Ready: every dependency answers."},
            503: {"model": Readiness, "description": "Not ready: `checks` says what is not."},
        },
    )
    async def readyz() -> JSONResponse:
        """Every dependency (database, NATS) answers now."""
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                await check()
                results[name] = "ok"
            except Exception as exc:
                results[name] = f"unavailable: {exc.__class__.__name__}: {exc}"[:300]
        ready = all(v == "ok" for v in results.values())
        body = {
            "status": "ready" if ready else "not ready",
            "checks": results,
            "instance": INSTANCE_ID,
        }
        return JSONResponse(body, status_code=200 if ready else 503)

    @router.get(
        "/metrics",
        response_class=PlainTextResponse,
        responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
    )
    async def metrics() -> Response:
        """Prometheus metrics of this process (text exposition format)."""
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
