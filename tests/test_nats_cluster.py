"""The production NATS configuration: it parses with the real nats-server, three nodes form a
JetStream cluster from it, a node killed mid-stream loses no acknowledged message, and each
service user may publish only on its own subjects."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cobalt_devstack.nats_cluster import CONF, Cluster
from cobalt_devstack.processes import venv_binary


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    running = Cluster(tmp_path)
    running.start()
    yield running
    running.stop()


def test_the_configuration_parses_with_the_real_nats_server(tmp_path):
    cluster = Cluster(tmp_path)
    checked = subprocess.run(
        [venv_binary("nats-server"), "-t", "-c", str(CONF)], env=cluster.envs[0],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "is valid" in checked.stdout + checked.stderr


async def _stream_through_a_node_failure(cluster: Cluster, total: int) -> tuple[int, int]:
    import nats
    from nats.errors import NoRespondersError
    from nats.errors import TimeoutError as NatsTimeout
    from nats.js.api import StorageType, StreamConfig
    from nats.js.errors import NoStreamResponseError, ServiceUnavailableError

    nc = await nats.connect(servers=cluster.urls("orders"), max_reconnect_attempts=-1,
                            reconnect_time_wait=0.2)  # fmt: skip
    js = nc.jetstream(timeout=5)
    config = StreamConfig(name="ORDERS", subjects=["orders.>"], num_replicas=3,
                          storage=StorageType.FILE)  # fmt: skip
    for attempt in range(20):  # a stream of 3 replicas needs its group placed first
        try:
            await js.add_stream(config)
            break
        except (NatsTimeout, ServiceUnavailableError, TimeoutError):
            if attempt == 19:
                raise
            await asyncio.sleep(0.5)
    info = await js.stream_info("ORDERS")
    leader = info.cluster.leader if info.cluster else None
    victim = next(i for i in range(3) if f"n{i + 1}" == leader)
    acked = retries = 0
    for n in range(total):
        if n == total // 3:
            cluster.kill(victim)  # the stream's leader dies mid-stream
        while True:  # as the outbox relay does: the same message id until acknowledged
            try:
                await js.publish(f"orders.event.m.n{n}", b"x", headers={"Nats-Msg-Id": f"m{n}"})
                acked += 1
                break
            except (NatsTimeout, NoRespondersError, NoStreamResponseError,
                    ServiceUnavailableError, TimeoutError):  # fmt: skip
                retries += 1
                await asyncio.sleep(0.2)
    for _ in range(50):
        try:
            stored = (await js.stream_info("ORDERS")).state.messages
            break
        except (NatsTimeout, ServiceUnavailableError, TimeoutError):
            await asyncio.sleep(0.2)
    await nc.close()
    return acked, stored


def test_a_node_killed_mid_stream_loses_no_acknowledged_message(cluster):
    total = 300
    acked, stored = asyncio.run(_stream_through_a_node_failure(cluster, total))
    assert acked == total
    assert stored == total  # every acknowledged message, once (deduplicated by message id)


async def _publish_as(cluster: Cluster, user: str, subject: str) -> str:
    import nats
    from nats.js.api import StreamConfig

    errors: list[str] = []

    async def on_error(exc: Exception) -> None:
        errors.append(str(exc))

    nc = await nats.connect(servers=cluster.urls(user)[:1], error_cb=on_error)
    try:
        if user == "orders":  # JetStream API calls are allowed; other services' subjects not
            await nc.jetstream(timeout=10).add_stream(
                StreamConfig(name="PAYABLES", subjects=["payables.>"])
            )
        await nc.publish(subject, b"x")
        await nc.flush()
        await asyncio.sleep(0.3)
    finally:
        await nc.close()
    return " ".join(errors)


def test_a_service_may_publish_only_on_its_own_subjects(cluster):
    assert "permissions violation" in asyncio.run(
        _publish_as(cluster, "orders", "payables.event.m.bill")
    )
    assert asyncio.run(_publish_as(cluster, "orders", "orders.event.m.order-received")) == ""
    assert "permissions violation" in asyncio.run(_publish_as(cluster, "pos", "orders.event.m.x"))
    assert asyncio.run(_publish_as(cluster, "pos", "reporting.inbound.m.sales")) == ""
