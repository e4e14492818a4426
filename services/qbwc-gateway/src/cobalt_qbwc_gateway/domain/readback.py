"""Accounts Payable follows QuickBooks: at an update, the bills and vendor credits changed or
deleted in QuickBooks since the last read are read back (one message set), and each that
CobaltConnect made is told to its owner as QuickBooks has it now: its amount, what is open,
and what was paid there by transactions CobaltConnect did not make."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from cobalt_qbwc_gateway.domain.entry import Entry
from cobalt_qbwc_gateway.domain.posting import EntryKind
from cobalt_qbxml.answer import Response, Ret
from cobalt_qbxml.node import Node
from cobalt_qbxml.requests import TxnDeletedQuery, TxnKind, TxnQuery

READ_BACK_PREFIX = "readback:"  # requestID of a read-back query: readback:<kind>
# Bills and credits (their open amounts), and our checks (voided or deleted in QuickBooks).
READ_BACK_KINDS: tuple[TxnKind, ...] = ("Bill", "VendorCredit", "BillPaymentCheck")
LINKED_KINDS: tuple[TxnKind, ...] = ("Bill", "VendorCredit")  # with the payments that paid them
DELETED = "deleted"  # readback:deleted asks which of them were deleted in QuickBooks
FOLLOWED = (
    EntryKind.BILL,
    EntryKind.VENDOR_CREDIT,
    EntryKind.BILL_PAYMENT,
    EntryKind.PAYMENT_VOID,
    EntryKind.BILL_CHANGE,
    EntryKind.VENDOR_CREDIT_CHANGE,
    EntryKind.BILL_VOID,
    EntryKind.VENDOR_CREDIT_VOID,
)
READ_BACK_EVERY = timedelta(hours=1)  # also without CobaltConnect activity
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ReadBackState:
    """Where a merchant's read-back stands. `since` is on QuickBooks' clock (the latest
    modification time it answered), never ours."""

    due: bool
    since: datetime
    read_at: datetime | None = None
    # Mid-read, when more changed than one answer holds: QuickBooks' iterator per kind and the
    # latest modification seen so far. `since` moves only once every page has been read.
    iterators: tuple[tuple[TxnKind, str], ...] = ()
    seen_until: datetime | None = None

    def is_due(self, now: datetime, every: timedelta = READ_BACK_EVERY) -> bool:
        return self.due or self.read_at is None or now - self.read_at >= every


def first_since(start_date: date) -> datetime:
    """The first read goes back to the connection's start date (nothing earlier is ours)."""
    return datetime.combine(start_date, datetime.min.time(), tzinfo=UTC)


def queries(state: ReadBackState, page: int) -> list[Node]:
    """Bills and credits changed since the last read, with what paid them, and those deleted;
    or, mid-read, the next page of each kind that has more."""
    if state.iterators:
        return [
            TxnQuery(
                kind=kind,
                max_returned=page,
                include_linked_txns=kind in LINKED_KINDS,
                iterator="Continue",
                iterator_id=iterator_id,
            ).to_node(READ_BACK_PREFIX + kind)
            for kind, iterator_id in state.iterators
        ]
    changed = [
        TxnQuery(
            kind=kind,
            modified_from=state.since,
            max_returned=page,
            include_linked_txns=kind in LINKED_KINDS,
            iterator="Start",
        ).to_node(READ_BACK_PREFIX + kind)
        for kind in READ_BACK_KINDS
    ]
    deleted = TxnDeletedQuery(kinds=READ_BACK_KINDS, deleted_from=state.since)
    return [*changed, deleted.to_node(READ_BACK_PREFIX + DELETED)]


@dataclass(frozen=True)
class Observed:
    """One of our entries as QuickBooks has it now."""

    entry: Entry
    amount: Decimal
    open_amount: Decimal
    paid_elsewhere: Decimal
    paid_elsewhere_on: date | None
    deleted: bool = False


def observed(rets: Iterable[Ret], ours: Mapping[str, Entry]) -> list[Observed]:
    """What QuickBooks answered about entries we made (others are not ours: skipped). A
    linked payment we did not make was made in QuickBooks itself."""
    found = []
    for ret in rets:
        entry = ours.get(ret.txn_id or "")
        if entry is None:
            continue
        if ret.time_deleted is not None:  # a TxnDeletedRet: gone from QuickBooks
            found.append(Observed(entry, ZERO, ZERO, ZERO, None, deleted=True))
            continue
        if ret.amount is None:
            continue
        if ret.tag == "BillPaymentCheckRet":  # a check: its amount (zero once voided)
            found.append(Observed(entry, ret.amount, ret.amount, ZERO, None))
            continue
        elsewhere = [link for link in ret.linked if link.txn_id not in ours]
        found.append(
            Observed(
                entry=entry,
                amount=ret.amount,
                open_amount=ret.open_amount if ret.open_amount is not None else ret.amount,
                paid_elsewhere=-sum((link.amount for link in elsewhere), ZERO),
                paid_elsewhere_on=max(
                    (date.fromisoformat(link.txn_date) for link in elsewhere), default=None
                ),
            )
        )
    return found


def advanced(state: ReadBackState, answers: Sequence[Response], now: datetime) -> ReadBackState:
    """After an answer. Every page read: `since` moves to the latest modification QuickBooks
    answered (read again inclusively, so nothing modified in that same second is missed).
    More pages: the read goes on with QuickBooks' iterators. A page refused (an iterator that
    ended with its session, say): the read starts again from `since`, nothing skipped."""
    if state.iterators and any(not rs.status.ok for rs in answers):
        return ReadBackState(due=True, since=state.since, read_at=now)
    times = [
        _instant(t) for rs in answers for r in rs.rets if (t := r.time_modified or r.time_deleted)
    ]
    seen = max([state.seen_until or state.since, *times])
    more = tuple(
        (kind, rs.iterator_id)
        for rs in answers
        if rs.iterator_id and (rs.iterator_remaining or 0) > 0
        for kind in READ_BACK_KINDS
        if rs.kind == f"{kind}Query"
    )
    if more:
        return ReadBackState(True, state.since, now, iterators=more, seen_until=seen)
    return ReadBackState(due=False, since=seen, read_at=now)


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
