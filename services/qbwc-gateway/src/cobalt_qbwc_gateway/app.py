"""Factories of the QuickBooks gateway service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_qbwc_gateway.config import Settings
from cobalt_shared.contracts.subjects import GATEWAY_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.db.engine import create_engine
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import WorkerRuntime, build_worker

TITLE = "QuickBooks gateway service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: QuickBooks connections, the entry queue and the Web Connector SOAP service."""
    engine = create_engine(settings.database_url)

    def new_uow() -> UnitOfWork:
        return UnitOfWork(engine)

    return build_service_api(
        settings,
        title=TITLE,
        description="QuickBooks connections, the entry queue and the Web Connector SOAP service.",
        engine=engine,
        new_uow=new_uow,
        routers=[dead_letter_router(new_uow, GATEWAY_STREAM)],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)
    return build_worker(runtime, title=TITLE, routers=[], streams=[GATEWAY_STREAM])
