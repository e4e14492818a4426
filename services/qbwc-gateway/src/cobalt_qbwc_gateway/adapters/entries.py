"""Entries and vendor links, stored and read back as their domain types."""

from __future__ import annotations

import json
import operator
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, literal, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_qbwc_gateway.adapters.codec import aware, payload_json, payload_of
from cobalt_qbwc_gateway.adapters.orm import entries, entry_events, vendors
from cobalt_qbwc_gateway.domain.entry import PENDING, SETTLING, Entry, EntryEvent, EntryState
from cobalt_qbwc_gateway.domain.facts import VendorLink, VendorState
from cobalt_qbwc_gateway.domain.posting import EntryKind
from cobalt_qbxml.values import name_key
from cobalt_shared.db.statements import ManyRows, PerDialect, in_lists

OWN_KINDS = (EntryKind.VENDOR, EntryKind.ACCOUNT_QUERY)  # the gateway's own entries
SEARCH_DEPTH = 20_000  # a search reads at most this many of the newest entries
_FIELDS = [f for f in Entry.__dataclass_fields__ if f != "payload"]
_PLAIN_FIELDS = [f for f in _FIELDS if f not in ("id", "kind", "state")]  # stored as they are


class EntryRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add_if_new(self, entry: Entry) -> bool:
        """Store the entry unless one with its id exists; True when it was new."""
        return entry.id in await self.add_new([entry])

    async def add_new(self, new: Sequence[Entry]) -> set[uuid.UUID]:
        """Store each entry whose id is not taken yet (by an entry stored before, or by an
        earlier one of `new`), with its first state in its history: a few statements for
        them all. Returns the ids stored."""
        if not new:
            return set()
        result = await self._db.execute(_ADD_NEW.for_(self._db), [_values(e) for e in new])
        added = set(result.scalars())
        stored, seen = [], set()
        for entry in new:
            if entry.id in added and entry.id not in seen:
                seen.add(entry.id)
                stored.append(_event_row(entry))
        if stored:
            await _INSERT_EVENTS.execute(self._db, stored)
        return added

    async def save(self, entry: Entry, *, was: Entry | None) -> None:
        """Save the entry; a new state or reason goes into its history (`was`: as loaded,
        None when not at hand)."""
        await self.save_all([(was, entry)])

    async def save_all(self, changed: Iterable[tuple[Entry | None, Entry]]) -> None:
        """Save many entries in one statement per shape (an executemany), and their new states
        in one insert: a whole message set costs a few round trips, not two per entry. Moves
        are given in order; an entry that moved twice is written once, as it ended, with each
        state it took in its history."""
        pairs = list(changed)
        if not pairs:
            return
        ended: dict[uuid.UUID, tuple[Entry | None, Entry]] = {}
        for was, entry in pairs:
            first = ended[entry.id][0] if entry.id in ended else was
            ended[entry.id] = (first, entry)
        # Only what changed is written, one executemany per set of changed columns: a set
        # settled or sent changes the same few columns of each of its entries.
        by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for was, entry in ended.values():
            values = _changed(was, entry)
            if values is None:
                continue
            by_shape.setdefault(tuple(values), []).append(values)
        for shape, rows in by_shape.items():
            for values in rows:
                values["_id"] = values.pop("id")
            await _update_of(shape).execute(self._db, rows)
        history = [
            _event_row(entry)
            for was, entry in pairs
            if was is None or (was.state, was.detail) != (entry.state, entry.detail)
        ]
        await _INSERT_EVENTS.execute(self._db, history)

    async def history(self, entry_id: uuid.UUID) -> list[EntryEvent]:
        """Each state the entry took, oldest first (a repeat of the same state and reason
        counts once)."""
        rows = await self._db.execute(
            select(entry_events)
            .where(entry_events.c.entry_id == entry_id)
            .order_by(entry_events.c.id)
        )
        events: list[EntryEvent] = []
        for row in rows:
            event = EntryEvent(row.at, EntryState(row.state), row.detail)
            if not events or (events[-1].state, events[-1].detail) != (event.state, event.detail):
                events.append(event)
        return events

    async def get(self, merchant_id: uuid.UUID, entry_id: uuid.UUID) -> Entry | None:
        row = (
            await self._db.execute(
                select(entries).where(
                    entries.c.merchant_id == merchant_id, entries.c.id == entry_id
                )
            )
        ).first()
        return _entry(row) if row else None

    async def get_many(
        self, merchant_id: uuid.UUID, entry_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, Entry]:
        if not entry_ids:
            return {}
        rows = await self._db.execute(
            select(entries).where(
                entries.c.merchant_id == merchant_id, entries.c.id.in_(list(set(entry_ids)))
            )
        )
        found = (_entry(r) for r in rows)
        return {e.id: e for e in found}

    async def by_txn_ids(self, merchant_id: uuid.UUID, txn_ids: Iterable[str]) -> dict[str, Entry]:
        """The merchant's entries QuickBooks knows by these TxnIDs."""
        wanted = sorted({t for t in txn_ids if t})
        if not wanted:
            return {}
        rows = await self._db.execute(
            select(entries).where(
                entries.c.merchant_id == merchant_id, entries.c.txn_id.in_(wanted)
            )
        )
        found = (_entry(r) for r in rows)
        # A void or correction carries the TxnID of what it changed: that is the transaction.
        return {e.txn_id: e for e in found if e.txn_id and not e.kind.changes_another}

    async def find(
        self,
        merchant_id: uuid.UUID,
        *,
        state: str | None = None,
        kind: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 100,
        offset: int = 0,
        text: str | None = None,
    ) -> list[Entry]:
        """Newest first (by date, then by arrival); `text` searches vendor, reference, memo
        and amount among the most recent entries (SEARCH_DEPTH of them)."""
        query = select(entries).where(entries.c.merchant_id == merchant_id)
        if state:
            query = query.where(entries.c.state == state)
        if kind:
            query = query.where(entries.c.kind == kind)
        if date_from:
            query = query.where(entries.c.txn_date >= date_from)
        if date_to:
            query = query.where(entries.c.txn_date <= date_to)
        query = query.order_by(entries.c.txn_date.desc(), entries.c.created_at.desc(), entries.c.id)
        if not text:
            rows = await self._db.execute(query.offset(offset).limit(limit))
            return [_entry(r) for r in rows]
        rows = await self._db.execute(query.limit(SEARCH_DEPTH))
        found = [e for e in (_entry(r) for r in rows) if e.matches(text)]
        return found[offset : offset + limit]

    async def in_states(
        self,
        merchant_id: uuid.UUID,
        states: Iterable[EntryState],
        kinds: Iterable[EntryKind] | None = None,
    ) -> list[Entry]:
        """The merchant's entries in these states (and of these kinds), oldest first."""
        parameters = {"merchant": merchant_id, "states": [s.value for s in states]}
        if kinds is None:
            rows = await self._db.execute(_IN_STATES, parameters)
        else:
            parameters["kinds"] = [k.value for k in kinds]
            rows = await self._db.execute(_IN_STATES_OF_KINDS, parameters)
        return [_entry(r) for r in rows]

    async def for_step(self, merchant_id: uuid.UUID, now: datetime, window: int) -> list[Entry]:
        """What one step of a session plans from, in one query: the entries being settled, the
        gateway's own ready entries (a vendor to add, the chart to read: whatever their age,
        as the entries in the window may wait for them), and the oldest `window` entries ready
        to write now (none waiting for a busy QuickBooks); each group oldest first."""
        rows = await self._db.execute(_STEP, {"merchant": merchant_id, "now": now, "limit": window})
        return [_entry(r) for r in rows]

    async def waiting(self, merchant_id: uuid.UUID) -> tuple[int, datetime | None]:
        """How many entries are not yet in QuickBooks (nor failed or cancelled), and since when."""
        row = (await self._db.execute(_WAITING, {"merchant": merchant_id})).one()
        return int(row[0]), aware(row[1])

    async def counts(self, merchant_id: uuid.UUID) -> dict[str, int]:
        rows = await self._db.execute(
            select(entries.c.state, func.count())
            .where(entries.c.merchant_id == merchant_id)
            .group_by(entries.c.state)
        )
        return {state: int(n) for state, n in rows}


