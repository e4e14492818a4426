"""Inbox: consumed messages are handled once, a batch per transaction, or dead-lettered.

Handlers are registered with `durable_subscriber` on an `inbox_router`; `InboxConsumers`
runs them. Each durable pull consumer fetches what is waiting (up to `batch_size`, without
waiting for a full batch) and handles it as one batch:

- bodies that do not validate are dead-lettered at once (they cannot become valid);
- one unit of work claims every message id for this consumer with one statement (an id
  already claimed is a duplicate: acked, not handled again), runs the handlers in stream
  order, commits once, and only then acks the whole batch;
- when a handler fails, the transaction rolls back and the batch runs again without that
  message, which alone takes the retry path: a nak with a growing delay, or after
  `max_deliveries` (or at once for `PermanentFailure`) a dead-letter record, then an ack, so
  nothing is lost and nothing behind it is blocked.

A handler registered `together=True` takes the batch's new messages as one list, in stream
order, so it can read and write for all of them with a few statements. When it fails on a
list of several, which message is at fault is not known: each message of the batch then runs
alone, in its own transaction, and only those that fail alone take the retry path.

A crash between the commit and the acks loses nothing and repeats nothing: the broker
redelivers after `ack_wait`, and the claimed ids make every redelivery a duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from fast_depends import Depends
from faststream.nats import JStream, NatsRouter, PullSub
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js.api import AckPolicy as JsAckPolicy
from nats.js.api import ConsumerConfig, DeliverPolicy
from pydantic import BaseModel, ValidationError
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_shared.contracts.base import utcnow
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.statements import PerDialect
from cobalt_shared.db.tables import dead_letters, inbox
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.observability import MESSAGES_HANDLED, correlation_id
from cobalt_shared.tasks import stop_tasks

log = logging.getLogger(__name__)

REPLAY_HEADER = "Cobalt-Replay-Of"
_current_uow: ContextVar[UnitOfWork | None] = ContextVar("inbox_uow", default=None)


class PermanentFailure(Exception):
    """Raised by a handler when retrying cannot help: the message is dead-lettered at once."""


class ConsumerCrashed(Exception):
    """Raised by fault-injection hooks in tests to stop a consumer between commit and ack."""


def current_unit_of_work() -> UnitOfWork:
    """The unit of work the inbox opened for the batch being handled."""
    uow = _current_uow.get()
    if uow is None:
        raise RuntimeError("no inbox unit of work: is the handler registered with the inbox?")
    return uow


InboxUnitOfWork = Annotated[UnitOfWork, Depends(current_unit_of_work)]


@dataclass(frozen=True)
class InboxConfig:
    """What the inbox needs: where to write, how much to take at once, how hard to retry."""

    new_uow: Callable[[], UnitOfWork]
    max_deliveries: int = 5
    base_delay: float = 0.5
    max_delay: float = 60.0
    batch_size: int = 100
    # Test hook: called with a batch's message ids after its commit and before its acks.
    after_commit: Callable[[Sequence[str]], None] | None = None

    def delay_for(self, delivery: int) -> float:
        """Back-off before delivery number `delivery + 1`."""
        return float(min(self.base_delay * 2.0 ** max(delivery - 1, 0), self.max_delay))


Handler = Callable[[Any, Any], Awaitable[None]]  # (message or list of messages, unit of work)


@dataclass(frozen=True)
class Consumer:
    """One durable pull consumer and the handler its messages go to."""

    subject: str
    stream: StreamSpec
    durable: str  # the consumer's name in NATS
    inbox_name: str  # its name in the inbox and in dead letters (a replay consumer shares it)
    model: type[BaseModel]
    handler: Handler
    ack_wait: float
    together: bool = False  # the handler takes a list: the batch's new messages at once

    def config(self) -> ConsumerConfig:
        return ConsumerConfig(
            durable_name=self.durable,
            ack_policy=JsAckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            max_deliver=-1,  # we decide when to give up, and keep the message then
            ack_wait=self.ack_wait,
        )


class InboxRouter(NatsRouter):
    """A router whose subscribers all go through the inbox (FastStream documents them)."""

    def __init__(self, config: InboxConfig) -> None:
        super().__init__()
        self.inbox = config
        self.consumers: list[Consumer] = []


def inbox_router(config: InboxConfig) -> InboxRouter:
    """A router whose subscribers all go through the inbox."""
    return InboxRouter(config)


def replay_subject(owner: StreamSpec, durable: str) -> str:
    """Subject on which `owner` re-sends dead letters to the consumer `durable`."""
    prefix = owner.subjects[0].removesuffix(">").rstrip(".")
    return f"{prefix}.replay.{durable}"


def durable_subscriber(
    router: InboxRouter,
    subject: str,
    *,
    stream: StreamSpec,
    durable: str,
    owner: StreamSpec,
    description: str,
    ack_wait: float = 30.0,
    together: bool = False,
) -> Callable[[Handler], Handler]:
    """Register `handler(message, uow)` on a durable pull consumer, plus its dead-letter
    replay consumer. The handler's first parameter's type is the message's model; with
    `together`, it is `list[Model]` and the handler gets a batch's new messages at once.

    `stream` is where `subject` lives; `owner` is the consuming service's own stream, on which
    its replays are published (a service publishes only on its own subjects).
    """

    def decorate(func: Handler) -> Handler:
        model = _message_model(func, together)
        replay = replay_subject(owner, durable)
        for subj, strm, name, desc in (
            (subject, stream, durable, description),
            (replay, owner, f"{durable}-replay", f"Replays of dead letters of {durable}"),
        ):
            consumer = Consumer(subj, strm, name, durable, model, func, ack_wait, together)
            router.consumers.append(consumer)
            # For the AsyncAPI document only: InboxConsumers does the consuming.
            router.subscriber(
                subj,
                stream=JStream(strm.name, declare=False),
                durable=name,
                pull_sub=PullSub(batch_size=router.inbox.batch_size, timeout=1.0),
                config=consumer.config(),
                description=desc,
            )(_documented(func, model) if together else func)
        return func

    return decorate


def _message_model(func: Handler, together: bool) -> type[BaseModel]:
    first = next(iter(inspect.signature(func).parameters))
    model = get_type_hints(func).get(first)
    if together:
        model = get_args(model)[0] if get_origin(model) is list else None
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        wanted = "list[Model]" if together else "a model"
        raise TypeError(f"{func.__qualname__}: its first parameter must be typed {wanted}")
    return model


def _documented(func: Handler, model: type[BaseModel]) -> Callable[..., Awaitable[None]]:
    """What FastStream documents for a handler that takes a list: each message is one
    `model` (FastStream reads the first parameter's type)."""

    async def one(message: BaseModel) -> None:
        raise NotImplementedError  # never called: InboxConsumers calls `func`

    one.__annotations__ = {"message": model, "return": None}
    one.__name__ = one.__qualname__ = func.__name__
    one.__module__ = func.__module__
    one.__doc__ = func.__doc__
    return one


class InboxConsumers:
    """Runs every consumer of some inbox routers on one NATS connection."""

    def __init__(self, routers: Sequence[NatsRouter]) -> None:
        self._work = [
            (router.inbox, consumer)
            for router in routers
            if isinstance(router, InboxRouter)
            for consumer in router.consumers
        ]
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self, client: Client) -> None:
        """Bind every durable consumer (their streams must exist), then consume in the
        background. Raises, having started nothing, when a consumer cannot be bound."""
        js = client.jetstream(timeout=5)
        subscriptions = [
            await js.pull_subscribe(
                c.subject, durable=c.durable, stream=c.stream.name, config=c.config()
            )
            for _, c in self._work
        ]
        self._tasks = [
            asyncio.create_task(
                _consume(sub, config, consumer), name=f"consumer-{consumer.durable}"
            )
            for sub, (config, consumer) in zip(subscriptions, self._work, strict=True)
        ]

    async def stop(self) -> None:
        """Stop consuming. A batch being handled rolls back (its messages come again); a
        fetch waiting on a connection that NATS dropped may not notice its cancellation until
        the connection closes, so it is not waited for long."""
        await stop_tasks(self._tasks, 2.0)
        self._tasks = []


