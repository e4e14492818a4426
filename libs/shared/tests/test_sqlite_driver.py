"""The embedded database's driver: statements inside a transaction, and a BEGIN or ROLLBACK
that need not wait, run without a trip to the connection's thread; what may wait (a BEGIN
behind another process's lock, COMMIT) still goes there; and SQLite answers as it does through
aiosqlite (rows, counts, row ids, errors)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_shared.db.engine import READ_ONLY, create_engine
from cobalt_shared.db.sqlite_driver import OneTripConnection

metadata = MetaData()
things = Table(
    "things",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(20), nullable=False, unique=True),
)


@pytest.fixture
async def sqlite(tmp_path) -> Iterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/driver.db")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


@pytest.fixture
def trips(monkeypatch) -> list[str]:
    """The calls handed to a connection's thread, by name."""
    seen: list[str] = []
    handoff = OneTripConnection._execute

    async def counted(self, fn, *args, **kwargs):
        seen.append(getattr(fn, "__name__", repr(fn)))
        return await handoff(self, fn, *args, **kwargs)

    monkeypatch.setattr(OneTripConnection, "_execute", counted)
    return seen


async def test_a_transaction_goes_to_the_thread_to_commit_only(sqlite, trips):
    async with sqlite.connect() as conn:
        await conn.execute(text("SELECT 1"))  # opens the connection and its transaction
        await conn.commit()
        trips.clear()
        for i in range(10):
            await conn.execute(insert(things).values(name=f"n{i}"))
        assert (await conn.scalar(select(things.c.id).where(things.c.name == "n9"))) == 10
        await conn.commit()
    # Eleven statements, one trip: the commit (which syncs the disk). BEGIN IMMEDIATE took
    # the free write lock at once, and the pool's rollback of a committed connection makes
    # none. aiosqlite made four trips per statement, and one each to begin and roll back.
    assert trips == ["commit"], trips


async def test_a_read_or_a_rollback_makes_no_trip(sqlite, trips):
    async with sqlite.begin() as conn:
        await conn.execute(insert(things).values(name="kept"))
    trips.clear()
    async with sqlite.connect() as conn:
        await conn.execution_options(**{READ_ONLY: True})  # BEGIN DEFERRED
        assert (await conn.scalar(select(things.c.name))) == "kept"
    async with sqlite.connect() as conn:  # BEGIN IMMEDIATE, a write, then a rollback
        await conn.execute(insert(things).values(name="undone"))
        await conn.rollback()
        assert (await conn.scalar(select(func.count()).select_from(things))) == 1
    assert trips == [], trips


async def test_rows_counts_row_ids_and_errors_are_sqlites(sqlite):
    async with sqlite.begin() as conn:
        first = await conn.execute(insert(things).values(name="a"))
        assert first.inserted_primary_key == (1,)
        await conn.execute(insert(things), [{"name": "b"}, {"name": "c"}, {"name": "d"}])
        renamed = await conn.execute(
            update(things).where(things.c.id > 1).values(name=things.c.name + "!")
        )
        assert renamed.rowcount == 3
        returned = await conn.execute(
            insert(things).values(name="e").returning(things.c.id, things.c.name)
        )
        assert returned.all() == [(5, "e")]
        rows = await conn.execute(select(things.c.name).order_by(things.c.id))
        assert rows.scalars().all() == ["a", "b!", "c!", "d!", "e"]

    async def a_duplicate_after_a_good_row() -> None:
        async with sqlite.begin() as conn:
            await conn.execute(insert(things).values(name="f"))
            await conn.execute(insert(things).values(name="a"))

    with pytest.raises(IntegrityError, match="UNIQUE"):
        await a_duplicate_after_a_good_row()
    async with sqlite.connect() as conn:  # the failed transaction left nothing behind
        assert (await conn.scalar(select(things.c.id).where(things.c.name == "f"))) is None


async def test_a_writer_waiting_for_the_lock_leaves_the_event_loop_free(tmp_path, monkeypatch):
    # Two engines on one file, as an API and its worker: the second writer waits on SQLite's
    # busy timeout on its connection's thread, and this loop keeps running meanwhile (the
    # holder could not commit otherwise, and the writer would fail after the busy timeout).
    url = f"sqlite+aiosqlite:///{tmp_path}/shared.db"
    holder, waiter = create_engine(url), create_engine(url)
    async with holder.begin() as conn:
        await conn.run_sync(metadata.create_all)
    begun = asyncio.Event()  # a BEGIN went to its connection's thread
    handoff = OneTripConnection._execute

    async def noting(self, fn, *args, **kwargs):
        if len(args) > 1 and str(args[1]).startswith("BEGIN"):
            begun.set()
        return await handoff(self, fn, *args, **kwargs)

    monkeypatch.setattr(OneTripConnection, "_execute", noting)

    async def second_writer() -> None:
        async with waiter.begin() as conn:  # BEGIN IMMEDIATE waits for the holder's commit
            await conn.execute(insert(things).values(name="second"))

    async with holder.begin() as conn:
        await conn.execute(insert(things).values(name="first"))
        begun.clear()  # the holder's own BEGIN went already
        writer = asyncio.create_task(second_writer())
        await begun.wait()  # the writer's BEGIN IMMEDIATE now waits for the lock, off the loop
        assert not writer.done()
    await asyncio.wait_for(writer, 30)
    async with holder.connect() as conn:
        names = (await conn.execute(select(things.c.name).order_by(things.c.id))).scalars()
        assert list(names) == ["first", "second"]
    await holder.dispose()
    await waiter.dispose()
