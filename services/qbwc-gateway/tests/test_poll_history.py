# mypy: allow-untyped-defs, allow-untyped-calls
"""A Web Connector polls every 10 minutes for years: a sign-in costs the same after 4,000
polls as after 10 (each poll leaves a closed session behind), and what the polls leave
behind is forgotten once no one can use it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event, func, insert, select

import cobalt_qbwc_gateway
from cobalt_devstack.testkit import migrated_engine
from cobalt_qbwc_gateway.adapters.orm import sessions
from cobalt_qbwc_gateway.adapters.passwords import Passwords, VerifiedCredentials
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.app import watch_of
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.monitor import SESSIONS_KEPT, watch_once
from cobalt_qbwc_gateway.application.protocol import Policy
from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbwc_gateway.application.work import EntryWork
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_shared.clock import ManualClock

MIGRATIONS = Path(cobalt_qbwc_gateway.__file__).parent / "migrations"
PASSWORD = "a long password!"


async def _merchant_with_polls(engine, clock, polls):
    """A connection, and `polls` closed sessions of the polls before (as a year leaves)."""
    merchant = uuid.uuid4()
    user = f"u{merchant.hex[:8]}"
    async with GatewayUnitOfWork(engine) as uow:
        setup = SetUpConnection(merchant, user, PASSWORD, date(2026, 1, 1))
        connection, _ = await set_up_connection(setup, uow, Passwords(), clock())
        start = clock() - timedelta(minutes=10 * polls)
        rows = [
            {
                "ticket_hash": uuid.uuid4().hex,
                "connection_id": connection.id,
                "created_at": start + timedelta(minutes=10 * i),
                "last_seen_at": start + timedelta(minutes=10 * i),
                "expires_at": start + timedelta(minutes=10 * i + 30),
                "expected_next": "closed",
                "closed_at": start + timedelta(minutes=10 * i, seconds=1),
                "synced": 0,
                "failed": 0,
            }
            for i in range(polls)
        ]
        if rows:
            await uow.connection.execute(insert(sessions), rows)
        await uow.commit()
    return user, connection.id


async def test_a_sign_in_reads_the_open_sessions_not_every_poll_since_the_first(tmp_path):
    """SQLite virtual-machine instructions of a whole sign-in with nothing to do (counted on
    every connection the engine opens): before, the sign-in read every session of the
    connection (140 times the work after 4,000 polls); now only the open ones, by index."""
    clock = ManualClock()
    database_url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    async with migrated_engine(MIGRATIONS, database_url) as engine:
        counted = [0]

        def count(connection, _record):
            def tick() -> int:
                counted[0] += 1
                return 0

            connection.driver_connection._conn.set_progress_handler(tick, 10)

        event.listen(engine.sync_engine, "connect", count)
        await engine.dispose()  # connections made from here on are counted
        service = WebConnectorService(
            lambda: GatewayUnitOfWork(engine),
            Passwords(),
            EntryWork(clock=clock),
            Policy("owner", timedelta(minutes=5), timedelta(hours=1), "2.1.0.0", "2.3.0.0"),
            clock,
            VerifiedCredentials(timedelta(minutes=15)),
        )
        costs = {}
        for polls in (10, 4_000):
            user, _ = await _merchant_with_polls(engine, clock, polls)
            assert (await service.authenticate(user, PASSWORD))[1] == "none"  # verified
            counted[0] = 0
            assert (await service.authenticate(user, PASSWORD))[1] == "none"  # remembered
            costs[polls] = counted[0]
    assert costs[4_000] < 1.5 * costs[10], costs


async def test_closed_sessions_long_expired_are_forgotten_a_bounded_number_a_look(engine):
    """What every poll leaves behind goes once its ticket is a day expired, at most
    SESSIONS_FORGOTTEN at each of the watch's looks; open sessions and recent ones stay."""
    clock = ManualClock()
    _, connection_id = await _merchant_with_polls(engine, clock, 1_344)  # 9 days and a third
    async with GatewayUnitOfWork(engine) as uow:
        assert await uow.sessions.forget_closed(clock() - SESSIONS_KEPT, 0) == 0
        open_one = WebConnectorSession(
            uuid.uuid4().hex,
            connection_id,
            created_at=clock() - timedelta(days=3),
            last_seen_at=clock() - timedelta(days=3),
            expires_at=clock() - timedelta(days=2),
        )
        await uow.sessions.save(open_one, new=True)
        await uow.commit()

    async def left(recent_only=False):
        query = select(func.count()).select_from(sessions)
        if recent_only:
            query = query.where(sessions.c.expires_at >= clock() - SESSIONS_KEPT)
        async with GatewayUnitOfWork(engine) as uow:
            return await uow.connection.scalar(query)

    total, recent = await left(), await left(recent_only=True)
    # 147 tickets expired within the day (polls of the last 24.5 hours), 1,197 before it.
    assert (total, recent) == (1_344 + 1, 147)
    watch = watch_of(Settings())
    await watch_once(lambda: GatewayUnitOfWork(engine), clock(), watch)
    # The open one was abandoned (closed) at this look: it goes at a later one.
    assert await left() == total - 1_000
    await watch_once(lambda: GatewayUnitOfWork(engine), clock(), watch)
    assert await left() == recent
