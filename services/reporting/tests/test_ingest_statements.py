"""Ingest stores a batch with prebuilt statements: SQLAlchemy compiles each once, not per batch
(a statement with its rows written in is never cached, and compiling one of 400 sales cost
half of ingest's time)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event

import cobalt_reporting
from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.application.reporting import ingest_sales
from cobalt_shared.contracts import PosSale
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade

MIGRATIONS = Path(cobalt_reporting.__file__).parent / "migrations"


def _sales(prefix: str, n: int, at: datetime) -> list[PosSale]:
    return [
        PosSale.model_validate(
            {
                "sale_id": f"{prefix}-{i}",
                "sold_at": (at + timedelta(seconds=i)).isoformat(),
                "lines": [{"category": ("Beer", "Wine")[i % 2], "amount": "10.00", "tax": "0.80"}],
                "tenders": [{"type": "card", "amount": "10.80"}],
            }
        )
        for i in range(n)
    ]


@pytest.fixture
def migrated(database_url: str) -> str:
    upgrade(MIGRATIONS, database_url)  # (runs its own event loop: outside the test's)
    return database_url


async def test_batches_of_any_size_reuse_the_compiled_inserts_and_count_once(migrated: str):
    engine = create_engine(migrated)
    merchant = uuid.uuid4()
    at = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    cached: dict[str, list[object]] = {"sales": [], "day_totals": []}

    def seen(conn, cursor, statement, parameters, context, executemany):
        for table, hits in cached.items():
            if statement.startswith(f"INSERT INTO {table} "):
                hits.append(context.cache_hit)

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        results = []
        for prefix, n in (("a", 3), ("b", 7), ("c", 5), ("a", 3)):
            async with ReportingUnitOfWork(engine) as uow:
                results.append(await ingest_sales(uow, merchant, _sales(prefix, n, at)))
                await uow.commit()
        async with ReportingUnitOfWork(engine) as uow:
            day = at.date()
            totals = await uow.sales.totals_between(
                merchant, day - timedelta(1), day + timedelta(1)
            )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
        await engine.dispose()
    assert [len(r.accepted) for r in results] == [3, 7, 5, 0]
    assert len(results[-1].duplicates) == 3  # the same batch again counts once
    # 15 sales of 10.00: the running totals add every batch's rows to the day's.
    lines = [line for day_lines in totals.values() for line in day_lines]
    assert sum(amount for line, _, _, amount in lines if line == "category") == Decimal("150.00")
    for table, hits in cached.items():
        assert hits, table
        assert all(h == engine.dialect.CACHE_HIT for h in hits[1:]), (table, hits)


async def test_only_refunds_look_up_stored_sales(migrated: str):
    """A batch of sales runs no lookup of stored sales (the insert skips one stored before: with
    the batch's ids in it, that lookup read every sale of the merchant on PostgreSQL, so each
    batch cost more than the last). A refund looks up its original only when not in the batch."""
    engine = create_engine(migrated)
    merchant = uuid.uuid4()
    at = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    lookups: list[tuple[object, ...]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("SELECT sales.sale_id"):
            lookups.append(tuple(parameters))

    def refund(sale_id: str, of: str) -> PosSale:
        body = _sales(sale_id, 1, at)[0].model_dump(mode="json")
        return PosSale.model_validate({**body, "sale_id": sale_id, "refund_of": of})

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        results = []
        for batch in (
            _sales("a", 5, at),
            _sales("a", 5, at) + _sales("b", 2, at),
            [*_sales("c", 1, at), refund("r1", "a-0"), refund("r2", "c-0"), refund("r3", "zz")],
        ):
            async with ReportingUnitOfWork(engine) as uow:
                results.append(await ingest_sales(uow, merchant, batch))
                await uow.commit()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
        await engine.dispose()
    assert [sorted(r.accepted) for r in results] == [
        [f"a-{i}" for i in range(5)],
        ["b-0", "b-1"],
        ["c-0", "r1", "r2"],
    ]
    assert sorted(results[1].duplicates) == [f"a-{i}" for i in range(5)]
    assert [bad["sale_id"] for bad in results[2].rejected] == ["r3"]
    # One lookup in all, by the third batch, of the two originals it does not hold itself.
    assert len(lookups) == 1
    asked = set(lookups[0])
    assert {"a-0", "zz"} <= asked
    assert not {"c-0", "r1", "r2", "r3"} & asked
