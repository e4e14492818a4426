"""Typed payloads to and from their stored JSON, and the accounting contract to a Posting.

Validated by pydantic against the domain's own dataclasses, so a stored entry is read back as
the type it was written as (rows written before the gateway kept postings typed, which hold
the whole PostToQuickBooks message, read the same way).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter

from cobalt_qbwc_gateway.domain.posting import (
    BillPaid,
    ChartRead,
    CreditUse,
    EntryKind,
    Payload,
    Posting,
    PostingLine,
    VendorToAdd,
)
from cobalt_shared.contracts import PostToQuickBooks

_POSTING = TypeAdapter(Posting)
_VENDOR = TypeAdapter(VendorToAdd)
_CHART = TypeAdapter(ChartRead)


def payload_json(payload: Payload) -> str:
    if isinstance(payload, Posting):
        return _POSTING.dump_json(payload).decode()
    if isinstance(payload, VendorToAdd):
        return _VENDOR.dump_json(payload).decode()
    return _CHART.dump_json(payload).decode()


def payload_of(kind: EntryKind, text: str) -> Payload:
    if kind is EntryKind.VENDOR:
        return _VENDOR.validate_json(text)
    if kind is EntryKind.ACCOUNT_QUERY:
        return _CHART.validate_json(text)
    return _posting_of(text)


@functools.lru_cache(maxsize=4096)
def _posting_of(text: str) -> Posting:
    """A stored posting, decoded once while it is in use: a set's postings are read when it
    is planned, again when it is sent and when its answer comes (a Posting is immutable, so
    the entries share it)."""
    return _POSTING.validate_json(text)


def posting_of(command: PostToQuickBooks) -> Posting:
    """The command a service sent, as the gateway keeps it."""
    return Posting(
        kind=EntryKind(command.kind),
        txn_date=command.txn_date,
        source=command.source,
        ref_number=command.ref_number,
        memo=command.memo,
        vendor_name=command.vendor_name,
        due_date=command.due_date,
        bank_account=command.bank_account,
        to_be_printed=command.to_be_printed,
        lines=tuple(
            PostingLine(line.account, line.amount, line.memo, line.side) for line in command.lines
        ),
        applied=tuple(
            BillPaid(
                bill.bill_entry_id,
                bill.amount,
                tuple(CreditUse(c.credit_entry_id, c.amount) for c in bill.credits),
            )
            for bill in command.applied
        ),
        source_record=command.source_record,
        voids=command.voids,
        changes=command.changes,
    )


def aware(value: Any) -> datetime | None:
    """A time read from an aggregate (SQLite answers text, maybe without a zone) as UTC."""
    if value is None:
        return None
    found = datetime.fromisoformat(value) if isinstance(value, str) else value  # SQLite: text
    if not isinstance(found, datetime):
        raise TypeError(f"not a time: {value!r}")
    return found if found.tzinfo else found.replace(tzinfo=UTC)
