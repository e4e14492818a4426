"""Retention: sent outbox rows and the inbox's message ids are kept for a window, then purged
in small batches, each its own short transaction, so the relay and the consumers keep
writing in between.

Why the window is safe: a message id guards against a second delivery of the same message.
JetStream drops a re-published duplicate within its duplicate window (10 minutes) and
redelivers an unacknowledged message within its ack wait (30 s, then with back-off); the
default window (7 days) is far longer than both, so every redelivery still meets its id.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from cobalt_shared.clock import Clock, system_clock
from cobalt_shared.db.tables import inbox, outbox
from cobalt_shared.messaging import DUPLICATE_WINDOW_SECONDS

log = logging.getLogger(__name__)
SHORTEST = timedelta(seconds=DUPLICATE_WINDOW_SECONDS) * 6  # an hour: well past redelivery


@dataclass(frozen=True)
class Retention:
    window: timedelta = timedelta(days=7)
    batch: int = 1000
    pause: float = 0.05  # seconds between batches: room for the relay and the consumers

    def __post_init__(self) -> None:
        if self.window < SHORTEST:
            raise ValueError(
                f"the retention window must be at least {SHORTEST} (it covers JetStream's "
                "duplicate window and redelivery)"
            )


@dataclass(frozen=True)
class Purged:
    outbox: int = 0
    inbox: int = 0
    batches: int = 0


async def purge(engine: AsyncEngine, retention: Retention, now: datetime) -> Purged:
    """Delete what is older than the window: sent outbox rows, processed message ids."""
    cutoff = now - retention.window
    purged_outbox = purged_inbox = batches = 0
    while True:
        async with engine.begin() as conn:
            oldest = (
                select(outbox.c.id)
                .where(outbox.c.sent_at.is_not(None), outbox.c.sent_at < cutoff)
                .order_by(outbox.c.id)
                .limit(retention.batch)
            )
            done = await conn.execute(delete(outbox).where(outbox.c.id.in_(oldest)))
            count = int(done.rowcount or 0)
        purged_outbox += count
        batches += 1
        if count < retention.batch:
            break
        await asyncio.sleep(retention.pause)
    while True:
        async with engine.begin() as conn:
            # The newest instant of the oldest batch: every id processed up to it goes.
            ages = (
                select(inbox.c.processed_at)
                .where(inbox.c.processed_at < cutoff)
                .order_by(inbox.c.processed_at)
                .limit(retention.batch)
                .subquery()
            )
            upto = (await conn.execute(select(func.max(ages.c.processed_at)))).scalar()
            if upto is None:
                break
            done = await conn.execute(delete(inbox).where(inbox.c.processed_at <= upto))
            count = int(done.rowcount or 0)
        purged_inbox += count
        batches += 1
        await asyncio.sleep(retention.pause)
    return Purged(purged_outbox, purged_inbox, batches)


async def keep_purging(
    engine: AsyncEngine,
    retention: Retention,
    every: float,
    clock: Clock = system_clock,
) -> None:
    """The worker's retention job: purge now and then; a failure waits for the next round."""
    while True:
        try:
            purged = await purge(engine, retention, clock())
            if purged.outbox or purged.inbox:
                log.info(
                    "retention: purged %d sent outbox rows and %d message ids older than %s",
                    purged.outbox,
                    purged.inbox,
                    retention.window,
                )
        except Exception:
            log.exception("retention purge failed; trying again later")
        await asyncio.sleep(every)
