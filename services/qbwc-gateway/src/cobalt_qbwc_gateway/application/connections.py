"""Use cases: support sets up a merchant's QuickBooks connection; anyone asks its status."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.queue import load_facts, moved, save_entries
from cobalt_qbwc_gateway.domain.alerts import validate_email
from cobalt_qbwc_gateway.domain.connection import (
    Connection,
    ConnectionStatus,
    validate_password,
)
from cobalt_qbwc_gateway.domain.entry import UNSENT, EntryState
from cobalt_qbwc_gateway.domain.events import StartDateChanged
from cobalt_qbwc_gateway.domain.qwc import QwcSettings, render_qwc
from cobalt_qbwc_gateway.domain.signin import SignInRecord
from cobalt_shared.contracts import QuickBooksConnectionChanged
from cobalt_shared.contracts.gateway import NOT_SET_UP
from cobalt_shared.contracts.subjects import connection_changed
from cobalt_shared.errors import Conflict, NotFound


@dataclass(frozen=True)
class SetUpConnection:
    """Command: create or update a merchant's connection (password required to create)."""

    merchant_id: uuid.UUID
    qbwc_user: str
    password: str | None
    start_date: date
    qbxml_version: str = "13.0"
    company_file: str | None = None
    contact_email: str | None = None
    set_contact_email: bool = False  # False: keep the address the connection has


async def set_up_connection(
    cmd: SetUpConnection, uow: GatewayUnitOfWork, passwords: Passwords, now: datetime
) -> tuple[Connection, bool]:
    """Create or update the connection and announce it; entries on either side of a new
    start date move with it. Returns the connection and whether it is new."""
    await uow.lock_merchants([cmd.merchant_id])
    existing = await uow.connections.for_merchant(cmd.merchant_id)
    owner = await uow.connections.by_user(cmd.qbwc_user)
    if owner is not None and owner.merchant_id != cmd.merchant_id:
        raise Conflict(f"Web Connector user {cmd.qbwc_user!r} belongs to another merchant")
    password_hash = passwords.hash(validate_password(cmd.password)) if cmd.password else None
    if existing is None:
        if password_hash is None:
            raise Conflict("a new connection needs a Web Connector password")
        connection = Connection.set_up(
            merchant_id=cmd.merchant_id,
            qbwc_user=cmd.qbwc_user,
            password_hash=password_hash,
            start_date=cmd.start_date,
            qbxml_version=cmd.qbxml_version,
            company_file=cmd.company_file,
            now=now,
        )
    else:
        connection = existing.changed(
            qbwc_user=cmd.qbwc_user,
            password_hash=password_hash,
            start_date=cmd.start_date,
            qbxml_version=cmd.qbxml_version,
            company_file=cmd.company_file,
        )
    if cmd.set_contact_email:
        connection = replace(connection, contact_email=validate_email(cmd.contact_email))
    await uow.connections.save(connection, new=existing is None)
    await announce(uow, connection)
    if existing is None or existing.start_date != connection.start_date:
        await _move_with_start_date(uow, connection, now)
    return connection, existing is None


async def _move_with_start_date(
    uow: GatewayUnitOfWork, connection: Connection, now: datetime
) -> None:
    """Entries not yet in QuickBooks take the (new) start date into account."""
    states = (*UNSENT, EntryState.FAILED, EntryState.LOOKING_UP, EntryState.CANCELLED)
    entries = await uow.entries.in_states(connection.merchant_id, states)
    if not entries:
        return
    facts = await load_facts(uow, connection.merchant_id, connection.start_date, now, entries)
    await save_entries(uow, [(e, moved(e, StartDateChanged(facts), now)) for e in entries])


async def set_contact_email(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, address: str | None
) -> Connection:
    """Where the merchant's alert e-mails go (None: nowhere); refused unless an address."""
    connection = await require_connection(uow, merchant_id)
    changed = replace(connection, contact_email=validate_email(address))
    await uow.connections.save(changed, new=False)
    return changed


async def announce(uow: GatewayUnitOfWork, connection: Connection) -> None:
    """Tell the other services what state the merchant's integration is in."""
    await uow.outbox.add(
        connection_changed(connection.merchant_id),
        QuickBooksConnectionChanged(
            merchant_id=connection.merchant_id,
            status=connection.status().value,
            start_date=connection.start_date,
            detail=connection.last_error,
        ),
    )


async def require_connection(uow: GatewayUnitOfWork, merchant_id: uuid.UUID) -> Connection:
    """The merchant's connection, or the plain 'not set up' answer the pages show."""
    connection = await uow.connections.for_merchant(merchant_id)
    if connection is None:
        raise Conflict(NOT_SET_UP, code="not_set_up")
    return connection


@dataclass(frozen=True)
class ConnectionView:
    status: ConnectionStatus
    qbwc_user: str | None = None
    file_id: str | None = None
    start_date: date | None = None
    qbxml_version: str | None = None
    company_file: str | None = None
    last_contact_at: datetime | None = None
    overdue: bool = False
    last_error: str | None = None
    entries_waiting: int = 0
    oldest_waiting_since: datetime | None = None
    signin: SignInRecord | None = None
    signin_locked: bool = False
    contact_email: str | None = None


async def connection_status(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, run_every_minutes: int, now: datetime
) -> ConnectionView:
    connection = await uow.connections.for_merchant(merchant_id)
    if connection is None:
        return ConnectionView(ConnectionStatus.NOT_SET_UP)
    waiting, oldest = await uow.entries.waiting(merchant_id)
    return ConnectionView(
        entries_waiting=waiting,
        oldest_waiting_since=oldest,
        status=connection.status(),
        qbwc_user=connection.qbwc_user,
        file_id=connection.file_id,
        start_date=connection.start_date,
        qbxml_version=connection.qbxml_version,
        company_file=connection.company_file,
        last_contact_at=connection.last_contact_at,
        overdue=connection.overdue(now, run_every_minutes),
        last_error=connection.last_error,
        signin=connection.signin,
        signin_locked=connection.signin.locked(now),
        contact_email=connection.contact_email,
    )


async def qwc_file(uow: GatewayUnitOfWork, merchant_id: uuid.UUID, settings: QwcSettings) -> str:
    connection = await uow.connections.for_merchant(merchant_id)
    if connection is None:
        raise NotFound(NOT_SET_UP)
    return render_qwc(
        settings,
        merchant_label=connection.qbwc_user,
        user_name=connection.qbwc_user,
        file_id=connection.file_id,
    )
