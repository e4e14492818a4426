"""The service's NATS connection: it closes completely, whatever state the server is in."""

from __future__ import annotations

import asyncio
import contextlib

from cobalt_devstack.testkit import eventually
from cobalt_shared.messaging import NatsConnection
from cobalt_shared.settings import nats_target
from cobalt_shared.tasks import stop_tasks


def _running(tasks: set[asyncio.Task[object]]) -> list[str]:
    return sorted(t.get_name() for t in tasks if not t.done())


async def test_closing_while_nats_is_down_leaves_no_task_of_the_client_running(private_nats):
    """Seen in CI: a worker stopped after its NATS server went away left the client's
    reconnect loop running, and the event loop's shutdown waited on it for ever."""
    before = asyncio.all_tasks()
    connection = NatsConnection(nats_target(private_nats.url), "close-test")
    await connection.start()
    client = await connection.wait_connected(10)
    private_nats.stop()

    async def reconnecting() -> bool:
        return client.is_reconnecting

    await eventually(reconnecting, timeout=10, what="the client reconnecting")
    await connection.close()
    assert client.is_closed
    assert _running(asyncio.all_tasks() - before - {asyncio.current_task()}) == []


async def test_closing_while_connected_drains_and_closes(private_nats):
    before = asyncio.all_tasks()
    connection = NatsConnection(nats_target(private_nats.url), "close-test")
    await connection.start()
    client = await connection.wait_connected(10)
    await connection.close()
    assert client.is_closed
    assert _running(asyncio.all_tasks() - before - {asyncio.current_task()}) == []


async def test_closing_before_nats_ever_answered_stops_trying(tmp_path):
    from cobalt_devstack.nats import NatsServer

    before = asyncio.all_tasks()
    never_started = NatsServer(tmp_path / "nats")
    connection = NatsConnection(nats_target(never_started.url), "close-test")
    await connection.start()

    async def refused() -> bool:
        return connection.problem is not None

    await eventually(refused, timeout=10, what="the first refusal")
    await connection.close()
    assert _running(asyncio.all_tasks() - before - {asyncio.current_task()}) == []


async def test_a_task_that_loses_its_first_cancellation_is_still_stopped():
    """What 3.11's wait_for does to a cancellation landing as a connect is refused."""
    lost = 0

    async def retrying() -> None:
        nonlocal lost
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                if lost:
                    raise
                lost += 1  # as if the refusal had come back instead: try again

    task = asyncio.create_task(retrying(), name="retrying")
    await asyncio.sleep(0)
    assert await stop_tasks([task], 5.0) == []
    assert task.cancelled()
    assert lost == 1


async def test_a_task_that_does_not_stop_is_given_up_on_and_named():
    deaf = True

    async def ignoring() -> None:
        while deaf:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(3600)

    task = asyncio.create_task(ignoring(), name="deaf")
    await asyncio.sleep(0)
    assert [t.get_name() for t in await stop_tasks([task], 0.3)] == ["deaf"]
    assert not task.done()
    deaf = False  # let it end, so that the test leaves nothing behind
    task.cancel()
    await asyncio.wait({task})
