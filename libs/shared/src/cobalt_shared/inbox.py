"""Inbox: each consumed message is handled once, in one transaction, or dead-lettered.

Handlers are FastStream subscribers registered with `durable_subscriber`. The inbox
middleware wraps each delivery:

- opens a unit of work and records the message id for this consumer; an id already recorded
  is skipped (acked);
- runs the handler, which gets the unit of work through the `InboxUnitOfWork` dependency;
- commits the handler's changes and the id in one transaction, and only then acks;
- on an error rolls back and naks with a growing delay; after `max_deliveries` (or at once
  for a body that does not validate) stores a dead-letter record and acks, so nothing is lost
  and nothing behind it is blocked.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any

from fast_depends import Depends
from faststream import BaseMiddleware
from faststream.middlewares import AckPolicy
from faststream.nats import JStream, NatsMessage, NatsRouter, PullSub
from nats.js.api import AckPolicy as JsAckPolicy
from nats.js.api import ConsumerConfig, DeliverPolicy
from pydantic import ValidationError
from sqlalchemy import insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_shared.contracts.base import utcnow
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.tables import dead_letters, inbox
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.observability import MESSAGES_HANDLED, correlation_id

log = logging.getLogger(__name__)

REPLAY_HEADER = "Cobalt-Replay-Of"
_current_uow: ContextVar[UnitOfWork | None] = ContextVar("inbox_uow", default=None)


class PermanentFailure(Exception):
    """Raised by a handler when retrying cannot help: the message is dead-lettered at once."""


def current_unit_of_work() -> UnitOfWork:
    """The unit of work the inbox opened for the message being handled."""
    uow = _current_uow.get()
    if uow is None:
        raise RuntimeError("no inbox unit of work: is the handler registered with the inbox?")
    return uow


InboxUnitOfWork = Annotated[UnitOfWork, Depends(current_unit_of_work)]


@dataclass(frozen=True)
class InboxConfig:
    """What the inbox needs: where to write, and how hard to retry."""

    new_uow: Callable[[], UnitOfWork]
    max_deliveries: int = 5
    base_delay: float = 0.5
    max_delay: float = 60.0

    def delay_for(self, delivery: int) -> float:
        """Back-off before delivery number `delivery + 1`."""
        return float(min(self.base_delay * 2.0 ** max(delivery - 1, 0), self.max_delay))


def inbox_router(config: InboxConfig) -> NatsRouter:
    """A router whose subscribers all go through the inbox."""

    def factory(msg: Any, /, *, context: Any) -> _InboxMiddleware:
        return _InboxMiddleware(msg, context=context, config=config)

    return NatsRouter(middlewares=[factory])


def replay_subject(owner: StreamSpec, durable: str) -> str:
    """Subject on which `owner` re-sends dead letters to the consumer `durable`."""
    prefix = owner.subjects[0].removesuffix(">").rstrip(".")
    return f"{prefix}.replay.{durable}"


def durable_subscriber(
    router: NatsRouter,
    subject: str,
    *,
    stream: StreamSpec,
    durable: str,
    owner: StreamSpec,
    description: str,
    ack_wait: float = 30.0,
) -> Callable[[Callable[..., Any]], Any]:
    """Register a handler on a durable pull consumer, plus its dead-letter replay consumer.

    `stream` is where `subject` lives; `owner` is the consuming service's own stream, on which
    its replays are published (a service publishes only on its own subjects).
    """

    def decorate(func: Callable[..., Any]) -> Any:
        replay = replay_subject(owner, durable)
        for subj, strm, name, desc in (
            (subject, stream, durable, description),
            (replay, owner, f"{durable}-replay", f"Replays of dead letters of {durable}"),
        ):
            func = router.subscriber(
                subj,
                stream=JStream(strm.name, declare=False),
                durable=name,
                pull_sub=PullSub(batch_size=1, timeout=1.0),
                ack_policy=AckPolicy.MANUAL,
                config=ConsumerConfig(
                    durable_name=name,
                    ack_policy=JsAckPolicy.EXPLICIT,
                    deliver_policy=DeliverPolicy.ALL,
                    max_deliver=-1,  # we decide when to give up, and keep the message then
                    ack_wait=ack_wait,
                ),
                description=desc,
            )(func)
        return func

    return decorate


class _InboxMiddleware(BaseMiddleware):
    def __init__(self, msg: Any, /, *, context: Any, config: InboxConfig) -> None:
        super().__init__(msg, context=context)
        self._config = config

    async def consume_scope(self, call_next: Any, msg: NatsMessage) -> Any:  # type: ignore[override]
        raw = msg.raw_message
        meta = raw.metadata
        consumer = str(meta.consumer).removesuffix("-replay")
        deliveries = int(meta.num_delivered or 1)
        headers = dict(raw.headers or {})
        body_id, merchant_id = _identity(raw.data)
        message_id = body_id or headers.get("Nats-Msg-Id") or f"seq-{meta.sequence.stream}"
        token = correlation_id.set(headers.get("Correlation-Id"))
        try:
            return await self._handle(call_next, msg, consumer, deliveries, message_id, merchant_id)
        finally:
            correlation_id.reset(token)

    async def _handle(
        self,
        call_next: Any,
        msg: NatsMessage,
        consumer: str,
        deliveries: int,
        message_id: str,
        merchant_id: str | None,
    ) -> Any:
        config = self._config
        subject = msg.raw_message.subject
        uow = config.new_uow()
        try:
            async with uow:
                # Claiming the id first makes a concurrent replica with the same message wait
                # on the row lock, then see it claimed (or take it over if we roll back).
                if not await _claim(uow.connection, consumer, message_id, subject):
                    await msg.ack()
                    MESSAGES_HANDLED.labels(consumer, "duplicate").inc()
                    return None
                reset = _current_uow.set(uow)
                try:
                    result = await call_next(msg)
                finally:
                    _current_uow.reset(reset)
                await uow.commit()
        except (ValidationError, PermanentFailure) as exc:
            log.error("message %s rejected by %s: %s", message_id, consumer, exc)
            await self._dead_letter(msg, consumer, deliveries, message_id, merchant_id, exc)
            return None
        except Exception as exc:
            log.exception("handler %s failed on message %s", consumer, message_id)
            return await self._failed(msg, consumer, deliveries, message_id, merchant_id, exc)
        await msg.ack()
        MESSAGES_HANDLED.labels(consumer, "processed").inc()
        return result

    async def _failed(
        self,
        msg: NatsMessage,
        consumer: str,
        deliveries: int,
        message_id: str,
        merchant_id: str | None,
        exc: BaseException,
    ) -> None:
        if deliveries >= self._config.max_deliveries:
            await self._dead_letter(msg, consumer, deliveries, message_id, merchant_id, exc)
            return
        MESSAGES_HANDLED.labels(consumer, "retried").inc()
        await msg.nack(delay=self._config.delay_for(deliveries))

    async def _dead_letter(
        self,
        msg: NatsMessage,
        consumer: str,
        deliveries: int,
        message_id: str,
        merchant_id: str | None,
        exc: BaseException,
    ) -> None:
        raw = msg.raw_message
        headers = dict(raw.headers or {})
        original_subject = headers.get("Cobalt-Original-Subject", raw.subject)
        async with self._config.new_uow() as uow:
            await uow.connection.execute(
                insert(dead_letters).values(
                    consumer=consumer,
                    subject=original_subject,
                    message_id=message_id,
                    merchant_id=merchant_id,
                    payload=raw.data,
                    headers=json.dumps(headers),
                    error=f"{exc.__class__.__name__}: {exc}"[:8000],
                    deliveries=deliveries,
                    created_at=utcnow(),
                )
            )
            await uow.commit()
        # Only after the record is committed may the broker forget the message.
        await msg.ack()
        MESSAGES_HANDLED.labels(consumer, "dead_lettered").inc()
        log.error(
            "message %s dead-lettered by %s after %d deliveries", message_id, consumer, deliveries
        )


async def _claim(conn: AsyncConnection, consumer: str, message_id: str, subject: str) -> bool:
    """Record the message id for this consumer; False if it was already recorded."""
    values = {
        "consumer": consumer,
        "message_id": message_id,
        "subject": subject,
        "processed_at": utcnow(),
    }
    insert_ = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    result = await conn.execute(insert_(inbox).values(**values).on_conflict_do_nothing())
    return bool(result.rowcount == 1)


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
