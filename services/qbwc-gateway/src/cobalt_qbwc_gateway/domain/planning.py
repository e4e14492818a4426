"""What the Web Connector gets next, decided purely from one merchant's queue.

Order: settle a set whose answer never came (error recovery) before anything else; then the
read-only questions (verifications, vendor lookups, before-the-start-date lookups, a page of
the chart of accounts); then one set of writes; when nothing is left, Accounts Payable's
read-back. Whatever cannot be built fails alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, Entry, EntryState
from cobalt_qbwc_gateway.domain.events import PrerequisiteChanged, Unbuildable
from cobalt_qbwc_gateway.domain.facts import Facts, VendorLink, VendorState
from cobalt_qbwc_gateway.domain.lifecycle import apply
from cobalt_qbwc_gateway.domain.posting import ChartRead, EntryKind, VendorToAdd, vendor_of
from cobalt_qbwc_gateway.domain.readback import READ_BACK_EVERY, ReadBackState, queries
from cobalt_qbwc_gateway.domain.translation import build, lookup, verification
from cobalt_qbwc_gateway.domain.waiting import vendor_name_problem
from cobalt_qbxml.node import Node
from cobalt_qbxml.requests import AccountQuery, VendorQuery
from cobalt_qbxml.values import QbxmlValueError, name_key

VENDOR_QUERY_ID = "vendors"
ACCOUNTS_PREFIX = "accounts:"  # requestID of a chart-of-accounts page: accounts:<entry id>


@dataclass(frozen=True)
class Limits:
    batch_size: int = 125  # requests per write set (the byte bound is applied when written)
    reads_per_set: int = 50
    account_page_size: int = 500
    read_back_page: int = 1000  # bills (and credits) changed in QuickBooks, per read (a set)
    read_back_every: timedelta = READ_BACK_EVERY  # without CobaltConnect activity too
    # Ready entries a step (not a session's start) plans from beyond one set: spares for
    # entries that turn out unwritable now (a vendor being added, nothing to build).
    step_spare: int = 25


@dataclass(frozen=True)
class Queue:
    """One merchant's unfinished entries, as a step of a Web Connector session sees them."""

    merchant_id: uuid.UUID
    facts: Facts
    unsettled: tuple[Entry, ...] = ()  # sent, oldest first
    checking: tuple[Entry, ...] = ()
    looking_up: tuple[Entry, ...] = ()
    chart_reads: tuple[Entry, ...] = ()
    # Not sent yet, oldest first: each is re-derived from current facts at every step, so
    # one that missed its mapping or prerequisite event still moves on.
    unsent: tuple[Entry, ...] = ()
    read_back: ReadBackState | None = None  # set when Accounts Payable should be read back


@dataclass(frozen=True)
class Recover:
    """Ask what became of an earlier set (a set carrying only oldMessageSetID)."""

    message_set_id: str


@dataclass(frozen=True)
class Reads:
    requests: tuple[Node, ...]


@dataclass(frozen=True)
class Writes:
    entries: tuple[Entry, ...]
    requests: tuple[Node, ...]


Step = Recover | Reads | Writes


@dataclass(frozen=True)
class Plan:
    step: Step | None
    changed: tuple[Entry, ...] = ()  # entries the planning moved (waits, failures)
    vendors: tuple[VendorLink, ...] = ()  # vendor links registered or moved
    new_entries: tuple[Entry, ...] = ()  # VendorAdd entries to store


def plan(queue: Queue, limits: Limits) -> Plan:
    if queue.unsettled:
        return Plan(Recover(queue.unsettled[0].message_set_id or ""))
    facts, vendors = _register_vendors(queue)
    changed: dict[uuid.UUID, Entry] = {}
    unsent = [_current(e, facts, changed) for e in queue.unsent]
    reads = _reads(queue, vendors, facts.now, limits, changed)
    if reads:
        return _plan(Reads(tuple(reads)), changed, vendors, ())
    new_entries, vendors = _vendor_entries(queue, vendors, facts.now)
    writes = _writes([*new_entries, *unsent], facts, limits, changed)
    if writes is None and queue.read_back is not None:
        # Last in an update, after our own writes: what changed in QuickBooks since.
        read_back = Reads(tuple(queries(queue.read_back, limits.read_back_page)))
        return _plan(read_back, changed, vendors, new_entries)
    return _plan(writes, changed, vendors, new_entries)


def _plan(
    step: Step | None,
    changed: dict[uuid.UUID, Entry],
    vendors: dict[str, VendorLink],
    new_entries: tuple[Entry, ...],
) -> Plan:
    return Plan(step, tuple(changed.values()), tuple(vendors.values()), new_entries)


