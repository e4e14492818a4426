"""Fixtures for the shared library's tests against a real nats-server and real databases."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import nats
import pytest
from faststream.nats import NatsBroker
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_devstack.testkit import MAX_DELIVERIES, Note, effects, effects_metadata
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import messaging_metadata
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.inbox import InboxConfig, InboxUnitOfWork, durable_subscriber, inbox_router
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
    calls: list[str] = field(default_factory=list)


@pytest.fixture
def behaviour() -> Behaviour:
    return Behaviour()


@pytest.fixture
async def consumer(nats_server, stream, js, new_uow, behaviour) -> AsyncIterator[NatsBroker]:
    """A worker with one inbox-guarded handler that records an effect per message."""
    router = inbox_router(InboxConfig(new_uow, max_deliveries=MAX_DELIVERIES, base_delay=0.05))
    subject = stream.subjects[0].replace(">", "note")

    @durable_subscriber(
        router, subject, stream=stream, durable="effects", owner=stream, description="test"
    )
    async def on_note(note: Note, uow: InboxUnitOfWork) -> None:
        behaviour.calls.append(note.text)
        if behaviour.always_fail or behaviour.failures_left > 0:
            behaviour.failures_left -= 1
            raise RuntimeError(f"handler failed on {note.text}")
        await uow.connection.execute(
            effects.insert().values(message_id=str(note.message_id), text=note.text)
        )

    broker = NatsBroker(nats_server.url)
    broker.include_router(router)
    await broker.start()
    yield broker
    await broker.stop()
