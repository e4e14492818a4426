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

    @property
    def open_balance(self) -> Decimal:
        return self.amount - self.paid - self.credited

    def payment_problem(self) -> str | None:
        """Why this bill cannot be paid through CobaltConnect now; None when it can."""
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

    @property
    def available(self) -> Decimal:
        return self.amount - self.applied

    def payment_problem(self) -> str | None:
        """Why this credit cannot be applied now; None when it can."""
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
