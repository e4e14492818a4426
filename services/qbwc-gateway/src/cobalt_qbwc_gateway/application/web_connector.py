"""Use cases: the Web Connector conversation (PROTOCOL.md), one method per SOAP operation.

What to send and what to do with QuickBooks' answers is the entry queue's business, reached
through the `Work` port; this module owns tickets, sessions, versions and the company check.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TypeVar

from cobalt_qbwc_gateway.adapters.passwords import Passwords, VerifiedCredentials
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.company import check_company, version_tuple
from cobalt_qbwc_gateway.application.connections import announce
from cobalt_qbwc_gateway.application.protocol import (
    INTERNAL_ERROR,
    INVALID_TICKET,
    UNEXPECTED_ANSWER,
    Policy,
    Work,
    note_error,
    ticket_hash,
)
from cobalt_qbwc_gateway.application.sessions import (
    abandon_silent,
    contacted,
    fail_connection,
    find_session,
    update_contact,
    went_wrong,
)
from cobalt_qbwc_gateway.application.signin import sign_in
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_qbwc_gateway.metrics import CONTACTS, ENTRIES
from cobalt_shared.clock import Clock, system_clock

log = logging.getLogger(__name__)

T = TypeVar("T")


class WebConnectorService:
    """Answers each Web Connector call; every answer is one a real QBWC understands."""

    def __init__(
        self,
        new_uow: Callable[[], GatewayUnitOfWork],
        passwords: Passwords,
        work: Work,
        policy: Policy,
        clock: Clock = system_clock,
        verified: VerifiedCredentials | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._passwords = passwords
        self._verified = verified
        self._work = work
        self._policy = policy
        self._clock = clock

    def server_version(self) -> str:
        return self._policy.server_version

    async def client_version(self, version: str, source: str = "unknown") -> str:
        given = version_tuple(version)
        if given < version_tuple(self._policy.min_client_version):
            detail = (
                f"Web Connector {version or '(unknown version)'} is older than "
                f"{self._policy.min_client_version}, the oldest CobaltConnect accepts."
            )
            refused = Contact.knock(
                self._clock(), "", source, Outcome.VERSION_REFUSED, detail=detail
            )
            await self._record(refused)
            return f"O:{self._policy.min_client_version}"
        if given < version_tuple(self._policy.warn_client_version):
            return (
                f"W:Your Web Connector {version} is old; please install "
                f"{self._policy.warn_client_version} or later."
            )
        return ""

    async def _record(self, contact: Contact) -> None:
        """Keep a contact no session carries (best effort: the answer goes out regardless)."""
        CONTACTS.labels(outcome=contact.outcome.value).inc()
        try:
            async with self._new_uow() as uow:
                await uow.contacts.add(contact)
                await uow.commit()
        except Exception:
            log.exception("could not record a Web Connector contact")

    async def authenticate(self, user: str, password: str, source: str = "unknown") -> list[str]:
        # An internal failure answers "busy": the Web Connector tries again at its next
        # update, and the merchant is not told that a good password is wrong.
        step = self._authenticate(user, password, source)
        return await self._guarded(None, ["", "busy"], step)

    async def _authenticate(self, user: str, password: str, source: str) -> list[str]:
        now = self._clock()
        async with self._new_uow() as uow:
            signed = await sign_in(
                uow,
                self._passwords,
                user,
                password,
                source,
                now,
                self._policy.signin,
                self._verified,
            )
            connection = signed.connection
            if connection is None:
                known = signed.known
                refused = signed.refused or Outcome.WRONG_PASSWORD
                await uow.contacts.add(
                    Contact.knock(
                        now,
                        user,
                        source,
                        refused,
                        merchant_id=known.merchant_id if known else None,
                        connection_id=known.id if known else None,
                    )
                )
                await uow.commit()  # the failure is kept
                CONTACTS.labels(outcome=refused.value).inc()
                return ["", "nvu"]
            sessions = await uow.sessions.open_of_connection(connection.id)
            if any(s.is_live(now, self._policy.session_timeout) for s in sessions):
                busy = Contact.knock(
                    now, user, source, Outcome.BUSY, connection.merchant_id, connection.id
                )
                await uow.contacts.add(busy)
                await uow.commit()
                CONTACTS.labels(outcome=busy.outcome.value).inc()
                return ["", "busy"]
            await abandon_silent(uow, sessions, now)
            first_contact = connection.last_contact_at is None
            connection = contacted(connection, now)
            await uow.connections.save(connection, new=False)
            if first_contact:
                await announce(uow, connection)
            ticket = secrets.token_urlsafe(32)
            ready = await self._work.has_ready(uow, connection)
            waiting = await self._work.waiting(uow, connection) if ready else None
            outcome = Outcome.IN_PROGRESS if ready else Outcome.NOTHING_TO_DO
            contact = Contact.knock(
                now, user, source, outcome, connection.merchant_id, connection.id
            )
            await uow.contacts.add(contact)
            session = WebConnectorSession(
                ticket_hash=ticket_hash(ticket),
                connection_id=connection.id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + self._policy.ticket_ttl,
                expected_next="authenticate",
                closed_at=None if ready else now,
                contact_id=contact.id,
                waiting_at_start=waiting,
            )
            await uow.sessions.save(session, new=True)
            await uow.commit()
        CONTACTS.labels(outcome=outcome.value).inc()
        return [ticket, (connection.company_file or "") if ready else "none"]

    async def send_request_xml(
        self, ticket: str, hcp: str, company_file: str, major: str, minor: str
    ) -> str:
        step = self._send_request_xml(ticket, hcp, major, minor)
        return await self._guarded(ticket, "", step)

    async def _send_request_xml(self, ticket: str, hcp: str, major: str, minor: str) -> str:
        async with self._new_uow() as uow:
            found = await find_session(uow, ticket, self._clock(), "sendRequestXML")
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
                version, problem = check_company(
                    connection, self._policy.owner_id, hcp, major, minor
                )
                if problem:
                    await fail_connection(uow, session, connection, problem)
                    await went_wrong(uow, session, Outcome.WRONG_COMPANY, problem)
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
            else:
                sent = request
                await update_contact(uow, session, lambda c: c.sent(sent.entries, sent.recovery))
            await uow.sessions.save(session, new=False)
            await uow.commit()
        return request.xml if request else ""

    async def receive_response_xml(
        self, ticket: str, response: str, hresult: str, message: str
    ) -> int:
        step = self._receive_response_xml(ticket, response, hresult, message)
        return await self._guarded(ticket, -1, step)

    async def _receive_response_xml(
        self, ticket: str, response: str, hresult: str, message: str
    ) -> int:
        async with self._new_uow() as uow:
            found = await find_session(uow, ticket, self._clock(), "receiveResponseXML")
            if found is None:
                return -1
            session, connection, expected = found
            if not expected:
                # No request of this session is waiting for an answer (a repeated post, or a
                # response after the session moved on): recording it could record twice.
                log.warning("out-of-order receiveResponseXML: %s", UNEXPECTED_ANSWER)
                await uow.sessions.save(session.with_error(UNEXPECTED_ANSWER), new=False)
                await uow.commit()
                return -1
            progress = await self._work.apply_response(uow, connection, response, hresult, message)
            session = replace(
                session,
                synced=session.synced + progress.synced,
                failed=session.failed + progress.failed,
            )
            error = None
            if not progress.recorded or progress.error:
                error = progress.error or message or "QuickBooks could not process the entries."
                session = session.with_error(error)
            synced, failed = progress.synced, progress.failed
            ENTRIES.labels(result="synced").inc(synced)
            ENTRIES.labels(result="failed").inc(failed)
            await update_contact(uow, session, lambda c: c.answered(synced, failed))
            if not progress.recorded:
                await went_wrong(uow, session, Outcome.ERROR, error)
            await uow.sessions.save(session, new=False)
            await uow.commit()
        return session.percent_done(progress.more) if progress.recorded else -1

    async def connection_error(self, ticket: str, hresult: str, message: str) -> str:
        return await self._guarded(ticket, "done", self._connection_error(ticket, hresult, message))

    async def _connection_error(self, ticket: str, hresult: str, message: str) -> str:
        async with self._new_uow() as uow:
            found = await find_session(uow, ticket, self._clock(), "connectionError")
            if found is not None:
                session, connection, _ = found
                problem = f"QuickBooks could not be opened: {message} ({hresult})"
                await fail_connection(uow, session, connection, problem)
                await went_wrong(uow, session, Outcome.CONNECTION_ERROR, problem)
                await uow.commit()
        return "done"

    async def get_last_error(self, ticket: str) -> str:
        async with self._new_uow() as uow:
            session = await uow.sessions.get(ticket_hash(ticket))
            if session is None or not session.usable(self._clock()):
                return INVALID_TICKET
            session, _ = session.called("getLastError", self._clock())
            await uow.sessions.save(session, new=False)
            await uow.commit()
            return session.last_error or ""

    async def close_connection(self, ticket: str) -> str:
        now = self._clock()
        async with self._new_uow() as uow:
            session = await uow.sessions.get(ticket_hash(ticket))
            if session is None:
                return INVALID_TICKET
            await uow.sessions.save(session.closed(now), new=False)
            await update_contact(uow, session, lambda c: c.ended(now))
            await uow.commit()
        return session.summary()

    async def _guarded(self, ticket: str | None, fallback: T, step: Awaitable[T]) -> T:
        """Run one call; anything unexpected is logged, noted on the session for
        getLastError, and answered as QBWC understands (never a SOAP fault or an HTTP 500)."""
        try:
            return await step
        except Exception:
            log.exception("Web Connector call failed; answered %r", fallback)
            if ticket is not None:
                await note_error(self._new_uow, ticket, INTERNAL_ERROR)
                await self._contact_failed(ticket)
            return fallback

    async def _contact_failed(self, ticket: str) -> None:
        """The sync history says the update failed (best effort)."""
        try:
            async with self._new_uow() as uow:
                session = await uow.sessions.get(ticket_hash(ticket))
                if session is not None:
                    await went_wrong(uow, session, Outcome.ERROR, INTERNAL_ERROR)
                    await uow.commit()
        except Exception:
            log.exception("could not record the failed update in the sync history")
