"""A close as stored reads back exactly as it was computed, and a close stored before the
figures kept their keys still reads back right (its keys derived from the names)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from cobalt_reporting.adapters.codec import close_json, close_of
from cobalt_reporting.domain.close import EndOfDayClose, LateSales
from cobalt_reporting.domain.sales import LineTax, Sale, SaleLine, Tender, Tip, figures

D = Decimal
MERCHANT = uuid.uuid4()
AT = datetime(2026, 11, 23, 15, tzinfo=UTC)


def _sale(sid: str, category: str, tenders: tuple[Tender, ...], **extra: object) -> Sale:
    line = SaleLine(
        category, D("20.00"), D("1.60"), D("2.00"), (LineTax("County 0.5%", D("0.10")),)
    )
    return Sale(sid, MERCHANT, AT, (line,), tenders, **extra)


def test_a_close_reads_back_as_it_was_computed():
    on_time = [
        _sale("a", "Beer", (Tender("card", D("22.70")),), tips=(Tip("card", D("3.00")),)),
        _sale("b", "Red Wine", (Tender("cash", D("19.70")),)),
        _sale("c", "Red Wine", (Tender("cash", D("19.70")),), refund_of="b"),
    ]
    late = {date(2026, 11, 21): [_sale("d", "Beer", (Tender("card", D("19.70")),))]}
    late_figures = {day: figures(sales) for day, sales in late.items()}
    close = EndOfDayClose.of(
        MERCHANT,
        date(2026, 11, 23),
        figures(on_time),
        late_figures,
        D("0.50"),
        AT,
        AT.replace(hour=20),
    )
    back = close_of(MERCHANT, close.day, close.closed_at, close.counted_cash, close_json(close))
    assert back == close
    assert (back.over_short, back.cash_deposit, back.closed_early) == (D("0.50"), D("0.50"), True)
    assert back.card_sales_by_day() == {
        date(2026, 11, 23): D("22.70"),
        date(2026, 11, 21): D("19.70"),
    }
    assert isinstance(back.late[0], LateSales)


def test_a_close_stored_before_keys_were_kept_reads_back_right():
    old = {
        "sales_by_category": [{"category": "Red Wine", "amount": "20.00"}],
        "discounts": "2.00",
        "refunded": "0.00",
        "net_sales": "18.00",
        "tax": "1.70",
        "taxes": [
            {"name": "County 0.5%", "amount": "0.10"},
            {"name": "Sales tax", "amount": "1.60"},
        ],
        "tips": "0.00",
        "gift_cards_sold": "0.00",
        "rounding": "0.00",
        "tenders": {"card": "0.00", "cash": "19.70", "gift-card": "0.00", "other": "0.00"},
        "sales": 1,
        "refunds": 0,
        "counted_cash": None,
        "over_short": "0.00",
        "cash_deposit": "19.70",
        "late": [],
        "closed_early": False,
    }
    close = close_of(MERCHANT, date(2026, 11, 20), AT, None, json.dumps(old))
    fig = close.figures
    assert fig.sales_by_category == {"red wine": D("20.00")}
    assert fig.category_names == {"red wine": "Red Wine"}
    assert fig.taxes == {"county 0.5%": D("0.10"), "": D("1.60")}
    assert (fig.tax, fig.net_sales, close.cash_deposit) == (D("1.70"), D("18.00"), D("19.70"))


def test_running_totals_of_batches_add_up_to_the_figures_of_all_their_sales():
    from cobalt_reporting.domain.sales import figures_of_totals, total_lines

    sales = [
        _sale("a", "Beer", (Tender("card", D("22.70")),), tips=(Tip("card", D("3.00")),)),
        _sale("b", "Red Wine", (Tender("cash", D("19.70")),)),
        _sale("c", "Red Wine", (Tender("cash", D("19.70")),), refund_of="b"),
        _sale("d", "beer ", (Tender("gift-card", D("19.70")),), gift_cards_sold=D("0.00")),
    ]
    for cut in range(len(sales) + 1):  # any split into two batches
        rows = total_lines(figures(sales[:cut])) + total_lines(figures(sales[cut:]))
        assert figures_of_totals(rows) == figures(sales), cut
