"""An API's commit that queues messages wakes its worker's outbox relay at once (a core-NATS
nudge): a received order does not wait for the relay's poll. The relay here polls only every
60 s, so an order event in the stream within seconds was relayed on the nudge."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator

import httpx
import nats
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts.subjects import ORDERS_STREAM
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def orders(nats_server, tmp_path) -> Iterator[Stack]:
    running = Stack(
        tmp_path / "stack",
        services=[SERVICE_BY_NAME["orders"]],
        nats_url=nats_server.url,
        fixed_ports=False,
        extra_env={"ORDERS_RELAY_INTERVAL_SECONDS": "60"},
    )
    running.start(timeout=120)
    yield running
    running.stop()


async def _in_stream(url: str) -> int:
    client = await nats.connect(url)
    try:
        info = await client.jetstream().stream_info(ORDERS_STREAM.name)
        return int(info.state.messages)
    finally:
        await client.close()


def test_an_order_is_relayed_on_the_apis_nudge_not_at_the_next_poll(orders, nats_server):
    time.sleep(2)  # the relay's first pass at start is done: it now sleeps up to 60 s
    before = asyncio.run(_in_stream(nats_server.url))
    merchant = uuid.uuid4()
    token = TokenService(DEVELOPMENT_AUTH_SECRET).mint(
        subject="m", role=Role.MERCHANT, merchant_id=merchant
    )
    body = {
        "vendor_name": "Acme Beverage",
        "invoice_number": "W-1",
        "order_date": "2026-11-24",
        "received_on": "2026-11-24",
        "lines": [{"category": "Beer", "quantity": "1", "unit_cost": "5.00"}],
    }
    posted = httpx.post(
        orders.running["orders"].api_url + "/orders",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert posted.status_code == 201, posted.text
    deadline = time.monotonic() + 15
    while asyncio.run(_in_stream(nats_server.url)) == before:
        assert time.monotonic() < deadline, "the order waited for the relay's 60 s poll"
        time.sleep(0.1)
