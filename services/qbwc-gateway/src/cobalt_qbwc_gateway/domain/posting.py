"""What an entry must make in QuickBooks, as the gateway keeps it: typed, never a loose dict.

A `Posting` is the accounting command a service sent (a bill, a payment, a deposit...); the
gateway's own entries carry a `VendorToAdd` (a vendor QuickBooks lacks) or a `ChartRead`
(reading the chart of accounts, a page at a time).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal


class EntryKind(StrEnum):
    BILL = "bill"
    VENDOR_CREDIT = "vendor-credit"
    BILL_PAYMENT = "bill-payment"
    PAYMENT_VOID = "payment-void"
    BILL_CHANGE = "bill-change"
    VENDOR_CREDIT_CHANGE = "vendor-credit-change"
    BILL_VOID = "bill-void"
    VENDOR_CREDIT_VOID = "vendor-credit-void"
    DEPOSIT = "deposit"
    JOURNAL_ENTRY = "journal-entry"
    VENDOR = "vendor"
    ACCOUNT_QUERY = "account-query"

    @property
    def needs_vendor(self) -> bool:
        """Made against a vendor, which must be in QuickBooks first."""
        return self in (EntryKind.BILL, EntryKind.VENDOR_CREDIT, EntryKind.BILL_PAYMENT)

    @property
    def has_prerequisites(self) -> bool:
        """It needs other entries in QuickBooks first (a payment its bills, a void or a
        correction what it acts on)."""
        return self is EntryKind.BILL_PAYMENT or self.changes_another

    @property
    def changes_another(self) -> bool:
        """It changes or voids a transaction another entry made (it has none of its own)."""
        return self in (*CHANGES, *VOIDS)

    @property
    def looked_up_before_start(self) -> bool:
        """Dated before the start date, it may already be in QuickBooks: look for it."""
        return self in (EntryKind.BILL, EntryKind.VENDOR_CREDIT)

    @property
    def label(self) -> str:
        return {
            EntryKind.BILL: "bill",
            EntryKind.VENDOR_CREDIT: "vendor credit",
            EntryKind.BILL_PAYMENT: "bill payment",
            EntryKind.PAYMENT_VOID: "bill payment void",
            EntryKind.BILL_CHANGE: "bill correction",
            EntryKind.VENDOR_CREDIT_CHANGE: "vendor credit correction",
            EntryKind.BILL_VOID: "bill void",
            EntryKind.VENDOR_CREDIT_VOID: "vendor credit void",
            EntryKind.DEPOSIT: "deposit",
            EntryKind.JOURNAL_ENTRY: "journal entry",
            EntryKind.VENDOR: "vendor",
            EntryKind.ACCOUNT_QUERY: "chart of accounts read",
        }[self]


# A correction replaces the lines of the bill or credit it `changes`; a void voids `voids`.
CHANGES = (EntryKind.BILL_CHANGE, EntryKind.VENDOR_CREDIT_CHANGE)
VOIDS = (EntryKind.PAYMENT_VOID, EntryKind.BILL_VOID, EntryKind.VENDOR_CREDIT_VOID)


@dataclass(frozen=True)
class PostingLine:
    """One line on a CobaltConnect account (mapped to a QuickBooks account by coa)."""

    account: str
    amount: Decimal
    memo: str | None = None
    side: Literal["debit", "credit"] | None = None


@dataclass(frozen=True)
class CreditUse:
    """A vendor credit (by its entry id) applied to a bill in a payment."""

    credit_entry_id: uuid.UUID
    amount: Decimal


@dataclass(frozen=True)
class BillPaid:
    """What a payment pays on one bill (by its entry id), and the credits it uses there."""

    bill_entry_id: uuid.UUID
    amount: Decimal
    credits: tuple[CreditUse, ...] = ()


@dataclass(frozen=True)
class Posting:
    """An accounting command from a service: one QuickBooks transaction to make."""

    kind: EntryKind
    txn_date: date
    source: str
    ref_number: str | None = None
    memo: str | None = None
    vendor_name: str | None = None
    due_date: date | None = None
    bank_account: str | None = None
    to_be_printed: bool = False  # a payment without a check number: print it later
    lines: tuple[PostingLine, ...] = ()
    applied: tuple[BillPaid, ...] = ()
    source_record: str | None = None
    voids: uuid.UUID | None = None  # a void: the entry whose transaction it voids
    changes: uuid.UUID | None = None  # a correction: the bill's or credit's entry

    @property
    def accounts(self) -> tuple[str, ...]:
        """Every CobaltConnect account it uses, each once, in order."""
        keys = [line.account for line in self.lines]
        if self.bank_account:
            keys.append(self.bank_account)
        return tuple(dict.fromkeys(keys))

    @property
    def amount(self) -> Decimal:
        """The transaction's total as QuickBooks shows it (a journal entry: its debits)."""
        if self.kind is EntryKind.BILL_PAYMENT:
            return sum((bill.amount for bill in self.applied), Decimal(0))
        if self.kind in VOIDS:
            return Decimal(0)  # a void leaves the transaction at zero
        if self.kind is EntryKind.JOURNAL_ENTRY:
            return sum((ln.amount for ln in self.lines if ln.side == "debit"), Decimal(0))
        if self.kind is EntryKind.DEPOSIT:  # what the bank receives: fees kept back
            signed = (-ln.amount if ln.side == "credit" else ln.amount for ln in self.lines)
            return sum(signed, Decimal(0))
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def origin(self) -> str:
        """Where it comes from, in the merchant's words: 'the bill of a received order'."""
        record = (self.source_record or "").split("/", 1)[0]
        if record == "bill":
            return "a received order (its bill)"
        if record == "vendor-credit":
            return "a received order (its credit)"
        if record == "payment":
            return "a payment sent from Accounts Payable"
        if record == "payment-void":
            return "a payment voided from Accounts Payable"
        if record in ("bill-change", "vendor-credit-change"):
            return "a received order corrected after its bill was sent"
        if record in ("bill-void", "vendor-credit-void"):
            return "a received order cancelled (or its credits removed)"
        if self.source == "reporting":
            return f"the store day {self.txn_date.isoformat()} (end-of-day close)"
        return self.source

    @property
    def prerequisites(self) -> tuple[uuid.UUID, ...]:
        """Entries that must be in QuickBooks first: the bills and credits a payment uses, the
        transaction a void voids or a correction changes."""
        ids: list[uuid.UUID] = [i for i in (self.voids, self.changes) if i]
        for bill in self.applied:
            ids.append(bill.bill_entry_id)
            ids.extend(c.credit_entry_id for c in bill.credits)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class VendorToAdd:
    """A vendor the merchant's QuickBooks does not have yet."""

    vendor_name: str


@dataclass(frozen=True)
class QuickBooksAccount:
    """One account of the merchant's QuickBooks chart, as read."""

    list_id: str
    name: str
    full_name: str
    number: str | None
    account_type: str
    is_active: bool


@dataclass(frozen=True)
class ChartRead:
    """Reading the chart of accounts: where the next page starts, what was read so far."""

    from_name: str | None = None
    accounts: tuple[QuickBooksAccount, ...] = ()


Payload = Posting | VendorToAdd | ChartRead


def vendor_of(payload: Payload) -> str | None:
    """The vendor the payload is made against (or adds), if any."""
    if isinstance(payload, VendorToAdd):
        return payload.vendor_name
    if isinstance(payload, Posting) and payload.kind.needs_vendor:
        return payload.vendor_name
    return None
