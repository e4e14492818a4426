"""A worker's shutdown is bounded, whatever its background tasks do."""

from __future__ import annotations

import asyncio

from pydantic_settings import SettingsConfigDict

from cobalt_shared import worker
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.tables import messaging_metadata
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.settings import ServiceSettings


class _Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="STOPPING_")


async def test_a_worker_stops_even_when_a_background_task_ignores_its_stop(
    database_url, nats_server, monkeypatch, caplog
):
    engine = create_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(messaging_metadata.create_all)
    await engine.dispose()
    monkeypatch.setattr(worker, "STOP_TIMEOUT", 0.2)
    started, released = asyncio.Event(), asyncio.Event()

    async def stubborn() -> None:
        started.set()
        while not released.is_set():
            try:
                await released.wait()
            except asyncio.CancelledError:
                continue  # a stop it does not honour

    app = worker.build_service_worker(
        _Settings(database_url=database_url, nats_url=nats_server.url),
        title="stopping",
        unit_of_work=UnitOfWork,
        streams=[],
        routers=lambda _: [],
        background=lambda _: [stubborn],
    )
    async with app.router.lifespan_context(app):
        await started.wait()
    # Reached: the shutdown went on without it, and said so.
    assert "did not stop within" in caplog.text
    released.set()
