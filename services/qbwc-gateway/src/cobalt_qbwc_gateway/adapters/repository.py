"""Gateway persistence: connections, Web Connector sessions, account mappings."""

from __future__ import annotations

import json
import uuid
from collections import abc
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_qbwc_gateway.adapters.orm import (
    account_mappings,
    connections,
    read_backs,
    sessions,
    signin_sources,
)
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.readback import ReadBackState
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_qbwc_gateway.domain.signin import SignInRecord
from cobalt_shared.db.statements import in_lists


def user_key(user: str) -> str:
    return user.strip().casefold()


class ConnectionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def for_merchant(self, merchant_id: uuid.UUID) -> Connection | None:
        row = (await self._db.execute(_CONNECTION_OF_MERCHANT, {"merchant": merchant_id})).first()
        return _connection(row._mapping) if row else None

    async def for_merchants(self, merchant_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Connection]:
        """The connections of these merchants (those that have one), with one query."""
        rows = await self._db.execute(_CONNECTIONS_OF_MERCHANTS, {"merchants": list(merchant_ids)})
        return {c.merchant_id: c for c in (_connection(r._mapping) for r in rows)}

    async def by_user(self, user: str) -> Connection | None:
        row = (
            await self._db.execute(
                select(connections).where(connections.c.qbwc_user_key == user_key(user))
            )
        ).first()
        return _connection(row._mapping) if row else None

    async def get(self, connection_id: uuid.UUID) -> Connection | None:
        row = (await self._db.execute(_CONNECTION, {"connection": connection_id})).first()
        return _connection(row._mapping) if row else None

    async def all(self) -> list[Connection]:
        rows = await self._db.execute(select(connections).order_by(connections.c.created_at))
        return [_connection(r._mapping) for r in rows]

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
            "signin_failures": conn.signin.failures,
            "signin_last_failed_at": conn.signin.last_failed_at,
            "signin_last_source": conn.signin.last_source,
            "signin_locked_until": conn.signin.locked_until,
            "contact_email": conn.contact_email,
        }
        if new:
            await self._db.execute(insert(connections).values(id=conn.id, **values))
        else:
            await self._db.execute(_UPDATE_CONNECTION, {"_id": conn.id, **values})

    async def touch(self, connection_id: uuid.UUID, at: datetime) -> None:
        """Its Web Connector was heard from at `at` (every call: one narrow statement)."""
        await self._db.execute(_TOUCH_CONNECTION, {"_id": connection_id, "at": at})


class SessionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, ticket_hash: str) -> WebConnectorSession | None:
        row = (await self._db.execute(_SESSION, {"ticket": ticket_hash})).first()
        return WebConnectorSession(**row._mapping) if row else None

    async def with_connection(
        self, ticket_hash: str
    ) -> tuple[WebConnectorSession, Connection | None] | None:
        """The ticket's session and its connection (None if gone), in one query: every step
        of a Web Connector update starts with both."""
        row = (await self._db.execute(_SESSION_AND_CONNECTION, {"ticket": ticket_hash})).first()
        if row is None:
            return None
        found = row._mapping
        session = WebConnectorSession(**{c.key: found[c] for c in sessions.c})
        if found[connections.c.id] is None:
            return session, None
        return session, _connection({c.key: found[c] for c in connections.c})

    async def open_of_connection(self, connection_id: uuid.UUID) -> list[WebConnectorSession]:
        """The connection's sessions not closed yet (one at most, but for a Web Connector that
        stopped mid-update): not the closed ones of every poll before, which a sign-in would
        otherwise read, ever more of them, at every poll."""
        rows = await self._db.execute(_OPEN_OF_CONNECTION, {"connection": connection_id})
        return [WebConnectorSession(**r._mapping) for r in rows]

    async def open_silent_since(self, cutoff: datetime) -> list[WebConnectorSession]:
        """Sessions still open whose Web Connector has said nothing since `cutoff`."""
        rows = await self._db.execute(
            select(sessions).where(sessions.c.closed_at.is_(None), sessions.c.last_seen_at < cutoff)
        )
        return [WebConnectorSession(**r._mapping) for r in rows]

    async def forget_closed(self, expired_before: datetime, at_most: int) -> int:
        """Delete up to `at_most` closed sessions whose ticket expired before
        `expired_before` (oldest first): nothing reads them any more (the sync history is
        kept as contacts). Returns how many went."""
        result = await self._db.execute(
            _FORGET_CLOSED, {"expired_before": expired_before, "at_most": at_most}
        )
        return int(result.rowcount)

    async def save(self, session: WebConnectorSession, *, new: bool) -> None:
        values = {k: getattr(session, k) for k in WebConnectorSession.__dataclass_fields__}
        if new:
            await self._db.execute(insert(sessions).values(**values))
        else:
            values["_ticket"] = values.pop("ticket_hash")
            await self._db.execute(_UPDATE_SESSION, values)


def _connection(row: Any) -> Connection:
    values = {k: row[k] for k in Connection.__dataclass_fields__ if k != "signin"}
    signin = SignInRecord(
        failures=row["signin_failures"],
        last_failed_at=row["signin_last_failed_at"],
        last_source=row["signin_last_source"],
        locked_until=row["signin_locked_until"],
    )
    return Connection(signin=signin, **values)


