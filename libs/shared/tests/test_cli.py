"""The process runner every service shares: servers in one process, the start-up heap frozen."""

from __future__ import annotations

import asyncio
import gc

import httpx
import pytest

from cobalt_shared import cli
from cobalt_shared.http import build_api
from cobalt_shared.settings import ServiceSettings


@pytest.fixture
def unfrozen():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()  # later tests start from an ordinary heap and collector
    gc.set_threshold(*threshold)


async def test_once_every_server_has_started_the_start_up_heap_is_out_of_the_collectors_reach(
    monkeypatch: pytest.MonkeyPatch, unfrozen: None
):
    settings = ServiceSettings()
    apps = [build_api(settings, title=t, routers=[], checks={}) for t in ("api", "worker")]
    servers = [cli._Server(cli._config(settings, app, 0)) for app in apps]
    frozen = asyncio.Event()
    started_when_frozen: list[list[bool]] = []
    tune_gc_for_serving = cli.tune_gc_for_serving

    def freeze() -> None:
        started_when_frozen.append([s.started for s in servers])
        tune_gc_for_serving()
        frozen.set()

    monkeypatch.setattr(cli, "tune_gc_for_serving", freeze)
    running = asyncio.create_task(cli._serve(servers))
    try:
        await asyncio.wait_for(frozen.wait(), 30)
        # Once, after both: a heap frozen before the last start would miss its objects.
        assert started_when_frozen == [[True, True]]
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == cli.YOUNG_GENERATION
        # What the apps hold is not walked by a collection any more ...
        tracked = {id(o) for o in gc.get_objects()}
        assert not {id(app) for app in apps} & tracked
        assert id(apps[0].router) not in tracked
        # ... and the servers still answer.
        port = servers[0].servers[0].sockets[0].getsockname()[1]
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200
    finally:
        for server in servers:
            server.should_exit = True
        await asyncio.wait_for(running, 30)
