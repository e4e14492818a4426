"""Bills and vendor credits: what the store owes vendors, and what vendors owe back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0.00")


class SyncState(StrEnum):
    """Where a bill, credit or payment is on its way into QuickBooks."""

    PENDING = "pending"  # sent to the gateway; goes at the next Web Connector update
    WAITING = "waiting"  # the gateway holds it until something is done (a mapping, a bill)
    SYNCED = "synced"
    FAILED = "failed"
    NOTHING_TO_SEND = "nothing to send"  # a zero amount: no QuickBooks transaction
    # Dated before the QuickBooks start date and not found there: never sent, never payable.
    NOT_IN_QUICKBOOKS = "not in QuickBooks"  # its detail says why

    @classmethod
    def of_result(cls, state: str) -> SyncState:
        """The state a gateway result puts a bill, credit or payment in."""
        return {
            "synced": cls.SYNCED,
            "in QuickBooks before the start date": cls.SYNCED,
            "failed": cls.FAILED,
            "cancelled": cls.NOT_IN_QUICKBOOKS,
            "waiting": cls.WAITING,
        }.get(state, cls.PENDING)

    @property
    def tone(self) -> Tone:
        """How the state reads at a glance: four different things, never one colour."""
        return _TONES[self]


class Tone(StrEnum):
    """The colour family a state is shown in."""

    PENDING = "pending"  # on its way, nothing to do
    WAITING = "waiting"  # held until the merchant (or another entry) does something
    FAILED = "failed"  # needs a fix
    SYNCED = "synced"  # in QuickBooks
    NEUTRAL = "neutral"  # nothing goes to QuickBooks


_TONES = {
    SyncState.PENDING: Tone.PENDING,
    SyncState.WAITING: Tone.WAITING,
    SyncState.SYNCED: Tone.SYNCED,
    SyncState.FAILED: Tone.FAILED,
    SyncState.NOTHING_TO_SEND: Tone.NEUTRAL,
    SyncState.NOT_IN_QUICKBOOKS: Tone.NEUTRAL,
}


@dataclass(frozen=True)
class Line:
    """One expense line: a CobaltConnect account and an amount."""

    account: str
    amount: Decimal
    memo: str | None = None


@dataclass(frozen=True)
class QuickBooksSide:
    """A bill or credit as QuickBooks has it, read back at a Web Connector update: what the
    owner changed or paid in QuickBooks itself shows here."""

    amount: Decimal
    open_amount: Decimal
    paid_elsewhere: Decimal = ZERO  # paid (or used) by transactions made in QuickBooks
    paid_elsewhere_on: date | None = None
    deleted: bool = False  # deleted in QuickBooks


def _followed(ours: Decimal, side: QuickBooksSide | None, amount: Decimal) -> Decimal:
    """What is open: ours (by our own synced payments), never more than QuickBooks has open.
    An amount changed in QuickBooks counts from the new amount."""
    if side is None:
        return ours
    if side.deleted:
        return ZERO
    ours += side.amount - amount
    return max(ZERO, min(ours, side.open_amount))


def _note(kind: str, side: QuickBooksSide | None, amount: Decimal, open_now: Decimal) -> str | None:
    if side is None:
        return None
    if side.deleted:
        return "Deleted in QuickBooks."
    notes = []
    if side.amount != amount:
        notes.append(f"amount changed in QuickBooks from {amount} to {side.amount}")
    if side.paid_elsewhere:
        verb = "used" if kind == "credit" else "paid"
        when = f" on {side.paid_elsewhere_on.isoformat()}" if side.paid_elsewhere_on else ""
        part = "" if open_now == 0 else f"{side.paid_elsewhere} "
        notes.append(f"{part}{verb} in QuickBooks{when}")
    if not notes:
        return None
    text = "; ".join(notes)
    return text[0].upper() + text[1:] + "."


@dataclass(frozen=True)
class Bill:
    """A received order's bill. Open balance = amount - synced payments - synced credits."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    bill_date: date
    due_date: date | None
    amount: Decimal
    lines: tuple[Line, ...]
    recorded_at: datetime
    state: SyncState = SyncState.PENDING
    txn_id: str | None = None
    detail: str | None = None
    paid: Decimal = ZERO
    credited: Decimal = ZERO
    pending_payment_id: uuid.UUID | None = None
    in_quickbooks: QuickBooksSide | None = None
    revision: int = 0  # the order's last correction this bill follows (0: as received)
    correction_problem: str | None = None  # why the order's last correction was not applied

    @property
    def applied(self) -> Decimal:
        """What is paid on it: our synced payments and credits, and payments made in
        QuickBooks itself. A correction can never cut the bill below this."""
        elsewhere = self.in_quickbooks.paid_elsewhere if self.in_quickbooks else ZERO
        return self.paid + self.credited + elsewhere

    @property
    def open_balance(self) -> Decimal:
        ours = self.amount - self.paid - self.credited
        return _followed(ours, self.in_quickbooks, self.amount)

    @property
    def quickbooks_note(self) -> str | None:
        """What changed in QuickBooks itself, in the merchant's words."""
        return _note("bill", self.in_quickbooks, self.amount, self.open_balance)

    def payment_problem(self) -> str | None:
        """Why this bill cannot be paid through CobaltConnect now; None when it can."""
        side = self.in_quickbooks
        if side is not None and side.deleted:
            return f"bill {self.invoice_number} was deleted in QuickBooks: nothing is left to pay"
        if self.correction_problem:
            return f"bill {self.invoice_number}: {self.correction_problem}"
        if side is not None and self.open_balance == 0 and side.paid_elsewhere:
            when = f" on {side.paid_elsewhere_on.isoformat()}" if side.paid_elsewhere_on else ""
            return (
                f"bill {self.invoice_number} was paid in QuickBooks{when}: nothing is left to pay"
            )
        if self.state is SyncState.FAILED:
            return (
                f"bill {self.invoice_number} did not reach QuickBooks ({self.detail}); "
                "fix it on the QB Entries page first"
            )
        if self.state is SyncState.NOT_IN_QUICKBOOKS:
            return (
                f"bill {self.invoice_number} is not in QuickBooks (dated before the QuickBooks "
                "start date and not found there), so it cannot be paid through CobaltConnect"
            )
        if self.pending_payment_id is not None:
            return f"bill {self.invoice_number} is already in a payment waiting for QuickBooks"
        return None

    @staticmethod
    def id_for(order_id: uuid.UUID) -> uuid.UUID:
        """Derived from the order, so one order can only ever make one bill (and one entry)."""
        return uuid.uuid5(order_id, "bill")


