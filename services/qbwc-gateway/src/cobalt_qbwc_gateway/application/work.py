"""The entry queue as the Web Connector conversation sees it: the `Work` port's adapter."""

from __future__ import annotations

from dataclasses import dataclass

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.answers import record_answer
from cobalt_qbwc_gateway.application.requests import next_request, planned
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.planning import Limits
from cobalt_shared.clock import Clock, system_clock


@dataclass(frozen=True)
class Outgoing:
    """A request document for the Web Connector, and what it carries (for the history)."""

    xml: str
    entries: int = 0
    recovery: bool = False  # asks what became of a set whose answer never came


@dataclass(frozen=True)
class Progress:
    """What an answer changed, and whether anything more can go now (the session turns that
    into QBWC's percent done). Not `recorded`: nothing was, and `error` says why."""

    recorded: bool
    more: bool = False
    synced: int = 0
    failed: int = 0
    error: str | None = None


class EntryWork:
    """Builds message sets from the merchant's queue and records QuickBooks' answers."""

    def __init__(
        self,
        limits: Limits | None = None,
        max_bytes: int = 1_000_000,
        clock: Clock = system_clock,
    ) -> None:
        self.limits = limits or Limits()
        self.max_bytes = max_bytes
        self.clock = clock

    async def has_ready(self, uow: GatewayUnitOfWork, connection: Connection) -> bool:
        """Something to send or settle now: otherwise QuickBooks is not even opened. Asked at
        a session's start, it re-derives the whole queue from current facts."""
        plan = await planned(uow, connection, self.clock(), self.limits, whole=True)
        return plan.step is not None

    async def waiting(self, uow: GatewayUnitOfWork, connection: Connection) -> int:
        """How many entries are not yet in QuickBooks (nor failed or cancelled)."""
        count, _ = await uow.entries.waiting(connection.merchant_id)
        return count

    async def next_request(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> Outgoing | None:
        now = self.clock()
        made = await next_request(uow, connection, version, now, self.limits, self.max_bytes)
        if made is None:
            return None
        xml, entries, recovery = made
        return Outgoing(xml, entries, recovery)

    async def apply_response(
        self,
        uow: GatewayUnitOfWork,
        connection: Connection,
        response: str,
        hresult: str,
        message: str,
    ) -> Progress:
        now = self.clock()
        recorded = await record_answer(
            uow, connection, response, hresult, message, now, self.limits
        )
        if not recorded.handled:
            return Progress(False, error=recorded.error)
        # Whether anything goes next (QBWC stops at 100%): one ready entry that can be written
        # says so; the set itself is planned when the Web Connector asks for it.
        next_plan = await planned(uow, connection, now, self.limits, window=1)
        if next_plan.step is None:
            next_plan = await planned(uow, connection, now, self.limits)
        more = next_plan.step is not None
        return Progress(True, more, recorded.synced, recorded.failed, recorded.error)
