"""Requests for entries: what the Web Connector gets next. Load the queue, ask the domain
for a plan, save it, write the chosen requests into one message set."""

from __future__ import annotations

import uuid
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.queue import load_queue, moved, save_entries, save_plan
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.events import Sent
from cobalt_qbwc_gateway.domain.planning import (
    Limits,
    Plan,
    Reads,
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
    await uow.lock_merchant(connection.merchant_id)
    if whole:
        window = None
    elif window is None:
        window = limits.batch_size + limits.step_spare
    queue = await load_queue(uow, connection, now, limits.read_back_every, window)
    decided = plan(queue, limits)
    await save_plan(uow, queue, decided, now)
    return decided


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
    step = (await planned(uow, connection, now, limits)).step
    if step is None:
        return None
    if isinstance(step, Recover):
        # Ask what became of the set whose answer never came, before writing anything.
        document = render_document([], old_message_set_id=step.message_set_id, version=version)
        return document, 0, True
    if isinstance(step, Reads):
        return render_document(step.requests, version=version), len(step.requests), False
    return await _write(uow, step, version, now, max_bytes)


async def _write(
    uow: GatewayUnitOfWork, step: Writes, version: str, now: datetime, max_bytes: int
) -> tuple[str, int, bool]:
    """One write set within the byte bound (never empty), each entry marked sent in it."""
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
    await save_entries(uow, sent)
    return document, len(sent), False
