"""Walking skeleton: a received order becomes an open bill, across real processes and NATS."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)


@pytest.fixture
def stack(databases, nats_server, tmp_path) -> Iterator[Stack]:
    """orders and payables, API and worker each its own process, on this variant's databases."""
    services = [SERVICE_BY_NAME["orders"], SERVICE_BY_NAME["payables"]]
    running = Stack(
        tmp_path / "stack",
        services=services,
        database_urls={s.name: databases.new(s.name.replace("-", "_")) for s in services},
        nats_url=nats_server.url,
        fixed_ports=False,
    )
    running.start(timeout=120)
    yield running
    running.stop()


def _headers(merchant: uuid.UUID) -> dict[str, str]:
    token = TOKENS.mint(subject="test", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}"}


def _open_bills(
    stack: Stack, merchant: uuid.UUID, expect: int, timeout: float = 30
) -> list[dict[str, str]]:
    url = stack.running["payables"].api_url + "/bills/open"
    deadline = time.monotonic() + timeout
    bills: list[dict[str, str]] = []
    while time.monotonic() < deadline:
        bills = httpx.get(url, headers=_headers(merchant), timeout=5).json()
        if len(bills) >= expect:
            return bills
        time.sleep(0.1)
    return bills


ORDER = {
    "vendor_name": "Acme Beverage",
    "invoice_number": "INV-1042",
    "order_date": "2026-11-20",
    "received_on": "2026-11-24",
    "lines": [{"category": "Beer", "quantity": "100", "unit_cost": "12.40"}],
}


def test_received_order_becomes_exactly_one_open_bill(stack):
    merchant, other = uuid.uuid4(), uuid.uuid4()
    orders_url = stack.running["orders"].api_url + "/orders"

    first = httpx.post(orders_url, json=ORDER, headers=_headers(merchant), timeout=10)
    assert first.status_code == 201, first.text
    again = httpx.post(orders_url, json=ORDER, headers=_headers(merchant), timeout=10)
    assert again.status_code == 200  # the same vendor invoice is the same order
    assert again.json()["id"] == first.json()["id"]

    [bill] = _open_bills(stack, merchant, expect=1)
    assert bill["order_id"] == first.json()["id"]
    assert bill["open_balance"] == "1240.00"
    assert bill["vendor_name"] == "Acme Beverage"

    time.sleep(1.0)  # give a duplicate every chance to show up
    assert len(_open_bills(stack, merchant, expect=2, timeout=0.5)) == 1
    assert _open_bills(stack, other, expect=1, timeout=0.5) == []  # merchants never see others'


def test_bad_order_is_refused_with_the_reason_and_changes_nothing(stack):
    merchant = uuid.uuid4()
    orders_url = stack.running["orders"].api_url + "/orders"
    bad = {**ORDER, "lines": [{"category": "Beer", "quantity": "1", "unit_cost": "12.345"}]}
    response = httpx.post(orders_url, json=bad, headers=_headers(merchant), timeout=10)
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert "unit_cost" in message
    assert "more than 2 decimal places" in message
    blank = httpx.post(
        orders_url, json={**ORDER, "vendor_name": "  "}, headers=_headers(merchant), timeout=10
    )
    assert blank.status_code == 422
    assert blank.json()["error"]["message"] == "vendor name is required"
    listed = httpx.get(
        stack.running["orders"].api_url + "/orders", headers=_headers(merchant), timeout=10
    )
    assert listed.json() == []


def test_worker_killed_mid_stream_loses_and_duplicates_nothing(stack):
    merchant = uuid.uuid4()
    orders_url = stack.running["orders"].api_url + "/orders"
    total = 40
    for i in range(total):
        if i == 10:
            stack.kill("payables", "worker")  # mid-stream, with messages in flight
        line = {"category": "Beer", "quantity": "1", "unit_cost": f"{i}.25"}
        body = {**ORDER, "invoice_number": f"INV-{i}", "lines": [line]}
        assert httpx.post(orders_url, json=body, headers=_headers(merchant), timeout=10).is_success
    stack.restart("payables", "worker")
    bills = _open_bills(stack, merchant, expect=total, timeout=60)
    assert sorted(b["invoice_number"] for b in bills) == sorted(f"INV-{i}" for i in range(total))
    time.sleep(1.0)
    assert len(_open_bills(stack, merchant, expect=total + 1, timeout=0.5)) == total


def test_dead_letters_are_for_support_and_asyncapi_documents_the_messages(stack):
    support = TOKENS.mint(subject="support", role=Role.SUPPORT, merchant_id=None)
    for name in ("orders", "payables"):
        url = stack.running[name].api_url + "/dead-letters"
        listed = httpx.get(url, headers={"Authorization": f"Bearer {support}"}, timeout=10)
        assert listed.status_code == 200
        assert listed.json() == []
        refused = httpx.get(url, headers=_headers(uuid.uuid4()), timeout=10)
        assert refused.status_code == 403
    missing = httpx.post(
        stack.running["payables"].api_url + "/dead-letters/999/replay",
        headers={"Authorization": f"Bearer {support}"},
        timeout=10,
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "dead letter 999 does not exist"

    published = httpx.get(stack.running["orders"].worker_url + "/asyncapi.json", timeout=10).json()
    consumed = httpx.get(stack.running["payables"].worker_url + "/asyncapi.json", timeout=10).json()
    for document in (published, consumed):
        schemas = document["components"]["schemas"]
        order_received = next(v for k, v in schemas.items() if "OrderReceived" in k)
        assert order_received["properties"]["invoice_number"]["description"]
