"""Use case: a mapping event updates the read model and releases (or holds) entries."""

from __future__ import annotations

from cobalt_qbwc_gateway.adapters.repository import Mapping
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.entry import EntryState
from cobalt_shared.contracts import AccountMapped, utcnow


async def apply_mapping(event: AccountMapped, uow: GatewayUnitOfWork) -> int:
    """Record the mapping; re-evaluate the merchant's unsent entries. Returns how many moved.

    Takes an open unit of work; the caller commits.
    """
    applied = await uow.mappings.apply(
        event.merchant_id,
        Mapping(
            account=event.account,
            qb_full_name=event.qb_full_name,
            qb_list_id=event.qb_list_id,
            qb_account_type=event.qb_account_type,
            as_of=event.occurred_at,
        ),
    )
    if not applied:
        return 0
    mapped = await uow.mappings.mapped_accounts(event.merchant_id)
    moved = 0
    now = utcnow()
    waiting = (
        EntryState.WAITING_FOR_MAPPING,
        EntryState.READY,
        EntryState.WAITING_FOR_PREREQUISITE,
    )
    for entry in await uow.entries.in_states(event.merchant_id, waiting):
        if event.account not in entry.accounts:
            continue
        updated = entry.with_mappings(mapped, now)
        if updated is not entry:
            await uow.entries.save(updated)
            moved += 1
    return moved