async def _consume(subscription: Any, config: InboxConfig, consumer: Consumer) -> None:
    """Fetch what is waiting and handle it as a batch; for ever."""
    while True:
        try:
            messages = await fetch_batch(subscription, config.batch_size)
        except TimeoutError:
            continue
        except Exception as exc:  # disconnected: nats-py reconnects, we try again
            log.warning("consumer %s could not fetch: %s", consumer.durable, exc)
            await asyncio.sleep(0.5)
            continue
        try:
            await handle_batch(config, consumer, messages)
        except Exception:
            # Unacked messages come back after ack_wait; their claimed ids keep them once.
            log.exception(
                "consumer %s stopped on a batch; it will be redelivered", consumer.durable
            )


async def fetch_batch(subscription: Any, batch_size: int) -> list[Msg]:
    """Wait for one message, then take at once what is waiting behind it (up to a batch).

    One fetch of a whole batch would, when the consumer was idle, hold the first message
    until the batch filled or the wait ran out: a lone message would wait a second.
    """
    messages: list[Msg] = await subscription.fetch(batch=1, timeout=1.0)
    waiting = int(messages[-1].metadata.num_pending or 0)
    if waiting and batch_size > 1:
        with contextlib.suppress(TimeoutError):  # another replica took them meanwhile
            messages += await subscription.fetch(batch=min(batch_size - 1, waiting), timeout=0.2)
    return messages


