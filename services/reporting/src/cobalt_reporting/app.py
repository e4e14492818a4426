"""Factories of the Reporting service: its HTTP API and its message worker."""

from __future__ import annotations

from fastapi import FastAPI

from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.config import Settings
from cobalt_reporting.entrypoints import http, messaging
from cobalt_shared.contracts.subjects import GATEWAY_STREAM, REPORTING_STREAM
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "Reporting service"


def create_api(settings: Settings) -> FastAPI:
    """HTTP API: POS sales, end-of-day close and sales by category."""
    return build_service_api(
        settings,
        title=TITLE,
        description="POS sales, end-of-day close and sales by category.",
        unit_of_work=ReportingUnitOfWork,
        own_stream=REPORTING_STREAM,
        routers=[http.router],
    )


def create_worker(settings: Settings) -> FastAPI:
    """Worker: POS sales from NATS, the close scheduler, QuickBooks results; relays its outbox."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=ReportingUnitOfWork,
        streams=[REPORTING_STREAM, GATEWAY_STREAM],
        routers=lambda inbox: [messaging.build_consumers(inbox)],
        background=lambda inbox: messaging.build_jobs(inbox, settings.close_check_seconds),
    )
