"""Scaled out: three instances of every worker and two gateway APIs, 2,000 orders and their
payments. Every bill and payment reaches the simulated QuickBooks exactly once, a payment
never goes before its bill, and killing one instance of each worker mid-run loses nothing."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually
from cobalt_qbsim.webconnector import SimulatedWebConnector

from .test_accounts_payable import _order

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("orders", "payables", "coa", "qbwc-gateway")
ORDERS = int(os.environ.get("COBALT_SCALE_ORDERS", "2000"))
INSTANCES = int(os.environ.get("COBALT_SCALE_INSTANCES", "3"))
MERCHANTS = 4


@pytest.fixture
def stack(nats_server, tmp_path) -> Iterator[Stack]:
    """The embedded stack (SQLite, one file per service), scaled out."""
    services = [SERVICE_BY_NAME[n] for n in NAMES]
    running = Stack(tmp_path / "stack", services=services, nats_url=nats_server.url,
                    fixed_ports=False)  # fmt: skip
    running.start(timeout=120)
    for name in NAMES:
        for _ in range(INSTANCES - 1):
            running.add_instance(name, "worker")
    running.add_instance("qbwc-gateway", "api")
    yield running
    running.stop()


@pytest.mark.timeout(1200)
def test_scaled_out_services_make_every_entry_exactly_once_in_order(stack):
    per_merchant = ORDERS // MERCHANTS
    with httpx.Client(timeout=60) as http:
        stores = [Store(stack, http) for _ in range(MERCHANTS)]
        for store in stores:
            store.set_up()
            store.send("POST", "orders", "/orders", _order("FIRST", credits=[]))
        for store in stores:
            eventually(
                lambda s=store: (
                    {"purchases:beer", "purchases:wine"}
                    <= {a["key"] for a in s.get("coa", "/coa/accounts")}
                ),
                "the category accounts",
            )
            store.refresh_and_map({
                "operating-account": "Operating Account",
                "purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine",
            })  # fmt: skip

        def post(job: tuple[Store, int]) -> None:
            store, i = job
            body = _order(f"S-{i}", credits=[])
            response = store.send("POST", "orders", "/orders", body, key=f"order-{i}")
            assert response.status_code in (200, 201), response.text

        jobs = [(store, i) for i in range(1, per_merchant) for store in stores]
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            half = len(jobs) // 2
            list(pool.map(post, jobs[:half]))
            for store in stores:  # throughput before anything breaks
                eventually(lambda s=store: len(s.get("payables", "/bills")) >= half // MERCHANTS,
                           "the first half of the bills", timeout=300)  # fmt: skip
            first_half = time.monotonic() - start
            for name in NAMES:  # one instance of each worker dies mid-run, work in flight
                if INSTANCES > 1:
                    stack.kill_instance(name, "worker")
            list(pool.map(post, jobs[half:]))
        for store in stores:
            eventually(lambda s=store: len(s.get("payables", "/bills")) == per_merchant,
                       "every bill in payables", timeout=300)  # fmt: skip
        elapsed = time.monotonic() - start
        print(f"\n{half} orders -> bills with {INSTANCES} worker instance(s) each: "
              f"{half / first_half:.0f} orders/s; all {len(jobs)} with one instance of each "
              f"killed mid-run (redelivered after the ack wait): {elapsed:.1f} s")  # fmt: skip

        # Pay every bill before any is in QuickBooks: each payment waits for its bill.
        def pay(job: tuple[Store, dict[str, Any]]) -> None:
            store, bill = job
            body = {"bills": [{"bill_id": bill["id"]}]}
            response = store.send("POST", "payables", "/payments", body, key=f"pay-{bill['id']}")
            assert response.status_code in (200, 201), response.text

        payments = [(s, b) for s in stores for b in s.get("payables", "/bills")]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(pay, payments))
        apis = [stack.running["qbwc-gateway"].api_url] + [
            url for part, url, _ in stack.running["qbwc-gateway"].extra if part == "api"
        ]
        for store in stores:
            for kind in ("bill", "bill-payment"):  # everything has reached the gateway
                eventually(
                    lambda s=store, k=kind: len(s.get("qbwc-gateway", "/entries", kind=k,
                                                      limit=500)) == per_merchant,
                    f"every {kind} at the gateway", timeout=300,
                )  # fmt: skip
            assert store.web_connector is not None
            qwc = store.web_connector.qwc
            for n in range(40):  # updates alternate between the two gateway APIs
                url = apis[n % len(apis)] + "/qbwc"
                connector = SimulatedWebConnector(
                    dataclasses.replace(qwc, app_url=url), "correct horse battery",
                    store.quickbooks,
                )  # fmt: skip
                if connector.update().outcome == "no work":
                    break
            company = store.quickbooks.company
            counts = company.count_by_external_guid()
            assert len(counts) == 2 * per_merchant
            assert set(counts.values()) == {1}  # every bill and payment exactly once
            bills = {t.txn_id: t for t in company.transactions("Bill")}
            for check in company.transactions("BillPaymentCheck"):
                [applied] = check.applied
                assert bills[applied.bill_id].txn_number < check.txn_number  # bill first
            assert all(t.open_amount == 0 for t in bills.values())
