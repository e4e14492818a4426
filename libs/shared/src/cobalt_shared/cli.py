"""Command line every service shares: `python -m cobalt_<service> api|worker|migrate`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gc
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import uvicorn
from fastapi import FastAPI

from cobalt_shared.db.migrations import upgrade
from cobalt_shared.observability import configure_logging
from cobalt_shared.settings import ServiceSettings, SettingsError, load_settings

S = TypeVar("S", bound=ServiceSettings)


def service_main(
    *,
    settings_cls: type[S],
    create_api: Callable[[S], FastAPI],
    create_worker: Callable[[S], FastAPI],
    migrations: Path,
    argv: list[str] | None = None,
) -> int:
    """Parse the command, load settings (refusing bad ones by name) and run it."""
    parser = argparse.ArgumentParser(description="Run one part of a CobaltConnect service.")
    parser.add_argument(
        "command",
        choices=["api", "worker", "migrate", "check-settings"],
        help="api: HTTP API; worker: message consumers and outbox relay; "
        "migrate: apply database migrations; check-settings: validate settings and exit",
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings(settings_cls)
    except SettingsError as exc:
        print(f"{settings_cls.__module__.split('.')[0]}: {exc}", file=sys.stderr)
        return 2
    configure_logging(f"{settings.service_name}-{args.command}", settings.log_level)
    if args.command == "check-settings":
        print(f"settings OK for {settings.service_name} ({settings.environment})")
        return 0
    if args.command == "migrate":
        upgrade(migrations, settings.database_url)
        return 0
    if args.command == "api":
        app, port = create_api(settings), settings.http_port
    else:
        app, port = create_worker(settings), settings.worker_port
    serve([(settings, app, port)])
    return 0


def serve(apps: list[tuple[ServiceSettings, FastAPI, int]]) -> None:
    """Serve each app on its port, in this process, until SIGINT or SIGTERM (the embedded
    default runs every service's API and worker in one process this way)."""
    servers = [_Server(_config(settings, app, port)) for settings, app, port in apps]
    asyncio.run(_serve(servers))


def _config(settings: ServiceSettings, app: FastAPI, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=settings.http_host,
        port=port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=10,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


class _Server(uvicorn.Server):
    """A uvicorn server that leaves signals to `_serve`, so that several share a process, and
    says when it has started."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.on_started: Callable[[], None] = lambda: None

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self.on_started()


# Allocations between two collections of the youngest generation (Python's default: 700).
YOUNG_GENERATION = 10_000


def tune_gc_for_serving() -> None:
    """Move every object alive now (modules, classes, compiled statements, settings: what a
    started process keeps) out of the garbage collector's reach, and collect the young
    generation less often.

    - Frozen: without it a full collection walks all of them again, about 130 ms of stopped
      service on this machine's 150,000 start-up objects, landing on whatever request or
      message is in flight at the time.
    - Young generation: a Web Connector step or a batch of messages allocates tens of thousands
      of short-lived objects. Collected every 700 allocations, many were still in use and got
      copied into the older generations, walked again there: in the gateway's benchmark the
      collector's time halved at 10,000 (each young collection then takes up to about 5 ms)."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, older, oldest)


async def _serve(servers: list[_Server]) -> None:
    """Run the servers until SIGINT or SIGTERM, then stop them all gracefully; when one stops
    by itself (its port taken, a failed start), the others stop too. Once all have started,
    the collector is tuned for serving (`tune_gc_for_serving`)."""
    loop = asyncio.get_running_loop()
    waiting = {id(server) for server in servers}

    def started(server: _Server) -> None:
        waiting.discard(id(server))
        if not waiting:
            tune_gc_for_serving()

    for server in servers:
        server.on_started = functools.partial(started, server)

    def stop_all() -> None:
        for server in servers:
            server.should_exit = True

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop_all)
    tasks = [asyncio.create_task(server.serve()) for server in servers]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    stop_all()
    await asyncio.gather(*tasks, return_exceptions=True)
    if any(not server.started for server in servers):
        raise SystemExit(3)  # like uvicorn.run: a server that could not start is an error
