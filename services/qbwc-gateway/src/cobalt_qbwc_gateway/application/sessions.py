"""Sessions of the Web Connector: a ticket's session, contact noted, a connection failed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import announce
from cobalt_qbwc_gateway.application.protocol import ticket_hash
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_qbwc_gateway.metrics import SESSIONS_ENDED


async def find_session(
    uow: GatewayUnitOfWork, ticket: str, now: datetime, method: str
) -> tuple[WebConnectorSession, Connection, bool] | None:
    """The ticket's session and connection (its contact noted), and whether the protocol
    expected `method` now."""
    found = await uow.sessions.with_connection(ticket_hash(ticket))
    if found is None:
        return None
    session, connection = found
    if connection is None or not session.usable(now):
        return None
    session, expected = session.called(method, now)
    if connection.contact_due(now):
        connection = contacted(connection, now)
        await uow.connections.touch(connection.id, now)
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


async def update_contact(
    uow: GatewayUnitOfWork, session: WebConnectorSession, change: Callable[[Contact], Contact]
) -> None:
    """Note on the session's sync-history record what this step did."""
    if session.contact_id is None:
        return
    contact = await uow.contacts.get(session.contact_id)
    if contact is None:
        return
    changed = change(contact)
    await uow.contacts.save(changed)
    if contact.ended_at is None and changed.ended_at is not None:
        SESSIONS_ENDED.labels(outcome=changed.outcome.value).inc()


async def went_wrong(
    uow: GatewayUnitOfWork, session: WebConnectorSession, outcome: Outcome, detail: str | None
) -> None:
    await update_contact(uow, session, lambda c: c.went_wrong(outcome, detail))


async def abandon_silent(
    uow: GatewayUnitOfWork, sessions: Iterable[WebConnectorSession], now: datetime
) -> None:
    """Sessions left open (the Web Connector stopped mid-update) are closed, and their
    history says so."""
    for session in sessions:
        if session.closed_at is not None:
            continue
        await uow.sessions.save(replace(session, closed_at=now, expected_next="closed"), new=False)
        await update_contact(
            uow,
            session,
            lambda c: c.ended(session.last_seen_at, Outcome.ABANDONED),  # noqa: B023
        )
