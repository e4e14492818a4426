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