class SignInSourceRepository:
    """Failed sign-ins per source address."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, source: str) -> SignInRecord:
        row = (
            await self._db.execute(
                select(signin_sources).where(signin_sources.c.source == source[:64])
            )
        ).first()
        if row is None:
            return SignInRecord()
        return SignInRecord(row.failures, row.last_failed_at, source, row.locked_until)

    async def save(self, source: str, record: SignInRecord) -> None:
        values = {
            "failures": record.failures,
            "last_failed_at": record.last_failed_at,
            "locked_until": record.locked_until,
        }
        done = await self._db.execute(
            update(signin_sources).where(signin_sources.c.source == source[:64]).values(**values)
        )
        if done.rowcount == 0:
            await self._db.execute(insert(signin_sources).values(source=source[:64], **values))


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

    async def full_names_of(
        self, wanted: abc.Mapping[uuid.UUID, Collection[str]]
    ) -> dict[uuid.UUID, dict[str, str]]:
        """For each merchant, the QuickBooks full names of these of its accounts that are
        mapped (key -> full name): what the entries at hand use, however many the merchant
        has mapped."""
        names: dict[uuid.UUID, dict[str, str]] = {m: {} for m in wanted}
        accounts = sorted({a for keys in wanted.values() for a in keys})
        for some in in_lists(accounts):
            parameters = {"merchants": list(names), "accounts": some}
            for r in await self._db.execute(_FULL_NAMES, parameters):
                if r.account in wanted[r.merchant_id]:
                    names[r.merchant_id][r.account] = r.qb_full_name
        return names


class ReadBackRepository:
    """Where each merchant's Accounts Payable read-back stands."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, merchant_id: uuid.UUID) -> ReadBackState | None:
        row = (await self._db.execute(_READ_BACK, {"merchant": merchant_id})).first()
        if row is None:
            return None
        iterators = tuple((k, i) for k, i in json.loads(row.iterators or "[]"))
        return ReadBackState(
            due=row.due,
            since=row.since,
            read_at=row.read_at,
            iterators=iterators,
            seen_until=row.seen_until,
        )

    async def save(self, merchant_id: uuid.UUID, state: ReadBackState, *, new: bool) -> None:
        values = {
            "due": state.due,
            "since": state.since,
            "read_at": state.read_at,
            "iterators": json.dumps([list(pair) for pair in state.iterators]),
            "seen_until": state.seen_until,
        }
        if new:
            await self._db.execute(insert(read_backs).values(merchant_id=merchant_id, **values))
        else:
            await self._db.execute(
                update(read_backs).where(read_backs.c.merchant_id == merchant_id).values(**values)
            )


# The statements every Web Connector call and every command runs, built once: SQLAlchemy then
# reuses their compiled form instead of building, keying and looking it up again each time.
_CONNECTION_OF_MERCHANT = select(connections).where(
    connections.c.merchant_id == bindparam("merchant")
)
_CONNECTIONS_OF_MERCHANTS = select(connections).where(
    connections.c.merchant_id.in_(bindparam("merchants", expanding=True))
)
_CONNECTION = select(connections).where(connections.c.id == bindparam("connection"))
_CONNECTION_COLUMNS = [c.key for c in connections.c if c.key != "id"]
_UPDATE_CONNECTION = (
    update(connections)
    .where(connections.c.id == bindparam("_id"))
    .values({k: bindparam(k) for k in _CONNECTION_COLUMNS})
)
_TOUCH_CONNECTION = (
    update(connections)
    .where(connections.c.id == bindparam("_id"))
    .values(last_contact_at=bindparam("at"))
)
_SESSION = select(sessions).where(sessions.c.ticket_hash == bindparam("ticket"))
_SESSION_AND_CONNECTION = (
    select(sessions, connections)
    .outerjoin(connections, connections.c.id == sessions.c.connection_id)
    .where(sessions.c.ticket_hash == bindparam("ticket"))
)
_UPDATE_SESSION = (
    update(sessions)
    .where(sessions.c.ticket_hash == bindparam("_ticket"))
    .values(
        {k: bindparam(k) for k in WebConnectorSession.__dataclass_fields__ if k != "ticket_hash"}
    )
)
_FULL_NAMES = select(
    account_mappings.c.merchant_id, account_mappings.c.account, account_mappings.c.qb_full_name
).where(
    account_mappings.c.merchant_id.in_(bindparam("merchants", expanding=True)),
    account_mappings.c.account.in_(bindparam("accounts", expanding=True)),
    account_mappings.c.qb_full_name.is_not(None),
)
_FORGET_CLOSED = delete(sessions).where(
    sessions.c.ticket_hash.in_(
        select(sessions.c.ticket_hash)
        .where(
            sessions.c.closed_at.is_not(None),
            sessions.c.expires_at < bindparam("expired_before"),
        )
        .order_by(sessions.c.closed_at)
        .limit(bindparam("at_most"))
    )
)
_OPEN_OF_CONNECTION = select(sessions).where(
    sessions.c.closed_at.is_(None), sessions.c.connection_id == bindparam("connection")
)
_READ_BACK = select(read_backs).where(read_backs.c.merchant_id == bindparam("merchant"))
