"""Sales in (HTTP and NATS), closes by hand and by the clock, postings once, reports."""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select, update

import cobalt_reporting
from cobalt_reporting.adapters.orm import schedules
from cobalt_reporting.adapters.repository import SaleRepository
from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.app import create_api
from cobalt_reporting.application.reporting import (
    CLOSES_PER_TRANSACTION,
    apply_entry_result,
    close_due_days,
)
from cobalt_reporting.config import Settings
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import PostToQuickBooks, QuickBooksEntryResult
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import outbox
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

MIGRATIONS = Path(cobalt_reporting.__file__).parent / "migrations"
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)


def sale(sid: str, at: str, *lines: tuple[str, str, str], tenders: list[tuple[str, str]],
         refund_of: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "sale_id": sid, "sold_at": at, "refund_of": refund_of,
        "lines": [{"category": c, "amount": a, "tax": t} for c, a, t in lines],
        "tenders": [{"type": k, "amount": a} for k, a in tenders],
    }  # fmt: skip


DAY = [
    sale("s1", "2026-11-24T10:00:00-05:00", ("Beer", "10.00", "0.80"), ("Wine", "20.00", "1.60"),
         tenders=[("card", "32.40")]),
    sale("s2", "2026-11-24T11:00:00-05:00", ("Beer", "5.00", "0.40"), tenders=[("cash", "5.40")]),
    sale("s3", "2026-11-24T12:00:00-05:00", ("Wine", "20.00", "1.60"),
         tenders=[("card", "21.60")], refund_of="s1"),
]  # fmt: skip


class Reporting:
    def __init__(self, client: TestClient, url: str) -> None:
        self.client, self.url = client, url
        self.merchant = uuid.uuid4()
        token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=self.merchant)
        self.h = {"Authorization": f"Bearer {token}"}

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(path, json=body, headers=self.h)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params=params, headers=self.h)

    def commands(self) -> list[PostToQuickBooks]:
        async def read() -> list[str]:
            engine = create_engine(self.url)
            try:
                async with engine.connect() as conn:
                    q = (
                        select(outbox.c.payload)
                        .where(outbox.c.subject.like("%post-to-quickbooks"))
                        .order_by(outbox.c.id)
                    )
                    return list((await conn.execute(q)).scalars())
            finally:
                await engine.dispose()

        return [PostToQuickBooks.model_validate_json(p) for p in asyncio.run(read())]

    def result(self, result: QuickBooksEntryResult) -> None:
        async def go() -> None:
            engine = create_engine(self.url)
            try:
                async with ReportingUnitOfWork(engine) as uow:
                    await apply_entry_result(result, uow)
                    await uow.commit()
            finally:
                await engine.dispose()

        asyncio.run(go())

    def tick(self, now: str) -> int:
        async def go() -> int:
            engine = create_engine(self.url)
            try:
                moment = datetime.fromisoformat(now).astimezone(UTC)
                return await close_due_days(lambda: ReportingUnitOfWork(engine), moment)
            finally:
                await engine.dispose()

        return asyncio.run(go())


@pytest.fixture
def reporting(database_url, nats_server) -> Iterator[Reporting]:
    upgrade(MIGRATIONS, database_url)
    settings = Settings(database_url=database_url, nats_url=nats_server.url)
    with TestClient(create_api(settings)) as client:
        yield Reporting(client, database_url)


def test_a_batch_keeps_good_sales_reports_bad_ones_by_id_and_counts_repeats_once(reporting):
    bad = [
        sale("b1", "2026-11-24T10:00:00-05:00", ("Beer", "1.005", "0"), tenders=[("card", "1")]),
        sale("b2", "2026-11-24T10:00:00-05:00", ("Beer", "1.00", "0"), tenders=[("card", "0.50")]),
        sale("b3", "yesterday", ("Beer", "1.00", "0"), tenders=[("card", "1.00")]),
        sale("b4", "2026-11-24T10:00:00-05:00", ("Beer", "1.00", "0"), tenders=[("card", "1.00")],
             refund_of="nope"),
    ]  # fmt: skip
    first = reporting.post("/sales", {"sales": DAY + bad}).json()
    assert first["accepted"] == 3
    assert {r["sale_id"]: r["error"] for r in first["rejected"]} == {
        "b1": "amount 1.005 has more than 2 decimal places",
        "b2": "tenders add up to 0.50 but the sale comes to 1.00 (lines, tax, tips and gift cards)",
        "b3": "time 'yesterday' is not an ISO 8601 time",
        "b4": "refund of unknown sale 'nope'",
    }
    again = reporting.post("/sales", {"sales": DAY}).json()
    assert (again["accepted"], sorted(again["duplicates"])) == (0, ["s1", "s2", "s3"])
    [row] = reporting.get("/reports/sales-by-category", **{"from": "2026-11-24"}).json()
    # Categories keep their sales; the refund goes to its own line (Sales Refunds).
    assert row["sales_by_category"] == [
        {"category": "Beer", "amount": "15.00"},
        {"category": "Wine", "amount": "20.00"},
    ]
    assert (row["refunded"], row["net_sales"]) == ("20.00", "15.00")
    assert row["tenders"] == {"card": "10.80", "cash": "5.40", "gift-card": "0.00", "other": "0.00"}
    assert (row["sales"], row["refunds"], row["tax"]) == (2, 1, "1.20")


