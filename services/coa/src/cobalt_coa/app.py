"""Factories of the Chart of accounts service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_coa.config import Settings
from cobalt_shared.contracts.subjects import COA_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.db.engine import create_engine
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import WorkerRuntime, build_worker

TITLE = "Chart of accounts service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: the CobaltConnect chart of accounts and its mapping to QuickBooks accounts."""
    engine = create_engine(settings.database_url)

    def new_uow() -> UnitOfWork:
        return UnitOfWork(engine)

    return build_service_api(
        settings,
        title=TITLE,
        description="the CobaltConnect chart of accounts and its mapping to QuickBooks accounts.",
        engine=engine,
        new_uow=new_uow,
        routers=[dead_letter_router(new_uow, COA_STREAM)],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)
    return build_worker(runtime, title=TITLE, routers=[], streams=[COA_STREAM])