# The hot statements, built once (SQLAlchemy then reuses their compiled form): values are
# bound at execution, a list of them making an executemany.
_IN_STATES_WHERE = (
    entries.c.merchant_id == bindparam("merchant"),
    entries.c.state.in_(bindparam("states", expanding=True)),
)
_IN_STATES = select(entries).where(*_IN_STATES_WHERE).order_by(entries.c.created_at, entries.c.id)
_IN_STATES_OF_KINDS = (
    select(entries)
    .where(*_IN_STATES_WHERE, entries.c.kind.in_(bindparam("kinds", expanding=True)))
    .order_by(entries.c.created_at, entries.c.id)
)
_READY = (
    select(entries)
    .where(
        entries.c.merchant_id == bindparam("merchant"),
        entries.c.state == EntryState.READY.value,
        entries.c.kind.not_in([k.value for k in OWN_KINDS]),
        (entries.c.not_before.is_(None)) | (entries.c.not_before <= bindparam("now")),
    )
    .order_by(entries.c.created_at, entries.c.id)
    .limit(bindparam("limit"))
)
_PART = "step_part"  # after every column of `entries`: `_entry` reads a row by position
_STEP = union_all(
    select(entries, literal(0).label(_PART)).where(
        entries.c.merchant_id == bindparam("merchant"),
        entries.c.state.in_([s.value for s in SETTLING]),
    ),
    select(entries, literal(1).label(_PART)).where(
        entries.c.merchant_id == bindparam("merchant"),
        entries.c.state == EntryState.READY.value,
        entries.c.kind.in_([k.value for k in OWN_KINDS]),
    ),
    select(entries, literal(2).label(_PART)).where(
        entries.c.id.in_(_READY.with_only_columns(entries.c.id).scalar_subquery())
    ),
).order_by(_PART, entries.c.created_at, entries.c.id)
_WAITING = select(func.count(), func.min(entries.c.created_at)).where(
    entries.c.merchant_id == bindparam("merchant"),
    entries.c.state.in_(sorted(s.value for s in PENDING)),
)
_UPDATES: dict[tuple[str, ...], ManyRows] = {}


