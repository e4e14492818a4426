"""Factories of the Reporting service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_reporting.config import Settings
from cobalt_shared.contracts.subjects import REPORTING_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.db.engine import create_engine
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import WorkerRuntime, build_worker

TITLE = "Reporting service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: POS sales, end-of-day close and sales by category."""
    engine = create_engine(settings.database_url)

    def new_uow() -> UnitOfWork:
        return UnitOfWork(engine)

    return build_service_api(
        settings,
        title=TITLE,
        description="POS sales, end-of-day close and sales by category.",
        engine=engine,
        new_uow=new_uow,
        routers=[dead_letter_router(new_uow, REPORTING_STREAM)],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)
    return build_worker(runtime, title=TITLE, routers=[], streams=[REPORTING_STREAM])
