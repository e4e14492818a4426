"""Factories of the payables service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.config import Settings
from cobalt_payables.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import GATEWAY_STREAM, ORDERS_STREAM, PAYABLES_STREAM
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Payables service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: open bills and balances."""
    return build_service_api(
        settings,
        title=TITLE,
        description="Bills, vendor credits, open balances and payments.",
        unit_of_work=PayablesUnitOfWork,
        own_stream=PAYABLES_STREAM,
        routers=[http.router],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: turns received orders into bills and credits, records QuickBooks results;
    relays its outbox."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=PayablesUnitOfWork,
        streams=[PAYABLES_STREAM, ORDERS_STREAM, GATEWAY_STREAM],
        routers=lambda inbox: [messaging.build_consumers(inbox)],
    )
