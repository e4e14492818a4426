"""Use case: a mapping event updates the read model and releases (or holds) entries."""

from __future__ import annotations

from datetime import datetime

from cobalt_qbwc_gateway.adapters.repository import Mapping
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.queue import load_facts, moved, save_entries
from cobalt_qbwc_gateway.domain.entry import UNSENT
from cobalt_qbwc_gateway.domain.events import MappingChanged
from cobalt_shared.contracts import AccountMapped


async def apply_mapping(event: AccountMapped, uow: GatewayUnitOfWork, now: datetime) -> int:
    """Record the mapping; re-derive the merchant's unsent entries that use the account.
    Returns how many moved. Takes an open unit of work; the caller commits."""
    await uow.lock_merchants([event.merchant_id])
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
    using = [
        e
        for e in await uow.entries.in_states(event.merchant_id, UNSENT)
        if event.account in e.accounts
    ]
    if not using:
        return 0
    connection = await uow.connections.for_merchant(event.merchant_id)
    start = connection.start_date if connection else None
    facts = await load_facts(uow, event.merchant_id, start, now, using)
    changes = [(e, moved(e, MappingChanged(facts), now)) for e in using]
    await save_entries(uow, changes)
    return sum(1 for before, after in changes if before != after)
