"""Throughput of the outbox -> relay -> JetStream -> inbox pipe, against raw JetStream.

Run: make bench   (or .venv/bin/python tests/benchmarks/bench_pipe.py --messages 2000)

Every figure comes from one process on one private nats-server: first raw JetStream
(publish each message with a dedup id and wait for its ack, then consume and ack each), then
the pipe on SQLite and, when reachable, PostgreSQL: N events committed one per transaction
through the outbox, then relayed and handled by an inbox consumer that writes one row each,
taking one message per transaction (the baseline for batches) and then batches of 100.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
import uuid
from pathlib import Path

import nats
from figures import record

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.testkit import Note, count, effects, effects_metadata
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import dead_letters, messaging_metadata
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.inbox import (
    InboxConfig,
    InboxConsumers,
    InboxUnitOfWork,
    durable_subscriber,
    inbox_router,
)
from cobalt_shared.messaging import ensure_stream
from cobalt_shared.outbox import OutboxRelay, jetstream_publisher

BATCHES = (1, 100)  # a message per transaction (as before batches), then batches
DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def _stream() -> StreamSpec:
    tag = uuid.uuid4().hex[:8]
    return StreamSpec(f"B{tag}", (f"b{tag}.>",), "benchmark")


async def raw_jetstream(url: str, n: int) -> float:
    """Messages per second for publish-with-ack then consume-and-ack, no database."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    stream = _stream()
    await ensure_stream(js, stream)
    subject = stream.subjects[0].replace(">", "note")
    body = Note(merchant_id=uuid.uuid4(), text="x").model_dump_json().encode()
    started = time.perf_counter()
    for _ in range(n):
        await js.publish(subject, body, headers={"Nats-Msg-Id": uuid.uuid4().hex})
    sub = await js.pull_subscribe(subject, durable="raw")
    seen = 0
    while seen < n:
        for msg in await sub.fetch(min(100, n - seen), timeout=5):
            await msg.ack()
            seen += 1
    elapsed = time.perf_counter() - started
    await nc.close()
    return n / elapsed


async def pipe(url: str, database_url: str, n: int, batch_size: int) -> tuple[float, float]:
    """(events committed per second, events through relay and inbox per second)."""
    engine = create_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(messaging_metadata.create_all)
        await conn.run_sync(effects_metadata.create_all)
    stream = _stream()
    nc = await nats.connect(url)
    js = nc.jetstream()
    await ensure_stream(js, stream)
    subject = stream.subjects[0].replace(">", "note")

    started = time.perf_counter()
    for i in range(n):
        async with UnitOfWork(engine) as uow:
            await uow.outbox.add(subject, Note(merchant_id=uuid.uuid4(), text=str(i)))
            await uow.commit()
    write_rate = n / (time.perf_counter() - started)

    router = inbox_router(InboxConfig(lambda: UnitOfWork(engine), batch_size=batch_size))

    @durable_subscriber(
        router, subject, stream=stream, durable="bench", owner=stream, description="bench"
    )
    async def handle(note: Note, uow: InboxUnitOfWork) -> None:
        await uow.connection.execute(
            effects.insert().values(message_id=str(note.message_id), text=note.text)
        )

    consumers = InboxConsumers([router])
    relay = OutboxRelay(engine, jetstream_publisher(lambda: js), name="bench", interval=0.01)
    started = time.perf_counter()
    await consumers.start(nc)
    relay_task = asyncio.create_task(relay.run())
    while await count(engine, effects) < n:
        if await count(engine, dead_letters):
            raise RuntimeError("the benchmark handler dead-lettered a message: see the log")
        await asyncio.sleep(0.05)
    pipe_rate = n / (time.perf_counter() - started)
    relay_task.cancel()
    await consumers.stop()
    await nc.close()
    await engine.dispose()
    return write_rate, pipe_rate


async def _postgres_database(base: str) -> tuple[str, str] | None:
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"cobalt_bench_{uuid.uuid4().hex[:8]}"
    try:
        conn = await asyncpg.connect(
            host=url.host, port=url.port or 5432, user=url.username, database=url.database,
            timeout=3,
        )  # fmt: skip
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL not reachable at {base} ({exc}); its row is left out")
        return None
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return url.set(database=name).render_as_string(hide_password=False), name


async def _drop(base: str, name: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database=url.database
    )
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def main(n: int) -> None:
    base = os.environ.get("COBALT_TEST_POSTGRES_URL") or DEFAULT_POSTGRES
    with tempfile.TemporaryDirectory() as tmp, NatsServer(Path(tmp) / "nats") as server:
        print(f"{n} messages each; nats-server {server.url}; 2 cores")
        baseline = await raw_jetstream(server.url, n)
        rows: list[tuple[str, float | None, float]] = [
            ("raw JetStream publish+consume (baseline)", None, baseline)
        ]
        for batch in BATCHES:
            sqlite_url = f"sqlite+aiosqlite:///{Path(tmp) / f'bench-{batch}.db'}"
            write, rate = await pipe(server.url, sqlite_url, n, batch)
            rows.append((f"outbox->relay->inbox, SQLite, batches of {batch}", write, rate))
        for batch in BATCHES:
            if (pg := await _postgres_database(base)) is None:
                break
            try:
                write, rate = await pipe(server.url, pg[0], n, batch)
                rows.append((f"outbox->relay->inbox, PostgreSQL, batches of {batch}", write, rate))
            finally:
                await _drop(base, pg[1])
    print(f"{'path':<52} {'commits/s':>10} {'msgs/s':>10} {'vs baseline':>12}")
    for name, write_rate, msg_rate in rows:
        commits = f"{write_rate:,.0f}" if write_rate else "-"
        print(f"{name:<52} {commits:>10} {msg_rate:>10,.0f} {msg_rate / baseline:>11.2f}x")
        if name.endswith(f"batches of {BATCHES[-1]}"):
            database = "PostgreSQL" if "PostgreSQL" in name else "SQLite"
            record("pipe_share", 100 * msg_rate / baseline, database)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    asyncio.run(main(parser.parse_args().messages))
