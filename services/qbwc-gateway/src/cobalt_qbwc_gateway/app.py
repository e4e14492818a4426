"""Factories of the QuickBooks gateway: its HTTP API (with the Web Connector SOAP service)
and its message worker."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from fastapi import APIRouter, FastAPI

from cobalt_qbwc_gateway.adapters.mailer import SmtpMailer, SmtpSettings
from cobalt_qbwc_gateway.adapters.passwords import Passwords, VerifiedCredentials
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.monitor import Watch, send_due, watch_once
from cobalt_qbwc_gateway.application.protocol import Policy, Work
from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbwc_gateway.application.work import EntryWork
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.alerts import Mailing
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
from cobalt_shared.inbox import InboxConfig
from cobalt_shared.worker import Job, build_service_worker

TITLE = "QuickBooks gateway service"
log = logging.getLogger(__name__)


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
        service = WebConnectorService(
            new_uow,  # type: ignore[arg-type]
            passwords,
            queue,
            policy,
            clock,
            VerifiedCredentials(timedelta(seconds=settings.signin_remember_seconds)),
        )
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
    app.state.watch = watch_of(settings)
    return app


def watch_of(settings: Settings) -> Watch:
    """How connections are watched and merchants told, from the settings."""
    return Watch(
        poll_seconds=settings.poll_seconds,
        abandoned_after=timedelta(seconds=settings.abandoned_after_seconds),
        waiting_alert_after=timedelta(seconds=settings.waiting_alert_seconds),
        mailing=Mailing(
            web_url=settings.web_app_url, window=timedelta(seconds=settings.alert_window_seconds)
        ),
    )


def mailer_of(settings: Settings) -> SmtpMailer:
    return SmtpMailer(
        SmtpSettings(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value(),
            sender=settings.mail_from,
            timeout=settings.smtp_timeout_seconds,
        )
    )


def create_worker(settings: Settings, clock: Clock = system_clock) -> FastAPI:
    """Worker: stores accounting commands as entries; relays the gateway's outbox; watches
    the connections' health and sends the alert e-mails."""
    watch = watch_of(settings)
    mailer = mailer_of(settings)

    def loops(inbox: InboxConfig) -> list[Job]:
        def new_uow() -> GatewayUnitOfWork:
            made = inbox.new_uow()
            assert isinstance(made, GatewayUnitOfWork)
            return made

        async def watching() -> None:
            await every(settings.monitor_seconds, lambda: watch_once(new_uow, clock(), watch))

        async def mailing() -> None:
            await every(
                min(settings.monitor_seconds, 5.0), lambda: send_due(new_uow, mailer, clock)
            )

        return [watching, mailing]

    return build_service_worker(
        settings,
        title=TITLE,
        unit_of_work=GatewayUnitOfWork,
        streams=[GATEWAY_STREAM, *ACCOUNTING_COMMAND_SOURCES, COA_STREAM],
        routers=lambda inbox: [messaging.build_consumers(inbox)],
        background=loops,
    )


async def every(seconds: float, step: Callable[[], Awaitable[object]]) -> None:
    """Run `step` every `seconds` for good; a failed step is logged and the loop goes on."""
    while True:
        try:
            await step()
        except Exception:
            log.exception("a periodic step of the gateway failed; trying again")
        await asyncio.sleep(seconds)
