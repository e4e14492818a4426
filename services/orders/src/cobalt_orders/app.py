"""Factories of the orders service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.config import Settings
from cobalt_orders.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import ORDERS_STREAM
from cobalt_shared.db.engine import create_engine
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import WorkerRuntime, build_worker

TITLE = "Orders service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: record and list received vendor orders."""
    engine = create_engine(settings.database_url)

    def new_uow() -> OrdersUnitOfWork:
        return OrdersUnitOfWork(engine)

    return build_service_api(
        settings,
        title=TITLE,
        description="Vendor orders received into the store.",
        engine=engine,
        new_uow=new_uow,
        routers=[http.router, dead_letter_router(new_uow, ORDERS_STREAM)],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: relays order events from the outbox to JetStream."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)
    return build_worker(
        runtime, title=TITLE, routers=[messaging.build_publications()], streams=[ORDERS_STREAM]
    )
