"""A card settlement batch: the processor pays the gross card sales of a batch less its fees
and any chargebacks or adjustments. Posted as one deposit, so that Card Clearing is relieved of
the whole gross (returning to the card sales not yet settled), the fees land in their expense
account and the bank receives exactly what the processor paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from cobalt_shared.errors import InvalidInput

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class DepositLine:
    """A line of the deposit: "in" adds to it (the gross), "out" is kept back (a fee)."""

    account: str
    amount: Decimal
    memo: str
    direction: Literal["in", "out"] = "in"


@dataclass(frozen=True)
class CardSettlement:
    batch_id: str
    settled_on: date
    gross: Decimal
    fees: Decimal = ZERO
    chargebacks: Decimal = ZERO
    days: tuple[date, ...] = ()  # the business days whose card sales it settles, if known

    @classmethod
    def of(
        cls,
        batch_id: str,
        settled_on: date,
        gross: Decimal,
        fees: Decimal | None = None,
        chargebacks: Decimal | None = None,
        net: Decimal | None = None,
        days: tuple[date, ...] = (),
    ) -> CardSettlement:
        """A settlement whose figures add up, or InvalidInput naming the field that does not."""
        batch_id = batch_id.strip()
        if not batch_id or len(batch_id) > 100:
            raise InvalidInput("batch id must be 1 to 100 characters", field="batch_id")
        if gross <= 0:
            raise InvalidInput("gross amount must be positive", field="gross")
        fees = fees or ZERO
        chargebacks = chargebacks or ZERO
        if fees < 0:
            raise InvalidInput("fees cannot be negative", field="fees")
        if chargebacks < 0:
            raise InvalidInput("chargebacks cannot be negative", field="chargebacks")
        if fees + chargebacks >= gross:
            raise InvalidInput(
                f"fees ({fees}) and chargebacks ({chargebacks}) must leave something of the "
                f"gross ({gross}) to deposit",
                field="fees",
            )
        if len(days) > 31:
            raise InvalidInput("a settlement names at most 31 business days", field="days")
        if any(d > settled_on for d in days):
            raise InvalidInput("a batch cannot settle a day after it was settled", field="days")
        made = cls(batch_id, settled_on, gross, fees, chargebacks, tuple(sorted(set(days))))
        if net is not None and net != made.net:
            raise InvalidInput(
                f"net {net} does not add up: gross {gross} - fees {fees} - chargebacks "
                f"{chargebacks} = {made.net}",
                field="net",
            )
        return made

    @property
    def net(self) -> Decimal:
        """What the bank receives."""
        return self.gross - self.fees - self.chargebacks

    def same_figures(self, other: CardSettlement) -> bool:
        return (self.gross, self.settled_on, self.fees, self.chargebacks, self.days) == (
            other.gross,
            other.settled_on,
            other.fees,
            other.chargebacks,
            other.days,
        )

    def waiting_for(self, closed: set[date]) -> list[date]:
        """The days it settles that are not closed yet: until they are, it waits."""
        return [d for d in self.days if d not in closed]

    def deposit_lines(self) -> list[DepositLine]:
        lines = [DepositLine("card-clearing", self.gross, f"Card batch {self.batch_id} (gross)")]
        if self.fees:
            lines.append(
                DepositLine("card-fees", self.fees, f"Card batch {self.batch_id} fees", "out")
            )
        if self.chargebacks:
            lines.append(
                DepositLine(
                    "card-chargebacks",
                    self.chargebacks,
                    f"Card batch {self.batch_id} chargebacks and adjustments",
                    "out",
                )
            )
        return lines


@dataclass(frozen=True)
class ClearingDay:
    """One day of Card Clearing: card sales closed into it, batches settled out of it, and
    what is left in it at the end of the day (card sales not yet settled)."""

    day: date
    card_sales: Decimal
    settled: Decimal  # the gross of the batches settled that day
    fees: Decimal
    chargebacks: Decimal
    deposited: Decimal  # what the bank received
    in_clearing: Decimal


def card_clearing(
    card_sales: dict[date, Decimal],
    batches: list[CardSettlement],
    start: date,
    end: date,
) -> list[ClearingDay]:
    """Each day from `start` to `end` that had card sales or a settlement, with the balance of
    Card Clearing carried from everything before `start`."""
    balance = sum((v for d, v in card_sales.items() if d < start), ZERO) - sum(
        (b.gross for b in batches if b.settled_on < start), ZERO
    )
    sold = {d for d in card_sales if start <= d <= end}
    paid = {b.settled_on for b in batches if start <= b.settled_on <= end}
    days = sorted(sold | paid)
    out: list[ClearingDay] = []
    for day in days:
        settled = [b for b in batches if b.settled_on == day]
        sales = card_sales.get(day, ZERO)
        gross = sum((b.gross for b in settled), ZERO)
        balance += sales - gross
        out.append(
            ClearingDay(
                day=day,
                card_sales=sales,
                settled=gross,
                fees=sum((b.fees for b in settled), ZERO),
                chargebacks=sum((b.chargebacks for b in settled), ZERO),
                deposited=sum((b.net for b in settled), ZERO),
                in_clearing=balance,
            )
        )
    return out
