"""The full daily summary, line by line: tips, discounts, gift cards, refunds, taxes by rate
or agency and rounding each reach their own account, and the entry always balances."""

from __future__ import annotations

import random
import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from cobalt_reporting.domain.sales import (
    LineTax,
    Sale,
    SaleLine,
    Tender,
    Tip,
    figures,
    sales_journal,
)
from cobalt_shared.errors import InvalidInput

M = uuid.uuid4()
DAY = date(2026, 11, 24)
AT = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
D = Decimal


def _sale(sid: str = "s", lines=(), tenders=(), **extra) -> Sale:
    return Sale(sid, M, AT, tuple(lines), tuple(tenders), **extra)


def _lines(sales: list[Sale], counted: Decimal | None = None) -> dict[tuple[str, str], Decimal]:
    """The journal's lines as (account, side) -> amount; it must balance."""
    lines, _ = sales_journal(DAY, figures(sales), counted)
    debit = sum((ln.amount for ln in lines if ln.side == "debit"), D(0))
    credit = sum((ln.amount for ln in lines if ln.side == "credit"), D(0))
    assert debit == credit
    out: dict[tuple[str, str], Decimal] = {}
    for ln in lines:
        out[ln.account, ln.side] = out.get((ln.account, ln.side), D(0)) + ln.amount
    return out


def test_a_tip_paid_by_card_is_owed_to_the_staff_not_a_sale():
    sale = _sale(
        lines=[SaleLine("Beer", D("10.00"), D("0.80"))],
        tenders=[Tender("card", D("12.80"))],
        tips=(Tip("card", D("2.00")),),
    )
    assert sale.validated(AT) == sale
    assert _lines([sale]) == {
        ("card-clearing", "debit"): D("12.80"),
        ("sales:beer", "credit"): D("10.00"),
        ("sales-tax-payable", "credit"): D("0.80"),
        ("tips-payable", "credit"): D("2.00"),
    }


def test_a_discount_keeps_the_category_sale_whole_and_posts_the_discount():
    sale = _sale(
        lines=[SaleLine("Wine", D("20.00"), D("1.44"), discount=D("2.00"))],
        tenders=[Tender("cash", D("19.44"))],
    )
    sale.validated(AT)
    assert _lines([sale]) == {
        ("cash-drawer", "debit"): D("19.44"),
        ("sales-discounts", "debit"): D("2.00"),
        ("sales:wine", "credit"): D("20.00"),
        ("sales-tax-payable", "credit"): D("1.44"),
    }
    assert figures([sale]).net_sales == D("18.00")


def test_gift_cards_sold_are_a_liability_and_redemptions_a_tender_against_it():
    sold = _sale("g1", tenders=[Tender("cash", D("50.00"))], gift_cards_sold=D("50.00"))
    redeemed = _sale(
        "g2", lines=[SaleLine("Spirits", D("30.00"))], tenders=[Tender("gift-card", D("30.00"))]
    )
    for sale in (sold, redeemed):
        sale.validated(AT)  # a gift card alone needs no line
    assert _lines([sold, redeemed]) == {
        ("cash-drawer", "debit"): D("50.00"),
        ("gift-card-liability", "debit"): D("30.00"),
        ("gift-card-liability", "credit"): D("50.00"),
        ("sales:spirits", "credit"): D("30.00"),
    }
    fig = figures([sold, redeemed])
    assert (fig.gift_cards_sold, fig.gift_cards_redeemed) == (D("50.00"), D("30.00"))


def test_each_tax_rate_or_agency_has_its_own_payable_line():
    state, county = LineTax("NY State 4%", D("0.40")), LineTax("County 4.875%", D("0.49"))
    sale = _sale(
        lines=[
            SaleLine("Beer", D("10.00"), taxes=(state, county)),
            SaleLine("Snacks", D("2.00"), D("0.05")),
        ],
        tenders=[Tender("card", D("12.94"))],
    )
    sale.validated(AT)
    assert _lines([sale]) == {
        ("card-clearing", "debit"): D("12.94"),
        ("sales:beer", "credit"): D("10.00"),
        ("sales:snacks", "credit"): D("2.00"),
        ("sales-tax-payable", "credit"): D("0.05"),
        ("sales-tax:ny state 4%", "credit"): D("0.40"),
        ("sales-tax:county 4.875%", "credit"): D("0.49"),
    }
    fig = figures([sale])
    assert fig.tax == D("0.94")
    assert fig.tax_names == {"": "", "ny state 4%": "NY State 4%", "county 4.875%": "County 4.875%"}


def test_named_taxes_alone_leave_no_empty_unnamed_tax_line():
    sale = _sale(
        lines=[SaleLine("Beer", D("10.00"), taxes=(LineTax("State", D("0.40")),))],
        tenders=[Tender("card", D("10.40"))],
    )
    assert list(figures([sale]).taxes) == ["state"]


