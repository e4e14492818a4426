"""Gateway persistence: connections and Web Connector sessions."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_qbwc_gateway.adapters.orm import (
    account_mappings,
    connections,
    entries,
    sessions,
    vendors,
)
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_shared.names import name_key as vendor_key


def user_key(user: str) -> str:
    return user.strip().casefold()


class ConnectionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def for_merchant(self, merchant_id: uuid.UUID) -> Connection | None:
        row = (
            await self._db.execute(
                select(connections).where(connections.c.merchant_id == merchant_id)
            )
        ).first()
        return _connection(row._mapping) if row else None

    async def by_user(self, user: str) -> Connection | None:
        row = (
            await self._db.execute(
                select(connections).where(connections.c.qbwc_user_key == user_key(user))
            )
        ).first()
        return _connection(row._mapping) if row else None

    async def get(self, connection_id: uuid.UUID) -> Connection | None:
        row = (
            await self._db.execute(select(connections).where(connections.c.id == connection_id))
        ).first()
        return _connection(row._mapping) if row else None

    async def save(self, conn: Connection, *, new: bool) -> None:
        values = {
            "merchant_id": conn.merchant_id,
            "qbwc_user": conn.qbwc_user,
            "qbwc_user_key": user_key(conn.qbwc_user),
            "password_hash": conn.password_hash,
            "file_id": conn.file_id,
            "start_date": conn.start_date,
            "qbxml_version": conn.qbxml_version,
            "company_file": conn.company_file,
            "created_at": conn.created_at,
            "last_contact_at": conn.last_contact_at,
            "last_error": conn.last_error,
        }
        if new:
            await self._db.execute(insert(connections).values(id=conn.id, **values))
        else:
            await self._db.execute(
                update(connections).where(connections.c.id == conn.id).values(**values)
            )


class SessionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, ticket_hash: str) -> WebConnectorSession | None:
        row = (
            await self._db.execute(select(sessions).where(sessions.c.ticket_hash == ticket_hash))
        ).first()
        return WebConnectorSession(**row._mapping) if row else None

    async def of_connection(self, connection_id: uuid.UUID) -> list[WebConnectorSession]:
        rows = await self._db.execute(
            select(sessions).where(sessions.c.connection_id == connection_id)
        )
        return [WebConnectorSession(**r._mapping) for r in rows]

    async def save(self, session: WebConnectorSession, *, new: bool) -> None:
        values = {k: getattr(session, k) for k in WebConnectorSession.__dataclass_fields__}
        if new:
            await self._db.execute(insert(sessions).values(**values))
        else:
            values.pop("ticket_hash")
            await self._db.execute(
                update(sessions)
                .where(sessions.c.ticket_hash == session.ticket_hash)
                .values(**values)
            )


def _connection(row: Any) -> Connection:
    return Connection(**{k: row[k] for k in Connection.__dataclass_fields__})


class EntryRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add_if_new(self, entry: Entry) -> bool:
        """Store the entry unless one with its id exists; True when it was new."""
        values = _entry_values(entry)
        insert_ = pg_insert if self._db.dialect.name == "postgresql" else sqlite_insert
        result = await self._db.execute(
            insert_(entries).values(id=entry.id, **values).on_conflict_do_nothing()
        )
        return bool(result.rowcount == 1)

    async def save(self, entry: Entry) -> None:
        await self._db.execute(
            update(entries).where(entries.c.id == entry.id).values(**_entry_values(entry))
        )

    async def get(self, merchant_id: uuid.UUID, entry_id: uuid.UUID) -> Entry | None:
        row = (
            await self._db.execute(
                select(entries).where(
                    entries.c.merchant_id == merchant_id, entries.c.id == entry_id
                )
            )
        ).first()
        return _entry(row._mapping) if row else None

    async def find(
        self,
        merchant_id: uuid.UUID,
        *,
        state: str | None = None,
        kind: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 100,
    ) -> list[Entry]:
        query = select(entries).where(entries.c.merchant_id == merchant_id)
        if state:
            query = query.where(entries.c.state == state)
        if kind:
            query = query.where(entries.c.kind == kind)
        if date_from:
            query = query.where(entries.c.txn_date >= date_from)
        if date_to:
            query = query.where(entries.c.txn_date <= date_to)
        rows = await self._db.execute(query.order_by(entries.c.created_at.desc()).limit(limit))
        return [_entry(r._mapping) for r in rows]

    async def in_states(
        self, merchant_id: uuid.UUID, states: tuple[EntryState, ...]
    ) -> list[Entry]:
        rows = await self._db.execute(
            select(entries)
            .where(
                entries.c.merchant_id == merchant_id, entries.c.state.in_([s.value for s in states])
            )
            .order_by(entries.c.created_at)
        )
        return [_entry(r._mapping) for r in rows]

    async def waiting(self, merchant_id: uuid.UUID) -> tuple[int, datetime | None]:
        """How many entries are not yet in QuickBooks (nor failed or cancelled), and since when."""
        pending = [
            s.value
            for s in (
                EntryState.WAITING_FOR_MAPPING,
                EntryState.WAITING_FOR_PREREQUISITE,
                EntryState.READY,
                EntryState.SENT,
            )
        ]
        row = (
            await self._db.execute(
                select(func.count(), func.min(entries.c.created_at)).where(
                    entries.c.merchant_id == merchant_id, entries.c.state.in_(pending)
                )
            )
        ).one()
        oldest = row[1]
        if isinstance(oldest, str):  # SQLite returns the aggregate as text
            oldest = datetime.fromisoformat(oldest)
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        return int(row[0]), oldest

    async def counts(self, merchant_id: uuid.UUID) -> dict[str, int]:
        rows = await self._db.execute(
            select(entries.c.state, func.count())
            .where(entries.c.merchant_id == merchant_id)
            .group_by(entries.c.state)
        )
        return {state: int(n) for state, n in rows}


def _entry_values(entry: Entry) -> dict[str, Any]:
    values = {k: getattr(entry, k) for k in Entry.__dataclass_fields__ if k != "id"}
    values["accounts"] = json.dumps(list(entry.accounts))
    values["state"] = entry.state.value
    return values


def _entry(row: Any) -> Entry:
    values = {k: row[k] for k in Entry.__dataclass_fields__}
    values["accounts"] = tuple(json.loads(values["accounts"]))
    values["state"] = EntryState(values["state"])
    return Entry(**values)


@dataclass(frozen=True)
class Mapping:
    account: str
    qb_full_name: str | None
    qb_list_id: str | None
    qb_account_type: str | None
    as_of: datetime


class MappingRepository:
    """The chart-of-accounts mappings, as last announced by coa."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def apply(self, merchant_id: uuid.UUID, mapping: Mapping) -> bool:
        """Store a mapping unless a newer one is already known; True when applied."""
        current = (
            await self._db.execute(
                select(account_mappings.c.as_of).where(
                    account_mappings.c.merchant_id == merchant_id,
                    account_mappings.c.account == mapping.account,
                )
            )
        ).first()
        values = {k: getattr(mapping, k) for k in Mapping.__dataclass_fields__}
        if current is None:
            await self._db.execute(
                insert(account_mappings).values(merchant_id=merchant_id, **values)
            )
            return True
        if current.as_of > mapping.as_of:
            return False  # an older event arriving late changes nothing
        await self._db.execute(
            update(account_mappings)
            .where(
                account_mappings.c.merchant_id == merchant_id,
                account_mappings.c.account == mapping.account,
            )
            .values(**values)
        )
        return True

    async def mapped_accounts(self, merchant_id: uuid.UUID) -> set[str]:
        rows = await self._db.execute(
            select(account_mappings.c.account).where(
                account_mappings.c.merchant_id == merchant_id,
                account_mappings.c.qb_full_name.is_not(None),
            )
        )
        return {r.account for r in rows}

    async def full_names(self, merchant_id: uuid.UUID) -> dict[str, str]:
        rows = await self._db.execute(
            select(account_mappings.c.account, account_mappings.c.qb_full_name).where(
                account_mappings.c.merchant_id == merchant_id,
                account_mappings.c.qb_full_name.is_not(None),
            )
        )
        return {r.account: r.qb_full_name for r in rows}


