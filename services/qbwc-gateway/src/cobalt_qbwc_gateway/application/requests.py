"""Requests for entries: what the Web Connector gets next. Load the queue, ask the domain
for a plan, save it, write the chosen requests into one message set."""

from __future__ import annotations

import uuid
from datetime import datetime

from cobalt_qbwc_gateway.adapters.entries import OWN_KINDS
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.queue import load_queue, moved, save_plan
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.events import Sent
from cobalt_qbwc_gateway.domain.planning import (
    Limits,
    Plan,
    Queue,
    Recover,
    Writes,
    plan,
)
from cobalt_qbxml.message_set import node_xml, render_document


async def planned(
    uow: GatewayUnitOfWork,
    connection: Connection,
    now: datetime,
    limits: Limits,
    *,
    whole: bool = False,
    window: int | None = None,
) -> Plan:
    """The plan for this moment, with what planning moved (waits, failures) saved: from the
    whole queue at a session's start, from a bounded step after (a set and its spares, or the
    oldest `window` ready entries)."""
    queue, decided = await _decided(uow, connection, now, limits, whole=whole, window=window)
    await save_plan(uow, queue, decided, now)
    return decided


async def _decided(
    uow: GatewayUnitOfWork,
    connection: Connection,
    now: datetime,
    limits: Limits,
    *,
    whole: bool = False,
    window: int | None = None,
) -> tuple[Queue, Plan]:
    """The queue as it stands (the merchant held for this transaction) and its plan. A step
    plans from one set's worth of the oldest ready entries; only when some of them cannot go
    now (and more are ready) does it plan again with `step_spare` more, to fill the set."""
    await uow.lock_merchants([connection.merchant_id])
    if whole:
        window = None
    elif window is None:
        queue = await load_queue(uow, connection, now, limits.read_back_every, limits.batch_size)
        decided = plan(queue, limits)
        if not _short(queue, decided, limits) or not limits.step_spare:
            return queue, decided
        window = limits.batch_size + limits.step_spare
    queue = await load_queue(uow, connection, now, limits.read_back_every, window)
    return queue, plan(queue, limits)


def _short(queue: Queue, decided: Plan, limits: Limits) -> bool:
    """The step does not fill a set although every entry it planned from was ready to
    write: entries beyond them may fill it."""
    step = decided.step
    if isinstance(step, Recover) or (
        isinstance(step, Writes) and len(step.entries) >= limits.batch_size
    ):
        return False
    ready = sum(1 for e in queue.unsent if e.state is EntryState.READY and e.kind not in OWN_KINDS)
    return ready >= limits.batch_size


async def next_request(
    uow: GatewayUnitOfWork,
    connection: Connection,
    version: str,
    now: datetime,
    limits: Limits,
    max_bytes: int,
) -> tuple[str, int, bool] | None:
    """The next request document, how many entries it carries and whether it is error
    recovery; None when nothing can go now."""
    queue, decided = await _decided(uow, connection, now, limits)
    step = decided.step
    if isinstance(step, Writes):
        # What planning moved and what is sent are saved together: an entry re-derived and
        # then sent is written once, with both states in its history.
        document, sent = _written(step, version, now, max_bytes)
        await save_plan(uow, queue, decided, now, sent)
        return document, len(sent), False
    await save_plan(uow, queue, decided, now)
    if step is None:
        return None
    if isinstance(step, Recover):
        # Ask what became of the set whose answer never came, before writing anything.
        document = render_document([], old_message_set_id=step.message_set_id, version=version)
        return document, 0, True
    return render_document(step.requests, version=version), len(step.requests), False


def _written(
    step: Writes, version: str, now: datetime, max_bytes: int
) -> tuple[str, list[tuple[Entry, Entry]]]:
    """One write set within the byte bound (never empty), and each entry in it marked sent."""
    texts: list[str] = []
    size = 0
    for node in step.requests:
        text = node_xml(node)
        if texts and size + len(text) > max_bytes:
            break  # the rest goes in the next set
        texts.append(text)
        size += len(text)
    set_id = uuid.uuid4().hex[:20]
    document = render_document(
        texts, new_message_set_id=set_id, on_error="continueOnError", version=version
    )
    sent = [
        (entry, moved(entry, Sent(text, set_id), now))
        for entry, text in zip(step.entries, texts, strict=False)  # entries past the bound wait
    ]
    return document, sent
