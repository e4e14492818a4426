"""NATS helpers: a self-healing connection, stream declaration, dedup-id publishing."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import nats
from faststream.nats import NatsRouter
from nats.aio.client import Client
from nats.errors import NoServersError
from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError

from cobalt_shared.contracts.base import Message
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.settings import NatsTarget
from cobalt_shared.tasks import stop_tasks

log = logging.getLogger(__name__)

DEDUP_HEADER = "Nats-Msg-Id"
# How long JetStream remembers a Nats-Msg-Id; a relay that re-publishes a row within this
# window after a crash is absorbed by the stream, past it by the consumers' inbox.
DUPLICATE_WINDOW_SECONDS = 600.0
# How long closing waits for a task of the connection to end, cancelling it again meanwhile.
STOP_WAIT_SECONDS = 5.0


class NatsConnection:
    """One NATS connection that keeps (re)connecting in the background until closed.

    Whatever stops it connecting (no server up yet, a refused password, a bad address) is kept
    as `problem`, logged when it changes, and reported by `ping` (so /readyz says why); the
    task never dies of it and connects as soon as the cause is gone.
    """

    def __init__(self, target: NatsTarget, name: str) -> None:
        self._target = target
        self._name = name
        self._nc: Client | None = None
        self._nudging = False
        self._nudge_again = False
        self._pending: set[asyncio.Task[None]] = set()
        self._task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._last_error: Exception | None = None
        self._closing = False
        self.problem: str | None = None

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._connect_forever(), name=f"nats:{self._name}")

    async def _connect_forever(self) -> None:
        delay = 0.2
        while not self._closing:
            self._last_error = None
            try:
                client = await nats.connect(
                    servers=list(self._target.servers),
                    user=self._target.user,
                    password=self._target.password,
                    name=self._name,
                    connect_timeout=2,
                    allow_reconnect=True,
                    max_reconnect_attempts=-1,
                    reconnect_time_wait=0.5,
                    disconnected_cb=self._on_disconnected,
                    reconnected_cb=self._on_reconnected,
                    error_cb=self._on_error,
                )
                if self._closing:  # connected as it was being closed
                    await client.close()
                    return
                self._nc = client
                self._connected.set()
                self.problem = None
                log.info("connected to NATS (%s)", ", ".join(self._target.servers))
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self._note(_describe(exc, self._last_error))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _on_disconnected(self) -> None:
        log.warning("disconnected from NATS")

    async def _on_reconnected(self) -> None:
        log.info("reconnected to NATS")

    async def _on_error(self, exc: Exception) -> None:
        # While connecting, the client retries servers by itself and only tells us here why
        # each one refused (a wrong password, a server down).
        self._last_error = exc
        if self._nc is None or not self._nc.is_connected:
            self._note(_describe(exc, None))
        log.debug("NATS client error: %s", exc)

    def _note(self, problem: str) -> None:
        if problem != self.problem:
            shown = ", ".join(self._target.servers)
            log.warning("cannot connect to NATS at %s: %s; retrying", shown, problem)
        self.problem = problem

    @property
    def is_connected(self) -> bool:
        return self._nc is not None and self._nc.is_connected

    async def wait_connected(self, timeout: float | None = None) -> Client:
        async with asyncio.timeout(timeout):  # not wait_for: it can drop a cancellation (3.11)
            await self._connected.wait()
        assert self._nc is not None
        return self._nc

    def jetstream(self) -> JetStreamContext:
        if self._nc is None:
            raise ConnectionError("not connected to NATS")
        return self._nc.jetstream(timeout=5)

    def nudge(self, subject: str) -> None:
        """Publish an empty core-NATS message on `subject` without waiting (a wake-up call:
        losing one only costs the listener's poll interval). Calls while one is in flight are
        merged into one more after it."""
        if self._nc is None or not self._nc.is_connected:
            return
        if self._nudging:
            self._nudge_again = True
            return
        self._nudging = True

        async def send(client: Client) -> None:
            try:
                while True:
                    self._nudge_again = False
                    await client.publish(subject, b"")
                    if not self._nudge_again:
                        break
            except Exception as exc:
                log.debug("wake-up on %s not sent: %s", subject, exc)
            finally:
                self._nudging = False

        task = asyncio.get_running_loop().create_task(send(self._nc))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def ping(self, timeout: int = 1) -> None:
        """Raise unless the server answers a round trip now (saying why it cannot)."""
        if self._nc is None or not self._nc.is_connected:
            raise ConnectionError(self.problem or "not connected to NATS")
        await self._nc.flush(timeout=timeout)

    async def close(self) -> None:
        """Drain if connected, close in any case, and leave no task of the connection running
        (a worker is stopped with its NATS server gone as often as with it up)."""
        self._closing = True
        if self._task is not None:
            await stop_tasks([self._task], STOP_WAIT_SECONDS)
        client, self._nc = self._nc, None
        self._connected.clear()
        for task in list(self._pending):
            task.cancel()
        if client is None:
            return
        if client.is_connected:
            with contextlib.suppress(Exception):
                await client.drain()
        if not client.is_closed:  # reconnecting (drain refuses), or drain gave up
            with contextlib.suppress(Exception):
                await client.close()
        # The client cancels its reconnect loop once, and that cancellation can be lost (see
        # cobalt_shared.tasks); the loop then tries a server that is gone for ever. nats-py
        # offers no public handle on it.
        reconnecting = getattr(client, "_reconnection_task", None)
        if isinstance(reconnecting, asyncio.Task):
            await stop_tasks([reconnecting], STOP_WAIT_SECONDS)


def document_publication(
    router: NatsRouter, subject: str, message: type[Message], description: str
) -> None:
    """Describe a message this service publishes (through its outbox) in its AsyncAPI document."""
    router.publisher(subject, schema=message, title=message.TYPE, description=description)


def _describe(exc: BaseException, last: BaseException | None) -> str:
    """What stopped a connection, in words: a server's refusal (a wrong password) rather than
    just "no servers available"."""
    if isinstance(exc, NoServersError) and last is not None:
        exc = last
    text = str(exc).removeprefix("nats: ").strip("'") or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}"


async def ensure_stream(
    js: JetStreamContext, spec: StreamSpec, replicas: int = 1, storage: str = "file"
) -> None:
    """Create or update a service's stream with durable settings from configuration
    (replicas: 1 embedded, 3 clustered; storage: file, or memory for throwaway setups)."""
    config = StreamConfig(
        name=spec.name,
        subjects=list(spec.subjects),
        description=spec.description,
        storage=StorageType.MEMORY if storage == "memory" else StorageType.FILE,
        num_replicas=replicas,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
    )
    try:
        await js.stream_info(spec.name)
    except NotFoundError:
        await js.add_stream(config)
        log.info("created stream %s", spec.name)
        return
    try:
        await js.update_stream(config)
    except BadRequestError as exc:  # e.g. replicas cannot change on a single server
        log.warning("stream %s kept its settings: %s", spec.name, exc)
