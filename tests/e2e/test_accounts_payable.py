"""Accounts payable end to end: orders, payables, chart of accounts and the gateway, each as
its own API and worker process on real NATS, with the simulated Web Connector and company."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually
from cobalt_qbxml import MessageSet, TxnVoid

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


def test_bills_paid_or_deleted_in_quickbooks_itself_follow_in_accounts_payable(stack):
    """The owner pays one bill whole and another in part in QuickBooks itself, and deletes a
    third; at the next
    update the gateway reads back what changed there (one extra request, never one per bill)
    and Accounts Payable follows: the paid bill is no longer offered, the other shows what is
    left, and a payment that would now overpay is refused before it is sent."""
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        store.refresh_and_map({"operating-account": "Operating Account"})
        for invoice in ("INV-A", "INV-B", "INV-D"):
            store.send("POST", "orders", "/orders", _order(invoice, credits=[]), key=invoice)
        eventually(lambda: len(store.entries(kind="bill")) == 3, "the bills to reach the gateway")
        store.refresh_and_map(
            {"purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine"}
        )
        eventually(
            lambda: {e["state"] for e in store.entries(kind="bill")} == {"ready"},
            "the mappings to release the bills",
        )
        store.update()
        ours = eventually(
            lambda: (
                (b := store.get("payables", "/bills"))
                and {x["state"] for x in b} == {"synced"}
                and {x["invoice_number"]: x for x in b}
            ),
            "payables to learn the bills' TxnIDs",
        )
        quickbooks = store.quickbooks
        bill_a, bill_b = ours["INV-A"], ours["INV-B"]
        quickbooks.pay_bill_directly(bill_a["txn_id"], Decimal("271.50"), date(2026, 11, 26))
        quickbooks.pay_bill_directly(bill_b["txn_id"], Decimal("71.50"), date(2026, 11, 27))
        quickbooks.delete_directly(ours["INV-D"]["txn_id"])  # entered by mistake, say
        # The next update with work (a new bill) ends by reading back what changed.
        store.send("POST", "orders", "/orders", _order("INV-C", credits=[]), key="INV-C")
        eventually(
            lambda: [e["state"] for e in store.entries(kind="bill")].count("ready") == 1,
            "the third bill to be ready",
        )
        asked: list[list[str]] = []
        answer = quickbooks.process

        def recorded(xml: str | bytes) -> str:
            text = xml if isinstance(xml, str) else xml.decode()
            asked.append(re.findall(r"<(\w+)Rq\b", text))
            return answer(xml)

        quickbooks.process = recorded  # type: ignore[method-assign, assignment]
        store.update()
        # The new bill, then the read-back (both kinds in one message set): never one per bill.
        sets = [kinds for kinds in asked if "HostQuery" not in kinds]
        read_back = [
            "QBXMLMsgs",
            "BillQuery",
            "VendorCreditQuery",
            "BillPaymentCheckQuery",
            "TxnDeletedQuery",
        ]
        assert sets == [["QBXMLMsgs", "BillAdd"], read_back]
        paid = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{bill_a['id']}"))
                and b["open_balance"] == "0.00"
                and b
            ),
            "Accounts Payable to follow the bill paid in QuickBooks",
        )
        assert paid["quickbooks_note"] == "Paid in QuickBooks on 2026-11-26."
        assert paid["payable"] is False
        assert "paid in QuickBooks on 2026-11-26" in paid["not_payable_because"]
        part = store.get("payables", f"/bills/{bill_b['id']}")
        assert part["open_balance"] == "200.00"
        assert part["quickbooks_note"] == "71.50 paid in QuickBooks on 2026-11-27."
        gone = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{ours['INV-D']['id']}"))
                and b["quickbooks_note"]
                and b
            ),
            "Accounts Payable to follow the bill deleted in QuickBooks",
        )
        assert (gone["open_balance"], gone["quickbooks_note"]) == ("0.00", "Deleted in QuickBooks.")
        assert "deleted in QuickBooks" in gone["not_payable_because"]
        due = {b["invoice_number"] for b in store.get("payables", "/accounts-payable")["due"]}
        assert "INV-D" not in due
        assert "INV-A" not in due
        assert "INV-B" in due
        # A payment that would overpay what QuickBooks still has open is refused before sending.
        over = {"bills": [{"bill_id": bill_b["id"], "amount": "271.50"}]}
        refused = store.send("POST", "payables", "/payments", over)
        assert refused.status_code == 422, refused.text
        assert "200.00" in refused.json()["error"]["message"]
        whole = store.send("POST", "payables", "/payments", {"bills": [{"bill_id": bill_a["id"]}]})
        assert whole.status_code in (409, 422), whole.text
        assert "paid in QuickBooks" in whole.json()["error"]["message"]
        assert not store.entries(kind="bill-payment")  # nothing was sent


def test_a_payment_voided_from_accounts_payable_reopens_its_bill_and_credit_on_both_sides(stack):
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        store.refresh_and_map({"operating-account": "Operating Account"})
        store.send("POST", "orders", "/orders", _order("INV-V"), key="INV-V")
        eventually(lambda: store.entries(kind="vendor-credit"), "the bill and credit")
        store.refresh_and_map(
            {"purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine"}
        )
        eventually(
            lambda: {e["state"] for e in store.entries(kind="bill")} == {"ready"}, "mappings"
        )
        store.update()
        [bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"], "bill"
        )
        [credit] = eventually(
            lambda: [c for c in store.get("payables", "/credits") if c["state"] == "synced"],
            "credit",
        )
        # Not in QuickBooks yet: nothing to void.
        selection = {"bills": [{"bill_id": bill["id"]}], "credits": [{"credit_id": credit["id"]}]}
        [payment] = store.send("POST", "payables", "/payments", selection).json()
        early = store.send("POST", "payables", f"/payments/{payment['id']}/void")
        assert early.status_code == 409
        assert "only a payment in QuickBooks can be voided" in early.json()["error"]["message"]
        eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
        store.update()
        company = store.quickbooks.company
        [check] = company.transactions("BillPaymentCheck")
        eventually(
            lambda: store.get("payables", f"/bills/{bill['id']}")["open_balance"] == "0.00",
            "the bill paid",
        )
        # Void, pressed twice: one void.
        for _ in range(2):
            voiding = store.send("POST", "payables", f"/payments/{payment['id']}/void")
            assert voiding.status_code == 200, voiding.text
            assert voiding.json()["void_state"] == "pending"
        [void] = eventually(lambda: store.entries(kind="payment-void"), "the void at the gateway")
        # The books are closed through the check's date: QuickBooks refuses the void, which
        # says so on both sides and is retried from QB Entries once the date is moved.
        company.closing_date = "2026-12-31"
        store.update()
        refused = eventually(
            lambda: (
                (p := store.get("payables", f"/payments/{payment['id']}"))
                and p["void_state"] == "failed"
                and p
            ),
            "payables to hear the void was refused",
        )
        assert "closing date" in refused["void_detail"]
        assert refused["void_entry_id"] == void["id"]
        again = store.send("POST", "payables", f"/payments/{payment['id']}/void")
        assert again.json()["void_state"] == "failed"  # Retry is on the entry, not a new void
        assert len(store.entries(kind="payment-void")) == 1
        company.closing_date = None
        retried = store.send("POST", "qbwc-gateway", f"/entries/{void['id']}/retry")
        assert retried.status_code == 200, retried.text
        store.update()
        # QuickBooks: the check stays, at zero; the bill and the credit are open again.
        assert company.txns[check.txn_id].amount == Decimal("0.00")
        [qb_bill] = company.transactions("Bill")
        [qb_credit] = company.transactions("VendorCredit")
        assert qb_bill.open_amount == Decimal("271.50")
        assert qb_credit.open_amount == Decimal("17.00")
        assert company.account_named("Operating Account").balance == Decimal("0.00")
        # CobaltConnect follows: open balances restored, the payment says it was voided.
        restored = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{bill['id']}"))
                and b["open_balance"] == "271.50"
                and b
            ),
            "the bill open again",
        )
        assert restored["payable"] is True
        [open_credit] = [c for c in store.get("payables", "/credits") if c["id"] == credit["id"]]
        assert open_credit["available"] == "17.00"
        voided = store.get("payables", f"/payments/{payment['id']}")
        assert (voided["void_state"], voided["void_detail"]) == ("synced", "Voided in QuickBooks.")
        assert voided["voidable"] is False
        assert set(store.guid_counts().values()) == {1}


def test_a_check_voided_in_quickbooks_itself_reopens_what_it_paid(stack):
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        store.refresh_and_map({"operating-account": "Operating Account"})
        store.send("POST", "orders", "/orders", _order("INV-Q", credits=[]), key="INV-Q")
        eventually(lambda: store.entries(kind="bill"), "the bill")
        store.refresh_and_map(
            {"purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine"}
        )
        eventually(lambda: store.entries(kind="bill")[0]["state"] == "ready", "mapped")
        store.update()
        [bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"], "bill"
        )
        [payment] = store.send(
            "POST", "payables", "/payments", {"bills": [{"bill_id": bill["id"]}]}
        ).json()
        eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
        store.update()
        paid = eventually(
            lambda: (
                (p := store.get("payables", f"/payments/{payment['id']}"))
                and p["state"] == "synced"
                and p
            ),
            "the payment in QuickBooks",
        )
        # The owner voids the check in QuickBooks itself (no CobaltConnect).
        quickbooks = store.quickbooks
        answer = quickbooks.process(
            MessageSet(
                [("v", TxnVoid(txn_type="BillPaymentCheck", txn_id=paid["txn_id"]))]
            ).to_xml()
        )
        assert 'statusCode="0"' in answer
        # The next update with work ends with the read-back: payables follows.
        store.send("POST", "orders", "/orders", _order("INV-Q2", credits=[]), key="INV-Q2")
        eventually(
            lambda: [e["state"] for e in store.entries(kind="bill")].count("ready") == 1,
            "the new bill to be ready",
        )
        store.update()
        followed = eventually(
            lambda: (
                (p := store.get("payables", f"/payments/{payment['id']}"))
                and p["void_state"] == "synced"
                and p
            ),
            "payables to follow the check voided in QuickBooks",
        )
        assert followed["void_detail"] == (
            "The check was voided in QuickBooks itself: what it paid is open again."
        )
        reopened = store.get("payables", f"/bills/{bill['id']}")
        assert (reopened["open_balance"], reopened["payable"]) == ("271.50", True)
        assert not store.entries(kind="payment-void")  # CobaltConnect sent no void of its own


def test_an_order_corrected_after_its_bill_went_to_quickbooks_changes_the_bill(stack):
    """Corrected after its bill and credit reached QuickBooks, an order changes them there
    (BillMod / VendorCreditMod; a stale EditSequence is read again and retried once); a cut
    below what was paid is refused and says so; cancelled, its bill and credit are voided."""
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        store.refresh_and_map({"operating-account": "Operating Account"})
        made = store.send("POST", "orders", "/orders", _order("INV-K"), key="INV-K").json()
        eventually(lambda: store.entries(kind="vendor-credit"), "the bill and credit")
        store.refresh_and_map(
            {"purchases:beer": "Purchases:Beer", "purchases:wine": "Purchases:Wine"}
        )
        eventually(
            lambda: {e["state"] for e in store.entries(kind="bill")} == {"ready"}, "mappings"
        )
        store.update()
        [bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"], "bill"
        )
        company = store.quickbooks.company
        [qb_bill] = company.transactions("Bill")
        [qb_credit] = company.transactions("VendorCredit")
        qb_bill.touched()  # the owner opened and saved it in QuickBooks meanwhile

        beer = {"category": "Beer", "description": "IPA", "quantity": "20", "unit_cost": "8.50"}
        wine = {"category": "Wine", "description": "Rioja", "quantity": "6", "unit_cost": "11.25"}
        fewer = _order(
            "INV-K",
            lines=[beer, wine],
            credits=[{"reason": "breakage", "amount": "10.00", "category": "Beer"}],
        )
        fixed = store.send("PUT", "orders", f"/orders/{made['id']}", fewer)
        assert fixed.status_code == 200, fixed.text
        eventually(
            lambda: (
                {e["state"] for e in store.entries(kind="bill-change")} == {"ready"}
                and {e["state"] for e in store.entries(kind="vendor-credit-change")} == {"ready"}
            ),
            "the corrections to be ready at the gateway",
        )
        asked: list[list[str]] = []
        answer = store.quickbooks.process

        def recorded(xml: str | bytes) -> str:
            text = xml if isinstance(xml, str) else xml.decode()
            asked.append(re.findall(r"<(\w+)Rq\b", text))
            return answer(xml)

        store.quickbooks.process = recorded  # type: ignore[method-assign, assignment]
        store.update()
        sent = [kind for kinds in asked for kind in kinds]
        assert sent.count("BillMod") == 2  # stale (3200), read again by TxnID, sent once more
        assert sent.count("VendorCreditMod") == 1
        first, again = [i for i, kind in enumerate(sent) if kind == "BillMod"]
        assert "BillQuery" in sent[first:again]
        assert (qb_bill.amount, qb_bill.open_amount) == (Decimal("237.50"), Decimal("237.50"))
        assert qb_credit.amount == Decimal("10.00")
        assert company.vendor_balance("Acme Beverage & Co") == Decimal("227.50")
        assert company.account_named("Purchases:Beer").balance == Decimal("160.00")
        corrected = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{bill['id']}"))
                and b["detail"] == "Corrected in QuickBooks."
                and b
            ),
            "payables to hear the correction is in QuickBooks",
        )
        assert (corrected["amount"], corrected["open_balance"]) == ("237.50", "237.50")
        assert corrected["quickbooks_note"] is None  # the read-back agrees with the new amount

        # 200.00 paid; a correction to 85.00 would cut the bill below it: refused, with why.
        paying = {"bills": [{"bill_id": bill["id"], "amount": "200.00"}]}
        [payment] = store.send("POST", "payables", "/payments", paying).json()
        eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
        store.update()
        eventually(
            lambda: store.get("payables", f"/bills/{bill['id']}")["open_balance"] == "37.50",
            "the payment in QuickBooks",
        )
        cut = _order("INV-K", lines=[{**beer, "quantity": "10"}], credits=[])
        assert store.send("PUT", "orders", f"/orders/{made['id']}", cut).status_code == 200
        refused = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{bill['id']}"))
                and b["correction_problem"]
                and b
            ),
            "the bill to refuse the cut",
        )
        assert "below the 200.00 already paid" in refused["correction_problem"]
        assert refused["payable"] is False
        assert refused["amount"] == "237.50"
        assert len(store.entries(kind="bill-change")) == 1  # nothing was sent
        assert qb_bill.amount == Decimal("237.50")

        # Cancelled once the payment is voided: the bill and credit are voided in QuickBooks.
        store.send("POST", "payables", f"/payments/{payment['id']}/void")
        eventually(lambda: store.entries(kind="payment-void"), "the void at the gateway")
        store.update()
        eventually(
            lambda: store.get("payables", f"/bills/{bill['id']}")["paid"] == "0.00",
            "the payment voided",
        )
        cancel = store.send(
            "POST", "orders", f"/orders/{made['id']}/cancel", {"cancelled_on": "2026-11-28"}
        )
        assert cancel.status_code == 200, cancel.text
        eventually(
            lambda: (
                [e["state"] for e in store.entries(kind="bill-void")] == ["ready"]
                and [e["state"] for e in store.entries(kind="vendor-credit-void")] == ["ready"]
            ),
            "the voids at the gateway",
        )
        store.update()
        assert (qb_bill.amount, qb_credit.amount) == (Decimal("0.00"), Decimal("0.00"))
        assert company.vendor_balance("Acme Beverage & Co") == Decimal("0.00")
        assert company.account_named("Purchases:Beer").balance == Decimal("0.00")
        voided = eventually(
            lambda: (
                (b := store.get("payables", f"/bills/{bill['id']}"))
                and b["detail"] == "Voided in QuickBooks (order cancelled)."
                and b
            ),
            "payables to hear the bill is voided",
        )
        assert voided["open_balance"] == "0.00"
        due = store.get("payables", "/accounts-payable")["due"]
        assert "INV-K" not in {b["invoice_number"] for b in due}
        # A correction to a cancelled order is refused, naming why; nothing more is sent.
        late = store.send("PUT", "orders", f"/orders/{made['id']}", fewer)
        assert late.status_code == 409
        assert late.json()["error"]["field"] == "cancelled_on"
        assert set(store.guid_counts().values()) == {1}
