"""What the store sold: POS sales and refunds, business days, and the figures of a close."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cobalt_shared.accounts import category_key, tax_account
from cobalt_shared.errors import InvalidInput
from cobalt_shared.names import name_key, tidy

ZERO = Decimal("0.00")
TENDER_TYPES = ("card", "cash", "gift-card", "other")
UNNAMED_TAX = "Sales tax"  # how the unnamed tax (key "") is shown
MAX_ROUNDING = Decimal("0.10")  # cents between a POS total and its lines, per sale
MAX_CATEGORY = 100
PAST_WINDOW = timedelta(days=400)  # older sales are a mistake (a wrong clock, a wrong year)
FUTURE_WINDOW = timedelta(hours=26)  # a POS clock a little ahead, across any time zone


@dataclass(frozen=True)
class LineTax:
    """Tax of one rate or agency on a line: it goes to that tax's own payable account."""

    name: str
    amount: Decimal


@dataclass(frozen=True)
class SaleLine:
    category: str
    amount: Decimal  # before discount and tax
    tax: Decimal = ZERO  # to the store's one Sales Tax Payable
    discount: Decimal = ZERO
    taxes: tuple[LineTax, ...] = ()  # by rate or agency

    @property
    def net(self) -> Decimal:
        return self.amount - self.discount

    @property
    def all_tax(self) -> Decimal:
        return self.tax + sum((t.amount for t in self.taxes), ZERO)


@dataclass(frozen=True)
class Tender:
    type: str
    amount: Decimal


@dataclass(frozen=True)
class Tip:
    tender: str  # the tender type that paid it
    amount: Decimal


@dataclass(frozen=True)
class Sale:
    """A sale, or a refund (refund_of names the sale); amounts are positive either way.

    What the customer pays: each line's amount less its discount plus its taxes, the tips, the
    gift cards sold, and the rounding between that sum and the total the POS printed."""

    sale_id: str
    merchant_id: uuid.UUID
    sold_at: datetime
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...]
    refund_of: str | None = None
    tips: tuple[Tip, ...] = ()
    gift_cards_sold: Decimal = ZERO
    pos_total: Decimal | None = None  # the total as the POS printed it, when stated

    @property
    def sign(self) -> int:
        return -1 if self.refund_of else 1

    @cached_property
    def computed_total(self) -> Decimal:
        """Lines, taxes, tips and gift cards sold (computed once: a close reads it twice)."""
        return (
            sum((ln.net + ln.all_tax for ln in self.lines), ZERO)
            + sum((t.amount for t in self.tips), ZERO)
            + self.gift_cards_sold
        )

    @property
    def total(self) -> Decimal:
        return self.computed_total if self.pos_total is None else self.pos_total

    @property
    def rounding(self) -> Decimal:
        return self.total - self.computed_total

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
        if not self.lines and not self.gift_cards_sold:
            raise InvalidInput("a sale needs at least one line")
        lines = [_valid_line(n, line) for n, line in enumerate(self.lines, 1)]
        for n, tender in enumerate(self.tenders, 1):
            if tender.type not in TENDER_TYPES:
                raise InvalidInput(
                    f"tender {n}: type {tender.type!r} is not one of {', '.join(TENDER_TYPES)}"
                )
            if tender.amount < 0:
                raise InvalidInput(f"tender {n}: amount must not be negative")
        for n, tip in enumerate(self.tips, 1):
            if tip.amount <= 0:
                raise InvalidInput(f"tip {n}: amount must be more than zero")
            paid = sum((t.amount for t in self.tenders if t.type == tip.tender), ZERO)
            if not paid:
                raise InvalidInput(
                    f"tip {n}: tender {tip.tender!r} pays it, but the sale has no such tender"
                )
            if tip.amount > paid:
                raise InvalidInput(
                    f"tip {n}: {tip.amount} is more than the {tip.tender} tender ({paid})"
                )
        if self.gift_cards_sold < 0:
            raise InvalidInput("gift_cards_sold must not be negative")
        if self.pos_total is not None and abs(self.rounding) > MAX_ROUNDING:
            raise InvalidInput(
                f"total {self.pos_total} is {abs(self.rounding)} away from the lines, tax, tips "
                f"and gift cards ({self.computed_total}); only up to {MAX_ROUNDING} is rounding"
            )
        tendered = sum((t.amount for t in self.tenders), ZERO)
        if tendered != self.total:
            raise InvalidInput(
                f"tenders add up to {tendered} but the sale comes to {self.total} (lines, tax, "
                "tips and gift cards)"
            )
        return replace(self, sale_id=self.sale_id.strip(), lines=tuple(lines))


