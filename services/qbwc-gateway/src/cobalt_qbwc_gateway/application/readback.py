"""Accounts Payable follows QuickBooks: when a bill, credit or payment of ours reaches
QuickBooks (and at least hourly after that), the next update ends by reading back what changed
there; each of our bills and credits is told to its owner as QuickBooks has it now."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.results import publish_many
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.posting import CHANGES
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
    uow: GatewayUnitOfWork, connection: Connection, now: datetime, every: timedelta
) -> ReadBackState | None:
    state = await uow.read_backs.get(connection.merchant_id)
    return state if state is not None and state.is_due(now, every) else None


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


async def remember_edit_sequences(
    uow: GatewayUnitOfWork, seen: Iterable[tuple[Entry, str | None]]
) -> None:
    """The EditSequence QuickBooks has now for our bills and credits, so that the next
    correction of one is sent at it (a stale one costs a re-read)."""
    await uow.entries.save_all(
        (entry, replace(entry, edit_sequence=sequence))
        for entry, sequence in seen
        if sequence and sequence != entry.edit_sequence
    )


async def follow_corrections(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, changes: Iterable[tuple[Entry, Entry]]
) -> None:
    """A correction made: what it changed has the EditSequence QuickBooks answered."""
    made = [
        (a.posting.changes, a.edit_sequence)
        for b, a in changes
        if a.kind in CHANGES and a.posting and a.posting.changes
        if a.state is EntryState.SYNCED and b.state is not EntryState.SYNCED
    ]
    targets = await uow.entries.get_many(merchant_id, [t for t, _ in made if t])
    await remember_edit_sequences(uow, [(targets[t], s) for t, s in made if t in targets])


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
    await remember_edit_sequences(
        uow, [(ours[r.txn_id], r.edit_sequence) for r in rets if r.txn_id in ours]
    )
    await publish_many(
        uow,
        [
            (
                seen.entry,
                InQuickBooks(
                    amount=seen.amount,
                    open_amount=seen.open_amount,
                    paid_elsewhere=seen.paid_elsewhere,
                    paid_elsewhere_on=seen.paid_elsewhere_on,
                    deleted=seen.deleted,
                ),
            )
            for seen in observed(rets, ours)
        ],
    )
    await uow.read_backs.save(merchant, advanced(state, answers, now), new=False)
