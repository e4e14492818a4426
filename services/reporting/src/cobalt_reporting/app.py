"""Factories of the Reporting service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_reporting.config import Settings
from cobalt_shared.contracts.subjects import REPORTING_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Reporting service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: POS sales, end-of-day close and sales by category."""
    return build_service_api(
        settings,
        title=TITLE,
        description="POS sales, end-of-day close and sales by category.",
        unit_of_work=UnitOfWork,
        own_stream=REPORTING_STREAM,
        routers=[],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=UnitOfWork,
        streams=[REPORTING_STREAM],
        routers=lambda _: [],
    )
