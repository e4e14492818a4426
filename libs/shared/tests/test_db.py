"""The engine factory's durability settings and the unit of work's all-or-nothing rule."""

from __future__ import annotations

import pytest
from sqlalchemy import text

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