def test_a_refund_goes_to_sales_refunds_and_reverses_its_tax_tips_and_gift_cards():
    sale = _sale(
        "r",
        lines=[
            SaleLine("Beer", D("10.00"), taxes=(LineTax("State", D("0.40")),), discount=D("1.00"))
        ],
        tenders=[Tender("card", D("10.40"))],
        tips=(Tip("card", D("1.00")),),
        refund_of="s",
    )
    sale.validated(AT)
    assert _lines([sale]) == {
        ("card-clearing", "credit"): D("10.40"),
        ("sales-refunds", "debit"): D("9.00"),  # what it gave back, after its discount
        ("sales-tax:state", "debit"): D("0.40"),
        ("tips-payable", "debit"): D("1.00"),
    }


def test_cents_between_the_pos_total_and_its_lines_go_to_rounding():
    up = _sale(
        "u",
        lines=[SaleLine("Beer", D("9.97"))],
        tenders=[Tender("cash", D("10.00"))],
        pos_total=D("10.00"),
    )
    down = _sale(
        "d",
        lines=[SaleLine("Wine", D("5.02"))],
        tenders=[Tender("cash", D("5.00"))],
        pos_total=D("5.00"),
    )
    for sale in (up, down):
        sale.validated(AT)
    assert (up.rounding, down.rounding) == (D("0.03"), D("-0.02"))
    assert _lines([up])[("rounding", "credit")] == D("0.03")
    assert _lines([down])[("rounding", "debit")] == D("0.02")
    assert figures([up, down]).rounding == D("0.01")


def test_a_busy_day_of_every_kind_of_line_balances_and_ties_to_its_tenders():
    rng = random.Random(18)
    sales = []
    for n in range(300):
        amount = D(rng.randint(100, 9000)) / 100
        discount = D(rng.choice([0, 0, 50, 100])) / 100
        taxes = (LineTax(rng.choice(["State", "County"]), D(rng.randint(0, 80)) / 100),)
        line = SaleLine(rng.choice(["Beer", "Wine", "Spirits"]), amount, D("0.00"), discount, taxes)
        tip = D(rng.choice([0, 0, 100, 250])) / 100
        gift = D(rng.choice([0, 0, 0, 2500])) / 100
        base = _sale(f"s{n}", lines=[line], gift_cards_sold=gift)
        rounding = D(rng.randint(-2, 2)) / 100
        total = base.computed_total + tip + rounding
        kind = rng.choice(["card", "cash", "gift-card", "other"])
        sale = _sale(
            f"s{n}",
            lines=[line],
            tenders=[Tender(kind, total)],
            tips=(Tip(kind, tip),) if tip else (),
            gift_cards_sold=gift,
            pos_total=total,
            refund_of=f"s{n - 1}" if n % 10 == 9 else None,
        )
        sales.append(sale.validated(AT))
    fig = figures(sales)
    lines = _lines(sales)  # balances

    def net_debit(prefix: str) -> Decimal:
        signed = (
            amount if side == "debit" else -amount
            for (account, side), amount in lines.items()
            if account.startswith(prefix)
        )
        return sum(signed, D(0))

    assert net_debit("card-clearing") == fig.tenders["card"]
    assert -net_debit("sales-tax") == fig.tax  # each tax's payable, refunds netted
    assert -net_debit("tips-payable") == fig.tips
    assert -net_debit("rounding") == fig.rounding


@pytest.mark.parametrize(
    ("sale", "message"),
    [
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"))],
                tenders=[Tender("cash", D("6.00"))],
                tips=(Tip("card", D("1.00")),),
            ),
            "tip 1: tender 'card' pays it, but the sale has no such tender",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"))],
                tenders=[Tender("card", D("5.00"))],
                tips=(Tip("card", D("-1.00")),),
            ),
            "tip 1: amount must be more than zero",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"), discount=D("6.00"))],
                tenders=[Tender("card", D("0.00"))],
            ),
            "line 1: discount 6.00 must be between 0 and the line's amount (5.00)",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"), taxes=(LineTax(" ", D("0.40")),))],
                tenders=[Tender("card", D("5.40"))],
            ),
            "line 1, tax 1: a name of 1 to 100 characters is required",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"))],
                tenders=[Tender("card", D("6.00"))],
                pos_total=D("6.00"),
            ),
            "total 6.00 is 1.00 away from the lines, tax, tips and gift cards (5.00)",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"))],
                tenders=[Tender("cash", D("0.00"))],
                gift_cards_sold=D("-5.00"),
            ),
            "gift_cards_sold must not be negative",
        ),
        (
            _sale(
                lines=[SaleLine("Beer", D("5.00"))],
                tenders=[Tender("cash", D("5.00"))],
                tips=(Tip("cash", D("1.00")),),
            ),
            "tenders add up to 5.00 but the sale comes to 6.00",
        ),
    ],
)
def test_bad_summary_lines_are_refused_naming_the_field(sale, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        sale.validated(AT)
