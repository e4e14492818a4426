"""The parts of the Web Connector conversation other modules share: the `Work` port (the
entry queue as the conversation sees it), the policy, tickets and standard answers."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.work import Outgoing, Progress
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.signin import SignInPolicy

INTERNAL_ERROR = (
    "CobaltConnect could not handle this step of the update (an internal error, logged for "
    "support); nothing was lost, and it is tried again at the next update."
)
UNEXPECTED_ANSWER = (
    "An answer arrived when no request of this update was waiting for one; it was ignored "
    "and nothing changed."
)
INVALID_TICKET = (
    "Your Web Connector session has expired or is not valid; "
    "the Web Connector signs in again at its next update."
)


class Work(Protocol):
    """The entry queue as the conversation sees it."""

    async def has_ready(self, uow: GatewayUnitOfWork, connection: Connection) -> bool: ...

    async def waiting(self, uow: GatewayUnitOfWork, connection: Connection) -> int:
        """How many entries are not yet in QuickBooks: at an update's start, its 0%."""
        ...

    async def next_request(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> Outgoing | None: ...

    async def apply_response(
        self,
        uow: GatewayUnitOfWork,
        connection: Connection,
        response: str,
        hresult: str,
        message: str,
    ) -> Progress:
        """Record QuickBooks' answer: whether it was recorded, whether more can go now,
        synced, failed, and the error for getLastError."""
        ...


@dataclass(frozen=True)
class Policy:
    owner_id: str
    session_timeout: timedelta
    ticket_ttl: timedelta
    min_client_version: str
    warn_client_version: str
    server_version: str = "CobaltConnect QuickBooks gateway 0.1"
    signin: SignInPolicy = field(default_factory=SignInPolicy)


def ticket_hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


async def note_error(new_uow: Callable[[], GatewayUnitOfWork], ticket: str, error: str) -> None:
    """Keep `error` on the ticket's session, for getLastError (best effort)."""
    try:
        async with new_uow() as uow:
            session = await uow.sessions.get(ticket_hash(ticket))
            if session is not None:
                await uow.sessions.save(session.with_error(error), new=False)
                await uow.commit()
    except Exception:
        logging.getLogger(__name__).exception("could not note the error on the session")
