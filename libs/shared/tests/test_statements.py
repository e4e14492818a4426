"""Many rows through the driver's executemany: stored exactly as SQLAlchemy stores them."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Uuid,
    bindparam,
    event,
    insert,
    select,
    update,
)

from cobalt_shared.db.statements import ManyRows
from cobalt_shared.db.tables import UTCDateTime

metadata = MetaData()
things = Table(
    "many_rows_things",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("batch", String(20), nullable=False),
    Column("day", Date, nullable=True),
    Column("at", UTCDateTime, nullable=True),
    Column("body", LargeBinary, nullable=True),
    Column("flag", Boolean, nullable=False),
    Column("count", Integer, nullable=True),
    Column("amount", Numeric(12, 2), nullable=True),
)
with_default = Table(
    "many_rows_defaulted",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("made", String(20), nullable=False, default="python-side"),
)
KEYS = ["id", "batch", "day", "at", "body", "flag", "count", "amount"]
INSERT = ManyRows(insert(things), KEYS)
UPDATE = ManyRows(
    update(things)
    .where(things.c.id == bindparam("_id"))
    .values(at=bindparam("at"), count=bindparam("count"), flag=bindparam("flag")),
    ["at", "count", "flag", "_id"],
)


def _rows(batch: str) -> list[dict[str, object]]:
    return [
        {
            "id": uuid.uuid4(),
            "batch": batch,
            "day": date(2026, 12, 7),
            "at": datetime(2026, 12, 7, 3, 4, 5, 678901, tzinfo=UTC),
            "body": b"\x00bytes\xff",
            "flag": True,
            "count": 7,
            "amount": Decimal("12.34"),
        },
        {  # every nullable value empty
            "id": uuid.uuid4(),
            "batch": batch,
            "day": None,
            "at": None,
            "body": None,
            "flag": False,
            "count": None,
            "amount": None,
        },
    ]


async def _stored(conn, batch):
    rows = await conn.execute(select(things).where(things.c.batch == batch).order_by(things.c.flag))
    return [{k: v for k, v in row._mapping.items() if k not in ("id", "batch")} for row in rows]


async def test_rows_are_stored_as_sqlalchemy_stores_them(engine):
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
        ours, theirs = _rows("ours"), _rows("theirs")
        await INSERT.execute(conn, ours)
        await conn.execute(insert(things), theirs)
        assert await _stored(conn, "ours") == await _stored(conn, "theirs")
        changed = {"at": datetime(2027, 1, 1, tzinfo=UTC), "count": 8, "flag": False}
        await UPDATE.execute(conn, [{**changed, "_id": row["id"]} for row in ours])
        await conn.execute(
            update(things)
            .where(things.c.id == bindparam("_id"))
            .values(at=bindparam("at"), count=bindparam("count"), flag=bindparam("flag")),
            [{**changed, "_id": row["id"]} for row in theirs],
        )
        assert await _stored(conn, "ours") == await _stored(conn, "theirs")
        assert [r["count"] for r in await _stored(conn, "ours")] == [8, 8]
        await conn.run_sync(metadata.drop_all)


async def test_many_rows_are_one_statement_and_none_are_none(engine):
    statements: list[tuple[str, bool]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, executemany))

    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
        event.listen(conn.sync_engine, "before_cursor_execute", seen)
        try:
            await INSERT.execute(conn, [])
            await INSERT.execute(conn, _rows("a") + _rows("a"))
        finally:
            event.remove(conn.sync_engine, "before_cursor_execute", seen)
        assert len(await _stored(conn, "a")) == 4
        await conn.run_sync(metadata.drop_all)
    assert [many for _, many in statements] == [True]


def test_what_sqlalchemy_would_fill_in_is_refused_when_built():
    with pytest.raises(ValueError, match="made"):
        ManyRows(insert(with_default), ["id"])
    ManyRows(insert(with_default), ["id", "made"])  # given in the rows: fine


async def test_a_statement_with_a_list_expanded_at_execution_is_refused(engine):
    expanding = ManyRows(
        update(things).where(things.c.id.in_(bindparam("ids", expanding=True))).values(count=1),
        ["ids"],
    )
    async with engine.connect() as conn:
        with pytest.raises(ValueError, match="fixed positional binds"):
            await expanding.execute(conn, [{"ids": [uuid.uuid4()]}])