@dataclass
class _Delivery:
    raw: Msg
    message_id: str
    merchant_id: str | None
    deliveries: int
    event: BaseModel | None = None
    headers: dict[str, str] = field(default_factory=dict)


async def handle_batch(config: InboxConfig, consumer: Consumer, messages: Sequence[Msg]) -> None:
    """Handle fetched messages in one transaction (see the module's description)."""
    batch: list[_Delivery] = []
    for raw in messages:
        try:
            event = consumer.model.model_validate_json(raw.data)
        except ValidationError as exc:
            delivery = _delivery(raw, _identity(raw.data))
            log.error(
                "message %s rejected by %s: %s", delivery.message_id, consumer.inbox_name, exc
            )
            await _dead_letter(config, consumer, delivery, exc)
            continue
        delivery = _delivery(raw, _identity_of(event) or _identity(raw.data))
        delivery.event = event
        batch.append(delivery)
    while batch:
        failure = await _run(config, consumer, batch)
        if failure is None:
            return
        if failure.in_set:  # a set handler failed: find the culprits, one message at a time
            for delivery in batch:
                if (alone := await _run(config, consumer, [delivery])) is not None:
                    await _retry_or_dead_letter(config, consumer, delivery, alone.error)
            return
        if failure.delivery is None:  # the database or the commit: all of them retry
            for delivery in batch:
                await _retry_or_dead_letter(config, consumer, delivery, failure.error)
            return
        batch.remove(failure.delivery)
        await _retry_or_dead_letter(config, consumer, failure.delivery, failure.error)


@dataclass(frozen=True)
class _Failure:
    error: Exception
    delivery: _Delivery | None = None  # the message whose handler failed; None: not a handler
    in_set: bool = False  # a handler that took several messages at once failed


async def _run(config: InboxConfig, consumer: Consumer, batch: list[_Delivery]) -> _Failure | None:
    """Claim, handle and commit `batch` in one transaction, then ack it; or say what failed."""
    handled: list[_Delivery] = []
    duplicates: list[_Delivery] = []
    current: list[_Delivery] = []  # what the handler running now was given
    try:
        uow = config.new_uow()
        async with uow:
            # Claiming the ids first makes a concurrent replica with the same messages wait on
            # the row locks, then see them claimed (or take them over if we roll back).
            claimed = await _claim(uow.connection, consumer.inbox_name, batch)
            fresh: list[_Delivery] = []
            for delivery in batch:
                if delivery.message_id in claimed:
                    claimed.discard(delivery.message_id)  # a second copy in the batch is one
                    fresh.append(delivery)
                else:
                    duplicates.append(delivery)
            reset = _current_uow.set(uow)
            try:
                if consumer.together:
                    if fresh:
                        current = fresh
                        await consumer.handler([d.event for d in fresh], uow)
                else:
                    for delivery in fresh:
                        current = [delivery]
                        token = correlation_id.set(delivery.headers.get("Correlation-Id"))
                        try:
                            await consumer.handler(delivery.event, uow)
                        finally:
                            correlation_id.reset(token)
                handled = fresh
                current = []
            finally:
                _current_uow.reset(reset)
            await uow.commit()
    except Exception as exc:
        if current:
            ids = ", ".join(d.message_id for d in current)
            log.exception("handler %s failed on message(s) %s", consumer.inbox_name, ids)
        else:
            log.exception("consumer %s could not handle a batch", consumer.inbox_name)
        if len(current) > 1:
            return _Failure(exc, in_set=True)
        return _Failure(exc, current[0] if current else None)
    if config.after_commit is not None:
        config.after_commit([d.message_id for d in handled])
    for delivery in batch:
        await delivery.raw.ack()
    if handled:
        MESSAGES_HANDLED.labels(consumer.inbox_name, "processed").inc(len(handled))
    if duplicates:
        MESSAGES_HANDLED.labels(consumer.inbox_name, "duplicate").inc(len(duplicates))
    return None


