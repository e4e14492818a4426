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
