"""Consumers handle each message once, retry failures, and dead-letter what keeps failing."""

from __future__ import annotations

import pytest

from cobalt_devstack.testkit import (
    MAX_DELIVERIES,
    acked_all,
    count,
    effects,
    eventually,
    new_note,
    publish_note,
)
from cobalt_shared.db.tables import dead_letters, inbox
from cobalt_shared.dead_letters import list_dead_letters, replay_dead_letter
from cobalt_shared.errors import Conflict
from cobalt_shared.outbox import OutboxRelay, jetstream_publisher


async def test_a_redelivered_message_changes_nothing_the_second_time(
    engine, stream, js, consumer, behaviour
):
    note = new_note()
    # Same message id, different stream dedup ids: the stream keeps both, the inbox one.
    await publish_note(js, stream, note.model_dump_json().encode(), "first-delivery")
    await publish_note(js, stream, note.model_dump_json().encode(), "second-delivery")
    await eventually(lambda: _inbox_rows(engine, 1), what="message processed")
    await eventually(lambda: acked_all(js, stream, 2), what="both deliveries acked")
    assert await count(engine, effects) == 1
    assert behaviour.calls == ["hello"]


async def test_a_failing_handler_gets_the_message_again_until_it_succeeds(
    engine, stream, js, consumer, behaviour
):
    behaviour.failures_left = 2
    await publish_note(js, stream, new_note("retry me").model_dump_json().encode())
    await eventually(lambda: _effects(engine, 1), what="effect after retries")
    assert behaviour.calls == ["retry me"] * 3
    assert await count(engine, dead_letters) == 0


async def test_after_the_delivery_limit_a_message_is_a_dead_letter_then_replays_once(
    engine, new_uow, stream, js, consumer, behaviour
):
    behaviour.always_fail = True
    note = new_note("poison")
    await publish_note(js, stream, note.model_dump_json().encode())
    await eventually(lambda: _dead_letters(engine, 1), what="dead letter recorded")
    assert behaviour.calls == ["poison"] * MAX_DELIVERIES
    async with new_uow() as uow:
        [letter] = await list_dead_letters(uow)
    assert letter.deliveries == MAX_DELIVERIES
    assert letter.consumer == "effects"
    assert "handler failed on poison" in letter.error
    assert letter.message_id == str(note.message_id)
    assert await count(engine, effects) == 0

    # The cause is fixed; support replays it through the outbox and the relay.
    behaviour.always_fail = False
    async with new_uow() as uow:
        await replay_dead_letter(uow, stream, letter.id)
    with pytest.raises(Conflict, match="already replayed"):
        async with new_uow() as uow:
            await replay_dead_letter(uow, stream, letter.id)
    assert await OutboxRelay(engine, jetstream_publisher(lambda: js), name="t").relay_once() == 1
    await eventually(lambda: _effects(engine, 1), what="replayed message processed")
    async with new_uow() as uow:
        assert await list_dead_letters(uow) == []
        [replayed] = await list_dead_letters(uow, include_replayed=True)
    assert replayed.replayed_at is not None


@pytest.mark.parametrize(
    "body",
    [b"not json at all", b'{"merchant_id": "not-a-uuid", "text": 1}', b"[1, 2, 3]", b"\xff\xfe"],
)
async def test_a_malformed_body_is_dead_lettered_and_does_not_block_the_next(
    engine, new_uow, stream, js, consumer, behaviour, body
):
    await publish_note(js, stream, body)
    await publish_note(js, stream, new_note("after the bad one").model_dump_json().encode())
    await eventually(lambda: _effects(engine, 1), what="the good message processed")
    await eventually(lambda: _dead_letters(engine, 1), what="the bad message dead-lettered")
    async with new_uow() as uow:
        [letter] = await list_dead_letters(uow)
    assert letter.deliveries == 1  # never retried: it cannot become valid
    assert "ValidationError" in letter.error
    assert letter.payload == body.decode("utf-8", "replace")
    assert behaviour.calls == ["after the bad one"]


async def _inbox_rows(engine, n):
    return await count(engine, inbox) == n


async def _effects(engine, n):
    return await count(engine, effects) == n


async def _dead_letters(engine, n):
    return await count(engine, dead_letters) == n
