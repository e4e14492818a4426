"""Every route of every service's API, and everything it depends on, is a coroutine function:
FastAPI runs a plain function in its thread pool, a hop to another thread and back for each
request (a few percent of the orders API's time per order, measured with py-spy)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from cobalt_devstack.services import SERVICES


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from _calls(dependency)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """The app's routes, including those of the routers it includes (kept as included routers)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _api_routes(included.routes)


def test_no_route_or_dependency_runs_in_the_thread_pool():
    in_threads: set[str] = set()
    for service in SERVICES:
        config = importlib.import_module(f"{service.module}.config")
        app = importlib.import_module(f"{service.module}.app").create_api(config.Settings())
        routes = list(_api_routes(app.routes))
        assert len(routes) > 3, service.name  # the service's own routes were found
        for route in routes:
            for call in (route.endpoint, *_calls(route.dependant)):
                if not inspect.iscoroutinefunction(call):
                    name = getattr(call, "__qualname__", repr(call))
                    in_threads.add(f"{service.name} {route.path}: {name}")
    assert sorted(in_threads) == []
