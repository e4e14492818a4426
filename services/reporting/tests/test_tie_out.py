"""A day's tie-out: every line ties on a clean day; a short drawer, an entry not in QuickBooks
and over-settled card sales each show red with the reason."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from cobalt_reporting.domain.close import EndOfDayClose, Posting
from cobalt_reporting.domain.sales import TENDER_TYPES, DayFigures
from cobalt_reporting.domain.tieout import tie_out

D = Decimal
FIGURES = DayFigures(
    sales_by_category={"beer": D("100.00")},
    category_names={"beer": "Beer"},
    taxes={"": D("8.00")},
    tax_names={"": ""},
    tips=D("2.00"),
    tenders={**dict.fromkeys(TENDER_TYPES, D("0.00")), "card": D("70.00"), "cash": D("40.00")},
    sales=3,
)
CLEAN = EndOfDayClose(
    merchant_id=uuid.uuid4(),
    day=date(2026, 11, 23),
    figures=FIGURES,
    counted_cash=None,
    closed_at=datetime(2026, 11, 24, 8, tzinfo=UTC),
)
SYNCED = [
    Posting(uuid.uuid4(), "journal-entry", "Sales summary journal entry", D("110.00"), "synced"),
    Posting(uuid.uuid4(), "deposit", "Cash deposit (the whole day)", D("40.00"), "synced"),
]


def test_a_clean_day_ties_on_every_line():
    lines = tie_out(CLEAN, SYNCED, in_clearing=D("70.00"))
    assert all(line.ties for line in lines)
    assert [line.label for line in lines][:3] == [
        "Tenders = sales, tax, tips, gift cards and rounding",
        "Cash taken = cash deposited",
        "Card Clearing at the day's end = card sales not settled yet",
    ]
    assert (lines[0].left, lines[0].right) == (D("110.00"), D("110.00"))


def test_a_short_drawer_an_entry_not_in_quickbooks_and_over_settled_cards_show_why():
    short = replace(CLEAN, counted_cash=D("39.00"))
    assert (short.cash_deposit, short.over_short) == (D("39.00"), D("-1.00"))
    failed = [
        SYNCED[0],
        replace(SYNCED[1], amount=D("39.00"), state="failed", detail="Map Cash Drawer."),
    ]
    lines = {line.label: line for line in tie_out(short, failed, in_clearing=D("-5.00"))}
    cash = lines["Cash taken = cash deposited"]
    assert not cash.ties
    assert cash.why == "The drawer was counted at 39.00: 1.00 short, posted to Cash Over/Short."
    deposit = lines["In QuickBooks: Cash deposit (the whole day)"]
    assert (deposit.ties, deposit.right) == (False, D("0.00"))
    assert deposit.why == "It is failed: Map Cash Drawer."
    clearing = lines["Card Clearing at the day's end = card sales not settled yet"]
    assert not clearing.ties
    assert "exceed the card sales by 5.00" in (clearing.why or "")
    assert lines["In QuickBooks: Sales summary journal entry"].ties


def test_tenders_that_do_not_pay_for_the_sales_are_red():
    broken = replace(CLEAN, figures=replace(FIGURES, tips=D("3.00")))
    [first, *_] = tie_out(broken, SYNCED, in_clearing=D("0.00"))
    assert not first.ties
    assert "differ from what was sold (111.00)" in (first.why or "")
