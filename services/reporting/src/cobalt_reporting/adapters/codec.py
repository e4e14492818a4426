"""A day's figures as stored (JSON), both ways. Each line keeps its key beside its name, so a
close reads back exactly as it was computed; rows written before keys were kept are read by
deriving the key from the name."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cobalt_reporting.domain.close import EndOfDayClose, LateSales
from cobalt_reporting.domain.sales import TENDER_TYPES, UNNAMED_TAX, ZERO, DayFigures
from cobalt_shared.accounts import category_key
from cobalt_shared.names import name_key


def figures_json(fig: DayFigures) -> dict[str, Any]:
    return {
        "sales_by_category": [
            {"key": k, "category": fig.category_names[k], "amount": str(v)}
            for k, v in sorted(fig.sales_by_category.items())
        ],
        "discounts": str(fig.discounts),
        "refunded": str(fig.refunds),
        "net_sales": str(fig.net_sales),  # derived: kept for people reading the row
        "tax": str(fig.tax),
        "taxes": [
            {"key": k, "name": fig.tax_names.get(k) or UNNAMED_TAX, "amount": str(v)}
            for k, v in sorted(fig.taxes.items())
        ],
        "tips": str(fig.tips),
        "gift_cards_sold": str(fig.gift_cards_sold),
        "rounding": str(fig.rounding),
        "tenders": {k: str(v) for k, v in fig.tenders.items()},
        "sales": fig.sales,
        "refunds": fig.refund_count,
    }


def figures_of(raw: dict[str, Any]) -> DayFigures:
    fig = DayFigures()
    for line in raw.get("sales_by_category", ()):
        key = line.get("key") or category_key(line["category"])
        fig.category_names.setdefault(key, line["category"])
        fig.sales_by_category[key] = fig.sales_by_category.get(key, ZERO) + Decimal(line["amount"])
    for tax in raw.get("taxes", ()):
        name = tax["name"]
        key = tax["key"] if "key" in tax else ("" if name == UNNAMED_TAX else name_key(name))
        fig.tax_names.setdefault(key, "" if key == "" else name)
        fig.taxes[key] = fig.taxes.get(key, ZERO) + Decimal(tax["amount"])
    fig.discounts = Decimal(raw.get("discounts", "0.00"))
    fig.refunds = Decimal(raw.get("refunded", "0.00"))
    fig.tips = Decimal(raw.get("tips", "0.00"))
    fig.gift_cards_sold = Decimal(raw.get("gift_cards_sold", "0.00"))
    fig.rounding = Decimal(raw.get("rounding", "0.00"))
    fig.tenders = dict.fromkeys(TENDER_TYPES, ZERO)
    fig.tenders.update({k: Decimal(v) for k, v in raw.get("tenders", {}).items()})
    fig.sales = int(raw.get("sales", 0))
    fig.refund_count = int(raw.get("refunds", 0))
    return fig


def close_json(close: EndOfDayClose) -> str:
    """The stored close: its figures, with what was counted and deposited (derived, kept for
    people reading the row) and the late sales it carried."""
    return json.dumps(
        {
            **figures_json(close.figures),
            "counted_cash": None if close.counted_cash is None else str(close.counted_cash),
            "over_short": str(close.over_short),
            "cash_deposit": str(close.cash_deposit),
            "late": [
                {"day": late.day.isoformat(), **figures_json(late.figures)} for late in close.late
            ],
            "closed_early": close.closed_early,
        }
    )


def close_of(
    merchant_id: uuid.UUID,
    day: date,
    closed_at: datetime,
    counted_cash: Decimal | None,
    stored: str,
) -> EndOfDayClose:
    raw = json.loads(stored)
    return EndOfDayClose(
        merchant_id=merchant_id,
        day=day,
        figures=figures_of(raw),
        counted_cash=counted_cash,
        closed_at=closed_at,
        closed_early=bool(raw.get("closed_early", False)),
        late=tuple(
            LateSales(date.fromisoformat(late["day"]), figures_of(late))
            for late in raw.get("late", ())
        ),
    )