def _valid_line(n: int, line: SaleLine) -> SaleLine:
    category = tidy(line.category)
    if not category:
        raise InvalidInput(f"line {n}: a category is required")
    if len(category) > MAX_CATEGORY:
        raise InvalidInput(f"line {n}: category is longer than {MAX_CATEGORY} characters")
    if line.amount < 0 or line.tax < 0:
        raise InvalidInput(f"line {n}: amount and tax must not be negative")
    if not ZERO <= line.discount <= line.amount:
        raise InvalidInput(
            f"line {n}: discount {line.discount} must be between 0 and the line's amount "
            f"({line.amount})"
        )
    taxes = []
    for m, tax in enumerate(line.taxes, 1):
        name = tidy(tax.name)
        if not name or len(name) > MAX_CATEGORY:
            problem = f"a name of 1 to {MAX_CATEGORY} characters is required"
            raise InvalidInput(f"line {n}, tax {m}: {problem}")
        if tax.amount < 0:
            raise InvalidInput(f"line {n}, tax {m}: amount must not be negative")
        taxes.append(LineTax(name, tax.amount))
    return replace(line, category=category, taxes=tuple(taxes))


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

    sales_by_category: dict[str, Decimal] = field(default_factory=dict)  # key -> before discounts
    category_names: dict[str, str] = field(default_factory=dict)  # key -> first spelling
    discounts: Decimal = ZERO
    refunds: Decimal = ZERO  # refunded lines, after their discounts, before tax
    taxes: dict[str, Decimal] = field(default_factory=dict)  # tax key ("" unnamed) -> collected
    tax_names: dict[str, str] = field(default_factory=dict)  # tax key -> first spelling
    tips: Decimal = ZERO
    gift_cards_sold: Decimal = ZERO
    rounding: Decimal = ZERO
    tenders: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(TENDER_TYPES, ZERO))
    sales: int = 0
    refund_count: int = 0

    @property
    def net_sales(self) -> Decimal:
        return sum(self.sales_by_category.values(), ZERO) - self.discounts - self.refunds

    @property
    def tax(self) -> Decimal:
        return sum(self.taxes.values(), ZERO)

    @property
    def gift_cards_redeemed(self) -> Decimal:
        return self.tenders["gift-card"]

    @property
    def total_tendered(self) -> Decimal:
        return sum(self.tenders.values(), ZERO)


def figures(sales: Iterable[Sale]) -> DayFigures:
    """A day's figures. A sale credits its categories before discounts and debits the
    discounts; a refund debits Sales Refunds with what it gives back before tax, and reverses
    its tax, tips, gift cards and rounding."""
    out = DayFigures()

    def tax(name: str, amount: Decimal) -> None:
        key = name_key(name)
        out.tax_names.setdefault(key, name)
        out.taxes[key] = out.taxes.get(key, ZERO) + amount

    for sale in sales:
        sign = sale.sign
        if sale.refund_of:
            out.refund_count += 1
        else:
            out.sales += 1
        for line in sale.lines:
            if sale.refund_of:
                out.refunds += line.net
            else:
                key = category_key(line.category)
                out.category_names.setdefault(key, line.category)
                out.sales_by_category[key] = out.sales_by_category.get(key, ZERO) + line.amount
                out.discounts += line.discount
            tax("", sign * line.tax)
            for part in line.taxes:
                tax(part.name, sign * part.amount)
        out.tips += sign * sum((t.amount for t in sale.tips), ZERO)
        out.gift_cards_sold += sign * sale.gift_cards_sold
        out.rounding += sign * sale.rounding
        for tender in sale.tenders:
            out.tenders[tender.type] += sign * tender.amount
    return _tidy(out)


def _tidy(fig: DayFigures) -> DayFigures:
    if fig.taxes.get("") == ZERO and len(fig.taxes) > 1:
        del fig.taxes[""]  # only named taxes: no empty line for the unnamed one
    return fig


# A day's running totals, as kept at ingest: (line, key, name, amount) rows that add up.
TotalLine = tuple[str, str, str, Decimal]
_SCALARS = ("discounts", "refunds", "tips", "gift_cards_sold", "rounding")
_COUNTS = ("sales", "refund_count")