def test_a_day_closes_once_before_its_time_only_when_asked(reporting):
    from datetime import timedelta

    from cobalt_reporting.domain.sales import CloseSchedule

    now = datetime.now(UTC) - timedelta(minutes=1)
    today = CloseSchedule().business_day(now)
    at = now.isoformat()
    todays = [{**s, "sold_at": at} for s in DAY]
    assert reporting.post("/sales", {"sales": todays}).json()["accepted"] == 3
    path = f"/days/{today}/close"
    early = reporting.post(path, {})
    assert early.status_code == 422
    assert f"{today} closes at {today} 23:59 E" in early.json()["error"]["message"]
    assert "ask for an early close" in early.json()["error"]["message"]
    assert reporting.commands() == []
    closed = reporting.post(path, {"early": True, "counted_cash": "5.00"})
    assert closed.status_code == 200, closed.text
    status = closed.json()
    assert status["status"] == "closed"
    assert status["figures"]["closed_early"] is True
    assert status["figures"]["over_short"] == "-0.40"
    assert status["figures"]["cash_deposit"] == "5.00"
    again = reporting.post(path, {"early": True})  # closing twice
    assert again.status_code == 200
    changed = reporting.post(path, {"counted_cash": "5.40"})
    assert changed.status_code == 409
    assert f"{today} is closed and cannot be changed" in changed.json()["error"]["message"]
    commands = reporting.commands()
    assert [(c.kind, c.txn_date) for c in commands] == [
        ("journal-entry", today), ("deposit", today),
    ]  # fmt: skip
    journal = commands[0]
    debit = sum(ln.amount for ln in journal.lines if ln.side == "debit")
    credit = sum(ln.amount for ln in journal.lines if ln.side == "credit")
    assert debit == credit
    assert {ln.account for ln in journal.lines} >= {"card-clearing", "cash-drawer",
                                                     "sales:beer", "sales-tax-payable",
                                                     "cash-over-short"}  # fmt: skip
    assert [e["kind"] for e in status["entries"]] == ["deposit", "journal-entry"]
    assert {e["state"] for e in status["entries"]} == {"pending"}