async def _retry_or_dead_letter(
    config: InboxConfig, consumer: Consumer, delivery: _Delivery, exc: Exception
) -> None:
    hopeless = isinstance(exc, PermanentFailure | ValidationError)
    if hopeless or delivery.deliveries >= config.max_deliveries:
        await _dead_letter(config, consumer, delivery, exc)
    else:
        MESSAGES_HANDLED.labels(consumer.inbox_name, "retried").inc()
        await delivery.raw.nak(delay=config.delay_for(delivery.deliveries))


async def _dead_letter(
    config: InboxConfig, consumer: Consumer, delivery: _Delivery, exc: BaseException
) -> None:
    raw = delivery.raw
    original_subject = delivery.headers.get("Cobalt-Original-Subject", raw.subject)
    async with config.new_uow() as uow:
        await uow.connection.execute(
            insert(dead_letters).values(
                consumer=consumer.inbox_name,
                subject=original_subject,
                message_id=delivery.message_id,
                merchant_id=delivery.merchant_id,
                payload=raw.data,
                headers=json.dumps(delivery.headers),
                error=f"{exc.__class__.__name__}: {exc}"[:8000],
                deliveries=delivery.deliveries,
                created_at=utcnow(),
            )
        )
        await uow.commit()
    # Only after the record is committed may the broker forget the message.
    await raw.ack()
    MESSAGES_HANDLED.labels(consumer.inbox_name, "dead_lettered").inc()
    log.error(
        "message %s dead-lettered by %s after %d deliveries",
        delivery.message_id,
        consumer.inbox_name,
        delivery.deliveries,
    )


def _delivery(raw: Msg, identity: tuple[str | None, str | None]) -> _Delivery:
    meta = raw.metadata
    headers = dict(raw.headers or {})
    body_id, merchant_id = identity
    message_id = body_id or headers.get("Nats-Msg-Id") or f"seq-{meta.sequence.stream}"
    return _Delivery(raw, message_id, merchant_id, int(meta.num_delivered or 1), headers=headers)


async def _claim(conn: AsyncConnection, consumer: str, batch: Sequence[_Delivery]) -> set[str]:
    """Record the batch's message ids for this consumer; return those not recorded before."""
    now = utcnow()
    rows = {
        d.message_id: {
            "consumer": consumer,
            "message_id": d.message_id,
            "subject": d.raw.subject,
            "processed_at": now,
        }
        for d in batch
    }
    # In a fixed order, so two replicas claiming overlapping batches cannot deadlock. The rows go
    # as parameters of one prebuilt statement, which SQLAlchemy sends as one multi-row INSERT;
    # rows written into the statement (`.values([...])`) made it compile the INSERT anew for
    # every batch, as such a statement is never cached.
    ordered = [rows[key] for key in sorted(rows)]
    return set((await conn.execute(_CLAIM.for_(conn), ordered)).scalars())


_CLAIM = PerDialect(
    lambda insert_: insert_(inbox).on_conflict_do_nothing().returning(inbox.c.message_id)
)


def _identity_of(event: BaseModel) -> tuple[str, str | None] | None:
    """The message id and merchant id of a validated message (no second parse of its body)."""
    message_id = getattr(event, "message_id", None)
    if not isinstance(message_id, uuid.UUID):
        return None
    merchant_id = getattr(event, "merchant_id", None)
    return str(message_id), str(merchant_id) if isinstance(merchant_id, uuid.UUID) else None


def _identity(data: bytes) -> tuple[str | None, str | None]:
    """The message id and merchant id in a body, when it is a JSON object that has them."""
    try:
        body = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(body, dict):
        return None, None
    return _uuid_text(body.get("message_id")), _uuid_text(body.get("merchant_id"))


def _uuid_text(value: object) -> str | None:
    try:
        return str(uuid.UUID(str(value))) if value is not None else None
    except ValueError:
        return None
