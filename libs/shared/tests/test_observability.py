"""JSON logs carry the correlation id; requests echo it; /metrics speaks Prometheus."""

from __future__ import annotations

import json
import logging

import httpx

from cobalt_shared.http import build_api
from cobalt_shared.observability import JsonFormatter, correlation_id
from cobalt_shared.settings import ServiceSettings


def test_log_lines_are_json_with_the_correlation_id():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "bill %s opened", ("B-1",), None)
    record.merchant_id = "m-1"
    token = correlation_id.set("corr-123")
    try:
        line = JsonFormatter("payables").format(record)
    finally:
        correlation_id.reset(token)
    entry = json.loads(line)
    assert entry["msg"] == "bill B-1 opened"
    assert entry["correlation_id"] == "corr-123"
    assert entry["service"] == "payables"
    assert entry["merchant_id"] == "m-1"


async def test_requests_echo_a_correlation_id_and_metrics_are_served():
    app = build_api(ServiceSettings(), title="t", routers=[], checks={})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        given = await c.get("/healthz", headers={"X-Correlation-Id": "abc-1"})
        made = await c.get("/healthz", headers={"X-Correlation-Id": "bad id with spaces"})
        metrics = await c.get("/metrics")
    assert given.headers["x-correlation-id"] == "abc-1"
    assert made.headers["x-correlation-id"] != "bad id with spaces"
    assert metrics.status_code == 200
    assert "cobalt_http_requests_total" in metrics.text


async def test_a_failing_request_is_counted_as_a_500_and_its_logs_carry_the_id():
    from fastapi import APIRouter

    seen: list[str | None] = []
    router = APIRouter()

    @router.get("/boom")
    async def boom() -> None:
        seen.append(correlation_id.get())
        raise RuntimeError("boom")

    @router.get("/fine/{n}")
    async def fine(n: int) -> dict[str, int]:
        seen.append(correlation_id.get())
        return {"n": n}

    app = build_api(ServiceSettings(), title="t", routers=[router], checks={})
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        ok = await c.get("/fine/7", headers={"X-Correlation-Id": "id-ok"})
        failed = await c.get("/boom", headers={"X-Correlation-Id": "id-boom"})
        metrics = (await c.get("/metrics")).text
    assert ok.json() == {"n": 7}
    assert ok.headers["x-correlation-id"] == "id-ok"
    assert failed.status_code == 500
    assert seen == ["id-ok", "id-boom"]  # the handler ran with the request's id
    assert correlation_id.get() is None  # and it does not leak past the request
    counted = [
        line for line in metrics.splitlines() if line.startswith("cobalt_http_requests_total{")
    ]
    assert any('route="/fine/{n}"' in line and 'status="200"' in line for line in counted)
    assert any('route="/boom"' in line and 'status="500"' in line for line in counted)
