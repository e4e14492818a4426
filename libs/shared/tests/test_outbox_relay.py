"""The relay publishes every committed outbox row exactly once, in order, even across crashes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from types import SimpleNamespace

import nats
import pytest
from sqlalchemy import event, select

from cobalt_devstack.testkit import Note, drain, eventually, pending_outbox
from cobalt_shared.db.tables import outbox
from cobalt_shared.messaging import NatsConnection, ensure_stream
from cobalt_shared.outbox import OutboxRelay, RelayCrashed, _waves, jetstream_publisher
from cobalt_shared.settings import nats_target


async def _write(new_uow, stream, merchants, per_merchant):
    """Commit outbox rows, interleaving merchants; return message ids in commit order."""
    prefix = stream.subjects[0].removesuffix(".>")
    ids = []
    for i in range(per_merchant):
        for merchant in merchants:
            note = Note(merchant_id=merchant, text=f"{i}")
            async with new_uow() as uow:
                await uow.outbox.add(f"{prefix}.{merchant}.note", note)
                await uow.commit()
            ids.append(str(note.message_id))
    return ids


async def test_rolled_back_rows_are_never_published(engine, new_uow, stream, js):
    async with new_uow() as uow:
        await uow.outbox.add(
            f"{stream.subjects[0][:-2]}.x", Note(merchant_id=uuid.uuid4(), text="x")
        )
        # no commit: leaving the block rolls back
    assert await pending_outbox(engine) == 0


async def test_crash_after_publish_before_marking_sent_still_delivers_once(
    engine, new_uow, stream, js
):
    ids = await _write(new_uow, stream, [uuid.uuid4()], 5)
    publish = jetstream_publisher(lambda: js)
    crashing = OutboxRelay(engine, publish, name="t", lease_seconds=0.5)
    published = []

    def crash_on_third(message_id: str) -> None:
        published.append(message_id)
        if len(published) == 3:
            raise RelayCrashed("killed between publish and marking sent")

    crashing.after_publish = crash_on_third
    with pytest.raises(RelayCrashed):
        await crashing.relay_once()
    assert await pending_outbox(engine) == 5  # nothing was marked: the crash came first

    await asyncio.sleep(0.6)  # the crashed relay's lease runs out; a new one takes over
    assert await OutboxRelay(engine, publish, name="t").relay_once() == 5
    assert await pending_outbox(engine) == 0

    seen = await drain(js, stream.subjects[0])
    assert [m.headers["Nats-Msg-Id"] for m in seen] == ids


async def test_rows_keep_per_merchant_order_with_two_relays_running(engine, new_uow, stream, js):
    merchants = [uuid.uuid4(), uuid.uuid4()]
    ids = await _write(new_uow, stream, merchants, 20)
    publish = jetstream_publisher(lambda: js)
    relays = [OutboxRelay(engine, publish, name="t", interval=0.01) for _ in range(2)]
    tasks = [asyncio.create_task(r.run()) for r in relays]
    try:
        await eventually(lambda: _none_pending(engine), what="outbox drained")
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
    seen = await drain(js, stream.subjects[0])
    assert [m.headers["Nats-Msg-Id"] for m in seen] == ids
    for merchant in merchants:
        texts = [json.loads(m.data)["text"] for m in seen if str(merchant) in m.subject]
        assert texts == [str(i) for i in range(20)]


async def _none_pending(engine):
    return await pending_outbox(engine) == 0


async def test_rows_written_while_nats_is_down_arrive_after_it_returns(
    engine, new_uow, stream, private_nats
):
    connection = NatsConnection(nats_target(private_nats.url), "relay-test")
    await connection.start()
    nc = await connection.wait_connected(10)
    await ensure_stream(nc.jetstream(), stream)
    relay = OutboxRelay(
        engine,
        jetstream_publisher(connection.jetstream),
        name="t",
        interval=0.05,
        max_backoff=0.5,
    )
    task = asyncio.create_task(relay.run())
    try:
        private_nats.stop()
        ids = await _write(new_uow, stream, [uuid.uuid4()], 3)
        await asyncio.sleep(1.0)
        assert await pending_outbox(engine) == 3  # nothing can be published yet
        private_nats.start()
        await eventually(lambda: _none_pending(engine), timeout=30, what="rows published")
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await connection.close()
    reader = await nats.connect(private_nats.url)
    try:
        seen = await drain(reader.jetstream(), stream.subjects[0])
    finally:
        await reader.close()
    assert [m.headers["Nats-Msg-Id"] for m in seen] == ids


async def test_an_idle_relay_does_not_rewrite_its_lease_every_cycle(engine, stream, js):
    from sqlalchemy import event

    writes = []

    def count(conn, cursor, statement, *args):
        if "outbox_relay_lease" in statement and statement.lstrip().upper().startswith(
            ("UPDATE", "INSERT")
        ):
            writes.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    relay = OutboxRelay(engine, jetstream_publisher(lambda: js), name="t", lease_seconds=60)
    for _ in range(20):
        assert await relay.relay_once() == 0
    event.remove(engine.sync_engine, "before_cursor_execute", count)
    # Only the first cycle writes (an UPDATE finding no lease row, then the INSERT taking
    # it); the next 19 hold the lease without touching the database.
    assert [w.split()[0] for w in writes] == ["UPDATE", "INSERT"]


def test_a_batch_goes_out_in_waves_in_which_no_merchant_appears_twice():
    rows = [SimpleNamespace(merchant_id=m) for m in ["a", "b", "c", "a", "d", None, None, "b"]]
    waves = _waves(rows)
    assert [[r.merchant_id for r in wave] for wave in waves] == [
        ["a", "b", "c"],
        ["a", "d", None],
        [None, "b"],
    ]


async def test_a_publication_failing_inside_a_wave_loses_nothing_and_keeps_each_merchants_order(
    engine, new_uow, stream, js
):
    merchants = [uuid.uuid4() for _ in range(4)]
    ids = await _write(new_uow, stream, merchants, 5)  # waves of four, one row per merchant
    publish = jetstream_publisher(lambda: js)
    refused = ids[6]  # the third row of the second wave: rows before and after it are stored

    async def flaky(subject: str, payload: bytes, headers: dict[str, str]):
        message_id = headers["Nats-Msg-Id"]
        if message_id == refused and refused not in faults:
            faults.append(refused)  # lost on the way: the stream refuses it, stores the next
            lost: asyncio.Future[object] = asyncio.get_running_loop().create_future()
            lost.set_exception(ConnectionError("the stream's leader went away"))
            return lost
        if message_id == ids[13] and ids[13] not in faults:
            faults.append(ids[13])
            raise ConnectionError("disconnected")
        return await publish(subject, payload, headers)

    faults: list[str] = []
    relay = OutboxRelay(engine, flaky, name="t")
    with pytest.raises(ConnectionError, match="leader"):
        await relay.relay_once()
    assert await pending_outbox(engine) == 20 - 6  # the stored prefix is marked, no more
    with pytest.raises(ConnectionError, match="disconnected"):
        await relay.relay_once()
    assert await pending_outbox(engine) == 20 - 13  # rows before the unsendable one
    assert await relay.relay_once() == 7
    seen = await drain(js, stream.subjects[0])
    # The row after the refused one (another merchant) was stored by the first try; its
    # second publication is dropped by JetStream, so every message is there once.
    assert sorted(m.headers["Nats-Msg-Id"] for m in seen) == sorted(ids)
    for merchant in merchants:
        texts = [json.loads(m.data)["text"] for m in seen if str(merchant) in m.subject]
        assert texts == [str(i) for i in range(5)]


async def test_a_relay_takes_a_batch_at_a_time_with_statements_compiled_once(
    engine, new_uow, stream
):
    """Each cycle reads at most `batch_size` pending rows, in order, and marks what it sent,
    with the same two statement objects every time: built once, compiled once (a statement
    built per call costs its construction and a new cache key each time, though its
    compilation is then found in the cache)."""
    ids = await _write(new_uow, stream, [uuid.uuid4(), uuid.uuid4()], 4)  # 8 rows
    sent: list[str] = []

    async def publish(subject: str, payload: bytes, headers: dict[str, str]):
        sent.append(headers["Nats-Msg-Id"])
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    cached: list[tuple[str, object, int]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(("SELECT outbox.id", "UPDATE outbox SET")):  # not the lease
            cached.append((statement.split()[0], context.cache_hit, id(context.invoked_statement)))

    relay = OutboxRelay(engine, publish, name="t", batch_size=3)
    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        assert [await relay.relay_once() for _ in range(4)] == [3, 3, 2, 0]
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
    assert sent == ids
    assert await pending_outbox(engine) == 0
    async with engine.connect() as conn:
        attempts = (await conn.execute(select(outbox.c.attempts))).scalars().all()
    assert attempts == [1] * 8  # each row marked sent once
    selects = [hit for kind, hit, _ in cached if kind == "SELECT"]
    updates = [hit for kind, hit, _ in cached if kind == "UPDATE"]
    assert len(selects) == 4, cached
    assert len(updates) == 3, cached
    assert len({(kind, statement) for kind, _, statement in cached}) == 2, "one object each"
    # After its first compilation each is reused (the last UPDATE has fewer ids: an expanding
    # parameter keeps one cache entry).
    assert selects[1:] == [engine.dialect.CACHE_HIT] * 3, cached
    assert updates[1:] == [engine.dialect.CACHE_HIT] * 2, cached


@pytest.mark.parametrize("turns", range(6))
async def test_a_relay_woken_as_it_is_stopped_stops(engine, turns):
    # A stop (a cancellation) that lands as a wake-up completes must stop the relay: waiting
    # for the wake-up through asyncio.wait_for, Python 3.11 returned the wake-up and dropped
    # the cancellation, so the relay polled on and a worker's shutdown waited for ever.
    # Each `turns` lets the loop run that many steps between the wake-up and the stop.
    async def publish(
        subject: str, payload: bytes, headers: dict[str, str]
    ) -> asyncio.Future[object]:
        raise AssertionError("nothing to publish")

    relay = OutboxRelay(engine, publish, name="stop", interval=30.0)
    cycles: list[int] = []

    async def nothing_pending() -> int:
        cycles.append(0)
        return 0

    relay.relay_once = nothing_pending  # type: ignore[method-assign]
    task = asyncio.create_task(relay.run())
    await asyncio.sleep(0)  # one step: the relay found nothing and waits for a wake-up
    assert cycles == [0]
    relay.notify()
    for _ in range(turns):
        await asyncio.sleep(0)
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=2.0)
    assert done, "the relay kept running after it was stopped"
    assert task.cancelled()