def _update_of(shape: tuple[str, ...]) -> ManyRows:
    """The UPDATE of exactly these columns (`shape`: "id" then the changed ones), built once:
    the shapes a gateway sees are few (a set sent, a set settled, a re-derivation)."""
    statement = _UPDATES.get(shape)
    if statement is None:
        columns = [k for k in shape if k != "id"]
        statement = _UPDATES[shape] = ManyRows(
            update(entries)
            .where(entries.c.id == bindparam("_id"))
            .values({k: bindparam(k) for k in columns}),
            [*columns, "_id"],
        )
    return statement


def _changed(was: Entry | None, entry: Entry) -> dict[str, Any] | None:
    """The entry's id and the column values that differ from `was` (every column when `was`
    is unknown); None when nothing does."""
    if was is None:
        return _values(entry)
    values: dict[str, Any] = {"id": entry.id}
    for name in _PLAIN_FIELDS:
        now = getattr(entry, name)
        if now != getattr(was, name):
            values[name] = now
    if entry.kind is not was.kind:
        values["kind"] = entry.kind.value
    if entry.state is not was.state:
        values["state"] = entry.state.value
    if entry.payload != was.payload:
        values["payload"] = payload_json(entry.payload)
    if entry.accounts != was.accounts:
        values["accounts"] = json.dumps(list(entry.accounts))
    return values if len(values) > 1 else None


_EVENT_KEYS = ["entry_id", "merchant_id", "at", "state", "detail"]
_INSERT_EVENTS = ManyRows(insert(entry_events), _EVENT_KEYS)
# rows go as parameters: a statement with its row written in compiles anew for every entry
_ADD_NEW = PerDialect(
    lambda insert_: insert_(entries).on_conflict_do_nothing().returning(entries.c.id)
)


def _values(entry: Entry) -> dict[str, Any]:
    values = {k: getattr(entry, k) for k in _FIELDS}
    values["kind"] = entry.kind.value
    values["state"] = entry.state.value
    values["payload"] = payload_json(entry.payload)
    values["accounts"] = json.dumps(list(entry.accounts))
    return values


def _event_row(entry: Entry) -> dict[str, Any]:
    return {
        "entry_id": entry.id,
        "merchant_id": entry.merchant_id,
        "at": entry.updated_at,
        "state": entry.state.value,
        "detail": entry.detail,
    }


# A row of `select(entries)` (every column, in the table's order) read by position, straight
# into the Entry's fields in their order: no mapping built per row (entries are read by the
# hundred at every Web Connector step).
_ENTRY_FIELDS = list(Entry.__dataclass_fields__)
_COLUMN_AT = {c.key: i for i, c in enumerate(entries.columns)}
_IN_FIELD_ORDER = operator.itemgetter(*(_COLUMN_AT[f] for f in _ENTRY_FIELDS))
_KIND, _PAYLOAD, _STATE, _SEND_ALONE = (
    _ENTRY_FIELDS.index(f) for f in ("kind", "payload", "state", "send_alone")
)


