"""Results go to their owner: each entry's outcome, as its source service sees it, is
published on that service's own subject (payables gets payables' results only). The results
one transaction produces for a merchant and a service travel together, in one message."""

from __future__ import annotations

from collections.abc import Iterable

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_shared.contracts import QuickBooksEntryResult, QuickBooksEntryResults
from cobalt_shared.contracts.gateway import RESULTS_PER_MESSAGE, InQuickBooks
from cobalt_shared.contracts.subjects import entry_result

PENDING = "pending"
WAITING = "waiting"
HELD = (EntryState.WAITING_FOR_MAPPING, EntryState.WAITING_FOR_PREREQUISITE)


def owner_state(entry: Entry | None) -> str | None:
    """What the owning service sees: synced, failed, cancelled, in QuickBooks before the start
    date, waiting (held until a mapping is made or another entry is in QuickBooks; the
    explanation says which), or pending (on its way)."""
    if entry is None:
        return None
    if entry.state.final or entry.state is EntryState.FAILED:
        return entry.state.value
    if entry.state in HELD:
        return WAITING
    return PENDING


async def publish_changes(
    uow: GatewayUnitOfWork, changes: Iterable[tuple[Entry | None, Entry]]
) -> None:
    """Publish a result for every entry whose owner-visible state changed (one statement)."""
    results: list[tuple[str, QuickBooksEntryResult]] = []
    for before, after in changes:
        state = owner_state(after)
        moved = state != owner_state(before) and not (before is None and state == PENDING)
        reason_changed = state == WAITING and before is not None and before.detail != after.detail
        if moved or reason_changed:
            results.extend(_result(after))
    await uow.outbox.add_many(together(results))


async def publish_many(
    uow: GatewayUnitOfWork, seen: Iterable[tuple[Entry, InQuickBooks | None]]
) -> None:
    """Each entry's result, in one statement (a read-back tells hundreds at once)."""
    await uow.outbox.add_many(together([r for entry, found in seen for r in _result(entry, found)]))


def together(
    results: Iterable[tuple[str, QuickBooksEntryResult]],
) -> list[tuple[str, QuickBooksEntryResults]]:
    """The results as messages: one per merchant and owner (one subject), each in the order
    the results came, at most `RESULTS_PER_MESSAGE` in one."""
    by_subject: dict[str, list[QuickBooksEntryResult]] = {}
    for subject, result in results:
        by_subject.setdefault(subject, []).append(result)
    messages: list[tuple[str, QuickBooksEntryResults]] = []
    for subject, told in by_subject.items():
        merchant = told[0].merchant_id  # the subject names it: one merchant per subject
        for start in range(0, len(told), RESULTS_PER_MESSAGE):
            chunk = told[start : start + RESULTS_PER_MESSAGE]
            messages.append((subject, QuickBooksEntryResults(merchant_id=merchant, results=chunk)))
    return messages


def _result(
    entry: Entry, in_quickbooks: InQuickBooks | None = None
) -> list[tuple[str, QuickBooksEntryResult]]:
    """The result to publish for `entry`, on its owner's subject; none for the gateway's own
    entries (vendors, chart reads), which have no owner to tell."""
    posting = entry.posting
    if posting is None:
        return []
    result = (
        entry_result(entry.merchant_id, posting.source),
        QuickBooksEntryResult(
            merchant_id=entry.merchant_id,
            entry_id=entry.id,
            state=owner_state(entry) or PENDING,
            txn_id=entry.txn_id,
            error_code=entry.error_code,
            explanation=None if entry.state is EntryState.SYNCED else entry.detail,
            kind=entry.kind.value,
            source=posting.source,
            source_record=posting.source_record,
            in_quickbooks=in_quickbooks,
        ),
    )
    return [result]
