"""What the store sold: POS sales and refunds, business days, and the figures of a close."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cobalt_shared.accounts import category_key
from cobalt_shared.errors import InvalidInput
from cobalt_shared.names import tidy

ZERO = Decimal("0.00")
TENDER_TYPES = ("card", "cash", "other")
MAX_CATEGORY = 100
PAST_WINDOW = timedelta(days=400)  # older sales are a mistake (a wrong clock, a wrong year)
FUTURE_WINDOW = timedelta(hours=26)  # a POS clock a little ahead, across any time zone


@dataclass(frozen=True)
class SaleLine:
    category: str
    amount: Decimal  # before tax
    tax: Decimal = ZERO


@dataclass(frozen=True)
class Tender:
    type: str
    amount: Decimal


@dataclass(frozen=True)
class Sale:
    """A sale, or a refund (refund_of names the sale); amounts are positive either way."""

    sale_id: str
    merchant_id: uuid.UUID
    sold_at: datetime
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...]
    refund_of: str | None = None

    @property
    def sign(self) -> int:
        return -1 if self.refund_of else 1

    @property
    def total(self) -> Decimal:
        return sum((ln.amount + ln.tax for ln in self.lines), ZERO)

    def validated(self, now: datetime) -> Sale:
        """The sale with names tidied, or InvalidInput naming what is wrong."""
        if not self.sale_id.strip() or len(self.sale_id) > 100:
            raise InvalidInput("sale id must be 1 to 100 characters")
        if self.sold_at.tzinfo is None:
            raise InvalidInput("time must include its UTC offset")
        if self.sold_at > now + FUTURE_WINDOW:
            raise InvalidInput(f"time {self.sold_at.isoformat()} is in the future")
        if self.sold_at < now - PAST_WINDOW:
            raise InvalidInput(f"time {self.sold_at.isoformat()} is more than 400 days ago")
        if not self.lines:
            raise InvalidInput("a sale needs at least one line")
        lines = []
        for n, line in enumerate(self.lines, 1):
            category = tidy(line.category)
            if not category:
                raise InvalidInput(f"line {n}: a category is required")
            if len(category) > MAX_CATEGORY:
                raise InvalidInput(f"line {n}: category is longer than {MAX_CATEGORY} characters")
            if line.amount < 0 or line.tax < 0:
                raise InvalidInput(f"line {n}: amount and tax must not be negative")
            lines.append(SaleLine(category, line.amount, line.tax))
        for n, tender in enumerate(self.tenders, 1):
            if tender.type not in TENDER_TYPES:
                raise InvalidInput(
                    f"tender {n}: type {tender.type!r} is not one of {', '.join(TENDER_TYPES)}"
                )
            if tender.amount < 0:
                raise InvalidInput(f"tender {n}: amount must not be negative")
        tendered = sum((t.amount for t in self.tenders), ZERO)
        if tendered != self.total:
            raise InvalidInput(
                f"tenders add up to {tendered} but the sale (lines and tax) is {self.total}"
            )
        return Sale(self.sale_id.strip(), self.merchant_id, self.sold_at, tuple(lines),
                    self.tenders, self.refund_of)  # fmt: skip


@dataclass(frozen=True)
class CloseSchedule:
    """A merchant's business day: it ends at `close_time` in `timezone` (DST included).

    A close time in the morning (e.g. 03:00, for a store open past midnight) ends the
    business day that began the previous morning: sales until 03:00 on the 25th belong to the
    24th. A close time from noon on ends the day of that date: 23:00 on the 24th closes the
    24th."""

    timezone: str = "America/New_York"
    close_time: time = time(23, 59)

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(f"unknown time zone {self.timezone!r}") from None

    @property
    def _early(self) -> bool:
        return self.close_time < time(12, 0)

    def business_day(self, moment: datetime) -> date:
        local = moment.astimezone(self.zone())
        day = local.date()
        if self._early:
            return day - timedelta(days=1) if local.time() < self.close_time else day
        return day + timedelta(days=1) if local.time() >= self.close_time else day

    def closes_at(self, day: date) -> datetime:
        """The moment business day `day` ends (an aware datetime)."""
        on = day + timedelta(days=1) if self._early else day
        # fold=0: a close time repeated by a fall-back change closes at its first occurrence.
        return datetime.combine(on, self.close_time, tzinfo=self.zone())

    def last_closable_day(self, now: datetime) -> date:
        """The latest business day whose close time has passed."""
        return self.business_day(now) - timedelta(days=1)


@dataclass
class DayFigures:
    """Everything a close computes, for the report and for QuickBooks."""

    sales_by_category: dict[str, Decimal] = field(default_factory=dict)  # category -> net
    category_names: dict[str, str] = field(default_factory=dict)  # key -> first spelling
    tax: Decimal = ZERO
    tenders: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(TENDER_TYPES, ZERO))
    sales: int = 0
    refunds: int = 0

    @property
    def net_sales(self) -> Decimal:
        return sum(self.sales_by_category.values(), ZERO)

    @property
    def total_tendered(self) -> Decimal:
        return sum(self.tenders.values(), ZERO)


def figures(sales: Iterable[Sale]) -> DayFigures:
    out = DayFigures()
    for sale in sales:
        if sale.refund_of:
            out.refunds += 1
        else:
            out.sales += 1
        for line in sale.lines:
            key = category_key(line.category)
            out.category_names.setdefault(key, line.category)
            out.sales_by_category[key] = (
                out.sales_by_category.get(key, ZERO) + sale.sign * line.amount
            )
            out.tax += sale.sign * line.tax
        for tender in sale.tenders:
            out.tenders[tender.type] += sale.sign * tender.amount
    return out


@dataclass(frozen=True)
class JournalLine:
    account: str
    side: str  # debit / credit
    amount: Decimal
    memo: str


def sales_journal(
    day: date, on_time: DayFigures, late: dict[date, DayFigures], counted_cash: Decimal | None
) -> tuple[list[JournalLine], Decimal]:
    """The day's sales summary journal entry (balanced to the cent) and the cash to deposit.

    Debits: card clearing (cards), the cash drawer (cash counted, and other tenders), over/short
    when the count differs. Credits: each category's sales account, sales tax payable. Late
    sales of days already closed are separate lines labelled with their day. A negative figure
    (refunds beyond sales) moves its line to the other side."""
    lines: list[JournalLine] = []

    def add(account: str, side: str, amount: Decimal, memo: str) -> None:
        if amount == 0:
            return
        if amount < 0:
            side, amount = ("credit" if side == "debit" else "debit"), -amount
        lines.append(JournalLine(account, side, amount, memo))

    cash_total = ZERO
    for label, fig in [(f"Sales {day.isoformat()}", on_time)] + [
        (f"Adjustment: late sales of {d.isoformat()}", f) for d, f in sorted(late.items())
    ]:
        add("card-clearing", "debit", fig.tenders["card"], f"{label}: card")
        cash_total += fig.tenders["cash"]
        add("cash-drawer", "debit", fig.tenders["other"], f"{label}: other tenders")
        for key, amount in sorted(fig.sales_by_category.items()):
            add(f"sales:{key}", "credit", amount, f"{label}: {fig.category_names[key]}")
        add("sales-tax-payable", "credit", fig.tax, f"{label}: sales tax")
    deposit = cash_total if counted_cash is None else counted_cash
    add("cash-drawer", "debit", deposit, f"Sales {day.isoformat()}: cash")
    add("cash-over-short", "debit", cash_total - deposit, f"Sales {day.isoformat()}: over/short")
    debits = sum((ln.amount for ln in lines if ln.side == "debit"), ZERO)
    credits = sum((ln.amount for ln in lines if ln.side == "credit"), ZERO)
    assert debits == credits, (debits, credits)  # every figure is exact to the cent
    return lines, deposit


def sale_keys(sales: Sequence[Sale]) -> set[str]:
    return {s.sale_id for s in sales}
