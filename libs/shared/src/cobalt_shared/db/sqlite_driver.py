"""SQLite through aiosqlite, without a trip to its thread for each statement.

aiosqlite runs every sqlite3 call on the connection's own thread, and SQLAlchemy's adapter
makes four such calls per statement (open a cursor, execute, fetch the rows, close it). Each
trip is a queue hand-off, a thread wake-up and an event-loop wake-up: about 100 us each here,
where SQLite itself takes 10-20 us for our statements (410 us a SELECT in all).

- Inside a transaction a statement cannot wait for a lock: BEGIN IMMEDIATE took the write
  lock, and WAL readers never wait. It runs on the event loop's thread, and its rows, its
  description, its row count and its last row id are read at once (40 us a SELECT).
- So do the statements that begin and end a transaction without waiting: BEGIN DEFERRED (a
  WAL reader takes no lock), BEGIN IMMEDIATE when the write lock is free (tried with a busy
  timeout of 0), and ROLLBACK (it releases locks and syncs nothing).
- What may wait goes to the connection's thread as before, leaving the event loop free:
  BEGIN IMMEDIATE while another connection holds the write lock (it waits up to the busy
  timeout), COMMIT (it syncs the disk), and statements outside a transaction (the PRAGMAs at
  connect). Such a statement is one trip: execute, fetch and close together.

The sqlite3 connection is therefore used from two threads, never at the same time: SQLAlchemy
awaits each call on a connection before the next, and the pool gives a connection to one
unit of work at a time. Everything else is aiosqlite's: the thread, commits, errors.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_dbapi,
)

Description = tuple[tuple[Any, ...], ...] | None
Found = tuple[Description, int, int | None, list[Any]]


def _begin_at_once(connection: sqlite3.Connection, sql: str) -> bool:
    """Begin without waiting, on the caller's thread: False when that would have to wait for
    another connection's write lock (nothing is begun then)."""
    if not sql.startswith("BEGIN IMMEDIATE"):
        connection.execute(sql)  # BEGIN DEFERRED: a WAL reader takes no lock
        return True
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout=0")
    try:
        connection.execute(sql)
        return True
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY:
            return False
        raise
    finally:
        connection.execute(f"PRAGMA busy_timeout={int(timeout)}")


def _run(connection: sqlite3.Connection, sql: str, parameters: Any, many: bool) -> Found:
    """On the connection's thread: the statement, its rows, and what the cursor says."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor:
    """The part of aiosqlite's cursor SQLAlchemy uses; the rows are already here."""

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self.description: Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: deque[Any] = deque()

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def execute(self, sql: str, parameters: Any = ()) -> OneTripCursor:
        await self._run(sql, parameters, many=False)
        return self

    async def executemany(self, sql: str, parameters: Sequence[Any]) -> OneTripCursor:
        await self._run(sql, parameters, many=True)
        return self

    async def _run(self, sql: str, parameters: Any, *, many: bool) -> None:
        connection = self._connection
        database = connection._conn
        if database.in_transaction:
            # Inside a transaction nothing waits for a lock: the write lock was taken by BEGIN
            # IMMEDIATE, and WAL readers never wait. So the statement runs here, without a
            # trip; COMMIT (it syncs the disk) still goes to the connection's thread.
            found = _run(database, sql, parameters, many)
        elif sql.startswith("BEGIN") and _begin_at_once(database, sql):
            # Begun here; a BEGIN that must wait for another process's lock goes below.
            found = (None, -1, None, [])
        else:
            # aiosqlite's own hand-off to the connection's thread (untyped there).
            execute = cast(Callable[..., Awaitable[Found]], connection._execute)
            found = await execute(_run, database, sql, parameters, many)
        self.description, self.rowcount, self.lastrowid, rows = found
        self._rows = deque(rows)

    async def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        count = min(size or self.arraysize, len(self._rows))
        return [self._rows.popleft() for _ in range(count)]

    async def fetchall(self) -> list[Any]:
        rows, self._rows = list(self._rows), deque()
        return rows

    async def close(self) -> None:
        self._rows.clear()


class OneTripConnection(aiosqlite.Connection):
    # aiosqlite's cursor() is a trip of its own (sqlite3 makes a cursor on its thread); this
    # one makes the sqlite3 cursor inside each statement's trip.
    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    async def rollback(self) -> None:
        # No trip: a rollback waits for no lock and syncs nothing. (The pool rolls back every
        # connection it gets back, committed or not; nothing to undo costs nothing.)
        if self._connection is None:
            await super().rollback()  # aiosqlite says the connection is closed
        elif self._connection.in_transaction:
            self._connection.rollback()


def _connect(database: str, **kwargs: Any) -> OneTripConnection:
    def connector() -> sqlite3.Connection:
        # Used from the event loop's thread too, never at the same time (see OneTripCursor).
        opened: sqlite3.Connection = sqlite3.connect(
            database, **{**kwargs, "check_same_thread": False}
        )
        return opened

    connection = OneTripConnection(connector, iter_chunk_size=64)
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own connections
    return connection


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite adapter, connecting with `OneTripConnection`."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        return super().connect(*arg, async_creator_fn=_connect, **kw)
