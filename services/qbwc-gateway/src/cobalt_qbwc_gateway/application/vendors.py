"""Vendor resolution: apply a lookup's answer, follow VendorAdd entries, retry a vendor."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.events import Retried
from cobalt_qbwc_gateway.domain.facts import Facts, VendorState
from cobalt_qbwc_gateway.domain.lifecycle import apply
from cobalt_qbwc_gateway.domain.outcomes import vendors_found
from cobalt_qbwc_gateway.domain.posting import EntryKind, VendorToAdd, vendor_of
from cobalt_qbwc_gateway.domain.vendors import after_lookup, after_vendor_entry
from cobalt_qbxml.answer import Response


async def apply_lookup(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, rs: Response | None, now: datetime
) -> bool:
    """Record which vendors QuickBooks has; False when the lookup failed (asked again)."""
    found = vendors_found(rs)
    if found is None:
        return False
    for link in after_lookup(await uow.vendors.all(merchant_id), found):
        await uow.vendors.set(merchant_id, link, now)
    return True


async def follow_vendor_entries(
    uow: GatewayUnitOfWork,
    merchant_id: uuid.UUID,
    moved: Iterable[Entry],
    now: datetime,
    qb_names: dict[uuid.UUID, str] | None = None,
) -> None:
    """A VendorAdd entry that moved moves its vendor's link with it."""
    for entry in moved:
        if entry.kind is not EntryKind.VENDOR:
            continue
        payload = entry.payload
        assert isinstance(payload, VendorToAdd)
        link = await uow.vendors.get(merchant_id, payload.vendor_name)
        name = (qb_names or {}).get(entry.id)
        await uow.vendors.set(merchant_id, after_vendor_entry(link, entry, name), now)


async def retry_vendor_of(uow: GatewayUnitOfWork, entry: Entry, facts: Facts) -> Entry | None:
    """Retrying an entry whose vendor could not be added retries that VendorAdd too."""
    name = vendor_of(entry.payload)
    link = facts.vendor(name) if name else None
    if link is None or link.state is not VendorState.FAILED or link.entry_id is None:
        return None
    vendor_entry = await uow.entries.get(entry.merchant_id, link.entry_id)
    if vendor_entry is None or vendor_entry.state is not EntryState.FAILED:
        return None
    retried = apply(vendor_entry, Retried(facts), facts.now)
    await uow.entries.save(retried, was=vendor_entry)
    await follow_vendor_entries(uow, entry.merchant_id, [retried], facts.now)
    return retried
