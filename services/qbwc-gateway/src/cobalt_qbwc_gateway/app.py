"""Factories of the QuickBooks gateway: its HTTP API (with the Web Connector SOAP service)
and its message worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi import APIRouter, FastAPI

from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.protocol import Policy, Work
from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbwc_gateway.application.work import EntryWork
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.signin import SignInPolicy
from cobalt_qbwc_gateway.entrypoints import http, messaging
from cobalt_qbwc_gateway.entrypoints.soap import soap_router
from cobalt_shared.clock import Clock, system_clock
from cobalt_shared.contracts.subjects import (
    ACCOUNTING_COMMAND_SOURCES,
    COA_STREAM,
    GATEWAY_STREAM,
)
from cobalt_shared.db import UnitOfWork
from cobalt_shared.http import build_service_api
from cobalt_shared.worker import build_service_worker

TITLE = "QuickBooks gateway service"


def create_api(
    settings: Settings,
    work: Work | None = None,
    clock: Clock = system_clock,
    passwords: Passwords | None = None,
) -> FastAPI:
    """HTTP API: connections, their .qwc files and status; the Web Connector SOAP service."""
    passwords = passwords or Passwords()
    policy = Policy(
        owner_id=settings.owner_id,
        session_timeout=timedelta(seconds=settings.session_timeout_seconds),
        ticket_ttl=timedelta(seconds=settings.ticket_ttl_seconds),
        min_client_version=settings.min_client_version,
        warn_client_version=settings.warn_client_version,
        signin=SignInPolicy(
            max_failures=settings.signin_max_failures,
            lockout=timedelta(seconds=settings.signin_lockout_seconds),
            max_lockout=timedelta(seconds=settings.signin_max_lockout_seconds),
        ),
    )

    def web_connector(new_uow: Callable[[], UnitOfWork]) -> list[APIRouter]:
        queue = work or EntryWork(clock=clock)
        service = WebConnectorService(new_uow, passwords, queue, policy, clock)  # type: ignore[arg-type]
        return [soap_router(settings.soap_path, settings.public_url, service)]

    app = build_service_api(
        settings,
        title=TITLE,
        description="QuickBooks connections, the entry queue and the Web Connector service.",
        unit_of_work=GatewayUnitOfWork,
        own_stream=GATEWAY_STREAM,
        routers=[http.router, http.entries_router],
        routers_with_uow=web_connector,
    )
    app.state.passwords = passwords
    app.state.policy = policy
    app.state.clock = clock
    return app


def create_worker(settings: Settings) -> FastAPI:
    """Worker: stores accounting commands as entries; relays the gateway's outbox."""
    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=GatewayUnitOfWork,
        streams=[GATEWAY_STREAM, *ACCOUNTING_COMMAND_SOURCES, COA_STREAM],
        routers=lambda inbox: [messaging.build_consumers(inbox)],
    )
