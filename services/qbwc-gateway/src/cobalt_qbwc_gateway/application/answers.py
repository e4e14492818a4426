"""Outcomes of responses: QuickBooks' answer is parsed once, then each result goes to the
entry (or read) its requestID names. Load, ask the domain, save."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.accounts import apply_page
from cobalt_qbwc_gateway.application.queue import load_facts, moved, save_entries
from cobalt_qbwc_gateway.application.readback import (
    apply_read_back,
    follow,
    follow_corrections,
    is_read_back,
)
from cobalt_qbwc_gateway.application.vendors import apply_lookup, follow_vendor_entries
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import UNSENT, Entry, EntryState
from cobalt_qbwc_gateway.domain.events import PrerequisiteChanged
from cobalt_qbwc_gateway.domain.outcomes import checked, looked_up, refused_whole, written
from cobalt_qbwc_gateway.domain.planning import ACCOUNTS_PREFIX, VENDOR_QUERY_ID, Limits
from cobalt_qbwc_gateway.domain.posting import EntryKind
from cobalt_qbwc_gateway.domain.translation import LOOKUP_PREFIX, VERIFY_PREFIX
from cobalt_qbxml.answer import ResponseSet
from cobalt_qbxml.responses import ResponseError, parse_response
from cobalt_qbxml.status import explain_hresult

NOT_EXPECTED = "An answer arrived for entries that were not sent; it was ignored."


@dataclass(frozen=True)
class Recorded:
    """What one answer changed: entries synced and failed, or why nothing was recorded."""

    handled: bool
    synced: int = 0
    failed: int = 0
    error: str | None = None


async def record_answer(
    uow: GatewayUnitOfWork,
    connection: Connection,
    response: str,
    hresult: str,
    message: str,
    now: datetime,
    limits: Limits,
) -> Recorded:
    merchant = connection.merchant_id
    await uow.lock_merchants([merchant])
    sent = await uow.entries.in_states(merchant, (EntryState.SENT,))
    in_set = [e for e in sent if e.message_set_id == sent[0].message_set_id] if sent else []
    if not response:
        explanation = explain_hresult(hresult).render(qb_message=message)
        if not in_set:
            return Recorded(False, error=f"QuickBooks could not answer: {explanation}")
        refusal = refused_whole(hresult, message, len(in_set))
        changes = [(e, moved(e, refusal, now)) for e in in_set]
        return await _saved(uow, connection, changes, now, error=refusal.explanation)
    try:
        answer = parse_response(response)
    except ResponseError as exc:
        # Change nothing: the set stays unsettled and error recovery settles it later.
        reason = (
            f"The Web Connector's answer was not a qbXML response ({exc}); nothing was recorded."
        )
        return Recorded(False, error=reason)
    if in_set:
        changes = [(e, moved(e, written(e, answer, now), now)) for e in in_set]
        return await _saved(uow, connection, changes, now, names=_names(answer))
    return await _reads(uow, connection, answer, now, limits)


async def _reads(
    uow: GatewayUnitOfWork,
    connection: Connection,
    answer: ResponseSet,
    now: datetime,
    limits: Limits,
) -> Recorded:
    """Answers to read-only questions: verifications, lookups, vendors, the chart."""
    merchant = connection.merchant_id
    by_id = answer.by_request_id()
    if not any(_is_read(request_id) for request_id in by_id):
        return Recorded(False, error=NOT_EXPECTED)
    changes: list[tuple[Entry, Entry]] = []
    for entry in await uow.entries.in_states(merchant, (EntryState.CHECKING,)):
        rs = by_id.get(VERIFY_PREFIX + str(entry.id))
        if rs is not None:
            changes.append((entry, moved(entry, checked(entry, rs, now), now)))
    for entry in await uow.entries.in_states(merchant, (EntryState.LOOKING_UP,)):
        rs = by_id.get(LOOKUP_PREFIX + str(entry.id))
        if rs is not None:
            changes.append((entry, moved(entry, looked_up(entry, rs, now), now)))
    if VENDOR_QUERY_ID in by_id:
        await apply_lookup(uow, merchant, by_id[VENDOR_QUERY_ID], now)
    for entry in await uow.entries.in_states(merchant, (EntryState.READY,)):
        rs = by_id.get(ACCOUNTS_PREFIX + str(entry.id))
        if entry.kind is EntryKind.ACCOUNT_QUERY and rs is not None:
            await apply_page(uow, entry, rs, limits.account_page_size, now)
    await apply_read_back(uow, connection, by_id, now)
    return await _saved(uow, connection, changes, now, names=_names(answer))


def _is_read(request_id: str) -> bool:
    return (
        request_id == VENDOR_QUERY_ID
        or request_id.startswith((VERIFY_PREFIX, LOOKUP_PREFIX, ACCOUNTS_PREFIX))
        or is_read_back(request_id)
    )


def _names(answer: ResponseSet) -> dict[uuid.UUID, str]:
    """The name QuickBooks has for each vendor in the answer, by the entry that asked."""
    names: dict[uuid.UUID, str] = {}
    for rs in answer.responses:
        request_id = (rs.request_id or "").removeprefix(VERIFY_PREFIX)
        if rs.rets and rs.rets[0].name and rs.tag.startswith("Vendor"):
            try:
                names[uuid.UUID(request_id)] = rs.rets[0].name or ""
            except ValueError:
                continue
    return names


async def _saved(
    uow: GatewayUnitOfWork,
    connection: Connection,
    changes: list[tuple[Entry, Entry]],
    now: datetime,
    *,
    error: str | None = None,
    names: dict[uuid.UUID, str] | None = None,
) -> Recorded:
    await save_entries(uow, changes)
    await follow(uow, connection, changes)
    await follow_corrections(uow, connection.merchant_id, changes)
    merchant = connection.merchant_id
    await follow_vendor_entries(uow, merchant, [a for b, a in changes if a != b], now, names)
    await release_dependents(uow, connection, now)
    synced = sum(1 for b, a in changes if a.state.in_quickbooks and not b.state.in_quickbooks)
    failed = sum(1 for b, a in changes if a.state is EntryState.FAILED and b != a)
    return Recorded(True, synced, failed, error)


async def release_dependents(uow: GatewayUnitOfWork, connection: Connection, now: datetime) -> None:
    """Unsent entries that depend on others re-derive what they wait for, so each says now
    what it waits for (a bill that failed), fails at once when that can never come, and goes
    once it can."""
    merchant = connection.merchant_id
    # Only the kinds that can have prerequisites: the rest of the backlog is not even loaded.
    kinds = [k for k in EntryKind if k.has_prerequisites]
    waiting = [
        e
        for e in await uow.entries.in_states(merchant, UNSENT, kinds)
        if e.posting and e.posting.prerequisites
    ]
    if not waiting:
        return
    facts = await load_facts(uow, merchant, connection.start_date, now, waiting)
    event = PrerequisiteChanged(facts)
    await save_entries(uow, [(e, moved(e, event, now)) for e in waiting])