@dataclass(frozen=True)
class VendorLink:
    name: str
    state: str  # unknown (query it), missing (add it), linked, conflict (name used elsewhere)
    list_id: str | None = None


class VendorRepository:
    """What the gateway knows of each vendor's presence in the merchant's QuickBooks."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, merchant_id: uuid.UUID, name: str) -> VendorLink | None:
        row = (
            await self._db.execute(
                select(vendors).where(
                    vendors.c.merchant_id == merchant_id, vendors.c.name_key == vendor_key(name)
                )
            )
        ).first()
        return VendorLink(row.name, row.state, row.list_id) if row else None

    async def set(self, merchant_id: uuid.UUID, link: VendorLink, now: datetime) -> None:
        values = {
            "name": link.name,
            "state": link.state,
            "list_id": link.list_id,
            "updated_at": now,
        }
        key = vendor_key(link.name)
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
        rows = await self._db.execute(select(vendors).where(vendors.c.merchant_id == merchant_id))
        return {r.name_key: VendorLink(r.name, r.state, r.list_id) for r in rows}

    async def in_state(self, merchant_id: uuid.UUID, state: str) -> list[VendorLink]:
        rows = await self._db.execute(
            select(vendors).where(vendors.c.merchant_id == merchant_id, vendors.c.state == state)
        )
        return [VendorLink(r.name, r.state, r.list_id) for r in rows]
