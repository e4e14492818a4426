"""Use cases: the Web Connector conversation (PROTOCOL.md), one method per SOAP operation.

What to send and what to do with QuickBooks' answers is the entry queue's business, reached
through the `Work` port; this module owns tickets, sessions, versions and the company check.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import announce
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_qbxml import choose_version
from cobalt_qbxml.safe_xml import UnsafeXml, parse
from cobalt_shared.contracts import utcnow

log = logging.getLogger(__name__)

INVALID_TICKET = (
    "Your Web Connector session has expired or is not valid; "
    "the Web Connector signs in again at its next update."
)


class Work(Protocol):
    """The entry queue as the conversation sees it."""

    async def has_ready(self, uow: GatewayUnitOfWork, connection: Connection) -> bool: ...

    async def next_request(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> str | None: ...

    async def apply_response(
        self, uow: GatewayUnitOfWork, connection: Connection, response: str, hresult: str,
        message: str,
    ) -> tuple[int, int, int, str | None]:  # fmt: skip
        """Record QuickBooks' answer: (percent done, synced, failed, error for getLastError)."""
        ...


@dataclass(frozen=True)
class Policy:
    owner_id: str
    session_timeout: timedelta
    ticket_ttl: timedelta
    min_client_version: str
    warn_client_version: str
    server_version: str = "CobaltConnect QuickBooks gateway 0.1"


def _ticket_hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def _version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.strip().split("."))
    except ValueError:
        return (0,)


