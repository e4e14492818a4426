"""A business day closed, and a day as the merchant sees it: typed values computed here from
what the repositories return (the sales, the counted cash, the postings), never loose dicts."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal

from cobalt_reporting.domain.sales import ZERO, CloseSchedule, DayFigures

IN_QUICKBOOKS = ("synced", "in QuickBooks before the start date")
MAX_CATCH_UP_DAYS = 31  # a long gap is caught up a month per pass, in order


def days_due(
    schedule: CloseSchedule, last_closed: date | None, earliest_open: date | None, now: datetime
) -> list[date]:
    """The business days a merchant has to close now, in order: every day after its last
    close whose close time has passed (a month at most per pass: no day is ever skipped). A
    merchant never closed starts at its first day with sales; one without sales has none."""
    if last_closed is None:
        if earliest_open is None:
            return []
        last_closed = earliest_open - timedelta(days=1)
    target = min(schedule.last_closable_day(now), last_closed + timedelta(days=MAX_CATCH_UP_DAYS))
    return [last_closed + timedelta(days=n) for n in range(1, (target - last_closed).days + 1)]


@dataclass(frozen=True)
class LateSales:
    """Sales of an earlier day, already closed, that arrived late and rode on a close."""

    day: date
    figures: DayFigures


@dataclass(frozen=True)
class EndOfDayClose:
    """A business day closed once: its on-time sales' figures, the cash counted, and the late
    sales of earlier days it carried (each posted as an adjustment dated its own day)."""

    merchant_id: uuid.UUID
    day: date
    figures: DayFigures
    counted_cash: Decimal | None
    closed_at: datetime
    closed_early: bool = False
    late: tuple[LateSales, ...] = ()

    @classmethod
    def of(
        cls,
        merchant_id: uuid.UUID,
        day: date,
        on_time: DayFigures,
        late: Mapping[date, DayFigures],
        counted_cash: Decimal | None,
        now: datetime,
        closes_at: datetime,
    ) -> EndOfDayClose:
        """The close of `day` from its figures and those of late sales of closed days."""
        return cls(
            merchant_id=merchant_id,
            day=day,
            figures=on_time,
            counted_cash=counted_cash,
            closed_at=now,
            closed_early=now < closes_at,
            late=tuple(LateSales(d, fig) for d, fig in sorted(late.items())),
        )

    @property
    def cash_taken(self) -> Decimal:
        return self.figures.tenders["cash"]

    @property
    def deposit(self) -> Decimal:
        """The cash deposited: what was counted, or (not counted) what was taken."""
        return self.cash_taken if self.counted_cash is None else self.counted_cash

    @property
    def cash_deposit(self) -> Decimal:
        return max(self.deposit, ZERO)

    @property
    def over_short(self) -> Decimal:
        """The deposit less the cash taken: negative when the drawer was short."""
        return self.deposit - self.cash_taken

    def card_sales_by_day(self) -> dict[date, Decimal]:
        """Card sales this close posted, by the day they belong to (late ones on their own)."""
        found: dict[date, Decimal] = defaultdict(lambda: ZERO)
        found[self.day] += self.figures.tenders["card"]
        for late in self.late:
            found[late.day] += late.figures.tenders["card"]
        return dict(found)


@dataclass(frozen=True)
class Adjustment:
    """Late sales of a day, posted after it closed by a later close (`closed_with`)."""

    closed_with: date
    figures: DayFigures


@dataclass(frozen=True)
class Posting:
    """One QuickBooks entry a day made, as the gateway last said."""

    entry_id: uuid.UUID
    kind: str
    description: str
    amount: Decimal
    state: str = "pending"
    txn_id: str | None = None
    detail: str | None = None

    @property
    def in_quickbooks(self) -> bool:
        return self.state in IN_QUICKBOOKS


@dataclass(frozen=True)
class DaySummary:
    """A business day as the merchant sees it: open (and when it closes) or closed, its
    figures, the late sales posted after it closed, and its QuickBooks entries."""

    day: date
    closes_at: datetime
    close: EndOfDayClose | None
    adjustments: tuple[Adjustment, ...] = ()
    total: DayFigures | None = None  # with adjustments: every sale of the day
    postings: tuple[Posting, ...] = ()

    @property
    def status(self) -> Literal["open", "closed"]:
        return "closed" if self.close is not None else "open"
