"""Business days across time zones and DST changes; a close's journal entry balances."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from cobalt_reporting.domain.sales import (
    CloseSchedule,
    Sale,
    SaleLine,
    Tender,
    figures,
    sales_journal,
)
from cobalt_reporting.domain.settlement import CardSettlement, card_clearing
from cobalt_shared.errors import InvalidInput

NY = CloseSchedule("America/New_York", time(23, 0))
LATE_NIGHT = CloseSchedule("America/New_York", time(3, 0))
M = uuid.uuid4()


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.mark.parametrize(
    ("schedule", "moment", "day"),
    [
        (NY, "2026-11-24T22:59:00-05:00", date(2026, 11, 24)),
        (NY, "2026-11-24T23:00:00-05:00", date(2026, 11, 25)),
        (LATE_NIGHT, "2026-11-25T02:59:00-05:00", date(2026, 11, 24)),
        (LATE_NIGHT, "2026-11-25T03:00:00-05:00", date(2026, 11, 25)),
        # Spring forward (2026-03-08, 02:00 -> 03:00): 03:00 EDT is the first instant of the 8th.
        (LATE_NIGHT, "2026-03-08T01:59:00-05:00", date(2026, 3, 7)),
        (LATE_NIGHT, "2026-03-08T03:00:00-04:00", date(2026, 3, 8)),
        # Fall back (2026-11-01): 01:30 happens twice, both before the 03:00 close.
        (LATE_NIGHT, "2026-11-01T01:30:00-04:00", date(2026, 10, 31)),
        (LATE_NIGHT, "2026-11-01T01:30:00-05:00", date(2026, 10, 31)),
    ],
)
def test_a_sale_belongs_to_the_business_day_of_its_merchants_clock(schedule, moment, day):
    assert schedule.business_day(_utc(moment)) == day


def test_close_moments_follow_daylight_saving():
    assert NY.closes_at(date(2026, 3, 7)).utcoffset() == timedelta(hours=-5)
    assert NY.closes_at(date(2026, 3, 8)).utcoffset() == timedelta(hours=-4)
    # The business day of 2026-10-31 under a 03:00 close is 25 hours long.
    end, start = (LATE_NIGHT.closes_at(date(2026, 10, d)).astimezone(UTC) for d in (31, 30))
    length = end - start
    assert length == timedelta(hours=25)
    assert LATE_NIGHT.last_closable_day(_utc("2026-11-25T03:00:01-05:00")) == date(2026, 11, 24)
    assert LATE_NIGHT.last_closable_day(_utc("2026-11-25T02:59:00-05:00")) == date(2026, 11, 23)
    with pytest.raises(InvalidInput, match="unknown time zone"):
        CloseSchedule("Mars/Olympus").zone()


def _sale(sid, lines, tenders, refund_of=None):
    return Sale(
        sid, M, _utc("2026-11-24T12:00:00-05:00"),
        tuple(SaleLine(c, Decimal(a), Decimal(t)) for c, a, t in lines),
        tuple(Tender(k, Decimal(a)) for k, a in tenders), refund_of,
    )  # fmt: skip


def test_the_journal_entry_balances_with_refunds_over_short_and_late_sales():
    day = [
        _sale("1", [("Beer", "10.00", "0.80"), ("Wine", "20.00", "1.60")], [("card", "32.40")]),
        _sale("2", [("Beer", "5.00", "0.40")], [("cash", "5.40")]),
        _sale("3", [("Wine", "20.00", "1.60")], [("card", "21.60")], refund_of="1"),
        _sale("4", [("Snacks", "1.00", "0.08")], [("other", "1.08")]),
    ]
    fig = figures(day)
    assert fig.sales_by_category == {
        "beer": Decimal("15.00"),
        "wine": Decimal("20.00"),
        "snacks": Decimal("1.00"),
    }
    assert (fig.refunds, fig.net_sales) == (Decimal("20.00"), Decimal("16.00"))
    assert fig.tax == Decimal("1.28")
    lines, deposit = sales_journal(date(2026, 11, 24), fig, Decimal("5.00"))
    debit = sum(ln.amount for ln in lines if ln.side == "debit")
    credit = sum(ln.amount for ln in lines if ln.side == "credit")
    # card 10.80, other 1.08, cash 5.00, short 0.40, refund 20
    assert debit == credit == Decimal("37.28")
    assert deposit == Decimal("5.00")
    short = [ln for ln in lines if ln.account == "cash-over-short"]
    assert [(ln.side, ln.amount) for ln in short] == [("debit", Decimal("0.40"))]
    # The refund has its own line (Sales Refunds); Wine keeps its sale.
    refunds = [(ln.side, ln.amount) for ln in lines if ln.account == "sales-refunds"]
    assert refunds == [("debit", Decimal("20.00"))]
    # Late sales of a closed day: their own entry, labelled, depositing their own cash.
    late = figures([_sale("0", [("Beer", "2.00", "0")], [("cash", "2.00")])])
    label = "Adjustment: late sales of 2026-11-23"
    late_lines, late_cash = sales_journal(date(2026, 11, 23), late, None, label=label)
    assert late_cash == Decimal("2.00")
    assert all(ln.memo.startswith(label) for ln in late_lines)
    assert not [ln for ln in late_lines if ln.account == "cash-over-short"]
    # Cash counted over: over/short moves to the credit side.
    over, _ = sales_journal(date(2026, 11, 24), fig, Decimal("6.00"))
    assert [(ln.side, ln.amount) for ln in over if ln.account == "cash-over-short"] == [
        ("credit", Decimal("0.60"))
    ]


@pytest.mark.parametrize(
    ("sale", "message"),
    [
        (_sale("x", [("Beer", "1.00", "0")], [("card", "0.99")]),
         "tenders add up to 0.99 but the sale comes to 1.00"),
        (_sale("x", [("Beer", "1.00", "0")], [("bitcoin", "1.00")]), "is not one of card"),
        (_sale("x", [(" ", "1.00", "0")], [("card", "1.00")]), "line 1: a category is required"),
        (_sale("x", [("C" * 101, "1.00", "0")], [("card", "1.00")]), "longer than 100"),
        (_sale("x", [], []), "at least one line"),
    ],
)  # fmt: skip
def test_bad_sales_are_refused_with_the_reason(sale, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        sale.validated(datetime.now(UTC))


def test_times_outside_a_plausible_window_are_refused():
    now = _utc("2026-11-25T12:00:00+00:00")
    base = _sale("x", [("Beer", "1.00", "0")], [("card", "1.00")])
    with pytest.raises(InvalidInput, match="in the future"):
        Sale(**{**base.__dict__, "sold_at": now + timedelta(days=2)}).validated(now)
    with pytest.raises(InvalidInput, match="more than 400 days ago"):
        Sale(**{**base.__dict__, "sold_at": now - timedelta(days=401)}).validated(now)
    with pytest.raises(InvalidInput, match="UTC offset"):
        Sale(**{**base.__dict__, "sold_at": datetime(2026, 11, 24, 12)}).validated(now)


def test_a_card_batch_deposits_its_net_and_clears_the_gross():
    batch = CardSettlement.of(
        "B-1",
        date(2026, 11, 24),
        Decimal("100.00"),
        Decimal("2.50"),
        Decimal("1.00"),
        net=Decimal("96.50"),
    )
    assert batch.net == Decimal("96.50")
    lines = batch.deposit_lines()
    assert [(ln.account, ln.amount, ln.direction) for ln in lines] == [
        ("card-clearing", Decimal("100.00"), "in"),
        ("card-fees", Decimal("2.50"), "out"),
        ("card-chargebacks", Decimal("1.00"), "out"),
    ]
    plain = CardSettlement.of("B-2", date(2026, 11, 24), Decimal("50.00"))
    assert [ln.account for ln in plain.deposit_lines()] == ["card-clearing"]


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        ({"gross": Decimal("0")}, "gross"),
        ({"fees": Decimal("-1")}, "fees"),
        ({"chargebacks": Decimal("-1")}, "chargebacks"),
        ({"fees": Decimal("60"), "chargebacks": Decimal("40")}, "fees"),
        ({"net": Decimal("99.99")}, "net"),
        ({"batch_id": " "}, "batch_id"),
    ],
)
def test_a_card_batch_whose_figures_do_not_add_up_is_refused_naming_the_field(figures, field):
    values = {
        "batch_id": "B-1",
        "settled_on": date(2026, 11, 24),
        "gross": Decimal("100.00"),
        **figures,
    }
    with pytest.raises(InvalidInput) as refused:
        CardSettlement.of(**values)
    assert refused.value.field == field


def test_card_clearing_carries_its_balance_and_returns_to_what_is_not_settled():
    d = date(2026, 11, 1)
    sales = {
        d: Decimal("100.00"),
        d + timedelta(days=1): Decimal("50.00"),
        d + timedelta(days=2): Decimal("20.00"),
    }
    batches = [
        CardSettlement.of("B1", d + timedelta(days=1), Decimal("100.00"), Decimal("3.00")),
        CardSettlement.of("B2", d + timedelta(days=3), Decimal("50.00"), Decimal("1.50")),
    ]
    days = card_clearing(sales, batches, d + timedelta(days=1), d + timedelta(days=3))
    assert [(x.day.day, x.card_sales, x.settled, x.in_clearing) for x in days] == [
        (2, Decimal("50.00"), Decimal("100.00"), Decimal("50.00")),  # 100 carried in
        (3, Decimal("20.00"), Decimal("0.00"), Decimal("70.00")),
        (4, Decimal("0.00"), Decimal("50.00"), Decimal("20.00")),  # day 3's sales still out
    ]
    assert days[0].fees == Decimal("3.00")
    assert days[0].deposited == Decimal("97.00")
