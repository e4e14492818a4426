"""Fixtures for the shared library's tests against a real nats-server and real databases."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

import nats
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_devstack.testkit import effects_metadata
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import messaging_metadata
from cobalt_shared.db.uow import UnitOfWork
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
