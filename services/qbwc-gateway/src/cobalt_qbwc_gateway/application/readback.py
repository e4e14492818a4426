"""Accounts Payable follows QuickBooks: when a bill, credit or payment of ours reaches
QuickBooks (and at least hourly after that), the next update ends by reading back what changed
there; each of our bills and credits is told to its owner as QuickBooks has it now."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.results import publish
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry
from cobalt_qbwc_gateway.domain.readback import (
    DELETED,
    FOLLOWED,
    READ_BACK_KINDS,
    READ_BACK_PREFIX,
    ReadBackState,
    advanced,
    first_since,
    observed,
)
from cobalt_qbxml.answer import Response
from cobalt_shared.contracts.gateway import InQuickBooks

log = logging.getLogger(__name__)


async def due(
    uow: GatewayUnitOfWork, connection: Connection, now: datetime
) -> ReadBackState | None:
    state = await uow.read_backs.get(connection.merchant_id)
    return state if state is not None and state.is_due(now) else None


async def follow(
    uow: GatewayUnitOfWork, connection: Connection, changes: Iterable[tuple[Entry, Entry]]
) -> None:
    """A bill, credit or payment of ours just reached QuickBooks: read back at this update's
    end (the first time, from the start date)."""
    if not any(
        a.kind in FOLLOWED and a.state.in_quickbooks and not b.state.in_quickbooks
        for b, a in changes
    ):
        return
    state = await uow.read_backs.get(connection.merchant_id)
    if state is None:
        fresh = ReadBackState(due=True, since=first_since(connection.start_date))
        await uow.read_backs.save(connection.merchant_id, fresh, new=True)
    elif not state.due:
        await uow.read_backs.save(connection.merchant_id, replace(state, due=True), new=False)


def is_read_back(request_id: str) -> bool:
    return request_id.startswith(READ_BACK_PREFIX)


async def apply_read_back(
    uow: GatewayUnitOfWork,
    connection: Connection,
    by_id: Mapping[str, Response],
    now: datetime,
) -> None:
    merchant = connection.merchant_id
    state = await uow.read_backs.get(merchant)
    asked = [READ_BACK_PREFIX + k for k in (*READ_BACK_KINDS, DELETED)]
    answers = [by_id[request_id] for request_id in asked if request_id in by_id]
    if state is None or not answers:
        return
    for rs in answers:
        if rs.status.severity == "Error":
            log.warning("read-back of %s for %s: %s", rs.kind, merchant, rs.status.message)
    rets = [ret for rs in answers for ret in rs.rets]
    ids = [r.txn_id or "" for r in rets] + [link.txn_id for r in rets for link in r.linked]
    ours = await uow.entries.by_txn_ids(merchant, ids)
    for seen in observed(rets, ours):
        await publish(
            uow,
            seen.entry,
            InQuickBooks(
                amount=seen.amount,
                open_amount=seen.open_amount,
                paid_elsewhere=seen.paid_elsewhere,
                paid_elsewhere_on=seen.paid_elsewhere_on,
                deleted=seen.deleted,
            ),
        )
    await uow.read_backs.save(merchant, advanced(state, answers, now), new=False)
