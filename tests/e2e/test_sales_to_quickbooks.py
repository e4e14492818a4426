"""Sales end to end: POS sales (HTTP and NATS), closes, card settlements -> journal entries
and deposits in the simulated QuickBooks, tied out against the sales fed in."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually
from cobalt_shared.contracts import (
    CardSettlementReported,
    PosSale,
    PosSaleLine,
    PosSales,
    PosTender,
)
from cobalt_shared.contracts.subjects import card_settlement, pos_sales

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("coa", "qbwc-gateway", "reporting")


@pytest.fixture
def stack(databases, nats_server, tmp_path) -> Iterator[Stack]:
    services = [SERVICE_BY_NAME[n] for n in NAMES]
    running = Stack(
        tmp_path / "stack", services=services,
        database_urls={s.name: databases.new(s.name.replace("-", "_")) for s in services},
        nats_url=nats_server.url, fixed_ports=False,
        # Days are closed by hand here; the clock's closes have their own test below.
        extra_env={"REPORTING_CLOSE_CHECK_SECONDS": "3600"},
    )  # fmt: skip
    running.start(timeout=120)
    yield running
    running.stop()


@pytest.fixture
def reporting_only(databases, nats_server, tmp_path) -> Iterator[Stack]:
    services = [SERVICE_BY_NAME["reporting"]]
    running = Stack(
        tmp_path / "stack", services=services,
        database_urls={"reporting": databases.new("reporting")},
        nats_url=nats_server.url, fixed_ports=False,
        extra_env={"REPORTING_CLOSE_CHECK_SECONDS": "0.5"},
    )  # fmt: skip
    running.start(timeout=120)
    yield running
    running.stop()


def _sale(sid: str, at: str, lines: list[tuple[str, str, str]], tenders: list[tuple[str, str]],
          refund_of: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"sale_id": sid, "sold_at": at, "refund_of": refund_of,
            "lines": [{"category": c, "amount": a, "tax": t} for c, a, t in lines],
            "tenders": [{"type": k, "amount": a} for k, a in tenders]}  # fmt: skip


DAY1 = "2026-11-23T{}:00-05:00"
HTTP_SALES = [
    _sale("h1", DAY1.format("10:00"), [("Beer", "10.00", "0.80"), ("Wine", "20.00", "1.60")],
          [("card", "32.40")]),
    _sale("h2", DAY1.format("11:00"), [("Beer", "5.00", "0.40")], [("cash", "5.40")]),
    _sale("h3", DAY1.format("12:00"), [("Wine", "20.00", "1.60")], [("card", "21.60")],
          refund_of="h1"),
]  # fmt: skip
# Every other kind of line: a discount, a second tax agency, a cash tip, a gift card sold and
# one redeemed, and a POS total 2 cents above its lines (rounding).
FULL_SALE = {
    "sale_id": "h4",
    "sold_at": DAY1.format("13:00"),
    "lines": [
        {
            "category": "Beer",
            "amount": "20.00",
            "discount": "2.00",
            "tax": "0.72",
            "taxes": [{"name": "County 4.875%", "amount": "0.88"}],
        }
    ],
    "tenders": [{"type": "gift-card", "amount": "5.00"}, {"type": "cash", "amount": "25.62"}],
    "tips": [{"tender": "cash", "amount": "1.00"}],
    "gift_cards_sold": "10.00",
    "total": "30.62",
}
HTTP_SALES.append(FULL_SALE)
NATS_SALES = [
    _sale("n1", DAY1.format("15:00"), [("Beer", "7.00", "0.56")], [("cash", "7.56")]),
    _sale("n2", DAY1.format("16:00"), [("Wine", "12.00", "0.96")], [("card", "12.96")]),
]  # fmt: skip
DAY2_SALE = _sale("d2", "2026-11-24T10:00:00-05:00", [("Snacks", "3.00", "0.24")],
                  [("cash", "3.24")])  # fmt: skip


async def _publish(nats_url: str, merchant: uuid.UUID, sales: list[dict[str, Any]]) -> None:
    import nats

    batch = PosSales(merchant_id=merchant, sales=[
        PosSale(sale_id=s["sale_id"], sold_at=s["sold_at"], refund_of=s["refund_of"],
                lines=[PosSaleLine(**ln) for ln in s["lines"]],
                tenders=[PosTender(**t) for t in s["tenders"]])
        for s in sales
    ])  # fmt: skip
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        for _ in range(2):  # the POS retries: the same message id is stored once
            await js.publish(pos_sales(merchant), batch.model_dump_json().encode(),
                             headers={"Nats-Msg-Id": str(batch.message_id)})  # fmt: skip
    finally:
        await nc.close()


def test_sales_close_into_quickbooks_and_tie_out(stack, nats_server):
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        report = store.send("POST", "reporting", "/sales", {"sales": [*HTTP_SALES, DAY2_SALE]})
        assert report.json()["accepted"] == 5
        asyncio.run(_publish(nats_server.url, store.merchant, NATS_SALES))
        day1 = eventually(
            lambda: (r := store.get("reporting", "/reports/sales-by-category",
                                    **{"from": "2026-11-23"})) and r[0]["sales"] == 5 and r,
            "the NATS batch to be ingested",
        )  # fmt: skip
        assert day1[0]["sales_by_category"] == [
            {"category": "Beer", "amount": "42.00"}, {"category": "Wine", "amount": "32.00"},
        ]  # fmt: skip
        assert (day1[0]["refunded"], day1[0]["discounts"], day1[0]["net_sales"]) == (
            "20.00",
            "2.00",
            "52.00",
        )
        settled = {
            "batch_id": "B-1123",
            "settled_on": "2026-11-24",
            "gross": "23.76",
            "fees": "0.76",
            "chargebacks": "0.50",
            "net": "22.50",
        }
        # Figures that do not add up are refused, naming the field, and nothing is recorded.
        wrong = store.send("POST", "reporting", "/card-settlements", {**settled, "net": "23.00"})
        assert wrong.status_code == 422
        assert wrong.json()["error"]["field"] == "net"
        assert "does not add up" in wrong.json()["error"]["message"]
        greedy = {**settled, "fees": "23.76", "net": None}
        assert store.send("POST", "reporting", "/card-settlements", greedy).status_code == 422
        assert store.send("POST", "reporting", "/card-settlements", settled).status_code == 201
        other = {**settled, "fees": "0.80", "net": None}
        again = store.send("POST", "reporting", "/card-settlements", other)
        assert again.status_code == 409  # the same batch with other figures
        eventually(
            lambda: (
                {"sales:beer", "sales:wine", "sales:snacks", "sales-tax:county 4.875%"}
                <= {a["key"] for a in store.get("coa", "/coa/accounts")}
            ),
            "coa to add accounts for the sales categories",
        )
        store.refresh_and_map({
            "operating-account": "Operating Account", "card-clearing": "Card Clearing",
            "card-fees": "Merchant Card Fees", "card-chargebacks": "Bank Service Charges",
            "cash-drawer": "Cash Drawer", "sales-tax-payable": "Sales Tax Payable",
            "cash-over-short": "Cash Over/Short", "sales:beer": "Sales:Beer",
            "sales:wine": "Sales:Wine", "sales-refunds": "Sales Refunds",
            "sales-discounts": "Sales Discounts", "tips-payable": "Tips Payable",
            "gift-card-liability": "Gift Cards Outstanding", "rounding": "Rounding",
            "sales-tax:county 4.875%": "County Sales Tax Payable",
        })  # Snacks is not mapped yet  # fmt: skip
        for day, counted in (("2026-11-23", "37.62"), ("2026-11-24", None)):
            body = {"counted_cash": counted} if counted else {}
            closed = store.send("POST", "reporting", f"/days/{day}/close", body)
            assert closed.status_code == 200, closed.text
        eventually(
            lambda: len([e for e in store.entries() if e["kind"] != "account-query"]) == 5,
            "the gateway to have every entry",
        )
        eventually(
            lambda: [e for e in store.entries(kind="journal-entry") if e["state"] == "ready"],
            "the mappings to reach the gateway",
        )
        store.update()
        # The unmapped category holds only its own day's journal entry, and says why.
        held = [e for e in store.entries() if e["state"] != "synced"]
        assert [(e["kind"], e["txn_date"]) for e in held] == [("journal-entry", "2026-11-24")]
        assert "sales:snacks" in held[0]["detail"]

        company = store.quickbooks.company

        def balance(name: str) -> Decimal:
            account = company.account_named(name)
            assert account is not None
            return account.balance

        # Day 1 ties out: sales by category, refunds, discounts, each tax, tips, gift cards,
        # rounding, deposits, over/short (cash 38.58, counted 37.62).
        assert balance("Sales:Beer") == Decimal("-42.00")
        assert balance("Sales:Wine") == Decimal("-32.00")
        assert balance("Sales Refunds") == Decimal("20.00")
        assert balance("Sales Discounts") == Decimal("2.00")
        assert balance("Sales Tax Payable") == Decimal("-3.44")
        assert balance("County Sales Tax Payable") == Decimal("-0.88")
        assert balance("Tips Payable") == Decimal("-1.00")
        assert balance("Gift Cards Outstanding") == Decimal("-5.00")  # 10 sold, 5 redeemed
        assert balance("Rounding") == Decimal("-0.02")
        assert balance("Cash Over/Short") == Decimal("0.96")
        # Day 1 cash counted + day 2 cash + the card batch's net (gross less fees, chargebacks).
        assert balance("Operating Account") == Decimal("37.62") + Decimal("3.24") + Decimal("22.50")
        assert balance("Card Clearing") == Decimal("0.00")  # back to the unsettled card sales
        clearing = store.get(
            "reporting", "/reports/card-clearing", **{"from": "2026-11-23", "to": "2026-11-24"}
        )
        last = clearing[-1]
        assert (last["day"], last["settled"], last["fees"], last["chargebacks"]) == (
            "2026-11-24",
            "23.76",
            "0.76",
            "0.50",
        )
        assert (last["deposited"], last["in_clearing"]) == ("22.50", "0.00")
        assert sum(Decimal(d["card_sales"]) for d in clearing) == Decimal("23.76")
        assert balance("Merchant Card Fees") == Decimal("0.76")
        assert balance("Bank Service Charges") == Decimal("0.50")
        # Map Snacks: the held entry goes by itself at the next update.
        store.refresh_and_map({"sales:snacks": "Sales:Snacks"})
        eventually(
            lambda: [e for e in store.entries(kind="journal-entry") if e["state"] == "ready"],
            "the Snacks mapping to release day 2",
        )
        store.update()
        assert balance("Sales:Snacks") == Decimal("-3.00")
        assert balance("Cash Drawer") == Decimal("0.00")  # every cent counted was deposited
        assert set(store.guid_counts().values()) == {1}
        assert len(store.guid_counts()) == 5  # 2 journal entries, 2 cash deposits, 1 card
        status = eventually(
            lambda: (d := store.get("reporting", "/days/2026-11-23"))
            and {e["state"] for e in d["entries"]} == {"synced"} and d,
            "reporting to learn what QuickBooks made",
        )  # fmt: skip
        assert status["figures"]["over_short"] == "-0.96"
        assert all(e["txn_id"] for e in status["entries"])
        # The tie-out: everything ties but the drawer, which says why.
        tie = store.get("reporting", "/days/2026-11-23/tie-out")
        red = [line for line in tie["lines"] if not line["ties"]]
        assert [line["label"] for line in red] == ["Cash taken = cash deposited"]
        assert red[0]["why"] == (
            "The drawer was counted at 37.62: 0.96 short, posted to Cash Over/Short."
        )
        assert tie["lines"][0]["pos"] == tie["lines"][0]["books"]  # tenders = what was sold
        assert {line["label"] for line in tie["lines"]} >= {
            "In QuickBooks: Sales summary journal entry",
            "In QuickBooks: Cash deposit (the whole day)",
        }
        still_open = store.send("GET", "reporting", "/days/2026-11-30/tie-out")
        assert still_open.status_code == 409
        assert "not closed yet" in still_open.json()["error"]["message"]


def test_the_worker_closes_days_by_the_clock_once(reporting_only):
    from datetime import UTC, datetime, timedelta

    with httpx.Client(timeout=30) as http:
        store = Store(reporting_only, http)
        earlier = datetime.now(UTC) - timedelta(days=2)
        sale = _sale("c1", earlier.isoformat(), [("Beer", "4.00", "0.32")], [("cash", "4.32")])
        schedule = {"timezone": "Europe/Paris", "close_time": "03:00"}
        assert store.send("PUT", "reporting", "/schedule", schedule).is_success
        assert store.send("POST", "reporting", "/sales", {"sales": [sale]}).json()["accepted"] == 1
        day = (earlier.astimezone(ZoneInfo("Europe/Paris")) - timedelta(hours=3)).date()
        closed = eventually(
            lambda: (d := store.get("reporting", f"/days/{day}"))["status"] == "closed" and d,
            "the worker to close the day",
        )
        assert closed["figures"]["tenders"]["cash"] == "4.32"
        assert sorted(e["kind"] for e in closed["entries"]) == ["deposit", "journal-entry"]
        # The days after it (no sales) close too, and nothing closes twice.
        time.sleep(1.5)
        again = store.get("reporting", f"/days/{day}")
        assert again["closed_at"] == closed["closed_at"]
        assert len(again["entries"]) == 2


async def _report_settlements(nats_url: str, reports: list[CardSettlementReported]) -> None:
    import nats

    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        for report in reports:
            await js.publish(
                card_settlement(report.merchant_id),
                report.model_dump_json().encode(),
                headers={"Nats-Msg-Id": str(report.message_id)},
            )
    finally:
        await nc.close()


def test_card_settlements_arrive_over_nats_once_and_a_bad_one_changes_nothing(
    reporting_only, nats_server
):
    with httpx.Client(timeout=30) as http:
        store = Store(reporting_only, http)
        figures = {"settled_on": "2026-11-20", "gross": "50.00", "fees": "1.00"}
        good = CardSettlementReported(merchant_id=store.merchant, batch_id="N-1", **figures)
        again = CardSettlementReported(merchant_id=store.merchant, batch_id="N-1", **figures)
        bad = CardSettlementReported(
            merchant_id=store.merchant, batch_id="N-2", net="40.00", **figures
        )
        asyncio.run(_report_settlements(nats_server.url, [bad, good, again]))

        def clearing() -> list[dict[str, Any]]:
            found = store.get("reporting", "/reports/card-clearing", **{"from": "2026-11-20"})
            return list(found)

        [day] = eventually(clearing, "the settlement over NATS to be recorded")
        assert (day["settled"], day["fees"], day["deposited"]) == ("50.00", "1.00", "49.00")
        time.sleep(2)  # the bad one (its net does not add up) and the repeat change nothing
        assert clearing() == [day]


def test_late_sales_post_on_their_own_day_and_move_past_a_closing_date(stack):
    """A late sale is an adjustment dated its own business day; when QuickBooks' books are
    closed for that day (3171), it moves to the next close's day, once, replacing the refused
    entry, which says where it went."""
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()

        def sale(sid: str, at: str, amount: str) -> dict[str, Any]:
            return _sale(sid, at, [("Beer", amount, "0.00")], [("cash", amount)])

        first = [sale("a1", "2026-11-23T10:00:00-05:00", "10.00")]
        assert store.send("POST", "reporting", "/sales", {"sales": first}).status_code == 200
        eventually(
            lambda: "sales:beer" in {a["key"] for a in store.get("coa", "/coa/accounts")},
            "coa to add the Beer accounts",
        )
        store.refresh_and_map(
            {
                "operating-account": "Operating Account",
                "cash-drawer": "Cash Drawer",
                "sales:beer": "Sales:Beer",
            }
        )
        assert store.send("POST", "reporting", "/days/2026-11-23/close", {}).status_code == 200
        eventually(
            lambda: (
                [e["state"] for e in store.entries() if e["kind"] != "account-query"]
                == ["ready", "ready"]
            ),
            "the day's entries, their accounts mapped",
        )
        store.update()
        company = store.quickbooks.company
        company.closing_date = "2026-11-23"  # the accountant closes the books through the 23rd
        more = [
            sale("a2", "2026-11-23T20:00:00-05:00", "5.00"),  # late: its day has closed
            sale("b1", "2026-11-24T10:00:00-05:00", "7.00"),
        ]
        assert store.send("POST", "reporting", "/sales", {"sales": more}).status_code == 200
        assert store.send("POST", "reporting", "/days/2026-11-24/close", {}).status_code == 200
        day = store.get("reporting", "/days/2026-11-23")
        assert [a["closed_with"] for a in day["adjustments"]] == ["2026-11-24"]
        assert day["total"]["tenders"]["cash"] == "15.00"

        def unsent_of_the_23rd() -> set[str]:
            return {
                e["id"]
                for e in store.entries()
                if e["txn_date"] == "2026-11-23" and e["state"] == "ready"
            }

        # Its journal entry and its cash deposit adjustment, both dated its own day.
        late = eventually(lambda: len(ids := unsent_of_the_23rd()) == 2 and ids, "the adjustment")
        eventually(
            lambda: (
                [e["state"] for e in store.entries() if e["txn_date"] == "2026-11-24"]
                == ["ready", "ready"]
            ),
            "the 24th's own entries",
        )
        store.update()  # QuickBooks refuses 2026-11-23: reporting sends them dated the 24th
        eventually(
            lambda: {e["state"] for e in store.entries() if e["id"] in late} == {"cancelled"},
            "the refused adjustments to be replaced",
        )
        store.update()
        entries = store.entries()
        for refused in (e for e in entries if e["id"] in late):
            assert "Replaced by the entry dated 2026-11-24" in refused["detail"]
            assert "moved from 2026-11-23 to 2026-11-24" in refused["detail"]
        assert {e["state"] for e in entries if e["id"] not in late} == {"synced"}
        on_24th = [e for e in entries if e["txn_date"] == "2026-11-24"]
        assert len(on_24th) == 4  # the 24th's own two, and the two moved
        assert company.account_named("Sales:Beer").balance == Decimal("-22.00")
        assert company.account_named("Cash Drawer").balance == Decimal("0.00")
        assert set(store.guid_counts().values()) == {1}
        assert len(store.guid_counts()) == 6  # 2 days x (journal, deposit) + 2 moved