def total_lines(fig: DayFigures) -> list[TotalLine]:
    """The figures as running-total rows: adding two days' rows adds their figures."""
    rows: list[TotalLine] = [
        ("category", k, fig.category_names[k], v) for k, v in fig.sales_by_category.items()
    ]
    rows += [("tax", k, fig.tax_names.get(k, ""), v) for k, v in fig.taxes.items()]
    rows += [("tender", k, k, v) for k, v in fig.tenders.items() if v]
    rows += [(name, "", "", getattr(fig, name)) for name in _SCALARS if getattr(fig, name)]
    rows += [(name, "", "", Decimal(getattr(fig, name))) for name in _COUNTS if getattr(fig, name)]
    return rows


def figures_of_totals(rows: Iterable[TotalLine]) -> DayFigures:
    """A day's figures from its running totals (the rows of one or more batches of sales)."""
    fig = DayFigures()
    for line, key, name, amount in rows:
        if line == "category":
            fig.category_names.setdefault(key, name)
            fig.sales_by_category[key] = fig.sales_by_category.get(key, ZERO) + amount
        elif line == "tax":
            fig.tax_names.setdefault(key, name)
            fig.taxes[key] = fig.taxes.get(key, ZERO) + amount
        elif line == "tender":
            fig.tenders[key] = fig.tenders.get(key, ZERO) + amount
        elif line in _COUNTS:
            setattr(fig, line, getattr(fig, line) + int(amount))
        elif line in _SCALARS:
            setattr(fig, line, getattr(fig, line) + amount)
    return _tidy(fig)


@dataclass(frozen=True)
class JournalLine:
    account: str
    side: str  # debit / credit
    amount: Decimal
    memo: str


def sales_journal(
    day: date, fig: DayFigures, counted_cash: Decimal | None, label: str | None = None
) -> tuple[list[JournalLine], Decimal]:
    """A day's sales summary journal entry (balanced to the cent) and the cash to deposit.

    Debits: card clearing (cards), the cash drawer (cash counted, and other tenders), gift
    cards redeemed, discounts, refunds, over/short when the count differs. Credits: each
    category's sales account, each tax's payable account, tips payable, gift cards sold,
    rounding. Lines carry `label` (by default "Sales <day>"; late sales of a closed day are
    labelled as an adjustment). A negative figure (refunds beyond sales) moves its line to the
    other side."""
    lines: list[JournalLine] = []

    def add(account: str, side: str, amount: Decimal, memo: str) -> None:
        if amount == 0:
            return
        if amount < 0:
            side, amount = ("credit" if side == "debit" else "debit"), -amount
        lines.append(JournalLine(account, side, amount, memo))

    label = label or f"Sales {day.isoformat()}"
    add("card-clearing", "debit", fig.tenders["card"], f"{label}: card")
    cash_total = fig.tenders["cash"]
    add("cash-drawer", "debit", fig.tenders["other"], f"{label}: other tenders")
    redeemed = f"{label}: gift cards redeemed"
    add("gift-card-liability", "debit", fig.gift_cards_redeemed, redeemed)
    for key, amount in sorted(fig.sales_by_category.items()):
        add(f"sales:{key}", "credit", amount, f"{label}: {fig.category_names[key]}")
    add("sales-discounts", "debit", fig.discounts, f"{label}: discounts")
    add("sales-refunds", "debit", fig.refunds, f"{label}: refunds")
    for key, amount in sorted(fig.taxes.items()):
        name = fig.tax_names[key] or "sales tax"
        add(tax_account(fig.tax_names[key]), "credit", amount, f"{label}: {name}")
    add("tips-payable", "credit", fig.tips, f"{label}: tips")
    add("gift-card-liability", "credit", fig.gift_cards_sold, f"{label}: gift cards sold")
    add("rounding", "credit", fig.rounding, f"{label}: rounding")
    deposit = cash_total if counted_cash is None else counted_cash
    add("cash-drawer", "debit", deposit, f"{label}: cash")
    add("cash-over-short", "debit", cash_total - deposit, f"{label}: over/short")
    debits = sum((ln.amount for ln in lines if ln.side == "debit"), ZERO)
    credits = sum((ln.amount for ln in lines if ln.side == "credit"), ZERO)
    assert debits == credits, (debits, credits)  # every figure is exact to the cent
    return lines, deposit


def sale_keys(sales: Sequence[Sale]) -> set[str]:
    return {s.sale_id for s in sales}
