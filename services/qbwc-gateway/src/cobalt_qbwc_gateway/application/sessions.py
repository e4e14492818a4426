"""Sessions of the Web Connector: a ticket's session, contact noted, a connection failed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import announce
from cobalt_qbwc_gateway.application.protocol import ticket_hash
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.session import WebConnectorSession


async def find_session(
    uow: GatewayUnitOfWork, ticket: str, now: datetime, method: str
) -> tuple[WebConnectorSession, Connection, bool] | None:
    """The ticket's session and connection (its contact noted), and whether the protocol
    expected `method` now."""
    session = await uow.sessions.get(ticket_hash(ticket))
    if session is None or not session.usable(now):
        return None
    connection = await uow.connections.get(session.connection_id)
    if connection is None:
        return None
    session, expected = session.called(method, now)
    await uow.connections.save(contacted(connection, now), new=False)
    return session, connection, expected


async def fail_connection(
    uow: GatewayUnitOfWork,
    session: WebConnectorSession,
    connection: Connection,
    problem: str,
) -> None:
    await uow.sessions.save(session.with_error(problem), new=False)
    failed = replace(connection, last_error=problem)
    await uow.connections.save(failed, new=False)
    await announce(uow, failed)


def contacted(connection: Connection, now: datetime) -> Connection:
    return replace(connection, last_contact_at=now)
