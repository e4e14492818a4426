"""Chart-of-accounts persistence."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_coa.adapters.orm import coa_accounts, mapping_history, qb_accounts, qb_connections
from cobalt_coa.domain.account import CoaAccount, QbAccount
from cobalt_shared.accounts import SYSTEM_ACCOUNTS


@dataclass(frozen=True)
class ConnectionState:
    status: str
    refresh_requested_id: uuid.UUID | None = None
    refresh_requested_at: datetime | None = None
    refreshed_at: datetime | None = None


class AccountRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    def _insert(self) -> Any:
        return pg_insert if self._db.dialect.name == "postgresql" else sqlite_insert

    async def add_if_new(self, account: CoaAccount) -> bool:
        result = await self._db.execute(
            self._insert()(coa_accounts).values(**account.__dict__).on_conflict_do_nothing()
        )
        return bool(result.rowcount == 1)

    async def save(self, account: CoaAccount) -> None:
        await self._db.execute(
            update(coa_accounts)
            .where(
                coa_accounts.c.merchant_id == account.merchant_id,
                coa_accounts.c.key == account.key,
            )
            .values(
                qb_list_id=account.qb_list_id,
                qb_full_name=account.qb_full_name,
                qb_account_type=account.qb_account_type,
                problem=account.problem,
                mapped_by=account.mapped_by,
                mapped_at=account.mapped_at,
            )
        )

    async def get(self, merchant_id: uuid.UUID, key: str) -> CoaAccount | None:
        row = (
            await self._db.execute(
                select(coa_accounts).where(
                    coa_accounts.c.merchant_id == merchant_id, coa_accounts.c.key == key
                )
            )
        ).first()
        return CoaAccount(**row._mapping) if row else None

    async def all(self, merchant_id: uuid.UUID) -> list[CoaAccount]:
        rows = await self._db.execute(
            select(coa_accounts)
            .where(coa_accounts.c.merchant_id == merchant_id)
            .order_by(coa_accounts.c.created_at, coa_accounts.c.key)
        )
        found = [CoaAccount(**r._mapping) for r in rows]
        return sorted(found, key=display_order)


def display_order(account: CoaAccount) -> tuple[int, int, str]:
    """System accounts in their defined order, then banks, purchases and sales, by name."""
    kind = {"system": 0, "bank": 1, "purchases": 2, "sales": 3, "tax": 4}.get(account.kind, 9)
    return kind, SYSTEM_POSITION.get(account.key, 0), account.name.casefold()


SYSTEM_POSITION = {a.key: i for i, a in enumerate(SYSTEM_ACCOUNTS)}


class QbAccountRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def replace_all(self, merchant_id: uuid.UUID, chart: list[QbAccount]) -> None:
        await self._db.execute(delete(qb_accounts).where(qb_accounts.c.merchant_id == merchant_id))
        if chart:
            await self._db.execute(
                insert(qb_accounts),
                [{"merchant_id": merchant_id, **a.__dict__} for a in chart],
            )

    async def all(self, merchant_id: uuid.UUID) -> list[QbAccount]:
        rows = await self._db.execute(
            select(qb_accounts)
            .where(qb_accounts.c.merchant_id == merchant_id)
            .order_by(qb_accounts.c.full_name)
        )
        return [_qb(r._mapping) for r in rows]

    async def get(self, merchant_id: uuid.UUID, list_id: str) -> QbAccount | None:
        row = (
            await self._db.execute(
                select(qb_accounts).where(
                    qb_accounts.c.merchant_id == merchant_id, qb_accounts.c.list_id == list_id
                )
            )
        ).first()
        return _qb(row._mapping) if row else None


@dataclass(frozen=True)
class MappingChange:
    """One line of the mapping history."""

    key: str
    at: datetime
    by: str | None
    qb_full_name: str | None  # None: the mapping was removed


class MappingHistoryRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, account: CoaAccount, at: datetime) -> None:
        await self._db.execute(
            insert(mapping_history).values(
                id=uuid.uuid4(),
                merchant_id=account.merchant_id,
                key=account.key,
                at=at,
                by=account.mapped_by,
                qb_full_name=account.qb_full_name,
            )
        )

    async def recent(
        self, merchant_id: uuid.UUID, key: str | None = None, limit: int = 100
    ) -> list[MappingChange]:
        query = select(mapping_history).where(mapping_history.c.merchant_id == merchant_id)
        if key is not None:
            query = query.where(mapping_history.c.key == key)
        rows = await self._db.execute(
            query.order_by(mapping_history.c.at.desc(), mapping_history.c.id).limit(limit)
        )
        return [MappingChange(r.key, r.at, r.by, r.qb_full_name) for r in rows]


class ConnectionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, merchant_id: uuid.UUID) -> ConnectionState | None:
        row = (
            await self._db.execute(
                select(qb_connections).where(qb_connections.c.merchant_id == merchant_id)
            )
        ).first()
        if row is None:
            return None
        m = row._mapping
        return ConnectionState(
            m["status"], m["refresh_requested_id"], m["refresh_requested_at"], m["refreshed_at"]
        )

    async def set_status(self, merchant_id: uuid.UUID, status: str, now: datetime) -> None:
        insert_ = pg_insert if self._db.dialect.name == "postgresql" else sqlite_insert
        await self._db.execute(
            insert_(qb_connections)
            .values(merchant_id=merchant_id, status=status, updated_at=now)
            .on_conflict_do_update(
                index_elements=["merchant_id"], set_={"status": status, "updated_at": now}
            )
        )

    async def mark(self, merchant_id: uuid.UUID, **values: Any) -> None:
        await self._db.execute(
            update(qb_connections)
            .where(qb_connections.c.merchant_id == merchant_id)
            .values(**values)
        )


def _qb(m: Any) -> QbAccount:
    return QbAccount(
        m["list_id"], m["name"], m["full_name"], m["number"], m["account_type"], m["is_active"]
    )
