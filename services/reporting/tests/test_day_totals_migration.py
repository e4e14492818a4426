# mypy: allow-untyped-defs, allow-untyped-calls
"""Sales stored before day totals existed are added up into them by the migration, each day
by the close that posted it, so the next close posts exactly what was not posted yet; a
downgrade marks the posted days' sales posted again."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Date, String, Text, Uuid, column, insert, select, table, text

import cobalt_reporting
from cobalt_reporting.adapters.repository import NOT_CLOSED
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import alembic_config, upgrade
from cobalt_shared.db.tables import UTCDateTime

MIGRATIONS = Path(cobalt_reporting.__file__).parent / "migrations"
MERCHANT = uuid.uuid4()
AT = datetime(2026, 11, 20, 15, tzinfo=UTC)
OLD_SALES = table(
    "sales",
    column("merchant_id", Uuid()),
    column("sale_id", String()),
    column("sold_at", UTCDateTime()),
    column("business_day", Date()),
    column("body", Text()),
    column("received_at", UTCDateTime()),
    column("closed_in", Date()),
)


def _body(amount: str, tender: str) -> str:
    return json.dumps(
        {
            "lines": [{"category": "Beer", "amount": amount, "tax": "0.80"}],
            "tenders": [{"type": tender, "amount": str(Decimal(amount) + Decimal("0.80"))}],
        }
    )


async def _run(url: str, statement: Any) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(statement)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


def test_existing_sales_become_day_totals_by_the_close_that_posted_them(database_url):
    upgrade(MIGRATIONS, database_url, "0007")
    old = (
        ("posted", date(2026, 11, 20), "10.00", "card", date(2026, 11, 20)),
        ("late", date(2026, 11, 20), "5.00", "cash", None),
        ("open", date(2026, 11, 21), "7.00", "cash", None),
    )
    rows = [
        {
            "merchant_id": MERCHANT,
            "sale_id": sid,
            "sold_at": AT,
            "business_day": day,
            "body": _body(amount, tender),
            "received_at": AT,
            "closed_in": closed,
        }
        for sid, day, amount, tender, closed in old
    ]
    asyncio.run(_run(database_url, insert(OLD_SALES).values(rows)))
    upgrade(MIGRATIONS, database_url)
    totals = text(
        "SELECT business_day, closed_in, amount FROM day_totals "
        "WHERE line = 'category' ORDER BY business_day, closed_in"
    )
    found = [(str(d), str(c), Decimal(a)) for d, c, a in asyncio.run(_run(database_url, totals))]
    assert found == [
        ("2026-11-20", str(NOT_CLOSED), Decimal("5.00")),  # the late sale: the next close's
        ("2026-11-20", "2026-11-20", Decimal("10.00")),
        ("2026-11-21", str(NOT_CLOSED), Decimal("7.00")),
    ]
    command.downgrade(alembic_config(MIGRATIONS, database_url), "0007")
    query = select(OLD_SALES.c.sale_id, OLD_SALES.c.closed_in).order_by(OLD_SALES.c.sale_id)
    closed = asyncio.run(_run(database_url, query))
    assert [(s, str(c) if c else None) for s, c in closed] == [
        ("late", "2026-11-20"),  # its day was posted: never posted twice
        ("open", None),
        ("posted", "2026-11-20"),
    ]
