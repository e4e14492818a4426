"""A day's tie-out, as a bookkeeper checks it: the tenders pay for what was sold, the cash
counted matches the cash taken, the card sales are on their way through Card Clearing, and
every entry the day made is in QuickBooks. Each line says whether it ties and, if not, why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from cobalt_reporting.domain.close import EndOfDayClose, Posting

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class TieLine:
    label: str
    left: Decimal  # what the POS says
    right: Decimal  # what the books say
    ties: bool
    why: str | None = None  # when it does not tie: the reason and the fix


def tie_out(
    close: EndOfDayClose,
    postings: Sequence[Posting],
    in_clearing: Decimal,
) -> list[TieLine]:
    """The lines of a closed day's tie-out, from its close, its QuickBooks entries and what of
    its card sales is still in Card Clearing."""
    fig = close.figures
    sold = fig.net_sales + fig.tax + fig.tips + fig.gift_cards_sold + fig.rounding
    paid = fig.total_tendered
    lines = [
        TieLine(
            "Tenders = sales, tax, tips, gift cards and rounding",
            paid,
            sold,
            paid == sold,
            None
            if paid == sold
            else f"The tenders ({paid}) differ from what was sold ({sold}); a sale was "
            "recorded without all of its lines. Ask support to look at the day's sales.",
        )
    ]
    cash = close.cash_taken
    counted = close.counted_cash
    deposit = close.cash_deposit
    over_short = close.over_short
    lines.append(
        TieLine(
            "Cash taken = cash deposited",
            cash,
            deposit,
            over_short == 0,
            None
            if over_short == 0
            else f"The drawer was counted at {counted}: {abs(over_short)} "
            f"{'over' if over_short > 0 else 'short'}, posted to Cash Over/Short.",
        )
    )
    lines.append(
        TieLine(
            "Card Clearing at the day's end = card sales not settled yet",
            in_clearing,
            max(in_clearing, ZERO),
            in_clearing >= 0,
            None
            if in_clearing >= 0
            else f"Settlements so far exceed the card sales by {-in_clearing}: a settlement "
            "names days whose card sales are not all recorded, or was entered twice.",
        )
    )
    for posted in postings:
        synced = posted.in_quickbooks
        lines.append(
            TieLine(
                f"In QuickBooks: {posted.description}",
                posted.amount,
                posted.amount if synced else ZERO,
                synced,
                None if synced else f"It is {posted.state}: {posted.detail or 'on its way'}",
            )
        )
    if not postings:
        lines.append(
            TieLine(
                "In QuickBooks: the day's entries",
                sold,
                ZERO,
                sold == 0,
                None if sold == 0 else "The day made no entry yet; close the day first.",
            )
        )
    return lines
