"""Load what one step of a session needs; save what the domain decided. No decisions here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.readback import due as readback_due
from cobalt_qbwc_gateway.application.results import publish_changes
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import UNSENT, Entry, EntryState, NotAllowed
from cobalt_qbwc_gateway.domain.events import Event
from cobalt_qbwc_gateway.domain.facts import Facts, Prerequisite, VendorLink
from cobalt_qbwc_gateway.domain.lifecycle import apply
from cobalt_qbwc_gateway.domain.planning import Plan, Queue
from cobalt_qbwc_gateway.domain.posting import EntryKind, vendor_of
from cobalt_qbwc_gateway.domain.readback import READ_BACK_EVERY
from cobalt_qbxml.values import name_key

ACTIVE = (
    EntryState.SENT,
    EntryState.CHECKING,
    EntryState.LOOKING_UP,
    EntryState.WAITING_FOR_MAPPING,
    EntryState.READY,
    EntryState.WAITING_FOR_PREREQUISITE,
)


def prerequisite_of(entry: Entry) -> Prerequisite:
    return Prerequisite(
        entry_id=entry.id,
        kind=entry.kind,
        description=entry.describe(),
        state=entry.state,
        detail=entry.detail,
        txn_id=entry.txn_id,
        edit_sequence=entry.edit_sequence,
    )


async def load_facts(
    uow: GatewayUnitOfWork,
    merchant_id: uuid.UUID,
    start_date: date | None,
    now: datetime,
    needing: Iterable[Entry] = (),
) -> Facts:
    """What deciding about `needing` takes, as it stands now: their accounts' mappings, their
    vendors, their prerequisites (and the vendors still to be looked up or added)."""
    return (await load_facts_of(uow, {merchant_id: (start_date, needing)}, now))[merchant_id]


async def load_facts_of(
    uow: GatewayUnitOfWork,
    merchants: Mapping[uuid.UUID, tuple[date | None, Iterable[Entry]]],
    now: datetime,
) -> dict[uuid.UUID, Facts]:
    """`load_facts` for several merchants (merchant -> start date, entries needing facts),
    with a few queries for them all (mappings, vendors, prerequisites per merchant). The facts
    hold what those entries name (their accounts' mappings, their vendors, their
    prerequisites) and the vendors still to be looked up or added: they are for deciding
    about these entries only, and cost the same however many vendors and mappings the
    merchant has."""
    needing = {m: list(entries) for m, (_, entries) in merchants.items()}
    accounts = {m: {a for e in entries for a in e.accounts} for m, entries in needing.items()}
    names = await uow.mappings.full_names_of(accounts)
    vendors = await uow.vendors.for_planning({m: _vendor_keys(e) for m, e in needing.items()})
    facts: dict[uuid.UUID, Facts] = {}
    for merchant_id, (start_date, _) in merchants.items():
        needed = [i for e in needing[merchant_id] if e.posting for i in e.posting.prerequisites]
        prerequisites = await uow.entries.get_many(merchant_id, needed)
        facts[merchant_id] = Facts(
            now=now,
            account_names=names[merchant_id],
            vendors=vendors[merchant_id],
            prerequisites={i: prerequisite_of(e) for i, e in prerequisites.items()},
            start_date=start_date,
        )
    return facts


def _vendor_keys(entries: Iterable[Entry]) -> set[str]:
    return {name_key(name) for e in entries if (name := vendor_of(e.payload))}


async def load_queue(
    uow: GatewayUnitOfWork,
    connection: Connection,
    now: datetime,
    read_back_every: timedelta = READ_BACK_EVERY,
    window: int | None = None,
) -> Queue:
    """The merchant's queue. Whole (`window` None: every unsent entry, re-derived from current
    facts, as at the start of a session), or for one step: what is being settled, and the
    oldest `window` entries ready to write, so a step costs the same however long the
    backlog; entries that wait move on their own events, and at the next session's start."""
    merchant = connection.merchant_id
    if window is None:
        active = await uow.entries.in_states(merchant, ACTIVE)
    else:
        active = await uow.entries.for_step(merchant, now, window)
    unsent = tuple(e for e in active if e.state in UNSENT and e.kind is not EntryKind.ACCOUNT_QUERY)
    checking = tuple(e for e in active if e.state is EntryState.CHECKING)
    needing = (*unsent, *checking)  # a correction being checked reads what it changes
    facts = await load_facts(uow, connection.merchant_id, connection.start_date, now, needing)
    return Queue(
        merchant_id=connection.merchant_id,
        facts=facts,
        unsettled=tuple(e for e in active if e.state is EntryState.SENT),
        checking=checking,
        looking_up=tuple(e for e in active if e.state is EntryState.LOOKING_UP),
        chart_reads=tuple(
            e for e in active if e.kind is EntryKind.ACCOUNT_QUERY and e.state is EntryState.READY
        ),
        unsent=unsent,
        read_back=await readback_due(uow, connection, now, read_back_every),
    )


async def save_plan(
    uow: GatewayUnitOfWork,
    queue: Queue,
    plan: Plan,
    now: datetime,
    then: Sequence[tuple[Entry, Entry]] = (),
) -> None:
    """Store what planning moved: entries, new VendorAdd entries, vendor links; and `then`,
    what moved after planning (the entries of a set, sent), in the same statements."""
    for entry in plan.new_entries:
        await uow.entries.add_if_new(entry)
    before = {e.id: e for e in queue.unsent}
    await save_entries(uow, [*((before.get(e.id), e) for e in plan.changed), *then])
    await save_links(uow, queue.merchant_id, queue.facts.vendors, plan.vendors, now)


async def save_entries(
    uow: GatewayUnitOfWork, changes: Iterable[tuple[Entry | None, Entry]]
) -> None:
    """Save entries that moved and tell the owning services what their owners see changed."""
    pairs = [(b, a) for b, a in changes if b is None or b != a]
    await uow.entries.save_all(pairs)
    await publish_changes(uow, pairs)


async def save_links(
    uow: GatewayUnitOfWork,
    merchant_id: uuid.UUID,
    before: Mapping[str, VendorLink],
    after: Iterable[VendorLink],
    now: datetime,
) -> None:
    for link in after:
        if before.get(link.key) != link:
            await uow.vendors.set(merchant_id, link, now)


def moved(entry: Entry, event: Event, now: datetime) -> Entry:
    """`entry` after `event`, or unchanged when the state table refuses the event here."""
    try:
        return apply(entry, event, now)
    except NotAllowed:
        return entry