@dataclass(frozen=True)
class VendorCredit:
    """Credits on a received order, as one vendor credit. Available = amount - applied."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    credit_date: date
    amount: Decimal
    lines: tuple[Line, ...]
    recorded_at: datetime
    state: SyncState = SyncState.PENDING
    txn_id: str | None = None
    detail: str | None = None
    applied: Decimal = ZERO
    pending_payment_id: uuid.UUID | None = None
    in_quickbooks: QuickBooksSide | None = None

    @property
    def available(self) -> Decimal:
        return _followed(self.amount - self.applied, self.in_quickbooks, self.amount)

    @property
    def quickbooks_note(self) -> str | None:
        return _note("credit", self.in_quickbooks, self.amount, self.available)

    def payment_problem(self) -> str | None:
        """Why this credit cannot be applied now; None when it can."""
        if self.in_quickbooks is not None and self.in_quickbooks.deleted:
            return f"credit {self.invoice_number} was deleted in QuickBooks"
        if self.state is SyncState.FAILED:
            return (
                f"credit {self.invoice_number} did not reach QuickBooks ({self.detail}); "
                "fix it on the QB Entries page first"
            )
        if self.state is SyncState.NOT_IN_QUICKBOOKS:
            return (
                f"credit {self.invoice_number} is not in QuickBooks (dated before the "
                "QuickBooks start date and not found there), so it cannot be applied"
            )
        if self.pending_payment_id is not None:
            return f"credit {self.invoice_number} is already in a payment waiting for QuickBooks"
        return None

    @staticmethod
    def id_for(order_id: uuid.UUID) -> uuid.UUID:
        return uuid.uuid5(order_id, "vendor-credit")
