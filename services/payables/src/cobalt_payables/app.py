"""Factories of the payables service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.config import Settings
from cobalt_payables.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import ORDERS_STREAM, PAYABLES_STREAM
from cobalt_shared.db.engine import create_engine
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.http import build_service_api
from cobalt_shared.inbox import InboxConfig
from cobalt_shared.worker import WorkerRuntime, build_worker

TITLE = "Payables service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: open bills and balances."""
    engine = create_engine(settings.database_url)

    def new_uow() -> PayablesUnitOfWork:
        return PayablesUnitOfWork(engine)

    return build_service_api(
        settings,
        title=TITLE,
        description="Bills, vendor credits, open balances and payments.",
        engine=engine,
        new_uow=new_uow,
        routers=[http.router, dead_letter_router(new_uow, PAYABLES_STREAM)],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: turns received orders into bills; relays its outbox."""
    engine = create_engine(settings.database_url)
    runtime = WorkerRuntime.create(settings, engine)

    def new_uow() -> PayablesUnitOfWork:
        return PayablesUnitOfWork(engine, on_commit=runtime.relay.notify)

    consumers = messaging.build_consumers(
        InboxConfig(new_uow, max_deliveries=settings.max_deliveries)
    )
    return build_worker(
        runtime, title=TITLE, routers=[consumers], streams=[PAYABLES_STREAM, ORDERS_STREAM]
    )
