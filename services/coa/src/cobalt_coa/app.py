"""Factories of the Chart of accounts service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_coa.config import Settings
from cobalt_shared.contracts.subjects import COA_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Chart of accounts service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: the CobaltConnect chart of accounts and its mapping to QuickBooks accounts."""
    return build_service_api(
        settings,
        title=TITLE,
        description="the CobaltConnect chart of accounts and its mapping to QuickBooks accounts.",
        unit_of_work=UnitOfWork,
        own_stream=COA_STREAM,
        routers=[],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    return build_service_worker(
        settings, title=TITLE, unit_of_work=UnitOfWork, streams=[COA_STREAM], routers=lambda _: []
    )
