"""A QuickBooks entry: one business event on its way into the merchant's QuickBooks."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Literal

from cobalt_qbwc_gateway.domain.posting import EntryKind, Payload, Posting, vendor_of

Tone = Literal["pending", "waiting", "failed", "synced", "neutral"]


class EntryState(StrEnum):
    WAITING_FOR_MAPPING = "waiting for mapping"
    WAITING_FOR_PREREQUISITE = "waiting for prerequisite"
    READY = "ready"
    SENT = "sent"  # in a message set whose answer has not been recorded
    CHECKING = "checking"  # QuickBooks forgot its set: a query settles whether it arrived
    LOOKING_UP = "looking up"  # dated before the start date: is it in QuickBooks already?
    SYNCED = "synced"
    IN_QUICKBOOKS_BEFORE_START = "in QuickBooks before the start date"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        """Nothing more happens to it: it is in QuickBooks, or never will be."""
        return self in FINAL

    @property
    def in_quickbooks(self) -> bool:
        """QuickBooks has it (a payment can apply to it)."""
        return self in (EntryState.SYNCED, EntryState.IN_QUICKBOOKS_BEFORE_START)

    @property
    def pending(self) -> bool:
        """On its way: not yet in QuickBooks, not failed, not cancelled."""
        return self in PENDING

    @property
    def tone(self) -> Tone:
        """How the state reads at a glance: pending, waiting, failed, synced or neutral."""
        if self.in_quickbooks:
            return "synced"
        if self is EntryState.FAILED:
            return "failed"
        if self is EntryState.CANCELLED:
            return "neutral"
        if self in (EntryState.WAITING_FOR_MAPPING, EntryState.WAITING_FOR_PREREQUISITE):
            return "waiting"
        return "pending"


FINAL = frozenset({EntryState.SYNCED, EntryState.IN_QUICKBOOKS_BEFORE_START, EntryState.CANCELLED})
PENDING = frozenset(
    {
        EntryState.WAITING_FOR_MAPPING,
        EntryState.WAITING_FOR_PREREQUISITE,
        EntryState.READY,
        EntryState.SENT,
        EntryState.CHECKING,
        EntryState.LOOKING_UP,
    }
)
# States of entries QuickBooks has been asked about and whose answer is being settled.
SETTLING = (EntryState.SENT, EntryState.CHECKING, EntryState.LOOKING_UP)
# States a mapping, a prerequisite or a retry re-derives from current facts.
UNSENT = (
    EntryState.WAITING_FOR_MAPPING,
    EntryState.WAITING_FOR_PREREQUISITE,
    EntryState.READY,
)


@dataclass(frozen=True)
class Entry:
    """An entry and what became of it, in words a merchant can read."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    kind: EntryKind
    txn_date: date
    payload: Payload
    state: EntryState
    detail: str
    created_at: datetime
    updated_at: datetime
    txn_id: str | None = None
    edit_sequence: str | None = None
    error_code: str | None = None
    request_xml: str | None = None
    response_xml: str | None = None
    message_set_id: str | None = None
    not_before: datetime | None = None  # a retryable failure waits for a later session
    send_alone: bool = False  # its set was refused whole: it goes in a set of its own
    retried_by: str | None = None  # who last pressed Retry on it (from their sign-in)
    retried_at: datetime | None = None

    @property
    def accounts(self) -> tuple[str, ...]:
        return self.payload.accounts if isinstance(self.payload, Posting) else ()

    @property
    def posting(self) -> Posting | None:
        return self.payload if isinstance(self.payload, Posting) else None

    def due(self, now: datetime) -> bool:
        return self.not_before is None or self.not_before <= now

    def describe(self) -> str:
        """What it is, in the merchant's words: 'bill INV-77 from Acme Beverage'."""
        posting = self.posting
        label = self.kind.label
        if posting is None:
            return label
        if self.kind is EntryKind.PAYMENT_VOID and posting.memo:
            return posting.memo  # 'Void of the check 5001 to Acme Beverage, voided by ...'
        if posting.ref_number:
            label += f" {posting.ref_number}"
        if posting.vendor_name:
            label += f" {'to' if self.kind is EntryKind.BILL_PAYMENT else 'from'} "
            label += posting.vendor_name
        return label

    @property
    def party(self) -> str | None:
        """The vendor (or payee) it is made with, if any."""
        posting = self.posting
        if posting is not None:
            return posting.vendor_name
        return vendor_of(self.payload)

    def matches(self, text: str) -> bool:
        """Search: the vendor or payee, the reference number, the memo or the amount."""
        wanted = fold(text.strip())
        if not wanted:
            return True
        posting = self.posting
        amount = _as_amount(wanted)
        if amount is not None and posting is not None:
            amounts = {posting.amount, *(ln.amount for ln in posting.lines)}
            amounts.update(bill.amount for bill in posting.applied)
            if amount in amounts:
                return True
        words = [self.describe(), self.party or ""]
        if posting is not None:
            words += [posting.ref_number or "", posting.memo or ""]
        return any(wanted in fold(w) for w in words)


def fold(text: str) -> str:
    """Case and accents aside: 'Société' is found as 'societe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _as_amount(text: str) -> Decimal | None:
    cleaned = text.replace("$", "").replace(",", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


@dataclass(frozen=True)
class EntryEvent:
    """One step of an entry's history: the state it took, when, and why."""

    at: datetime
    state: EntryState
    detail: str


class NotAllowed(Exception):
    """An event cannot happen to an entry in this state; the message says why."""


def refusal(state: EntryState, *, retry: bool) -> str:
    """Why an event (Retry, or another) cannot happen in `state`, in words for a merchant."""
    if retry:
        return f"only failed entries can be retried (this one is {state})"
    if state.final:
        return f"the entry is final ({state}): nothing changes it any more"
    if state in (EntryState.SENT, EntryState.CHECKING):
        return f"the entry is in QuickBooks' hands ({state}): its answer decides what happens"
    if state is EntryState.FAILED:
        return "the entry failed: press Retry once its cause is fixed"
    if state is EntryState.LOOKING_UP:
        return "the entry is being looked for in QuickBooks; the answer decides"
    return f"no answer was expected for an entry that is {state}"


READY_DETAIL = "Ready: it goes to QuickBooks at the next Web Connector update."


def waiting_for(accounts: tuple[str, ...]) -> str:
    names = ", ".join(sorted(set(accounts))) or "its accounts"
    return f"Waiting for a QuickBooks account to be chosen for: {names} (Chart of Accounts)."
