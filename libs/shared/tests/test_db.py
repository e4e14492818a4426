"""The engine factory's durability settings and the unit of work's all-or-nothing rule."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event, text

from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import outbox
from cobalt_shared.db.uow import UnitOfWork


async def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(tmp_path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/nested/folder/x.db")
    async with engine.connect() as conn:
        assert (await conn.scalar(text("PRAGMA journal_mode"))) == "wal"
        assert (await conn.scalar(text("PRAGMA synchronous"))) == 2  # FULL
        assert (await conn.scalar(text("PRAGMA foreign_keys"))) == 1
    await engine.dispose()


def test_unsupported_database_urls_are_refused_by_name():
    with pytest.raises(ValueError, match="unsupported database URL scheme 'mysql"):
        create_engine("mysql+aiomysql://u@h/db")


async def test_a_unit_of_work_rolls_back_unless_committed(engine):
    async def rows() -> int:
        async with engine.connect() as conn:
            return int(await conn.scalar(text("SELECT count(*) FROM outbox")) or 0)

    values = {"subject": "s", "message_type": "t", "payload": b"{}", "created_at": None}
    async with UnitOfWork(engine) as uow:
        await uow.connection.execute(outbox.insert().values(message_id="a", **_stamp(values)))
    assert await rows() == 0

    async def fail_midway() -> None:
        async with UnitOfWork(engine) as uow:
            await uow.connection.execute(outbox.insert().values(message_id="b", **_stamp(values)))
            raise RuntimeError("something failed before commit")

    with pytest.raises(RuntimeError):
        await fail_midway()
    assert await rows() == 0
    async with UnitOfWork(engine) as uow:
        await uow.connection.execute(outbox.insert().values(message_id="c", **_stamp(values)))
        await uow.commit()
    assert await rows() == 1


def _stamp(values):
    from cobalt_shared.contracts.base import utcnow

    return {**values, "created_at": utcnow()}


async def test_merchant_locks_are_taken_in_one_statement_and_held_until_the_transaction_ends(
    engine,
):
    a, b = uuid.uuid4(), uuid.uuid4()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    async def advisory_locks_held(pid: int) -> int:
        async with engine.connect() as other:
            held = await other.scalar(
                text(
                    "SELECT count(*) FROM pg_locks"
                    " WHERE locktype = 'advisory' AND granted AND pid = :pid"
                ),
                {"pid": pid},
            )
        return int(held or 0)

    uow = UnitOfWork(engine)
    async with uow:
        pid = 0
        if engine.dialect.name == "postgresql":
            pid = int(await uow.connection.scalar(text("SELECT pg_backend_pid()")) or 0)
        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        try:
            await uow.lock_merchants([b, a, b])
            await uow.lock_merchants([])
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", seen)
        if engine.dialect.name == "postgresql":
            assert len(statements) == 1  # both merchants, once each, in one statement
            assert await advisory_locks_held(pid) == 2
        else:  # SQLite runs write transactions one at a time: nothing to take
            assert statements == []
        await uow.commit()
    if engine.dialect.name == "postgresql":
        assert await advisory_locks_held(pid) == 0