def test_days_close_by_the_clock_in_the_merchants_zone_and_late_sales_become_adjustments(
    reporting,
):
    schedule = {"timezone": "America/Los_Angeles", "close_time": "02:00"}
    assert reporting.client.put("/schedule", json=schedule, headers=reporting.h).is_success
    # 01:30 on the 25th in Los Angeles still belongs to the 24th.
    night = sale("n1", "2026-11-25T01:30:00-08:00", ("Beer", "3.00", "0"), tenders=[("cash", "3")])
    reporting.post("/sales", {"sales": [*DAY, night]})
    assert reporting.tick("2026-11-25T01:59:00-08:00") == 0  # not yet
    assert reporting.tick("2026-11-25T02:00:01-08:00") == 1
    assert reporting.tick("2026-11-25T02:05:00-08:00") == 0  # never twice
    day = reporting.get("/days/2026-11-24").json()
    assert day["figures"]["tenders"]["cash"] == "8.40"
    # A sale of the closed day arrives late: posted with the next close, labelled.
    late = sale("late", "2026-11-24T20:00:00-08:00", ("Wine", "7.00", "0"), tenders=[("card", "7")])
    assert reporting.post("/sales", {"sales": [late]}).json()["accepted"] == 1
    assert reporting.tick("2026-11-26T02:00:01-08:00") == 1
    next_day = reporting.get("/days/2026-11-25").json()
    listed = reporting.get("/days", **{"from": "2026-11-24", "to": "2026-11-26"}).json()
    assert [d["status"] for d in listed] == ["closed", "closed", "open"]
    assert next_day["figures"]["late"][0]["day"] == "2026-11-24"
    # Its own journal entry, dated its own day and labelled; the 25th had no sales of its own.
    journals = [c for c in reporting.commands() if c.kind == "journal-entry"]
    assert [c.txn_date.isoformat() for c in journals] == ["2026-11-24", "2026-11-24"]
    late_entry = journals[-1]
    assert "late sales of 2026-11-24" in (late_entry.memo or "")
    assert "posted with the close of 2026-11-25" in (late_entry.memo or "")
    assert all(
        ln.memo.startswith("Adjustment: late sales of 2026-11-24") for ln in late_entry.lines
    )
    # The day's page: its original figures, its adjustment, and the total with it.
    day = reporting.get("/days/2026-11-24").json()
    assert day["figures"]["tenders"]["card"] == "10.80"
    [adjustment] = day["adjustments"]
    assert adjustment["closed_with"] == "2026-11-25"
    assert adjustment["figures"]["tenders"]["card"] == "7.00"
    assert day["total"]["tenders"]["card"] == "17.80"
    assert "Adjustment: late sales journal entry" in [e["description"] for e in day["entries"]]
    # QuickBooks refuses the day (its books are closed): the adjustment moves, once, to the
    # day of the close that carried it, replacing the refused entry and naming its own day.
    refused = QuickBooksEntryResult(
        merchant_id=reporting.merchant,
        entry_id=late_entry.entry_id,
        state="failed",
        error_code="3171",
        explanation="The entry is dated on or before the closing date.",
    )
    reporting.result(refused)
    reporting.result(refused)  # told twice: moved once
    moved = reporting.commands()[len(reporting.commands()) - 1]
    assert (moved.kind, moved.txn_date.isoformat(), moved.replaces) == (
        "journal-entry",
        "2026-11-25",
        late_entry.entry_id,
    )
    assert "moved from 2026-11-24 to 2026-11-25: QuickBooks' books are closed" in (moved.memo or "")
    assert len([c for c in reporting.commands() if c.replaces]) == 1
    entries = reporting.get("/days/2026-11-24").json()["entries"]
    assert [e["state"] for e in entries if e["entry_id"] == str(late_entry.entry_id)] == ["failed"]
    assert any("moved from 2026-11-24" in e["description"] for e in entries)


def test_card_settlements_become_one_deposit_each_with_the_fees_kept_back(reporting):
    body = {"batch_id": "B-1", "settled_on": "2026-11-25", "gross": "1234.56", "fees": "30.00"}
    assert reporting.post("/card-settlements", body).status_code == 201
    assert reporting.post("/card-settlements", body).status_code == 200
    changed = reporting.post("/card-settlements", {**body, "gross": "1000.00"})
    assert changed.status_code == 409
    assert reporting.post("/card-settlements", {**body, "gross": "0.005"}).status_code == 422
    [deposit] = reporting.commands()
    assert (deposit.kind, deposit.bank_account) == ("deposit", "operating-account")
    assert [(ln.account, str(ln.amount), ln.side) for ln in deposit.lines] == [
        ("card-clearing", "1234.56", None),  # Card Clearing is relieved of the whole gross
        ("card-fees", "30.00", "credit"),  # the fee is kept back from the deposit (was dropped)
    ]


def test_reports_come_as_csv_and_other_merchants_see_nothing(reporting):
    reporting.post("/sales", {"sales": DAY})
    response = reporting.get("/reports/sales-by-category", **{"from": "2026-11-24",
                             "to": "2026-11-25", "format": "csv"})  # fmt: skip
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["day", "line", "amount"]
    assert ["2026-11-24", "Beer", "15.00"] in rows
    assert ["2026-11-24", "Refunds", "20.00"] in rows
    assert ["2026-11-24", "Net sales", "15.00"] in rows
    assert ["2026-11-24", "Tender: card", "10.80"] in rows
    other = TOKENS.mint(subject="o", role=Role.MERCHANT, merchant_id=uuid.uuid4())
    theirs = reporting.client.get(
        "/reports/sales-by-category", params={"from": "2026-11-24"},
        headers={"Authorization": f"Bearer {other}"},
    )  # fmt: skip
    assert theirs.json() == []
    bad = reporting.get("/reports/sales-by-category", **{"from": "2026-11-24", "to": "2026-11-01"})
    assert bad.status_code == 422
    assert "end date is before the start date" in bad.json()["error"]["message"]
    zone = reporting.client.put("/schedule", json={"timezone": "Mars/Base", "close_time": "02:00"},
                                headers=reporting.h)  # fmt: skip
    assert zone.status_code == 422
    assert "unknown time zone" in zone.json()["error"]["message"]