def _entry(row: Any) -> Entry:
    """The entry a row of `select(entries)` holds."""
    values = list(_IN_FIELD_ORDER(row))
    values[_KIND] = kind = EntryKind(values[_KIND])
    values[_PAYLOAD] = payload_of(kind, values[_PAYLOAD])
    values[_STATE] = EntryState(values[_STATE])
    values[_SEND_ALONE] = bool(values[_SEND_ALONE])
    return Entry(*values)


class VendorRepository:
    """What the gateway knows of each vendor's presence in the merchant's QuickBooks."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, merchant_id: uuid.UUID, name: str) -> VendorLink | None:
        row = (
            await self._db.execute(
                select(vendors).where(
                    vendors.c.merchant_id == merchant_id, vendors.c.name_key == name_key(name)
                )
            )
        ).first()
        return _link(row._mapping) if row else None

    async def set(self, merchant_id: uuid.UUID, link: VendorLink, now: datetime) -> None:
        values = {
            "name": link.name,
            "state": link.state.value,
            "list_id": link.list_id,
            "qb_name": link.qb_name,
            "entry_id": link.entry_id,
            "detail": link.detail,
            "updated_at": now,
        }
        key = link.key
        if await self.get(merchant_id, link.name) is None:
            await self._db.execute(
                insert(vendors).values(merchant_id=merchant_id, name_key=key, **values)
            )
        else:
            await self._db.execute(
                update(vendors)
                .where(vendors.c.merchant_id == merchant_id, vendors.c.name_key == key)
                .values(**values)
            )

    async def all(self, merchant_id: uuid.UUID) -> dict[str, VendorLink]:
        """Every vendor known for the merchant, by name key (one query)."""
        return (await self.all_of([merchant_id]))[merchant_id]

    async def all_of(
        self, merchant_ids: Iterable[uuid.UUID]
    ) -> dict[uuid.UUID, dict[str, VendorLink]]:
        """Every vendor known for each of these merchants, by name key (one query)."""
        links: dict[uuid.UUID, dict[str, VendorLink]] = {m: {} for m in merchant_ids}
        for r in await self._db.execute(_VENDORS, {"merchants": list(links)}):
            links[r.merchant_id][r.name_key] = _link(r._mapping)
        return links

    async def for_planning(
        self, wanted: Mapping[uuid.UUID, Collection[str]]
    ) -> dict[uuid.UUID, dict[str, VendorLink]]:
        """For each merchant, by name key: the vendors of these name keys (those the entries
        at hand are made against), and every vendor still to be looked up or added, which a
        plan acts on whatever entries it holds. Not the merchant's other vendors: a step
        costs the same with 5 vendors or 500."""
        links: dict[uuid.UUID, dict[str, VendorLink]] = {m: {} for m in wanted}
        merchants = list(links)
        rows = list(await self._db.execute(_VENDORS_IN_FLIGHT, {"merchants": merchants}))
        keys = sorted({k for named in wanted.values() for k in named})
        for some in in_lists(keys):
            parameters = {"merchants": merchants, "keys": some}
            rows.extend(await self._db.execute(_VENDORS_NAMED, parameters))
        for r in rows:
            if r.state in _IN_FLIGHT or r.name_key in wanted[r.merchant_id]:
                links[r.merchant_id][r.name_key] = _link(r._mapping)
        return links


_VENDORS = select(vendors).where(vendors.c.merchant_id.in_(bindparam("merchants", expanding=True)))
_IN_FLIGHT = (VendorState.UNKNOWN.value, VendorState.MISSING.value)  # what planning acts on
_VENDORS_IN_FLIGHT = _VENDORS.where(vendors.c.state.in_(_IN_FLIGHT))
_VENDORS_NAMED = _VENDORS.where(
    vendors.c.state.not_in(_IN_FLIGHT),
    vendors.c.name_key.in_(bindparam("keys", expanding=True)),
)


def _link(row: Any) -> VendorLink:
    return VendorLink(
        name=row["name"],
        state=VendorState(row["state"]),
        list_id=row["list_id"],
        qb_name=row["qb_name"],
        entry_id=row["entry_id"],
        detail=row["detail"],
    )
