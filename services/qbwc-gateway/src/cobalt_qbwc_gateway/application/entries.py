"""Use cases: accounting commands become entries; merchants read and retry them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from cobalt_qbwc_gateway.adapters.codec import posting_of
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.answers import release_dependents
from cobalt_qbwc_gateway.application.connections import require_connection
from cobalt_qbwc_gateway.application.queue import load_facts, load_facts_of, moved, save_entries
from cobalt_qbwc_gateway.application.results import publish_changes
from cobalt_qbwc_gateway.application.vendors import retry_vendor_of
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState, NotAllowed
from cobalt_qbwc_gateway.domain.events import Cancelled, Retried
from cobalt_qbwc_gateway.domain.lifecycle import apply
from cobalt_qbwc_gateway.domain.posting import Posting
from cobalt_qbwc_gateway.domain.waiting import derive
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.errors import Conflict, NotFound


async def record_command(
    cmd: PostToQuickBooks, uow: GatewayUnitOfWork, now: datetime
) -> tuple[Entry, bool]:
    """Store the command as an entry, once per entry id, in the state current facts give it
    (waiting, ready, looked up or cancelled before the start date). Takes an open unit of
    work. Returns the entry and whether it is new (False: that id was stored before)."""
    [recorded] = await record_commands([cmd], uow, now)
    return recorded


async def record_commands(
    cmds: Sequence[PostToQuickBooks], uow: GatewayUnitOfWork, now: datetime
) -> list[tuple[Entry, bool]]:
    """`record_command` for each command, in order, with a few statements for them all: the
    facts of all their merchants are read at once and the new entries stored together. Each
    entry gets the state it would get alone: a run ends at a command that replaces an entry
    (what follows sees the withdrawal) and before one that needs an entry of its run."""
    merchants = sorted({c.merchant_id for c in cmds})
    await uow.lock_merchants(merchants)
    connections = await uow.connections.for_merchants(merchants)
    recorded: list[tuple[Entry, bool]] = []
    for run in _runs([(cmd, _entry(cmd, now)) for cmd in cmds]):
        recorded += await _record_run(run, uow, connections, now)
    return recorded


_Command = tuple[PostToQuickBooks, Entry]  # a command and its entry before facts decide


def _runs(commands: Sequence[_Command]) -> list[list[_Command]]:
    """Split commands, in order, so no command needs facts an earlier one of its run changes."""
    runs: list[list[_Command]] = []
    ids: set[uuid.UUID] = set()
    ends = True
    for cmd, entry in commands:
        needs = entry.posting.prerequisites if entry.posting else ()
        if ends or ids.intersection(needs):
            runs.append([])
            ids = set()
        runs[-1].append((cmd, entry))
        ids.add(entry.id)
        ends = cmd.replaces is not None
    return runs


async def _record_run(
    run: Sequence[_Command],
    uow: GatewayUnitOfWork,
    connections: Mapping[uuid.UUID, Connection],
    now: datetime,
) -> list[tuple[Entry, bool]]:
    entries = [entry for _, entry in run]
    wanted: dict[uuid.UUID, tuple[date | None, list[Entry]]] = {}
    for entry in entries:
        connection = connections.get(entry.merchant_id)
        start = connection.start_date if connection else None
        wanted.setdefault(entry.merchant_id, (start, []))[1].append(entry)
    facts = await load_facts_of(uow, wanted, now)
    for i, entry in enumerate(entries):
        derived = derive(entry, facts[entry.merchant_id])
        entries[i] = replace(
            entry, state=derived.state, detail=derived.detail, error_code=derived.error_code
        )
    added = await uow.entries.add_new(entries)
    recorded: list[tuple[Entry, bool]] = []
    for entry in entries:
        if entry.id in added:
            added.discard(entry.id)  # a second command with the same id finds the first
            recorded.append((entry, True))
            continue
        existing = await uow.entries.get(entry.merchant_id, entry.id)
        if existing is None:  # the same entry id was used by another merchant
            raise Conflict(f"entry {entry.id} belongs to another merchant")
        recorded.append((existing, False))
    # Stored with its first state in its history; an owner hears at once of a cancellation.
    await publish_changes(uow, [(None, entry) for entry, new in recorded if new])
    for (cmd, _), (_, new) in zip(run, recorded, strict=True):
        if new and cmd.replaces is not None:
            await _withdraw(uow, cmd, now)
    return recorded


def _entry(cmd: PostToQuickBooks, now: datetime) -> Entry:
    posting = posting_of(cmd)
    return Entry(
        id=cmd.entry_id,
        merchant_id=cmd.merchant_id,
        kind=posting.kind,
        txn_date=cmd.txn_date,
        payload=posting,
        state=EntryState.WAITING_FOR_MAPPING,
        detail="",
        created_at=now,
        updated_at=now,
    )


async def _withdraw(uow: GatewayUnitOfWork, cmd: PostToQuickBooks, now: datetime) -> None:
    """The entry `cmd` replaces is withdrawn (cancelled, naming its replacement) unless it is
    in QuickBooks or on its way there; only its own source may replace it."""
    assert cmd.replaces is not None
    old = await uow.entries.get(cmd.merchant_id, cmd.replaces)
    if old is None or not isinstance(old.payload, Posting) or old.payload.source != cmd.source:
        return
    reason = (
        f"Replaced by the entry dated {cmd.txn_date.isoformat()} ({cmd.entry_id}), which "
        f"{cmd.source} sent instead: {cmd.memo or 'see that entry'}"
    )
    after = moved(old, Cancelled(reason), now)
    await save_entries(uow, [(old, after)])


@dataclass(frozen=True)
class EntryFilter:
    state: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 100
    offset: int = 0
    text: str | None = None  # search: vendor, reference number, memo or amount


async def list_entries(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, filters: EntryFilter
) -> list[Entry]:
    await require_connection(uow, merchant_id)
    return await uow.entries.find(
        merchant_id,
        state=filters.state,
        kind=filters.kind,
        date_from=filters.date_from,
        date_to=filters.date_to,
        limit=filters.limit,
        offset=filters.offset,
        text=filters.text,
    )


async def get_entry(uow: GatewayUnitOfWork, merchant_id: uuid.UUID, entry_id: uuid.UUID) -> Entry:
    await require_connection(uow, merchant_id)
    entry = await uow.entries.get(merchant_id, entry_id)
    if entry is None:
        raise NotFound(f"entry {entry_id} not found")
    return entry


async def entry_counts(uow: GatewayUnitOfWork, merchant_id: uuid.UUID) -> dict[str, int]:
    await require_connection(uow, merchant_id)
    return await uow.entries.counts(merchant_id)


async def retry_entry(
    uow: GatewayUnitOfWork,
    merchant_id: uuid.UUID,
    entry_id: uuid.UUID,
    now: datetime,
    by: str | None = None,
) -> Entry:
    """Send a failed entry again once its cause is fixed: what it waits for is derived anew
    from current facts. Refused, with the reason, for an entry that has not failed. Takes an
    open unit of work."""
    await uow.lock_merchants([merchant_id])
    entry = await get_entry(uow, merchant_id, entry_id)
    try:
        return await _retry(uow, entry, now, by)
    except NotAllowed as exc:
        detail = f"{exc}: {entry.detail}" if entry.state is not EntryState.FAILED else str(exc)
        raise Conflict(detail, code="not_failed") from None


async def retry_failed(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, now: datetime, by: str | None = None
) -> list[Entry]:
    """Retry every failed entry of the merchant. Takes an open unit of work."""
    await require_connection(uow, merchant_id)
    await uow.lock_merchants([merchant_id])
    retried = []
    for entry in await uow.entries.in_states(merchant_id, (EntryState.FAILED,)):
        current = await uow.entries.get(merchant_id, entry.id)  # a vendor retry may move it
        if current is not None and current.state is EntryState.FAILED:
            retried.append(await _retry(uow, current, now, by))
    return retried


async def _retry(
    uow: GatewayUnitOfWork, entry: Entry, now: datetime, by: str | None = None
) -> Entry:
    connection = await require_connection(uow, entry.merchant_id)
    facts = await load_facts(uow, entry.merchant_id, connection.start_date, now, [entry])
    retried = apply(entry, Retried(facts), now)
    if await retry_vendor_of(uow, entry, facts) is not None:
        facts = await load_facts(uow, entry.merchant_id, connection.start_date, now, [entry])
        retried = apply(entry, Retried(facts), now)
    retried = replace(retried, retried_by=by, retried_at=now)
    await save_entries(uow, [(entry, retried)])
    await release_dependents(uow, connection, now)
    return retried
