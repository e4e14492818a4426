"""A bookkeeper's month, end to end: every service as its own API and worker process on real
NATS, the simulated Web Connector and company. Thirty business days of sales with every kind
of line, card settlements with fees and a chargeback, late sales, refunds, orders corrected and
cancelled after their bills were posted, a payment voided and a bill paid in QuickBooks itself.
At the end the simulated company's own balances are checked against what was fed in."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("orders", "payables", "coa", "qbwc-gateway", "reporting")
D = Decimal
CENT = D("0.01")
ZERO = D("0.00")
COUNTY = "County 0.5%"
MAPPING = {
    "operating-account": "Operating Account",
    "card-clearing": "Card Clearing",
    "card-fees": "Merchant Card Fees",
    "card-chargebacks": "Bank Service Charges",
    "cash-drawer": "Cash Drawer",
    "sales-tax-payable": "Sales Tax Payable",
    "cash-over-short": "Cash Over/Short",
    "sales-refunds": "Sales Refunds",
    "sales-discounts": "Sales Discounts",
    "tips-payable": "Tips Payable",
    "gift-card-liability": "Gift Cards Outstanding",
    "rounding": "Rounding",
    f"sales-tax:{COUNTY.lower()}": "County Sales Tax Payable",
    "sales:beer": "Sales:Beer",
    "sales:wine": "Sales:Wine",
    "sales:spirits": "Sales:Spirits",
    "purchases:beer": "Purchases:Beer",
    "purchases:wine": "Purchases:Wine",
    "purchases:spirits": "Purchases:Spirits",
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
        extra_env={"REPORTING_CLOSE_CHECK_SECONDS": "3600"},  # the bookkeeper closes each day
    )
    running.start(timeout=120)
    yield running
    running.stop()


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT))


@dataclass
class Books:
    """What the month fed in, summed independently of the product: what QuickBooks must show."""

    sales: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: D(0)))
    tax: Decimal = ZERO
    county: Decimal = ZERO
    tips: Decimal = ZERO
    gift_cards: Decimal = ZERO  # sold less redeemed
    refunds: Decimal = ZERO
    discounts: Decimal = ZERO
    rounding: Decimal = ZERO
    card_by_day: dict[date, Decimal] = field(default_factory=lambda: defaultdict(lambda: D(0)))
    cash_by_day: dict[date, Decimal] = field(default_factory=lambda: defaultdict(lambda: D(0)))
    fees: Decimal = ZERO
    chargebacks: Decimal = ZERO
    short: Decimal = ZERO

    def line(self, category: str, amount: Decimal, discount: Decimal = ZERO) -> dict[str, Any]:
        tax = (amount - discount) * D("0.08")
        county = (amount - discount) * D("0.005")
        return {
            "category": category,
            "amount": _money(amount),
            "discount": _money(discount),
            "tax": _money(tax),
            "taxes": [{"name": COUNTY, "amount": _money(county)}],
        }

    def sale(
        self,
        sid: str,
        day: date,
        lines: list[dict[str, Any]],
        tenders: dict[str, str],
        tips: str | None = None,
        gift_cards_sold: str | None = None,
        refund_of: str | None = None,
        rounding: str = "0.00",
    ) -> dict[str, Any]:
        """A sale the POS reports, counted into the books (a refund with the other sign)."""
        sign = -1 if refund_of else 1
        for ln in lines:
            if refund_of:  # what it gives back before tax (the discount stays given)
                self.refunds += D(ln["amount"]) - D(ln["discount"])
            else:
                self.sales[ln["category"]] += D(ln["amount"])
                self.discounts += D(ln["discount"])
            self.tax += sign * D(ln["tax"])
            self.county += sign * D(ln["taxes"][0]["amount"])
        self.tips += sign * D(tips or 0)
        self.gift_cards += sign * (D(gift_cards_sold or 0) - D(tenders.get("gift-card", "0")))
        self.rounding += sign * D(rounding)
        self.card_by_day[day] += sign * D(tenders.get("card", "0"))
        self.cash_by_day[day] += sign * D(tenders.get("cash", "0"))
        computed = sum(
            (D(ln["amount"]) - D(ln["discount"]) + D(ln["tax"]) + D(ln["taxes"][0]["amount"]))
            for ln in lines
        )
        computed += D(tips or 0) + D(gift_cards_sold or 0)
        total = computed + D(rounding)
        assert sum(D(v) for v in tenders.values()) == total, (sid, total, tenders)
        body: dict[str, Any] = {
            "sale_id": sid,
            "sold_at": f"{day.isoformat()}T{12 + len(sid) % 6:02d}:15:00-05:00",
            "lines": lines,
            "tenders": [{"type": k, "amount": v} for k, v in tenders.items()],
            "refund_of": refund_of,
            "total": _money(total),
        }
        if tips:
            body["tips"] = [{"tender": "card", "amount": tips}]
        if gift_cards_sold:
            body["gift_cards_sold"] = gift_cards_sold
        return body


def _days() -> list[date]:
    """Thirty business days (the store is closed on Sundays)."""
    days: list[date] = []
    day = date(2026, 10, 26)
    while len(days) < 30:
        if day.weekday() != 6:
            days.append(day)
        day += timedelta(days=1)
    return days


def _day_of_sales(books: Books, i: int, day: date) -> list[dict[str, Any]]:
    grow = D(1) + D(i % 5) / 10
    beer = books.line("Beer", (D("24.00") * grow).quantize(CENT))
    wine = books.line("Wine", D("18.50"), discount=D("1.50"))
    spirits = books.line("Spirits", (D("40.00") * grow).quantize(CENT))
    small = books.line("Beer", D("12.00"))

    def paid(*lines: dict[str, Any], extra: Decimal = D(0)) -> Decimal:
        return extra + sum(
            (D(x["amount"]) - D(x["discount"]) + D(x["tax"]) + D(x["taxes"][0]["amount"]))
            for x in lines
        )

    n = f"{day.isoformat()}"
    rounding = "0.02" if i % 4 == 1 else "0.00"
    sales = [
        books.sale(f"{n}-1", day, [beer], {"card": _money(paid(beer, extra=D(3)))}, tips="3.00"),
        books.sale(
            f"{n}-2",
            day,
            [wine],
            {"cash": _money(paid(wine, extra=D(rounding)))},
            rounding=rounding,
        ),
        books.sale(
            f"{n}-3",
            day,
            [spirits],
            {"card": _money(paid(spirits, extra=D(25)))},
            gift_cards_sold="25.00",
        ),
        books.sale(
            f"{n}-4", day, [small], {"gift-card": "10.00", "cash": _money(paid(small) - D(10))}
        ),
    ]
    if i % 5 == 4:  # a customer brings back yesterday's wine: refunded in cash
        yesterday = _days()[i - 1].isoformat()
        again = books.line("Wine", D("18.50"), discount=D("1.50"))
        sales.append(
            books.sale(
                f"{n}-r", day, [again], {"cash": _money(paid(again))}, refund_of=f"{yesterday}-2"
            )
        )
    return sales


def _order(
    invoice: str,
    vendor: str,
    category: str,
    cost: str,
    received_on: date,
    credit: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendor_name": vendor,
        "invoice_number": invoice,
        "order_date": (received_on - timedelta(days=2)).isoformat(),
        "due_date": (received_on + timedelta(days=30)).isoformat(),
        "received_on": received_on.isoformat(),
        "lines": [
            {"category": category, "description": "case", "quantity": "10", "unit_cost": cost}
        ],
    }
    if credit:
        body["credits"] = [{"reason": "breakage", "amount": credit, "category": category}]
    return body


def _settle(store: Store, books: Books, i: int, day: date, settled_on: date) -> None:
    gross = books.card_by_day[day]
    fees = (gross * D("0.025")).quantize(CENT)
    chargebacks = D("5.00") if i == 12 else D(0)  # a customer disputed a charge
    books.fees += fees
    books.chargebacks += chargebacks
    body = {
        "batch_id": f"B-{day.isoformat()}",
        "settled_on": settled_on.isoformat(),
        "days": [day.isoformat()],
        "gross": _money(gross),
        "fees": _money(fees),
        "chargebacks": _money(chargebacks),
        "net": _money(gross - fees - chargebacks),
    }
    sent = store.send("POST", "reporting", "/card-settlements", body)
    assert sent.status_code == 201, sent.text


def _update_when_ready(store: Store) -> None:
    """An update once what was just sent reached the gateway (and nothing is mid-mapping)."""
    eventually(
        lambda: not [e for e in store.entries() if e["state"] == "waiting for mapping"],
        "every entry mapped",
    )
    store.update()


def _synced(store: Store, service: str, path: str, record_id: str) -> dict[str, Any]:
    return eventually(
        lambda: (r := store.get(service, f"{path}/{record_id}")) and r["state"] == "synced" and r,
        f"{path}/{record_id} in QuickBooks",
    )


def test_a_bookkeepers_month_ties_out_in_quickbooks(stack):
    books = Books()
    days = _days()
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up(start_date="2026-10-01")
        company = store.quickbooks.company
        orders: dict[str, dict[str, Any]] = {}

        def receive(invoice: str, *args: Any, **kw: Any) -> None:
            made = store.send("POST", "orders", "/orders", _order(invoice, *args, **kw))
            assert made.status_code == 201, made.text
            orders[invoice] = made.json()

        def bill_of(invoice: str) -> dict[str, Any]:
            found = [b for b in store.get("payables", "/bills") if b["invoice_number"] == invoice]
            assert len(found) == 1, found
            return found[0]

        for i, day in enumerate(days):
            sales = _day_of_sales(books, i, day)
            accepted = store.send("POST", "reporting", "/sales", {"sales": sales})
            assert accepted.status_code == 200, accepted.text
            assert accepted.json()["accepted"] == len(sales), accepted.text
            if i == 0:
                receive("M-1", "Acme Beverage", "Beer", "50.00", day)
                receive("M-2", "Zed Wines", "Wine", "30.00", day, credit="20.00")
                receive("M-3", "Spirit House", "Spirits", "80.00", day)
                receive("M-4", "Acme Beverage", "Beer", "15.00", day)
                store.refresh_and_map(MAPPING)
            expected_cash = books.cash_by_day[day]
            counted = expected_cash - D("1.00") if i % 9 == 4 else expected_cash
            books.short += expected_cash - counted
            closed = store.send(
                "POST", "reporting", f"/days/{day}/close", {"counted_cash": _money(counted)}
            )
            assert closed.status_code == 200, closed.text
            if i % 10 == 7:  # a sale the POS sends after its day closed: posted on its own day
                late = books.line("Beer", D("6.00"))
                sale = books.sale(
                    f"{day}-late",
                    day,
                    [late],
                    {"cash": _money(D("6.00") + D(late["tax"]) + D(late["taxes"][0]["amount"]))},
                )
                assert store.send("POST", "reporting", "/sales", {"sales": [sale]}).is_success
            if i >= 1:  # yesterday's card batch settles today
                _settle(store, books, i - 1, days[i - 1], day)
            if i == 3:  # M-3 is corrected after its bill went to QuickBooks: 9.5 cases, not 10
                corrected = _order("M-3", "Spirit House", "Spirits", "80.00", days[0])
                corrected["lines"][0]["quantity"] = "9.5"
                fixed = store.send("PUT", "orders", f"/orders/{orders['M-3']['id']}", corrected)
                assert fixed.status_code == 200, fixed.text
                # M-4 was a mistake: cancelled, its bill is voided in QuickBooks.
                cancelled = store.send(
                    "POST",
                    "orders",
                    f"/orders/{orders['M-4']['id']}/cancel",
                    {"cancelled_on": day.isoformat()},
                )
                assert cancelled.status_code == 200, cancelled.text
            if i == 5:  # M-1 paid, and M-2 with its credit
                selection = {
                    "bills": [{"bill_id": bill_of("M-1")["id"]}, {"bill_id": bill_of("M-2")["id"]}],
                    "credits": [{"credit_id": c["id"]} for c in store.get("payables", "/credits")],
                    "payment_date": day.isoformat(),
                }
                paid = store.send("POST", "payables", "/payments", selection)
                assert paid.status_code in (200, 201), paid.text
                orders["payments"] = {"list": paid.json()}
            if i == 8:  # the check to Acme was written in error: voided from Accounts Payable
                [acme] = [
                    p for p in orders["payments"]["list"] if p["vendor_name"] == "Acme Beverage"
                ]
                _synced(store, "payables", "/payments", acme["id"])
                voided = store.send("POST", "payables", f"/payments/{acme['id']}/void")
                assert voided.status_code == 200, voided.text
            if i == 12:  # the owner pays part of M-3 in QuickBooks itself
                m3 = bill_of("M-3")
                assert m3["state"] == "synced", m3
                store.quickbooks.pay_bill_directly(m3["txn_id"], D("300.00"), day)
            if i == 20:  # a new order: that update reads back what changed in QuickBooks too
                receive("M-5", "Acme Beverage", "Beer", "12.00", day)
            _update_when_ready(store)

        # The month is over: everything reached QuickBooks (nothing failed, nothing waits):
        # each day's journal entry and cash deposit, each late day's pair, each settlement.
        late_days = sum(1 for i in range(len(days)) if i % 10 == 7)
        expected = {
            "journal-entry": len(days) + late_days,
            "deposit": len(days) + late_days + len(days) - 1,
        }

        def settled() -> bool:
            store.update()
            entries = store.entries(limit=500)
            kinds = Counter(e["kind"] for e in entries)
            arrived = all(kinds[kind] == n for kind, n in expected.items())
            return arrived and {e["state"] for e in entries} <= {"synced"}

        eventually(settled, "every entry in QuickBooks")

        def balance(name: str) -> Decimal:
            account = company.account_named(name)
            assert account is not None, name
            return account.balance

        unsettled = books.card_by_day[days[-1]]  # the last day's batch has not settled yet
        assert balance("Card Clearing") == unsettled
        assert balance("Cash Drawer") == 0  # every dollar taken in was deposited or over/short
        assert balance("Sales Tax Payable") == -books.tax
        assert balance("County Sales Tax Payable") == -books.county
        assert balance("Tips Payable") == -books.tips
        assert balance("Gift Cards Outstanding") == -books.gift_cards
        assert balance("Sales Refunds") == books.refunds
        assert balance("Sales Discounts") == books.discounts
        assert balance("Rounding") == -books.rounding
        assert balance("Merchant Card Fees") == books.fees
        assert balance("Bank Service Charges") == books.chargebacks
        assert balance("Cash Over/Short") == books.short
        for category, amount in books.sales.items():
            assert balance(f"Sales:{category}") == -amount, category
        # Accounts Payable in QuickBooks (its own aging, per vendor) = Accounts Payable here.
        ours: dict[str, Decimal] = defaultdict(lambda: D(0))
        for bill in store.get("payables", "/bills"):
            ours[bill["vendor_name"]] += D(bill["open_balance"])
        for credit in store.get("payables", "/credits"):
            ours[credit["vendor_name"]] -= D(credit["available"])
        for vendor, open_here in ours.items():
            assert company.vendor_balance(vendor) == open_here, vendor
        assert ours["Acme Beverage"] == D("620.00")  # M-1 open again, M-4 voided, M-5
        assert ours["Zed Wines"] == D("0.00")
        assert ours["Spirit House"] == D("460.00")  # corrected to 760.00, 300.00 paid there
        assert balance("Accounts Payable") == sum(ours.values())
        counts = store.guid_counts()
        assert set(counts.values()) == {1}
        # The tie-out of a day with a refund and a short drawer: all ties but the drawer.
        tie = store.get("reporting", f"/days/{days[4]}/tie-out")
        red = [line["label"] for line in tie["lines"] if not line["ties"]]
        assert red == ["Cash taken = cash deposited"]
