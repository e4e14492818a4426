"""The message worker every service runs: FastStream consumers, the outbox relay, health."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi_offline import FastAPIOffline
from faststream import FastStream
from faststream.nats import NatsBroker, NatsRouter
from faststream.security import SASLPlaintext
from faststream.specification import AsyncAPI
from nats.aio.msg import Msg
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_shared.asyncapi_page import asyncapi_page
from cobalt_shared.contracts.subjects import StreamSpec, relay_wake
from cobalt_shared.db.engine import create_engine, ping
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.http import install_error_handlers
from cobalt_shared.inbox import InboxConfig, InboxConsumers
from cobalt_shared.messaging import NatsConnection, ensure_stream
from cobalt_shared.observability import CorrelationMiddleware, health_router
from cobalt_shared.outbox import OutboxRelay, jetstream_publisher
from cobalt_shared.retention import Retention, keep_purging
from cobalt_shared.settings import ServiceSettings
from cobalt_shared.tasks import stop_tasks

log = logging.getLogger(__name__)
STOP_TIMEOUT = 10.0  # seconds a worker's background tasks get to stop
Job = Callable[[], Coroutine[Any, Any, None]]  # a long-running loop of a service


@dataclass
class WorkerRuntime:
    """The parts of a running worker: made first, so app.py can wire units of work to them."""

    settings: ServiceSettings
    engine: AsyncEngine
    broker: NatsBroker
    relay: OutboxRelay
    nats: NatsConnection
    streams: Sequence[StreamSpec] = ()
    started: asyncio.Event = field(default_factory=asyncio.Event)

    @classmethod
    def create(cls, settings: ServiceSettings, engine: AsyncEngine) -> WorkerRuntime:
        nats = NatsConnection(settings.nats, f"{settings.service_name}-worker")
        relay = OutboxRelay(
            engine,
            jetstream_publisher(nats.jetstream),
            name=settings.service_name,
            interval=settings.relay_interval_seconds,
        )
        return cls(settings, engine, new_broker(settings), relay, nats)

    async def check_nats(self) -> None:
        await self.nats.ping()
        if not self.started.is_set():
            raise ConnectionError("consumers not started yet")


def new_broker(settings: ServiceSettings) -> NatsBroker:
    """The broker that documents a worker's messages (the AsyncAPI document). It is never
    connected: `InboxConsumers` consume on the worker's own NATS connection."""
    target = settings.nats
    login = SASLPlaintext(target.user, target.password or "") if target.user else None
    return NatsBroker(
        list(target.servers),
        security=login,
        name=f"{settings.service_name}-worker",
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        connect_timeout=2,
        logger=logging.getLogger(f"{settings.service_name}.consumers"),
    )


def build_worker(
    runtime: WorkerRuntime,
    *,
    title: str,
    routers: Sequence[NatsRouter],
    streams: Sequence[StreamSpec],
    background: Sequence[Job] = (),
) -> FastAPI:
    """An ASGI app that runs consumers and the relay, and serves health and AsyncAPI docs.
    `background` are long-running loops of the service (e.g. a scheduler), run alongside.

    `streams` are every stream the worker touches (its own first): they are declared at
    start-up with the configured replicas, so the same code runs embedded and clustered.
    """
    worker = runtime
    worker.streams = streams
    settings, engine, broker, relay, nats = (
        runtime.settings,
        runtime.engine,
        runtime.broker,
        runtime.relay,
        runtime.nats,
    )
    for router in routers:
        broker.include_router(router)  # for the AsyncAPI document; InboxConsumers consume
    consumers = InboxConsumers(routers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await nats.start()
        tasks = [
            asyncio.create_task(_start_consumers(worker, consumers), name="consumers"),
            asyncio.create_task(relay.run(), name="outbox-relay"),
            asyncio.create_task(_wake_on_api_commits(worker), name="relay-wake"),
            *(
                asyncio.create_task(job(), name=f"background-{i}")
                for i, job in enumerate(background)
            ),
        ]
        try:
            yield
        finally:
            # Bounded: a task that keeps ignoring its cancellation must not hold the shutdown.
            await stop_tasks(tasks, STOP_TIMEOUT)
            await consumers.stop()
            await nats.close()
            await engine.dispose()

    app = FastAPIOffline(title=f"{title} worker", lifespan=lifespan, redoc_url=None)
    app.state.worker = worker
    app.add_middleware(CorrelationMiddleware, service=f"{settings.service_name}-worker")
    install_error_handlers(app)
    app.include_router(health_router({"database": lambda: ping(engine), "nats": worker.check_nats}))
    spec = AsyncAPI(
        title=f"CobaltConnect {title}",
        version="0.1.0",
        description=f"Messages consumed and published by the {title}.",
    )

    @app.get("/asyncapi.json", tags=["docs"])
    async def asyncapi_json() -> dict[str, object]:
        """The AsyncAPI document of this worker's messages."""
        document: dict[str, object] = (
            FastStream(broker, specification=spec).schema.to_specification().to_jsonable()
        )
        return document

    @app.get("/asyncapi", tags=["docs"], response_class=HTMLResponse)
    async def asyncapi_html() -> str:
        """The AsyncAPI document, rendered on the server: no script, nothing from the internet."""
        document = FastStream(broker, specification=spec).schema.to_specification().to_jsonable()
        return asyncapi_page(document)

    return app


async def _wake_on_api_commits(worker: WorkerRuntime) -> None:
    """The service's API nudges (core NATS) when a commit queued messages: relay them now."""
    client = await worker.nats.wait_connected()

    async def wake(_message: Msg) -> None:
        worker.relay.notify()

    await client.subscribe(relay_wake(worker.settings.service_name), cb=wake)


async def _start_consumers(worker: WorkerRuntime, consumers: InboxConsumers) -> None:
    """Declare streams and start consuming; keep trying while NATS is unreachable."""
    nc = await worker.nats.wait_connected()
    delay = 0.5
    while True:
        try:
            js = nc.jetstream(timeout=5)
            for spec in worker.streams:
                await ensure_stream(
                    js, spec, worker.settings.stream_replicas, worker.settings.stream_storage
                )
            await consumers.start(nc)
            worker.started.set()
            log.info("consumers started")
            return
        except Exception as exc:
            log.warning("could not start consumers: %s (retrying in %.1fs)", exc, delay)
            await consumers.stop()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)


def build_service_worker(
    settings: ServiceSettings,
    *,
    title: str,
    unit_of_work: type[UnitOfWork],
    streams: Sequence[StreamSpec],
    routers: Callable[[InboxConfig], Sequence[NatsRouter]],
    background: Callable[[InboxConfig], Sequence[Job]] = lambda _: (),
) -> FastAPI:
    """A service worker on its own database: `routers` get the inbox configuration (units of
    work that wake the relay on commit) and return the consumers and documented publications;
    `background` likewise returns the service's long-running loops."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)

    def new_uow() -> UnitOfWork:
        return unit_of_work(engine, on_commit=runtime.relay.notify)

    inbox = InboxConfig(new_uow, max_deliveries=settings.max_deliveries)
    retention = Retention(timedelta(hours=settings.retention_hours))

    async def purging() -> None:
        await keep_purging(engine, retention, settings.retention_interval_seconds)

    return build_worker(
        runtime,
        title=title,
        routers=routers(inbox),
        streams=streams,
        background=[*background(inbox), purging],
    )
