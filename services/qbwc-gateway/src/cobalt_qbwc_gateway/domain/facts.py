"""What the gateway knows about a merchant's QuickBooks when it decides about an entry:
which accounts are mapped, which vendors are there, where each prerequisite stands."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cobalt_qbwc_gateway.domain.entry import EntryState
from cobalt_qbwc_gateway.domain.posting import EntryKind
from cobalt_qbxml.values import name_key


class VendorState(StrEnum):
    UNKNOWN = "unknown"  # to be looked up in QuickBooks by name
    MISSING = "missing"  # QuickBooks has no vendor of that name: it will be added
    ADDING = "adding"  # its VendorAdd entry is on its way
    LINKED = "linked"  # in QuickBooks, with its ListID
    FAILED = "failed"  # could not be added (the reason says why)


@dataclass(frozen=True)
class VendorLink:
    """One vendor name and its presence in the merchant's QuickBooks."""

    name: str  # as the merchant typed it
    state: VendorState
    list_id: str | None = None
    qb_name: str | None = None  # the name QuickBooks has, when linked
    entry_id: uuid.UUID | None = None  # the VendorAdd entry, when one was made
    detail: str | None = None  # why it failed

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True)
class Prerequisite:
    """An entry another one needs in QuickBooks first (a bill a payment pays)."""

    entry_id: uuid.UUID
    kind: EntryKind
    description: str  # "bill INV-77 from Acme Beverage"
    state: EntryState
    detail: str
    txn_id: str | None = None
    edit_sequence: str | None = None  # the latest QuickBooks gave (a correction needs it)


@dataclass(frozen=True)
class Facts:
    """The current facts an entry's next state is derived from."""

    now: datetime
    account_names: Mapping[str, str] = field(default_factory=dict)  # key -> QB full name
    vendors: Mapping[str, VendorLink] = field(default_factory=dict)  # by name key
    prerequisites: Mapping[uuid.UUID, Prerequisite] = field(default_factory=dict)
    start_date: date | None = None

    def vendor(self, name: str) -> VendorLink | None:
        return self.vendors.get(name_key(name))
