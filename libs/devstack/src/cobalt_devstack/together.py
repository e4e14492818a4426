"""`python -m cobalt_devstack.together SERVICE...`: several services in one process.

The embedded default (`make run`) runs every service's API and worker this way, each on its
own port with its own settings (read from the environment under the service's prefix), its
own database and its own NATS connections, exactly as when each runs alone: only the Python
interpreter and the imported libraries are shared, which saves most of the memory and the
start-up time of ten processes. Compose and Kubernetes keep every part a deployment of its own.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any

from fastapi import FastAPI

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_shared.cli import serve
from cobalt_shared.observability import configure_logging
from cobalt_shared.settings import ServiceSettings, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services", nargs="+", choices=sorted(SERVICE_BY_NAME))
    args = parser.parse_args(argv)
    loaded: list[tuple[ServiceSettings, Any]] = []
    for name in args.services:
        module = SERVICE_BY_NAME[name].module
        config = importlib.import_module(f"{module}.config")
        try:
            settings = load_settings(config.Settings)
        except SettingsError as exc:
            print(f"{module}: {exc}", file=sys.stderr)
            return 2
        loaded.append((settings, importlib.import_module(f"{module}.app")))
    configure_logging("services", loaded[0][0].log_level)
    apps: list[tuple[ServiceSettings, FastAPI, int]] = []
    for settings, factories in loaded:
        apps.append((settings, factories.create_api(settings), settings.http_port))
        apps.append((settings, factories.create_worker(settings), settings.worker_port))
    serve(apps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
