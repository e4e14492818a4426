"""The gateway worker's watch over every connection, at fleet size.

Run: .venv/bin/python tests/benchmarks/bench_monitor.py [--merchants 2000] [--history 144]
Same run, one SQLite database of healthy merchants (a connection and a good contact each) and
a few with a problem: the watch as it runs (a few queries for the whole fleet, then a
transaction only for merchants with something to mail), against a look at every merchant in
its own transaction (the baseline: how the watch first ran). Behind each merchant's newest
contact lie `--history` older ones (144: a day of polls every 10 minutes): the watch must
not read them.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from collections.abc import Awaitable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

import cobalt_qbwc_gateway
from cobalt_qbwc_gateway.adapters.orm import contacts
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application import monitor
from cobalt_qbwc_gateway.domain.alerts import Mailing
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade_async

WATCH = monitor.Watch(
    poll_seconds=600,
    abandoned_after=timedelta(minutes=15),
    waiting_alert_after=timedelta(days=1),
    mailing=Mailing("http://localhost:8100", timedelta(hours=1)),
)


async def _seed(engine: AsyncEngine, merchants: int, history: int, now: datetime) -> None:
    async with GatewayUnitOfWork(engine) as uow:
        older = []
        for n in range(merchants):
            merchant = uuid.uuid4()
            connection = Connection.set_up(
                merchant_id=merchant,
                qbwc_user=f"u{n}",
                password_hash="x",
                start_date=date(2026, 1, 1),
                qbxml_version="13.0",
                company_file=None,
                now=now - timedelta(days=30),
            )
            await uow.connections.save(connection, new=True)
            outcome = Outcome.WRONG_PASSWORD if n % 100 == 0 else Outcome.UPDATED
            at = now - timedelta(minutes=3)
            await uow.contacts.add(
                Contact.knock(at, f"u{n}", "s", outcome, merchant, connection.id)
            )
            older += [
                {"id": uuid.uuid4(), "merchant_id": merchant, "connection_id": connection.id}
                | {"qbwc_user": f"u{n}", "source": "s", "outcome": Outcome.NOTHING_TO_DO.value}
                | {"started_at": at - timedelta(minutes=10 * (i + 1)), "ended_at": at}
                for i in range(history)
            ]
        if older:
            await uow.connection.execute(insert(contacts), older)
        await uow.commit()


async def _baseline(engine: AsyncEngine, now: datetime) -> None:
    async with GatewayUnitOfWork(engine) as uow:
        connections = await uow.connections.all()
    for connection in connections:
        await monitor._watch_connection(lambda: GatewayUnitOfWork(engine), connection, now, WATCH)


async def main(merchants: int, history: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/gateway.db"
        await upgrade_async(Path(cobalt_qbwc_gateway.__file__).parent / "migrations", url)
        engine = create_engine(url)
        now = datetime.now(UTC)
        await _seed(engine, merchants, history, now)
        await monitor.watch_once(lambda: GatewayUnitOfWork(engine), now, WATCH)  # warm, mails
        figures = {}

        def ours() -> Awaitable[object]:
            return monitor.watch_once(lambda: GatewayUnitOfWork(engine), now, WATCH)

        for name, run in (
            ("every merchant in its own transaction (base)", lambda: _baseline(engine, now)),
            ("fleet look, then only the unhealthy (ours)", ours),
        ):
            times = []
            for _ in range(3):
                started = time.perf_counter()
                await run()
                times.append(time.perf_counter() - started)
            figures[name] = sorted(times)[1]
        await engine.dispose()
    base = next(iter(figures.values()))
    print(
        f"one watch over {merchants:,} connections (1% unhealthy), {history} older contacts"
        " each, SQLite, median of 3"
    )
    for name, seconds in figures.items():
        print(f"{name:<48} {seconds * 1000:>9,.0f} ms {base / seconds:>7.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merchants", type=int, default=2000)
    parser.add_argument("--history", type=int, default=144, help="older contacts per merchant")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.merchants, arguments.history))