class WebConnectorService:
    """Answers each Web Connector call; every answer is one a real QBWC understands."""

    def __init__(
        self,
        new_uow: Callable[[], GatewayUnitOfWork],
        passwords: Passwords,
        work: Work,
        policy: Policy,
    ) -> None:
        self._new_uow = new_uow
        self._passwords = passwords
        self._work = work
        self._policy = policy

    def server_version(self) -> str:
        return self._policy.server_version

    def client_version(self, version: str) -> str:
        given = _version_tuple(version)
        if given < _version_tuple(self._policy.min_client_version):
            return f"O:{self._policy.min_client_version}"
        if given < _version_tuple(self._policy.warn_client_version):
            return (
                f"W:Your Web Connector {version} is old; please install "
                f"{self._policy.warn_client_version} or later."
            )
        return ""

    async def authenticate(self, user: str, password: str) -> list[str]:
        now = utcnow()
        async with self._new_uow() as uow:
            connection = await uow.connections.by_user(user)
            if connection is None:
                self._passwords.burn(password)
                return ["", "nvu"]
            if not self._passwords.verify(connection.password_hash, password):
                return ["", "nvu"]
            sessions = await uow.sessions.of_connection(connection.id)
            if any(s.is_live(now, self._policy.session_timeout) for s in sessions):
                return ["", "busy"]
            first_contact = connection.last_contact_at is None
            connection = _contacted(connection, now)
            await uow.connections.save(connection, new=False)
            if first_contact:
                await announce(uow, connection)
            ticket = secrets.token_urlsafe(32)
            ready = await self._work.has_ready(uow, connection)
            session = WebConnectorSession(
                ticket_hash=_ticket_hash(ticket),
                connection_id=connection.id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + self._policy.ticket_ttl,
                expected_next="authenticate",
                closed_at=None if ready else now,
            )
            await uow.sessions.save(session, new=True)
            await uow.commit()
        return [ticket, (connection.company_file or "") if ready else "none"]

    async def send_request_xml(
        self, ticket: str, hcp: str, company_file: str, major: str, minor: str
    ) -> str:
        async with self._new_uow() as uow:
            found = await self._session(uow, ticket, "sendRequestXML")
            if found is None:
                return ""
            session, connection, expected = found
            if not expected:
                # The answer to the last request never came: the entries it carried stay
                # unsettled, and the entry queue settles them by error recovery first.
                log.warning(
                    "out-of-order sendRequestXML for connection %s: the last exchange was "
                    "disrupted; unsettled entries are settled before anything is written",
                    connection.id,
                )
            version = session.qbxml_version
            if hcp:
                version, problem = self._check_company(connection, hcp, major, minor)
                if problem:
                    await self._fail(uow, session, connection, problem)
                    await uow.commit()
                    return ""
                session = replace(session, qbxml_version=version)
                if connection.last_error:
                    connection = replace(connection, last_error=None)
                    await uow.connections.save(connection, new=False)
                    await announce(uow, connection)
            if version is None:
                await uow.sessions.save(
                    session.with_error("The Web Connector did not describe the company."),
                    new=False,
                )
                await uow.commit()
                return ""
            request = await self._work.next_request(uow, connection, version)
            if request is None:
                session = session.with_error("Nothing more to send.")
            await uow.sessions.save(session, new=False)
            await uow.commit()
        return request or ""

    async def receive_response_xml(
        self, ticket: str, response: str, hresult: str, message: str
    ) -> int:
        async with self._new_uow() as uow:
            found = await self._session(uow, ticket, "receiveResponseXML")
            if found is None:
                return -1
            session, connection, expected = found
            if not expected:
                # No request of this session is waiting for an answer (a repeated post, or a
                # response after the session moved on): recording it could record twice.
                problem = (
                    "An answer arrived when no request of this update was waiting for one; "
                    "it was ignored and nothing changed."
                )
                log.warning("out-of-order receiveResponseXML: %s", problem)
                await uow.sessions.save(session.with_error(problem), new=False)
                await uow.commit()
                return -1
            percent, synced, failed, error = await self._work.apply_response(
                uow, connection, response, hresult, message
            )
            session = replace(
                session, synced=session.synced + synced, failed=session.failed + failed
            )
            if percent < 0:
                session = session.with_error(
                    error or message or "QuickBooks could not process the entries."
                )
            await uow.sessions.save(session, new=False)
            await uow.commit()
        return percent

    async def connection_error(self, ticket: str, hresult: str, message: str) -> str:
        async with self._new_uow() as uow:
            found = await self._session(uow, ticket, "connectionError")
            if found is not None:
                session, connection, _ = found
                await self._fail(
                    uow,
                    session,
                    connection,
                    f"QuickBooks could not be opened: {message} ({hresult})",
                )
                await uow.commit()
        return "done"

    async def get_last_error(self, ticket: str) -> str:
        async with self._new_uow() as uow:
            session = await uow.sessions.get(_ticket_hash(ticket))
            if session is None or not session.usable(utcnow()):
                return INVALID_TICKET
            session, _ = session.called("getLastError", utcnow())
            await uow.sessions.save(session, new=False)
            await uow.commit()
            return session.last_error or ""

    async def close_connection(self, ticket: str) -> str:
        now = utcnow()
        async with self._new_uow() as uow:
            session = await uow.sessions.get(_ticket_hash(ticket))
            if session is None:
                return INVALID_TICKET
            await uow.sessions.save(session.closed(now), new=False)
            await uow.commit()
        summary = f"OK: {session.synced} {'entry' if session.synced == 1 else 'entries'} synced"
        if session.failed:
            summary += f", {session.failed} {'needs' if session.failed == 1 else 'need'} attention"
        return summary

    # ----------------------------------------------------------------- helpers
    async def _session(
        self, uow: GatewayUnitOfWork, ticket: str, method: str
    ) -> tuple[WebConnectorSession, Connection, bool] | None:
        """The ticket's session and connection, and whether the protocol expected `method`."""
        now = utcnow()
        session = await uow.sessions.get(_ticket_hash(ticket))
        if session is None or not session.usable(now):
            return None
        connection = await uow.connections.get(session.connection_id)
        if connection is None:
            return None
        session, expected = session.called(method, now)
        await uow.connections.save(_contacted(connection, now), new=False)
        return session, connection, expected

    def _check_company(
        self, connection: Connection, hcp: str, major: str, minor: str
    ) -> tuple[str, str | None]:
        try:
            root = parse(hcp)
        except UnsafeXml:
            return "", "The Web Connector's description of QuickBooks could not be read."
        supported = [v.text or "" for v in root.iter("SupportedQBXMLVersion")]
        if not supported and major:
            supported = [f"{major}.{minor or 0}"]
        preferred = _version_tuple(connection.qbxml_version)
        usable = [v for v in supported if _version_tuple(v) <= preferred]
        try:
            version = choose_version(usable)
        except ValueError as exc:
            return "", str(exc)
        file_id = None
        for ext in root.iter("DataExtRet"):
            if (ext.findtext("OwnerID") or "").upper() == self._policy.owner_id.upper():
                file_id = (ext.findtext("DataExtValue") or "").upper()
        company = root.findtext(".//CompanyRet/CompanyName") or "the open company file"
        if file_id != connection.file_id.upper():
            return "", (
                f"Wrong company file: QuickBooks has '{company}' open, but CobaltConnect is set "
                f"up for the company file registered with FileID {connection.file_id} "
                f"({connection.company_file or 'the file the .qwc was added to'}). Open that "
                "company file and update again."
            )
        return version, None

    async def _fail(
        self,
        uow: GatewayUnitOfWork,
        session: WebConnectorSession,
        connection: Connection,
        problem: str,
    ) -> None:
        await uow.sessions.save(session.with_error(problem), new=False)
        failed = replace(connection, last_error=problem)
        await uow.connections.save(failed, new=False)
        await announce(uow, failed)


def _contacted(connection: Connection, now: datetime) -> Connection:
    return replace(connection, last_contact_at=now)
