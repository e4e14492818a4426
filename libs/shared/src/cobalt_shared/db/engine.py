"""Async engine factory for the embedded default (SQLite) and production (PostgreSQL)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from cobalt_shared.db.sqlite_driver import OneTripDbapi

SUPPORTED_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
# Execution option for connections that only read: conn.execution_options(**{READ_ONLY: True})
READ_ONLY = "cobalt_read_only"


def is_sqlite(url: str) -> bool:
    """Whether the URL names the embedded SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, pool_size: int = 5) -> AsyncEngine:
    """An engine with the settings our durability promise needs on each backend."""
    parsed = make_url(url)
    if parsed.drivername not in SUPPORTED_DRIVERS:
        raise ValueError(
            f"unsupported database URL scheme {parsed.drivername!r}: "
            f"use one of {', '.join(SUPPORTED_DRIVERS)}"
        )
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_async_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=5)


def _sqlite_engine(url: str) -> AsyncEngine:
    database = make_url(url).database
    if database and database != ":memory:":
        # A folder we cannot create is reported by /readyz and the first query, not here.
        with contextlib.suppress(OSError):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    # SQLite has one writer at a time. One connection per process makes this process's
    # transactions queue on the pool (an asyncio wait) instead of on SQLite's busy handler,
    # which sleeps in coarse steps; other processes still wait on busy_timeout.
    # One trip to the connection's thread per statement, not four (see sqlite_driver).
    engine = create_async_engine(
        url,
        module=OneTripDbapi(),
        connect_args={"timeout": 30},
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (below) instead of the driver's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # API and worker processes share the file: a transaction that may write takes the
        # write lock up front, so two writers wait on busy_timeout instead of one failing
        # with "database is locked" when it upgrades a read lock. Reads need no lock.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN DEFERRED")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


async def ping(engine: AsyncEngine, timeout: float = 2.0) -> None:
    """Raise unless the database answers a trivial query."""
    import asyncio

    async def _query() -> None:
        async with engine.connect() as conn:
            await conn.execution_options(**{READ_ONLY: True})
            await conn.execute(text("SELECT 1"))

    await asyncio.wait_for(_query(), timeout)
