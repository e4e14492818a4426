"""Factories of the Chart of accounts service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.config import Settings
from cobalt_coa.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import (
    COA_STREAM,
    GATEWAY_STREAM,
    ORDERS_STREAM,
    REPORTING_STREAM,
)
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Chart of accounts service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: the CobaltConnect chart of accounts and its mapping to QuickBooks accounts."""
    return build_service_api(
        settings,
        title=TITLE,
        description="The CobaltConnect chart of accounts and its mapping to QuickBooks accounts.",
        unit_of_work=CoaUnitOfWork,
        own_stream=COA_STREAM,
        routers=[http.router],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: accounts for new categories, connection states, the QuickBooks chart read;
    relays its outbox (mappings, refresh requests)."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=CoaUnitOfWork,
        streams=[COA_STREAM, ORDERS_STREAM, GATEWAY_STREAM, REPORTING_STREAM],
        routers=lambda inbox: [messaging.build_consumers(inbox)],
    )
