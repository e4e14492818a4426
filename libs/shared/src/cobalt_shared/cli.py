"""Command line every service shares: `python -m cobalt_<service> api|worker|migrate`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
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
    uvicorn.run(
        app,
        host=settings.http_host,
        port=port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=10,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )
    return 0