def test_new_sales_categories_are_announced_once_for_the_chart_of_accounts(reporting):
    from cobalt_shared.contracts import SalesCategoriesSeen

    async def seen() -> list[SalesCategoriesSeen]:
        engine = create_engine(reporting.url)
        try:
            async with engine.connect() as conn:
                rows = (await conn.execute(select(outbox.c.subject, outbox.c.payload))).all()
        finally:
            await engine.dispose()
        return [SalesCategoriesSeen.model_validate_json(p) for s, p in rows if "categories" in s]

    reporting.post("/sales", {"sales": DAY})
    more = sale("s9", "2026-11-24T13:00:00-05:00", ("BEER", "1.00", "0"), ("Snacks", "1.00", "0"),
                tenders=[("cash", "2.00")])  # fmt: skip
    reporting.post("/sales", {"sales": [more]})
    events = asyncio.run(seen())
    assert [sorted(e.categories) for e in events] == [["Beer", "Wine"], ["Snacks"]]


def test_a_long_gap_is_caught_up_in_order_without_skipping_a_day(reporting):
    first = sale("g1", "2026-08-01T12:00:00-04:00", ("Beer", "1.00", "0"), tenders=[("cash", "1")])
    later = sale("g2", "2026-10-20T12:00:00-04:00", ("Beer", "2.00", "0"), tenders=[("cash", "2")])
    reporting.post("/sales", {"sales": [first, later]})
    passes = 0
    while reporting.tick("2026-11-25T12:00:00-05:00"):
        passes += 1
    assert passes == 4  # 116 days, at most 31 a pass
    days = reporting.get("/days", **{"from": "2026-08-01", "to": "2026-08-03"}).json()
    assert [d["status"] for d in days] == ["closed"] * 3
    assert reporting.get("/days/2026-08-01").json()["figures"]["tenders"]["cash"] == "1.00"
    assert reporting.get("/days/2026-10-20").json()["figures"]["tenders"]["cash"] == "2.00"
    assert reporting.get("/days/2026-11-24").json()["status"] == "closed"


def test_a_settlement_of_days_not_closed_waits_for_them_and_says_so(reporting):
    reporting.post("/sales", {"sales": DAY})  # 2026-11-24: card 32.40 - 21.60 refunded
    body = {
        "batch_id": "W-1",
        "settled_on": "2026-11-25",
        "gross": "10.80",
        "fees": "0.30",
        "days": ["2026-11-24"],
    }
    waiting = reporting.post("/card-settlements", body)
    assert waiting.status_code == 201, waiting.text
    assert waiting.json()["waiting_for"] == ["2026-11-24"]
    assert waiting.json()["status"].startswith("waiting for 2026-11-24 to close")
    assert reporting.commands() == []  # nothing in QuickBooks while its day is open
    assert reporting.post("/card-settlements", body).json()["waiting_for"] == ["2026-11-24"]
    closed = reporting.post("/days/2026-11-24/close", {"early": True})
    assert closed.status_code == 200, closed.text
    deposits = [c for c in reporting.commands() if c.memo and "W-1" in c.memo]
    assert len(deposits) == 1  # the close released it, once
    [deposit] = deposits
    assert [(ln.account, str(ln.amount), ln.side) for ln in deposit.lines] == [
        ("card-clearing", "10.80", None),
        ("card-fees", "0.30", "credit"),
    ]
    again = reporting.post("/card-settlements", body)
    assert (again.status_code, again.json()["status"]) == (200, "already recorded")
    assert len([c for c in reporting.commands() if c.memo and "W-1" in c.memo]) == 1
    later = {**body, "batch_id": "W-2", "days": ["2026-11-26"]}  # after it was settled
    refused = reporting.post("/card-settlements", later)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "days"


