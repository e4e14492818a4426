"""Vendor resolution, decided purely: a lookup's answer and a VendorAdd's fate become links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.facts import VendorLink, VendorState
from cobalt_qbwc_gateway.domain.posting import VendorToAdd
from cobalt_qbxml.values import qbxml_name


def after_lookup(
    links: Mapping[str, VendorLink], found: Mapping[str, tuple[str, str]]
) -> list[VendorLink]:
    """Each vendor that was to be looked up is now linked (found by its qbXML name, case
    ignored, as QuickBooks matches) or missing (to be added)."""
    moved = []
    for key, link in links.items():
        if link.state is not VendorState.UNKNOWN:
            continue
        if key in found:
            list_id, qb_name = found[key]
            moved.append(replace(link, state=VendorState.LINKED, list_id=list_id, qb_name=qb_name))
        else:
            moved.append(replace(link, state=VendorState.MISSING))
    return moved


def after_vendor_entry(link: VendorLink | None, entry: Entry, qb_name: str | None) -> VendorLink:
    """The link as its VendorAdd entry now stands."""
    payload = entry.payload
    assert isinstance(payload, VendorToAdd)
    base = link or VendorLink(payload.vendor_name, VendorState.ADDING, entry_id=entry.id)
    if entry.state is EntryState.SYNCED:
        return replace(
            base,
            state=VendorState.LINKED,
            list_id=entry.txn_id,
            qb_name=qb_name or qbxml_name(payload.vendor_name),
            entry_id=entry.id,
            detail=None,
        )
    if entry.state is EntryState.FAILED:
        return replace(base, state=VendorState.FAILED, entry_id=entry.id, detail=entry.detail)
    return replace(base, state=VendorState.ADDING, entry_id=entry.id, detail=None)
