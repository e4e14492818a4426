"""Accounts payable end to end: orders, payables, chart of accounts and the gateway, each as
its own API and worker process on real NATS, with the simulated Web Connector and company."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("orders", "payables", "coa", "qbwc-gateway")


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


def _order(invoice: str, **extra: Any) -> dict[str, Any]:
    return {
        "vendor_name": "Acme Beverage & Co",
        "invoice_number": invoice,
        "order_date": "2026-11-20",
        "due_date": "2026-12-20",
        "received_on": "2026-11-24",
        "lines": [
            {"category": "Beer", "description": "IPA", "quantity": "24", "unit_cost": "8.50"},
            {"category": "Wine", "description": "Rioja", "quantity": "6", "unit_cost": "11.25"},
        ],
        "credits": [{"reason": "breakage", "amount": "17.00", "category": "Beer"}],
        **extra,
    }


def _guid(entry_id: str) -> str:
    return "{" + entry_id.upper() + "}"


def test_order_to_bill_and_credit_to_payment_exactly_once(stack):
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        store.refresh_and_map({"operating-account": "Operating Account"})
        # Received before its categories are mapped: the entries wait, then go.
        first = store.send("POST", "orders", "/orders", _order("INV-1042"), key="order-1")
        assert first.status_code == 201, first.text
        again = store.send("POST", "orders", "/orders", _order("INV-1042"), key="order-2")
        assert again.json()["id"] == first.json()["id"]  # the same order submitted twice
        waiting = eventually(
            lambda: [e for e in store.entries() if e["kind"] in ("bill", "vendor-credit")],
            "the bill and credit to reach the gateway",
        )
        assert {e["state"] for e in waiting} == {"waiting for mapping"}
        assert "purchases:beer" in waiting[0]["detail"]
        eventually(
            lambda: (
                {"purchases:beer", "purchases:wine"}
                <= {a["key"] for a in store.get("coa", "/coa/accounts", state="unmapped")}
            ),
            "coa to add the new categories' accounts",
        )
        store.refresh_and_map(
            {"purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine"}
        )
        eventually(
            lambda: {e["state"] for e in store.entries(kind="bill")} == {"ready"},
            "the mapping to release the bill",
        )
        store.update()

        company = store.quickbooks.company
        [bill] = company.transactions("Bill")
        [credit] = company.transactions("VendorCredit")
        accounts = {a.list_id: a.full_name for a in company.accounts.values()}
        assert bill.ref_number == "INV-1042"
        assert bill.amount == Decimal("271.50")
        assert sorted((accounts[ln.account_id], ln.amount) for ln in bill.lines) == [
            ("Purchases:Beer", Decimal("204.00")),
            ("Purchases:Wine", Decimal("67.50")),
        ]
        assert [(accounts[ln.account_id], ln.amount) for ln in credit.lines] == [
            ("Purchases:Beer", Decimal("17.00"))
        ]
        assert [v.name for v in company.vendors.values()] == ["Acme Beverage & Co"]
        [our_bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"],
            "payables to learn the bill's TxnID",
        )
        assert our_bill["txn_id"] == bill.txn_id
        [our_credit] = eventually(
            lambda: [c for c in store.get("payables", "/credits") if c["state"] == "synced"],
            "payables to learn the credit's TxnID",
        )

        # Send to QuickBooks, pressed twice.
        selection = {"bills": [{"bill_id": our_bill["id"]}],
                     "credits": [{"credit_id": our_credit["id"]}]}  # fmt: skip
        pressed = store.send("POST", "payables", "/payments", selection, key="press")
        assert pressed.status_code == 201, pressed.text
        [payment] = pressed.json()
        assert payment["amount"] == "254.50"
        assert store.send("POST", "payables", "/payments", selection, key="press").json() == [
            payment
        ]
        eventually(lambda: store.entries(kind="bill-payment"), "the payment to reach the gateway")
        store.update()
        [check] = company.transactions("BillPaymentCheck")
        assert accounts[check.bank_account_id] == "Operating Account"
        [applied] = check.applied
        assert applied.payment == Decimal("254.50")
        assert applied.credits == [(credit.txn_id, Decimal("17.00"))]
        assert company.bill_balances()[bill.txn_id] == Decimal("0.00")
        paid = eventually(
            lambda: store.get("payables", f"/bills/{our_bill['id']}")["open_balance"] == "0.00",
            "payables to show the bill paid",
        )
        assert paid
        assert store.get("payables", f"/payments/{payment['id']}")["state"] == "synced"
        # Exactly one QuickBooks transaction per business event.
        assert store.guid_counts() == {
            _guid(our_bill["id"]): 1, _guid(our_credit["id"]): 1, _guid(payment["id"]): 1,
        }  # fmt: skip


def test_a_payment_before_its_bill_is_in_quickbooks_waits_and_partial_balances_agree(stack):
    vendor = "Société Vins & Spiritueux"  # accents and an ampersand arrive as typed
    with httpx.Client(timeout=30) as http:
        store, other = Store(stack, http), Store(stack, http)
        store.set_up()
        other.set_up()
        store.send("POST", "orders", "/orders", _order("INV-7", credits=[], vendor_name=vendor))
        eventually(lambda: store.entries(kind="bill"), "the bill to reach the gateway")
        store.refresh_and_map({
            "operating-account": "Operating Account",
            "purchases:beer": "Purchases:Beer",
            "purchases:wine": "Purchases:Wine",
        })  # fmt: skip
        [bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "pending"],
            "the mapped bill to read pending (no longer waiting), not yet in QuickBooks",
        )
        # Merchant B can neither read nor pay merchant A's bill.
        assert other.send("GET", "payables", f"/bills/{bill['id']}").status_code == 404
        refused = other.send("POST", "payables", "/payments", {"bills": [{"bill_id": bill["id"]}]})
        assert refused.status_code == 404
        assert other.get("payables", "/accounts-payable")["due"] == []
        assert [e["kind"] for e in other.entries()] == ["account-query"]  # its own chart read

        # Paid in part before the bill is in QuickBooks: the payment waits for its TxnID.
        partial = {"bills": [{"bill_id": bill["id"], "amount": "100.00"}]}
        assert store.send("POST", "payables", "/payments", partial).status_code == 201
        eventually(
            lambda: (
                store.entries(kind="bill-payment")
                and {e["state"] for e in store.entries(kind="bill")} == {"ready"}
            ),
            "the payment and the mappings to reach the gateway",
        )
        store.update()
        company = store.quickbooks.company
        [qb_bill] = company.transactions("Bill")
        [check] = company.transactions("BillPaymentCheck")
        assert [v.name for v in company.vendors.values()] == [vendor]
        assert qb_bill.vendor_id == check.vendor_id
        assert check.applied[0].bill_id == qb_bill.txn_id
        assert company.bill_balances()[qb_bill.txn_id] == Decimal("171.50")
        eventually(
            lambda: store.get("payables", f"/bills/{bill['id']}")["open_balance"] == "171.50",
            "payables to show the open balance",
        )
        assert set(store.guid_counts().values()) == {1}
        assert len(store.guid_counts()) == 2
