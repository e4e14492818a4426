"""Consumers handle each message once, retry failures, and dead-letter what keeps failing."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import event, select

from cobalt_devstack.testkit import (
    MAX_DELIVERIES,
    Note,
    acked_all,
    count,
    effects,
    eventually,
    new_note,
    publish_note,
)
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.tables import dead_letters, inbox
from cobalt_shared.dead_letters import list_dead_letters, replay_dead_letter
from cobalt_shared.errors import Conflict
from cobalt_shared.inbox import (
    ConsumerCrashed,
    InboxConfig,
    _claim,
    durable_subscriber,
    fetch_batch,
    inbox_router,
)
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


async def test_a_poisoned_message_inside_a_batch_fails_alone_and_the_rest_commit_once(
    engine, new_uow, stream, js, start_consumer, behaviour
):
    # Published before the consumer starts, so its first fetch takes them as one batch.
    texts = [f"good {i}" for i in range(5)] + ["poison"] + [f"good {i}" for i in range(5, 10)]
    for text in texts:
        await publish_note(js, stream, new_note(text).model_dump_json().encode())
    behaviour.poison = {"poison"}
    await start_consumer()

    await eventually(lambda: _dead_letters(engine, 1), what="the poisoned message dead-lettered")
    await eventually(lambda: _effects(engine, 10), what="the ten good messages handled")
    await eventually(lambda: acked_all(js, stream, 10 + MAX_DELIVERIES), what="all acked")
    async with new_uow() as uow:
        [letter] = await list_dead_letters(uow)
    assert letter.deliveries == MAX_DELIVERIES
    assert "handler failed on poison" in letter.error
    assert behaviour.calls.count("poison") == MAX_DELIVERIES
    # One batch: the five before the poison ran, were rolled back with it, and ran again
    # once the batch went on without it; those after it ran once. Each committed once.
    assert behaviour.calls[:6] == texts[:6]
    assert all(behaviour.calls.count(f"good {i}") == 2 for i in range(5))
    assert all(behaviour.calls.count(f"good {i}") == 1 for i in range(5, 10))
    assert await count(engine, inbox) == 10
    assert sorted(await _effect_texts(engine)) == sorted(t for t in texts if t != "poison")


async def test_a_crash_between_a_batch_commit_and_its_acks_repeats_nothing(
    engine, stream, js, start_consumer, behaviour
):
    notes = [new_note(f"note {i}") for i in range(20)]
    for note in notes:
        await publish_note(js, stream, note.model_dump_json().encode())
    crashes: list[list[str]] = []

    def crash_once(message_ids) -> None:
        if not crashes:
            crashes.append(list(message_ids))
            raise ConsumerCrashed("killed between the commit and the acks")

    await start_consumer(ack_wait=1.0, after_commit=crash_once)
    await eventually(lambda: _effects(engine, 20), what="every note handled")
    # The crashed batch comes back after ack_wait; its claimed ids make it a duplicate.
    await eventually(lambda: acked_all(js, stream, 20 + len(crashes[0])), what="redelivered")
    assert len(crashes[0]) > 1  # the crash hit a whole batch, not one message
    assert sorted(behaviour.calls) == sorted(n.text for n in notes)  # each handled once
    assert await count(engine, effects) == 20
    assert await count(engine, inbox) == 20


async def test_a_set_handler_takes_a_batch_at_once_and_a_poisoned_message_fails_alone(
    engine, new_uow, stream, js, start_consumer, behaviour
):
    # A handler registered `together` gets the batch's new messages as one list; when that
    # fails, each message runs alone so that only the poisoned one takes the retry path.
    texts = [f"good {i}" for i in range(5)] + ["poison"] + [f"good {i}" for i in range(5, 10)]
    for text in texts:
        await publish_note(js, stream, new_note(text).model_dump_json().encode())
    behaviour.poison = {"poison"}
    await start_consumer(together=True)

    await eventually(lambda: _dead_letters(engine, 1), what="the poisoned message dead-lettered")
    await eventually(lambda: _effects(engine, 10), what="the ten good messages handled")
    await eventually(lambda: acked_all(js, stream, 10 + MAX_DELIVERIES), what="all acked")
    async with new_uow() as uow:
        [letter] = await list_dead_letters(uow)
    assert letter.deliveries == MAX_DELIVERIES
    assert "handler failed on poison" in letter.error
    # The first call had the whole batch (it failed at the poison and rolled back); then each
    # message ran alone: the good ones once more, committed once; the poison until dead.
    assert behaviour.sets[0] == 11
    assert behaviour.calls[:6] == texts[:6]
    assert all(behaviour.calls.count(f"good {i}") == 2 for i in range(5))
    assert all(behaviour.calls.count(f"good {i}") == 1 for i in range(5, 10))
    # Once in the set, then alone on each of its deliveries.
    assert behaviour.calls.count("poison") == 1 + MAX_DELIVERIES
    assert behaviour.sets == [11] + [1] * (11 + MAX_DELIVERIES - 1)
    assert await count(engine, inbox) == 10
    assert sorted(await _effect_texts(engine)) == sorted(t for t in texts if t != "poison")


async def test_a_set_handler_sees_each_message_once_across_duplicates_and_a_crash(
    engine, stream, js, start_consumer, behaviour
):
    notes = [new_note(f"note {i}") for i in range(20)]
    for note in notes:
        await publish_note(js, stream, note.model_dump_json().encode())
    # The same message again under another stream id: a duplicate inside the batch.
    await publish_note(js, stream, notes[3].model_dump_json().encode(), "again")
    crashes: list[list[str]] = []

    def crash_once(message_ids) -> None:
        if not crashes:
            crashes.append(list(message_ids))
            raise ConsumerCrashed("killed between the commit and the acks")

    await start_consumer(ack_wait=1.0, after_commit=crash_once, together=True)
    await eventually(lambda: _effects(engine, 20), what="every note handled")
    await eventually(lambda: acked_all(js, stream, 21 + len(crashes[0])), what="redelivered")
    assert len(crashes[0]) > 1
    assert sorted(behaviour.calls) == sorted(n.text for n in notes)  # each handled once
    assert len(behaviour.sets) < 20  # in sets, not one by one
    assert await count(engine, effects) == 20
    assert await count(engine, inbox) == 20


def test_a_set_handler_must_take_a_list_of_a_model():
    router = inbox_router(InboxConfig(lambda: None))  # type: ignore[return-value]
    subscribe = durable_subscriber(
        router, "x.y", stream=_SPEC, durable="d", owner=_SPEC, description="d", together=True
    )

    async def one(note: Note, uow: object) -> None: ...

    with pytest.raises(TypeError, match=r"must be typed list\[Model\]"):
        subscribe(one)


_SPEC = StreamSpec("X", ("x.>",), "test")


async def _effect_texts(engine) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.execute(select(effects.c.text))).scalars())


class _Subscription:
    """A pull subscription with `waiting` messages behind the first (pure logic test)."""

    def __init__(self, waiting: int) -> None:
        self.waiting = waiting
        self.fetches: list[int] = []

    async def fetch(self, batch: int, timeout: float):
        self.fetches.append(batch)
        taken = [
            SimpleNamespace(metadata=SimpleNamespace(num_pending=self.waiting - i))
            for i in range(1, batch + 1)
        ]
        self.waiting -= batch
        return taken


@pytest.mark.parametrize(("waiting", "fetches"), [(0, [1]), (3, [1, 3]), (500, [1, 99])])
async def test_a_fetch_waits_for_one_message_and_takes_only_what_already_waits(waiting, fetches):
    # One fetch of a whole batch holds a lone message until the batch fills or a second runs
    # out; so the first fetch asks for one, and the second only for what is known to wait.
    subscription = _Subscription(waiting + 1)
    messages = await fetch_batch(subscription, batch_size=100)
    assert subscription.fetches == fetches
    assert len(messages) == sum(fetches)


async def test_claims_of_any_batch_size_reuse_one_compiled_insert(engine):
    """A batch's message ids are claimed with one prebuilt statement: SQLAlchemy compiles it
    once, not for every batch (a statement with its rows written in is never cached)."""
    cached: list[object] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if "INSERT INTO inbox" in statement:
            cached.append(context.cache_hit)

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        async with engine.begin() as conn:
            for size in (1, 3, 2, 3):
                batch = [
                    SimpleNamespace(message_id=str(uuid.uuid4()), raw=SimpleNamespace(subject="s"))
                    for _ in range(size)
                ]
                assert len(await _claim(conn, "claims", batch)) == size
            assert await _claim(conn, "claims", batch) == set()  # claimed before: none new
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
    # Compiled once for one row and once for several (an executemany), then reused.
    assert len(cached) == 5
    assert engine.dialect.NO_CACHE_KEY not in cached, cached
    assert cached[2:] == [engine.dialect.CACHE_HIT] * 3, cached
