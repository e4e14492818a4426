"""What went wrong when the product was tried as a new user would, each through the public APIs
with the simulated Web Connector and company: a vendor name QuickBooks cannot store, a vendor
QuickBooks has under its Latin-1 name, Retry after a closing-date failure, and bills dated
before the QuickBooks start date."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import OWNER_NAME, Store, eventually
from cobalt_qbxml import BillAdd, ExpenseLine, MessageSet, Ref, VendorAdd

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("orders", "payables", "coa", "qbwc-gateway")
MAPPED = {
    "operating-account": "Operating Account",
    "purchases:beer": "Purchases:Beer",
}


@pytest.fixture
def stack(databases, nats_server, tmp_path) -> Iterator[Stack]:
    services = [SERVICE_BY_NAME[n] for n in NAMES]
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


@pytest.fixture
def store(stack) -> Iterator[Store]:
    with httpx.Client(timeout=30) as http:
        yield Store(stack, http)


def order(vendor: str, invoice: str, received: str = "2026-11-24", **extra: Any) -> dict[str, Any]:
    return {
        "vendor_name": vendor,
        "invoice_number": invoice,
        "order_date": received,
        "received_on": received,
        "lines": [{"category": "Beer", "quantity": "10", "unit_cost": "5.00"}],
        **extra,
    }


def receive(store: Store, body: dict[str, Any]) -> dict[str, Any]:
    """Receive an order; its bill as payables has it once the gateway has the entry."""
    made = store.send("POST", "orders", "/orders", body)
    assert made.status_code == 201, made.text
    invoice = body["invoice_number"]
    bill = eventually(
        lambda: next(
            (b for b in store.get("payables", "/bills") if b["invoice_number"] == invoice), None
        ),
        f"payables to open bill {invoice}",
    )
    eventually(lambda: any(e["id"] == bill["id"] for e in store.entries()), f"entry of {invoice}")
    return dict(bill)


def entry(store: Store, entry_id: str) -> dict[str, Any]:
    return dict(store.get("qbwc-gateway", f"/entries/{entry_id}"))


def bill_state(store: Store, bill_id: str, state: str) -> dict[str, Any]:
    return dict(
        eventually(
            lambda: (b := store.get("payables", f"/bills/{bill_id}"))["state"] == state and b,
            f"payables to show the bill {state}",
        )
    )


def ready(store: Store) -> None:
    """Wait until the mapping events reached the gateway (no entry waits for a mapping)."""
    eventually(
        lambda: all(e["state"] != "waiting for mapping" for e in store.entries()),
        "the mappings to release the entries",
    )


def test_a_vendor_name_quickbooks_cannot_store_is_refused_and_never_stops_the_others(store):
    store.set_up()
    name = "Œnologie Vins & Spiritueux des Côtes d'Or"  # 41 typed, 42 as QuickBooks stores it
    refused = store.send("POST", "orders", "/orders", order(name, "OEN-1"))
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["field"] == "vendor_name"
    assert error["message"] == (
        f"vendor name '{name}' (as QuickBooks stores it: 'OEnologie Vins & Spiritueux des "
        "Côtes d'Or') is 42 characters; QuickBooks allows 41"
    )
    assert store.get("orders", "/orders") == []
    bill = receive(store, order("Acme Beverage", "ACME-1"))
    store.refresh_and_map(MAPPED)
    ready(store)
    store.update()
    assert entry(store, bill["id"])["state"] == "synced"
    assert bill_state(store, bill["id"], "synced")["txn_id"]
    assert store.get("qbwc-gateway", "/connection")["last_error"] is None


def test_an_existing_vendor_is_linked_by_the_name_quickbooks_stores_not_added_again(store):
    store.set_up()
    store.quickbooks.process(MessageSet([("v", VendorAdd("Lódz Vodka Import"))]).to_xml())
    bill = receive(store, order("Łódź Vodka Import", "LV-1"))
    store.refresh_and_map(MAPPED)
    ready(store)
    store.update()
    shown = entry(store, bill["id"])
    assert shown["state"] == "synced", shown
    assert shown["quickbooks_vendor"]["name"] == "Łódź Vodka Import"
    assert shown["quickbooks_vendor"]["quickbooks_name"] == "Lódz Vodka Import"
    company = store.quickbooks.company
    [vendor] = company.vendors.values()
    [qb_bill] = company.transactions("Bill")
    assert qb_bill.vendor_id == vendor.list_id
    assert bill_state(store, bill["id"], "synced")["txn_id"] == qb_bill.txn_id


def test_retry_after_the_cause_is_fixed_reaches_quickbooks_and_a_waiting_payment_follows(store):
    store.set_up()
    store.quickbooks.company.closing_date = "2026-11-25"  # the books are closed through then
    bill = receive(store, order("Acme Beverage", "INV-77"))
    store.refresh_and_map(MAPPED)
    ready(store)
    store.update()
    failed = entry(store, bill["id"])
    assert failed["state"] == "failed"
    assert "closing date" in failed["detail"]
    shown = bill_state(store, bill["id"], "failed")
    assert "closing date" in shown["detail"]
    # A payment of the failed bill waits for it, saying for what.
    refused = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": bill["id"]}]})
    assert refused.status_code == 422  # payables refuses to pay a bill that failed
    retry_pending = store.send("POST", "qbwc-gateway", f"/entries/{uuid.uuid4()}/retry")
    assert retry_pending.status_code == 404

    store.quickbooks.company.closing_date = None  # the cause, removed in QuickBooks
    retried = store.send("POST", "qbwc-gateway", "/entries/retry-failed")
    assert retried.status_code == 200, retried.text
    assert retried.json()["retried"] == 1
    [again] = retried.json()["entries"]
    assert again["state"] == "ready", again  # never "waiting for mapping" for a mapped bill
    assert again["retried_by"] == OWNER_NAME
    not_failed = store.send("POST", "qbwc-gateway", f"/entries/{bill['id']}/retry")
    assert not_failed.status_code == 409
    assert "only failed entries can be retried (this one is ready" in not_failed.text
    bill_state(store, bill["id"], "pending")
    store.update()
    assert entry(store, bill["id"])["state"] == "synced"
    assert bill_state(store, bill["id"], "synced")["txn_id"]
    assert set(store.guid_counts().values()) == {1}


def test_a_payment_of_a_failed_bill_waits_saying_why_and_goes_once_the_bill_is_fixed(store):
    store.set_up()
    bill = receive(store, order("Acme Beverage", "INV-78", "2026-11-20"))
    paid = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": bill["id"]}]})
    assert paid.status_code == 201, paid.text  # paid while the bill is still on its way
    [payment] = paid.json()
    eventually(lambda: store.entries(kind="bill-payment"), "the payment to reach the gateway")
    store.quickbooks.company.closing_date = "2026-11-21"
    store.refresh_and_map(MAPPED)
    ready(store)
    store.update()
    waiting = entry(store, payment["id"])
    assert waiting["state"] == "waiting for prerequisite"
    assert waiting["detail"].startswith(
        "Waiting for bill INV-78 from Acme Beverage, which failed: "
    )
    assert "closing date" in waiting["detail"]
    store.quickbooks.company.closing_date = None
    assert store.send("POST", "qbwc-gateway", f"/entries/{bill['id']}/retry").status_code == 200
    store.update()
    assert entry(store, payment["id"])["state"] == "synced"
    eventually(
        lambda: store.get("payables", f"/payments/{payment['id']}")["state"] == "synced",
        "payables to show the payment synced",
    )
    assert store.quickbooks.company.bill_balances() == {entry(store, bill["id"])["txn_id"]: 0}


def test_bills_before_the_start_date_are_found_in_quickbooks_or_never_offered(store):
    store.set_up(start_date="2026-11-01")
    # Entered in QuickBooks by hand before the merchant started with CobaltConnect.
    store.quickbooks.process(
        MessageSet(
            [
                ("v", VendorAdd("Old Vendor")),
                (
                    "b",
                    BillAdd(
                        Ref("Old Vendor"),
                        date(2026, 10, 20),
                        "OLD-1",
                        uuid.uuid4(),
                        [ExpenseLine(Ref("Purchases:Beer"), Decimal("50.00"))],
                    ),
                ),
            ]
        ).to_xml()
    )
    [qb_old] = store.quickbooks.company.transactions("Bill")
    found = receive(store, order("Old Vendor", "OLD-1", "2026-10-20"))
    missing = receive(store, order("Old Vendor", "OLD-2", "2026-10-21"))
    early = receive(store, order("Old Vendor", "OLD-3", "2026-10-22"))
    assert entry(store, found["id"])["state"] == "looking up"
    pay_early = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": early["id"]}]})
    assert pay_early.status_code == 201, pay_early.text  # before anyone knew
    [early_payment] = pay_early.json()
    eventually(lambda: store.entries(kind="bill-payment"), "the payment to reach the gateway")
    store.refresh_and_map(MAPPED)
    store.update()

    linked = entry(store, found["id"])
    assert linked["state"] == "in QuickBooks before the start date"
    assert linked["txn_id"] == qb_old.txn_id
    assert entry(store, missing["id"])["state"] == "cancelled"
    not_in_qb = bill_state(store, missing["id"], "not in QuickBooks")
    assert "before the start date" in not_in_qb["detail"]
    failed = entry(store, early_payment["id"])
    assert failed["state"] == "failed"
    assert "It pays bill OLD-3 from Old Vendor, which is not in QuickBooks" in failed["detail"]
    eventually(
        lambda: store.get("payables", f"/payments/{early_payment['id']}")["state"] == "failed",
        "payables to show the payment failed",
    )

    due = {b["invoice_number"] for b in store.get("payables", "/accounts-payable")["due"]}
    assert due == {"OLD-1"}  # neither OLD-2 nor OLD-3 is offered, nor shown pending
    refused = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": missing["id"]}]})
    assert refused.status_code == 422
    assert "OLD-2 is not in QuickBooks" in refused.json()["error"]["message"]

    bill_state(store, found["id"], "synced")
    paid = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": found["id"]}]})
    assert paid.status_code == 201, paid.text
    eventually(
        lambda: len(store.entries(kind="bill-payment")) == 2, "the payment to reach the gateway"
    )
    store.update()
    [check] = store.quickbooks.company.transactions("BillPaymentCheck")
    assert check.applied[0].bill_id == qb_old.txn_id
    assert store.quickbooks.company.bill_balances()[qb_old.txn_id] == Decimal("0.00")
    # Nothing dated before the start date was written to QuickBooks: only the payment.
    [payment] = paid.json()
    by_hand = qb_old.external_guid
    assert {g for g in store.guid_counts() if g != by_hand} == {"{" + payment["id"].upper() + "}"}