def test_the_full_summary_comes_through_the_api_and_each_line_reaches_its_account(reporting):
    from datetime import timedelta

    from cobalt_reporting.domain.sales import CloseSchedule
    from cobalt_shared.contracts import SalesCategoriesSeen

    now = datetime.now(UTC) - timedelta(minutes=1)
    today = CloseSchedule().business_day(now)
    full = {
        "sale_id": "f1",
        "sold_at": now.isoformat(),
        "lines": [
            {
                "category": "Beer",
                "amount": "10.00",
                "discount": "1.00",
                "taxes": [{"name": "State 4%", "amount": "0.36"}],
            }
        ],
        "tenders": [{"type": "card", "amount": "11.36"}, {"type": "cash", "amount": "24.99"}],
        "tips": [{"tender": "card", "amount": "2.00"}],
        "gift_cards_sold": "25.00",
        "total": "36.35",
    }
    no_tender = {**full, "sale_id": "f2", "tips": [{"tender": "other", "amount": "2.00"}]}
    answer = reporting.post("/sales", {"sales": [full, no_tender]}).json()
    assert answer["accepted"] == 1
    assert answer["rejected"] == [
        {"sale_id": "f2", "error": "tip 1: tender 'other' pays it, but the sale has no such tender"}
    ]
    closed = reporting.post(f"/days/{today}/close", {"early": True})
    assert closed.status_code == 200, closed.text
    fig = closed.json()["figures"]
    assert (fig["discounts"], fig["net_sales"], fig["tips"], fig["rounding"]) == (
        "1.00",
        "9.00",
        "2.00",
        "-0.01",
    )
    assert fig["taxes"] == [{"name": "State 4%", "amount": "0.36"}]
    assert fig["gift_cards_sold"] == "25.00"
    journal = reporting.commands()[0]
    posted = {(ln.account, ln.side): str(ln.amount) for ln in journal.lines}
    assert posted == {
        ("card-clearing", "debit"): "11.36",
        ("sales:beer", "credit"): "10.00",
        ("sales-discounts", "debit"): "1.00",
        ("sales-tax:state 4%", "credit"): "0.36",
        ("tips-payable", "credit"): "2.00",
        ("gift-card-liability", "credit"): "25.00",
        ("rounding", "debit"): "0.01",
        ("cash-drawer", "debit"): "24.99",
    }

    async def seen() -> list[str]:
        engine = create_engine(reporting.url)
        try:
            async with engine.connect() as conn:
                q = select(outbox.c.payload).where(outbox.c.subject.like("%categories-seen%"))
                return list((await conn.execute(q)).scalars())
        finally:
            await engine.dispose()

    [announced] = [SalesCategoriesSeen.model_validate_json(p) for p in asyncio.run(seen())]
    assert (announced.categories, announced.tax_names) == (["Beer"], ["State 4%"])


def test_days_close_many_merchants_to_a_transaction_and_one_failing_stops_no_other(reporting):
    merchants = [uuid.uuid4() for _ in range(5)]
    failing, lost = merchants[1], merchants[3]
    for m in merchants:
        token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=m)
        body = {"sales": DAY}
        r = reporting.client.post("/sales", json=body, headers={"Authorization": f"Bearer {token}"})
        assert r.json()["accepted"] == 3

    async def unknown_zone() -> None:  # a zone this machine no longer knows, stored earlier
        engine = create_engine(reporting.url)
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    update(schedules)
                    .where(schedules.c.merchant_id == lost)
                    .values(timezone="Mars/Olympus_Mons")
                )
        finally:
            await engine.dispose()

    asyncio.run(unknown_zone())
    claims: list[uuid.UUID] = []

    class FailingSales(SaleRepository):
        async def take_totals(self, merchant_id, days, closed_in):
            claims.append(merchant_id)
            if merchant_id == failing:
                raise RuntimeError("the disk is full")
            return await super().take_totals(merchant_id, days, closed_in)

    class Uow(ReportingUnitOfWork):
        @property
        def sales(self) -> SaleRepository:
            return FailingSales(self.connection)

    transactions: list[int] = []

    async def tick(new_uow) -> int:
        engine = create_engine(reporting.url)
        transactions.clear()

        def opened():
            transactions.append(1)
            return new_uow(engine)

        try:
            moment = datetime.fromisoformat("2026-11-25T12:00:00-05:00").astimezone(UTC)
            return await close_due_days(opened, moment)
        finally:
            await engine.dispose()

    # The three good merchants close; the failing one rolls back their shared transaction, so
    # they are closed again one by one; the one whose zone is unknown is left out.
    assert asyncio.run(tick(Uow)) == 3
    good = [m for m in merchants if m not in (failing, lost)]
    # One transaction for all: claims up to the failing merchant; then each alone, once.
    first = claims.index(failing) + 1
    assert set(claims[:first]) <= {*good, failing}
    assert sorted(claims[first:]) == sorted([*good, failing])
    assert asyncio.run(tick(ReportingUnitOfWork)) == 1  # the failing merchant, fixed
    assert len(transactions) == 2  # what is due, read once for all; then the close
    assert asyncio.run(tick(ReportingUnitOfWork)) == 0  # never twice
    assert len(transactions) == 1  # nothing due: one read, whatever the number of merchants
    journals = [c for c in reporting.commands() if c.kind == "journal-entry"]
    assert sorted(c.merchant_id for c in journals) == sorted([*good, failing])


