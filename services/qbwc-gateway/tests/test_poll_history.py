# mypy: allow-untyped-defs, allow-untyped-calls
"""A Web Connector polls every 10 minutes for years: a sign-in costs the same after 4,000
polls as after 10 (each poll leaves a closed session behind)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event, insert

import cobalt_qbwc_gateway
from cobalt_devstack.testkit import migrated_engine
from cobalt_qbwc_gateway.adapters.orm import sessions
from cobalt_qbwc_gateway.adapters.passwords import Passwords, VerifiedCredentials
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.protocol import Policy
from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbwc_gateway.application.work import EntryWork
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
    return user


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
            user = await _merchant_with_polls(engine, clock, polls)
            assert (await service.authenticate(user, PASSWORD))[1] == "none"  # verified
            counted[0] = 0
            assert (await service.authenticate(user, PASSWORD))[1] == "none"  # remembered
            costs[polls] = counted[0]
    assert costs[4_000] < 1.5 * costs[10], costs
