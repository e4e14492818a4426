"""Factories of the QuickBooks gateway service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_qbwc_gateway.config import Settings
from cobalt_shared.contracts.subjects import GATEWAY_STREAM
from cobalt_shared.db import UnitOfWork
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "QuickBooks gateway service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: QuickBooks connections, the entry queue and the Web Connector SOAP service."""
    return build_service_api(
        settings,
        title=TITLE,
        description="QuickBooks connections, the entry queue and the Web Connector SOAP service.",
        unit_of_work=UnitOfWork,
        own_stream=GATEWAY_STREAM,
        routers=[],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: declares the service's stream and relays its outbox."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=UnitOfWork,
        streams=[GATEWAY_STREAM],
        routers=lambda _: [],
    )
