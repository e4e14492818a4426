"""Factories of the orders service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.config import Settings
from cobalt_orders.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import ORDERS_STREAM
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Orders service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: record and list received vendor orders."""
    return build_service_api(
        settings,
        title=TITLE,
        description="Vendor orders received into the store.",
        unit_of_work=OrdersUnitOfWork,
        own_stream=ORDERS_STREAM,
        routers=[http.router],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: relays order events from the outbox to JetStream."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=OrdersUnitOfWork,
        streams=[ORDERS_STREAM],
        routers=lambda _inbox: [messaging.build_publications()],
    )
