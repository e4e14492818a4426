"""A day's tie-out: every line ties on a clean day; a short drawer, an entry not in QuickBooks
and over-settled card sales each show red with the reason."""

from __future__ import annotations

from decimal import Decimal

from cobalt_reporting.domain.tieout import Posted, tie_out

D = Decimal
CLEAN = {
    "net_sales": "100.00",
    "tax": "8.00",
    "tips": "2.00",
    "gift_cards_sold": "0.00",
    "rounding": "0.00",
    "tenders": {"card": "70.00", "cash": "40.00", "gift-card": "0.00", "other": "0.00"},
    "counted_cash": None,
    "cash_deposit": "40.00",
    "over_short": "0.00",
}
SYNCED = [
    Posted("Sales summary journal entry", D("110.00"), "synced", "In QuickBooks."),
    Posted("Cash deposit (the whole day)", D("40.00"), "synced", "In QuickBooks."),
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
    short = {**CLEAN, "counted_cash": "39.00", "cash_deposit": "39.00", "over_short": "-1.00"}
    failed = [
        SYNCED[0],
        Posted("Cash deposit (the whole day)", D("39.00"), "failed", "Map Cash Drawer."),
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
    broken = {**CLEAN, "tips": "3.00"}
    [first, *_] = tie_out(broken, SYNCED, in_clearing=D("0.00"))
    assert not first.ties
    assert "differ from what was sold (111.00)" in (first.why or "")
