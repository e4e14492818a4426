"""A QuickBooks entry: one business event on its way into the merchant's QuickBooks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum


class EntryState(StrEnum):
    WAITING_FOR_MAPPING = "waiting for mapping"
    WAITING_FOR_PREREQUISITE = "waiting for prerequisite"
    READY = "ready"
    SENT = "sent"
    SYNCED = "synced"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Entry:
    """An entry and what became of it, in words a merchant can read."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    kind: str
    txn_date: date
    accounts: tuple[str, ...]
    command: str  # the accounting command as received (JSON), kept for audit and building
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

    @classmethod
    def received(
        cls,
        *,
        entry_id: uuid.UUID,
        merchant_id: uuid.UUID,
        kind: str,
        txn_date: date,
        accounts: tuple[str, ...],
        command: str,
        start_date: date | None,
        now: datetime,
    ) -> Entry:
        """A new entry: cancelled when dated before the start date, else waiting for its
        accounts to be mapped (the mapping read model releases it)."""
        if start_date is not None and txn_date < start_date:
            state = EntryState.CANCELLED
            detail = (
                f"Dated {txn_date.isoformat()}, before the QuickBooks start date "
                f"{start_date.isoformat()}: it is not sent to QuickBooks."
            )
        else:
            state = EntryState.WAITING_FOR_MAPPING
            detail = waiting_for(accounts)
        return cls(
            entry_id, merchant_id, kind, txn_date, accounts, command, state, detail, now, now
        )

    def with_mappings(self, mapped: set[str], now: datetime) -> Entry:
        """Ready once every account it uses is mapped; waiting (naming the rest) otherwise.
        Only entries not yet handed to QuickBooks move."""
        movable = (
            EntryState.WAITING_FOR_MAPPING,
            EntryState.READY,
            EntryState.WAITING_FOR_PREREQUISITE,
        )
        if self.state not in movable:
            return self
        missing = tuple(a for a in self.accounts if a not in mapped)
        if not missing and self.state is EntryState.WAITING_FOR_PREREQUISITE:
            return self  # mapped, and still waiting for its vendor or bill
        if missing:
            state, detail = EntryState.WAITING_FOR_MAPPING, waiting_for(missing)
        else:
            state, detail = EntryState.READY, READY_DETAIL
        if (state, detail) == (self.state, self.detail):
            return self
        return replace(self, state=state, detail=detail, updated_at=now)

    def waiting_on(self, reason: str, now: datetime) -> Entry:
        """Mapped, but something must be in QuickBooks first (its vendor, the bill it pays)."""
        if self.state is EntryState.WAITING_FOR_PREREQUISITE and self.detail == reason:
            return self
        return replace(
            self, state=EntryState.WAITING_FOR_PREREQUISITE, detail=reason, updated_at=now
        )

    def released(self, now: datetime) -> Entry:
        """Its prerequisite arrived: ready to be sent."""
        return replace(self, state=EntryState.READY, detail=READY_DETAIL, updated_at=now)

    def sent(self, request_xml: str, message_set_id: str, now: datetime) -> Entry:
        """Handed to the Web Connector in message set `message_set_id`: outcome unknown."""
        return replace(
            self,
            state=EntryState.SENT,
            detail="Sent to QuickBooks; waiting for its answer.",
            request_xml=request_xml,
            message_set_id=message_set_id,
            updated_at=now,
        )

    def synced(
        self, txn_id: str | None, edit_sequence: str | None, response_xml: str, now: datetime
    ) -> Entry:
        return replace(
            self,
            state=EntryState.SYNCED,
            detail="In QuickBooks.",
            txn_id=txn_id,
            edit_sequence=edit_sequence,
            response_xml=response_xml,
            error_code=None,
            updated_at=now,
        )

    def failed(self, code: str, explanation: str, response_xml: str | None, now: datetime) -> Entry:
        return replace(
            self,
            state=EntryState.FAILED,
            detail=explanation,
            error_code=code,
            response_xml=response_xml,
            updated_at=now,
        )

    def requeued(self, reason: str, now: datetime, not_before: datetime | None = None) -> Entry:
        """Back to ready: QuickBooks certainly did not make it. A retryable failure (a lock,
        a record in use) waits until `not_before`, so it goes in a later session."""
        detail = f"{READY_DETAIL} ({reason})"
        if not_before is not None:
            detail = f"QuickBooks was busy ({reason}); it is sent again at a later update."
        return replace(
            self, state=EntryState.READY, detail=detail, updated_at=now, not_before=not_before
        )

    def unverified(self, now: datetime) -> Entry:
        """QuickBooks no longer remembers the set it went in (its error-recovery memory was
        cleared, or the set never reached it): its outcome is settled by a verification query
        matching our ExternalGUID before it is ever written again."""
        return replace(
            self,
            state=EntryState.SENT,
            detail=(
                "QuickBooks has no record of the message set it was sent in; checking whether "
                "it arrived before sending it again."
            ),
            message_set_id=VERIFY,
            updated_at=now,
        )

    @property
    def verifying(self) -> bool:
        return self.state is EntryState.SENT and self.message_set_id == VERIFY

    def due(self, now: datetime) -> bool:
        return self.not_before is None or self.not_before <= now

    def retried(self, now: datetime) -> Entry:
        """A failed entry goes back to waiting; nothing else can be retried."""
        if self.state is not EntryState.FAILED:
            raise ValueError(f"only failed entries can be retried (this one is {self.state})")
        return replace(
            self,
            state=EntryState.WAITING_FOR_MAPPING,
            detail=waiting_for(self.accounts),
            error_code=None,
            updated_at=now,
        )


VERIFY = "verify"  # message_set_id of a sent entry whose outcome a query must settle
READY_DETAIL = "Ready: it goes to QuickBooks at the next Web Connector update."


def waiting_for(accounts: tuple[str, ...]) -> str:
    names = ", ".join(sorted(set(accounts))) or "its accounts"
    return f"Waiting for a QuickBooks account to be chosen for: {names} (Chart of Accounts)."
