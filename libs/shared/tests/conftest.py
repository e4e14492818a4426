"""Fixtures for the shared library's tests against a real nats-server and real databases."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import nats
import pytest
from nats.aio.client import Client
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_devstack.testkit import MAX_DELIVERIES, Note, effects, effects_metadata
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import messaging_metadata
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.inbox import (
    InboxConfig,
    InboxConsumers,
    InboxUnitOfWork,
    durable_subscriber,
    inbox_router,
)
from cobalt_shared.messaging import ensure_stream


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A database with the messaging tables and a table of handler effects."""
    eng = create_engine(database_url)
    async with eng.begin() as conn:
        await conn.run_sync(messaging_metadata.create_all)
        await conn.run_sync(effects_metadata.create_all)
    yield eng
    await eng.dispose()


@pytest.fixture
def new_uow(engine: AsyncEngine) -> Callable[[], UnitOfWork]:
    return lambda: UnitOfWork(engine)


@pytest.fixture
def stream() -> StreamSpec:
    """A stream of this test alone on the shared test server."""
    tag = uuid.uuid4().hex[:10]
    return StreamSpec(f"T{tag}", (f"t{tag}.>",), "test stream")


@pytest.fixture
async def js(nats_server, stream):
    nc = await nats.connect(nats_server.url)
    jetstream = nc.jetstream()
    await ensure_stream(jetstream, stream)
    yield jetstream
    await nc.close()


@dataclass
class Behaviour:
    """How the test handler behaves: fail this many times first, or always."""

    failures_left: int = 0
    always_fail: bool = False
    poison: set[str] = field(default_factory=set)  # texts that always fail
    calls: list[str] = field(default_factory=list)
    sets: list[int] = field(default_factory=list)  # how many messages each set handler call got


@pytest.fixture
def behaviour() -> Behaviour:
    return Behaviour()


Starter = Callable[..., Awaitable[InboxConsumers]]


@pytest.fixture
async def start_consumer(nats_server, stream, js, new_uow, behaviour) -> AsyncIterator[Starter]:
    """Starts a worker with one inbox-guarded handler that records an effect per message;
    keyword arguments go to its InboxConfig, `ack_wait` to its consumer."""
    running: list[tuple[InboxConsumers, Client]] = []

    async def start(
        ack_wait: float = 30.0, together: bool = False, **config: Any
    ) -> InboxConsumers:
        router = inbox_router(
            InboxConfig(new_uow, max_deliveries=MAX_DELIVERIES, base_delay=0.05, **config)
        )
        subject = stream.subjects[0].replace(">", "note")

        subscribe = durable_subscriber(
            router,
            subject,
            stream=stream,
            durable="effects",
            owner=stream,
            description="test",
            ack_wait=ack_wait,
            together=together,
        )

        def check(note: Note) -> None:
            behaviour.calls.append(note.text)
            if (
                behaviour.always_fail
                or behaviour.failures_left > 0
                or note.text in behaviour.poison
            ):
                behaviour.failures_left -= 1
                raise RuntimeError(f"handler failed on {note.text}")

        async def on_note(note: Note, uow: InboxUnitOfWork) -> None:
            check(note)
            await uow.connection.execute(
                effects.insert().values(message_id=str(note.message_id), text=note.text)
            )

        async def on_notes(notes: list[Note], uow: InboxUnitOfWork) -> None:
            behaviour.sets.append(len(notes))
            for note in notes:
                check(note)
            await uow.connection.execute(
                effects.insert(),
                [{"message_id": str(n.message_id), "text": n.text} for n in notes],
            )

        subscribe(on_notes if together else on_note)

        consumers = InboxConsumers([router])
        nc = await nats.connect(nats_server.url)
        await consumers.start(nc)
        running.append((consumers, nc))
        return consumers

    yield start
    for consumers, nc in running:
        await consumers.stop()
        await nc.close()


@pytest.fixture
async def consumer(start_consumer: Starter) -> InboxConsumers:
    """The test worker, started before the test publishes."""
    return await start_consumer()