def test_scheduled_closes_write_together_and_release_only_waiting_settlements(reporting):
    """Closes by the clock, many merchants to a transaction: their days are claimed with one
    statement, and their figures, postings (journal entries and cash deposits) and commands
    written with one each; only a merchant with a settlement waiting looks its batches up, and
    that settlement is still released, once."""
    merchants = [uuid.uuid4() for _ in range(4)]
    waiting = merchants[2]
    for m in merchants:
        token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=m)
        headers = {"Authorization": f"Bearer {token}"}
        r = reporting.client.post("/sales", json={"sales": DAY}, headers=headers)
        assert r.json()["accepted"] == 3
        if m == waiting:
            body = {
                "batch_id": "W-9",
                "settled_on": "2026-11-25",
                "gross": "10.80",
                "fees": "0.30",
                "days": ["2026-11-24"],
            }
            r = reporting.client.post("/card-settlements", json=body, headers=headers)
            assert r.json()["waiting_for"] == ["2026-11-24"]
    statements: list[str] = []

    async def tick() -> int:
        engine = create_engine(reporting.url)

        def seen(conn, cursor, statement, parameters, context, executemany):
            statements.append(" ".join(statement.split()))

        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        try:
            moment = datetime.fromisoformat("2026-11-25T12:00:00-05:00").astimezone(UTC)
            return await close_due_days(lambda: ReportingUnitOfWork(engine), moment)
        finally:
            await engine.dispose()

    assert asyncio.run(tick()) == 4

    def count(start: str) -> int:
        return len([s for s in statements if s.startswith(start)])

    assert count("INSERT INTO closes ") == 1
    assert count("UPDATE closes ") == 1
    # The four closes' postings together, then the released settlement's.
    assert count("INSERT INTO postings ") == 2
    assert count("INSERT INTO outbox ") == 2
    batch_lookups = [s for s in statements if "FROM card_batches" in s]
    assert len(batch_lookups) == 2  # which merchants wait (once), then the one that does
    deposits = [c for c in reporting.commands() if c.memo and "W-9" in c.memo]
    assert [c.merchant_id for c in deposits] == [waiting]
    kinds = sorted((c.merchant_id == waiting, c.kind) for c in reporting.commands())
    others = [(False, "deposit")] * 3 + [(False, "journal-entry")] * 3
    assert kinds == [*others, (True, "deposit"), (True, "deposit"), (True, "journal-entry")]


def test_two_workers_closing_the_same_merchants_at_once_close_each_day_once(reporting):
    merchants = [uuid.uuid4() for _ in range(CLOSES_PER_TRANSACTION + 5)]
    for m in merchants:
        token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=m)
        headers = {"Authorization": f"Bearer {token}"}
        assert reporting.client.post("/sales", json={"sales": DAY}, headers=headers).is_success

    async def both() -> list[int]:
        engines = [create_engine(reporting.url) for _ in range(2)]
        moment = datetime.fromisoformat("2026-11-25T12:00:00-05:00").astimezone(UTC)
        try:
            return list(
                await asyncio.gather(
                    *(close_due_days(partial(ReportingUnitOfWork, e), moment) for e in engines)
                )
            )
        finally:
            for engine in engines:
                await engine.dispose()

    closed = asyncio.run(both())
    assert sum(closed) == len(merchants)
    journals = [c.merchant_id for c in reporting.commands() if c.kind == "journal-entry"]
    assert sorted(journals) == sorted(merchants)