def _register_vendors(queue: Queue) -> tuple[Facts, dict[str, VendorLink]]:
    """Every valid vendor name an unsent entry needs is known, or queued to be looked up."""
    vendors = dict(queue.facts.vendors)
    for entry in queue.unsent:
        if entry.state is EntryState.WAITING_FOR_MAPPING:
            continue  # its vendor is looked up once its accounts are mapped
        name = vendor_of(entry.payload)
        if name and name_key(name) not in vendors and vendor_name_problem(name) is None:
            vendors[name_key(name)] = VendorLink(name, VendorState.UNKNOWN)
    return replace(queue.facts, vendors=vendors), vendors


def _current(entry: Entry, facts: Facts, changed: dict[uuid.UUID, Entry]) -> Entry:
    """The entry as current facts have it (a vendor linked, a bill synced since)."""
    if entry.kind is EntryKind.VENDOR or not entry.due(facts.now):
        return entry  # a busy QuickBooks' answer keeps it (and says so) until it is due
    moved = apply(entry, PrerequisiteChanged(facts), facts.now)
    if moved is not entry:
        changed[entry.id] = moved
    return moved


def _reads(
    queue: Queue,
    vendors: dict[str, VendorLink],
    now: datetime,
    limits: Limits,
    changed: dict[uuid.UUID, Entry],
) -> list[Node]:
    """Read-only requests, safe to repeat: a lost answer is simply asked again."""
    checking = [e for e in queue.checking if e.due(now)][: limits.reads_per_set]
    reads = [verification(e, queue.facts) for e in checking]
    unknown = [v.name for v in vendors.values() if v.state is VendorState.UNKNOWN]
    if unknown:
        query = VendorQuery(full_names=unknown[: limits.reads_per_set])
        reads.append(query.to_node(VENDOR_QUERY_ID))
    for entry in [e for e in queue.looking_up if e.due(now)][: limits.reads_per_set]:
        try:
            reads.append(lookup(entry))
        except QbxmlValueError as exc:
            failed = apply(entry, Unbuildable("invalid", f"It cannot be looked up: {exc}."), now)
            changed[entry.id] = failed
    if queue.chart_reads:
        reads.append(chart_page(queue.chart_reads[0], limits.account_page_size))
    return reads


def chart_page(entry: Entry, page_size: int) -> Node:
    read = entry.payload
    assert isinstance(read, ChartRead)
    query = AccountQuery(max_returned=page_size, from_name=read.from_name)
    return query.to_node(ACCOUNTS_PREFIX + str(entry.id))


def _vendor_entries(
    queue: Queue, vendors: dict[str, VendorLink], now: datetime
) -> tuple[tuple[Entry, ...], dict[str, VendorLink]]:
    """A vendor QuickBooks lacks becomes an entry of its own (a VendorAdd), once."""
    new: list[Entry] = []
    for key, link in list(vendors.items()):
        if link.state is not VendorState.MISSING:
            continue
        seed = f"vendor:{key}" if link.entry_id is None else f"vendor:{key}:{link.entry_id}"
        entry = Entry(
            id=uuid.uuid5(queue.merchant_id, seed),
            merchant_id=queue.merchant_id,
            kind=EntryKind.VENDOR,
            txn_date=now.date(),
            payload=VendorToAdd(link.name),
            state=EntryState.READY,
            detail=READY_DETAIL,
            created_at=now,
            updated_at=now,
        )
        new.append(entry)
        vendors[key] = replace(link, state=VendorState.ADDING, entry_id=entry.id)
    return tuple(new), vendors


def _vendor_linked(entry: Entry, facts: Facts) -> bool:
    """Its vendor is in QuickBooks (or it needs none): otherwise it goes after the vendor."""
    name = vendor_of(entry.payload)
    if name is None or entry.kind is EntryKind.VENDOR:
        return True
    link = facts.vendor(name)
    return link is not None and link.state is VendorState.LINKED


def _writes(
    candidates: list[Entry], facts: Facts, limits: Limits, changed: dict[uuid.UUID, Entry]
) -> Writes | None:
    ready = [
        e
        for e in candidates
        if e.state is EntryState.READY and e.due(facts.now) and _vendor_linked(e, facts)
    ]
    alone = next((e for e in ready if e.send_alone), None)
    if alone is not None:
        ready = [alone]  # its last set was refused whole: find out whether it is the culprit
    chosen: list[Entry] = []
    nodes: list[Node] = []
    for entry in ready:
        if len(chosen) >= limits.batch_size:
            break
        built = build(entry, facts)
        if isinstance(built, Unbuildable):
            changed[entry.id] = apply(entry, built, facts.now)
            continue
        chosen.append(entry)
        nodes.append(built)
    return Writes(tuple(chosen), tuple(nodes)) if chosen else None
