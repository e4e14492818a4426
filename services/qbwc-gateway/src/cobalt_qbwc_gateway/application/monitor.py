"""Watching the connections: health decided by the clock, sessions the Web Connector
abandoned, problems turned into alert items and digests; and the mail worker that sends them.

Each merchant is looked at in its own transaction under the merchant's lock, so two workers
watching at once queue one digest, not two. A digest is marked sent only once the mail server
took it; while the server refuses or is down it waits (retried with backoff) and never blocks
sync.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from cobalt_qbwc_gateway.adapters.monitoring import Fleet, failed_entries, fleet
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.sessions import abandon_silent
from cobalt_qbwc_gateway.domain.alerts import (
    AlertItem,
    Digest,
    DigestKind,
    MailError,
    Mailing,
    next_digest,
)
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import EntryState
from cobalt_qbwc_gateway.domain.health import Facts, Health, HealthState, assess
from cobalt_qbwc_gateway.metrics import ALERTS_SENT, CONNECTIONS, DIGESTS_UNSENT, MAIL_ERRORS

SESSIONS_KEPT = timedelta(days=1)  # a closed session stays this long after its ticket expired
SESSIONS_FORGOTTEN = 1_000  # at most this many go at each look (every 30 s by default)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Watch:
    """How the connections are watched (from settings)."""

    poll_seconds: float  # the Web Connector's interval: overdue after twice it
    abandoned_after: timedelta
    waiting_alert_after: timedelta
    mailing: Mailing


async def gather_facts(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, now: datetime, watch: Watch
) -> Facts:
    connection = await uow.connections.for_merchant(merchant_id)
    if connection is None:
        return Facts(None, None)
    failed, newest = await failed_entries(uow.connection, merchant_id)
    cutoff = now - watch.waiting_alert_after
    waiting = [
        e
        for e in await uow.entries.in_states(merchant_id, (EntryState.WAITING_FOR_MAPPING,))
        if e.created_at <= cutoff
    ]
    mapped = await uow.mappings.mapped_accounts(merchant_id) if waiting else set()
    unmapped = sorted({a for e in waiting for a in e.accounts if a not in mapped})
    return Facts(
        connection=connection,
        last_contact=await uow.contacts.latest(merchant_id),
        last_good_at=await uow.contacts.last_good_at(merchant_id),
        failed_entries=failed,
        newest_failure_at=newest,
        long_waiting=len(waiting),
        long_waiting_accounts=tuple(unmapped),
        oldest_waiting_at=min((e.created_at for e in waiting), default=None),
    )


async def health_of(
    uow: GatewayUnitOfWork, merchant_id: uuid.UUID, now: datetime, watch: Watch
) -> Health:
    return assess(await gather_facts(uow, merchant_id, now, watch), now, watch.poll_seconds)


def fleet_facts(connection: Connection, seen: Fleet) -> Facts:
    """A merchant's facts out of the fleet-wide look (the same as `gather_facts` finds)."""
    merchant = connection.merchant_id
    failed, newest = seen.failed.get(merchant, (0, None))
    waiting = seen.waiting.get(merchant, [])
    mapped = seen.mapped.get(merchant, set())
    unmapped = sorted({a for accounts, _ in waiting for a in accounts if a not in mapped})
    return Facts(
        connection=connection,
        last_contact=seen.latest.get(merchant),
        last_good_at=seen.last_good.get(merchant),
        failed_entries=failed,
        newest_failure_at=newest,
        long_waiting=len(waiting),
        long_waiting_accounts=tuple(unmapped),
        oldest_waiting_at=min((at for _, at in waiting), default=None),
    )


async def watch_once(
    new_uow: Callable[[], GatewayUnitOfWork], now: datetime, watch: Watch
) -> dict[HealthState, int]:
    """One look at every connection: abandoned sessions closed, health decided, alert items
    and digests queued. The whole fleet is read with a few grouped queries; only merchants
    with a problem, unmailed items or a problem mail to follow with a recovery get a
    transaction of their own. Returns how many connections are in each state."""
    waiting_since = now - watch.waiting_alert_after
    async with new_uow() as uow:
        silent = await uow.sessions.open_silent_since(now - watch.abandoned_after)
        if silent:
            await abandon_silent(uow, silent, now)
        # Every poll leaves a closed session: those long expired go, a bounded number a look.
        forgotten = await uow.sessions.forget_closed(now - SESSIONS_KEPT, SESSIONS_FORGOTTEN)
        if silent or forgotten:
            await uow.commit()
        connections = await uow.connections.all()
        seen = await fleet(uow.connection, waiting_since)
    states = dict.fromkeys(HealthState, 0)
    for connection in connections:
        merchant = connection.merchant_id
        health = assess(fleet_facts(connection, seen), now, watch.poll_seconds)
        follow_up = (
            health.problems
            or merchant in seen.unmailed
            or seen.last_digest.get(merchant) is DigestKind.PROBLEMS
        )
        if follow_up:
            try:
                health = await _watch_connection(new_uow, connection, now, watch)
            except Exception:
                log.exception("could not watch the connection of merchant %s", merchant)
        states[health.state] += 1
    for state, count in states.items():
        CONNECTIONS.labels(health=state.value).set(count)
    async with new_uow() as uow:
        DIGESTS_UNSENT.set(await uow.digests.unsent_count())
    return states


async def _watch_connection(
    new_uow: Callable[[], GatewayUnitOfWork], connection: Connection, now: datetime, watch: Watch
) -> Health:
    merchant = connection.merchant_id
    async with new_uow() as uow:
        await uow.lock_merchants([merchant])
        health = await health_of(uow, merchant, now, watch)
        items = [AlertItem.of(merchant, p, now) for p in health.problems]
        await uow.alerts.drop_waiting_except(merchant, [i.key for i in items])
        await uow.alerts.add_new(items)
        waiting = await uow.alerts.waiting(merchant)
        digest = next_digest(
            merchant_id=merchant,
            to=connection.contact_email,
            label=connection.qbwc_user,
            health=health,
            waiting=waiting,
            last=await uow.digests.last(merchant),
            now=now,
            mailing=watch.mailing,
        )
        if digest is not None:
            await uow.digests.add(digest)
            await uow.alerts.include(waiting, digest.id)
            log.info("queued a %s e-mail for merchant %s", digest.kind.value, merchant)
        await uow.commit()
    return health


class Mailer(Protocol):
    async def send(self, digest: Digest) -> None:
        """Hand the digest to the mail server; MailError when it did not take it."""
        ...


async def send_due(
    new_uow: Callable[[], GatewayUnitOfWork],
    mailer: Mailer,
    clock: Callable[[], datetime],
    lease: timedelta = timedelta(minutes=2),
) -> int:
    """Send the digests that are due; how many went. Each is claimed first (another mail
    worker leaves it alone) and released with what happened."""
    now = clock()
    async with new_uow() as uow:
        claimed = await uow.digests.claim_due(now, now + lease)
        await uow.commit()
    sent = 0
    for digest in claimed:
        try:
            await mailer.send(digest)
        except MailError as exc:
            MAIL_ERRORS.inc()
            log.warning("alert e-mail to %s not sent (tried again later): %s", digest.to, exc)
            after = digest.failed(clock(), str(exc))
        else:
            ALERTS_SENT.labels(kind=digest.kind.value).inc()
            after = digest.sent(clock())
            sent += 1
        async with new_uow() as uow:
            await uow.digests.release(after)
            await uow.commit()
    return sent
