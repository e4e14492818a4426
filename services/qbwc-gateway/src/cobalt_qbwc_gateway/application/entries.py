"""Use cases: accounting commands become entries; merchants read and retry them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import require_connection
from cobalt_qbwc_gateway.domain.entry import Entry
from cobalt_shared.contracts import PostToQuickBooks, utcnow
from cobalt_shared.errors import Conflict, NotFound


async def record_command(cmd: PostToQuickBooks, uow: GatewayUnitOfWork) -> tuple[Entry, bool]:
    """Store the command as an entry, once per entry id. Takes an open unit of work."""
    connection = await uow.connections.for_merchant(cmd.merchant_id)
    accounts = tuple(line.account for line in cmd.lines)
    if cmd.bank_account:
        accounts += (cmd.bank_account,)
    entry = Entry.received(
        entry_id=cmd.entry_id,
        merchant_id=cmd.merchant_id,
        kind=cmd.kind,
        txn_date=cmd.txn_date,
        accounts=accounts,
        command=cmd.model_dump_json(),
        start_date=connection.start_date if connection else None,
        now=utcnow(),
    )
    entry = entry.with_mappings(
        await uow.mappings.mapped_accounts(cmd.merchant_id), entry.created_at
    )
    if await uow.entries.add_if_new(entry):
        return entry, True
    existing = await uow.entries.get(cmd.merchant_id, cmd.entry_id)
    if existing is None:  # the same entry id was used by another merchant
        raise Conflict(f"entry {cmd.entry_id} belongs to another merchant")
    return existing, False


@dataclass(frozen=True)
class EntryFilter:
    state: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 100


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


async def retry_entry(uow: GatewayUnitOfWork, merchant_id: uuid.UUID, entry_id: uuid.UUID) -> Entry:
    """Send a failed entry again once its cause is fixed. Takes an open unit of work."""
    entry = await get_entry(uow, merchant_id, entry_id)
    try:
        retried = entry.retried(utcnow())
    except ValueError as exc:
        raise Conflict(str(exc)) from None
    await uow.entries.save(retried)
    return retried
