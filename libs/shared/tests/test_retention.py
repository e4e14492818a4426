"""Retention: sent outbox rows and processed message ids are purged after the window, in
batches; within the window a redelivered message still meets its id and changes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from cobalt_devstack.testkit import acked_all, count, effects, eventually, new_note, publish_note
from cobalt_shared.db.tables import inbox, outbox
from cobalt_shared.retention import Retention, purge

WINDOW = timedelta(days=7)


async def _outbox_row(engine, created: datetime, sent: datetime | None) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            insert(outbox).values(
                message_id=uuid.uuid4().hex,
                subject="t.x",
                message_type="note",
                payload=b"{}",
                created_at=created,
                sent_at=sent,
            )
        )


async def test_only_sent_rows_older_than_the_window_are_purged_in_batches(engine):
    now = datetime.now(UTC)
    old = now - WINDOW - timedelta(hours=1)
    for _ in range(25):
        await _outbox_row(engine, old, old)  # sent long ago: purged
    await _outbox_row(engine, old, None)  # never sent: kept whatever its age
    await _outbox_row(engine, now, now - WINDOW + timedelta(minutes=5))  # within: kept
    async with engine.begin() as conn:
        for n in range(12):
            values = {"consumer": "c", "message_id": f"old-{n}", "subject": "s"}
            at = old - timedelta(seconds=n)
            await conn.execute(insert(inbox).values(processed_at=at, **values))
        values = {"consumer": "c", "message_id": "recent", "subject": "s"}
        await conn.execute(insert(inbox).values(processed_at=now, **values))
    purged = await purge(engine, Retention(WINDOW, batch=10, pause=0), now)
    assert (purged.outbox, purged.inbox) == (25, 12)
    assert purged.batches >= 3 + 2  # small transactions, never one long one
    assert await count(engine, outbox) == 2
    assert await count(engine, inbox) == 1


def test_a_window_shorter_than_redelivery_is_refused():
    with pytest.raises(ValueError, match="at least 1:00:00"):
        Retention(timedelta(minutes=5))


async def test_a_purge_never_lets_a_redelivered_message_through_within_the_window(
    engine, stream, js, consumer, behaviour
):
    note = new_note("once")
    body = note.model_dump_json().encode()
    await publish_note(js, stream, body, "first-delivery")
    await eventually(lambda: _effects(engine, 1), what="the message processed")
    processed = datetime.now(UTC)
    # The last moment inside the window: the id is kept.
    nearly = await purge(engine, Retention(WINDOW), processed + WINDOW - timedelta(minutes=1))
    assert nearly.inbox == 0
    await publish_note(js, stream, body, "redelivered")
    await eventually(lambda: acked_all(js, stream, 2), what="the redelivery acked")
    assert await count(engine, effects) == 1
    assert behaviour.calls == ["once"]
    # Past the window the id goes.
    later = await purge(engine, Retention(WINDOW), processed + WINDOW + timedelta(minutes=1))
    assert later.inbox == 1


async def _effects(engine, n):
    return await count(engine, effects) == n
