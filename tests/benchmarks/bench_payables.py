"""Received orders until their bills are queued at the gateway, across real processes.

Run: .venv/bin/python tests/benchmarks/bench_payables.py [--orders 300] [--batched 2000]
     [--postgres URL]

orders (API + worker) -> NATS -> payables (worker) -> NATS -> gateway (worker): the time from
POST /orders until the bill is an entry in the gateway's database. Two figures per database:
throughput (orders posted as fast as 8 clients can, each for its own store, until every bill
is queued), as a share of raw JetStream publish+consume measured in the same run, and latency
p50/p99 with one store's orders paced at 50 per second. SQLite, then PostgreSQL when reachable.
Batches go twice: to stores not set up (no account mapped: each bill waits for a mapping and
the gateway tells payables so) and to stores set up (their purchase accounts mapped through
the chart-of-accounts event, as support's set-up leaves them: each bill is queued ready).
Orders in batches are as many as the raw baseline's messages (2,000): 300 of them lasted about
2 s, much of it the three stages filling and draining, which the one-stage baseline has not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx
import nats
from bench_pipe import raw_jetstream
from figures import record
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.postgres import admin_sql
from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_qbwc_gateway.adapters.orm import account_mappings, entries
from cobalt_shared.accounts import purchases_account
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import AccountMapped
from cobalt_shared.contracts.subjects import COA_STREAM, account_mapped
from cobalt_shared.db.engine import create_engine
from cobalt_shared.messaging import ensure_stream
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

NAMES = ("orders", "payables", "qbwc-gateway")
CLIENTS = 8
BATCH = 25  # orders per POST /orders/batch
RAW_MESSAGES = 2000  # messages of the raw JetStream baseline
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)
CATEGORIES = ("Beer", "Wine")  # the categories of every order's lines


def _order(invoice: str) -> dict[str, object]:
    return {
        "vendor_name": "Acme Beverage", "invoice_number": invoice, "order_date": "2026-11-20",
        "received_on": "2026-11-24",
        "lines": [{"category": "Beer", "quantity": "24", "unit_cost": "8.50"},
                  {"category": "Wine", "quantity": "6", "unit_cost": "11.25"}],
    }  # fmt: skip


async def _queued(gateway_db: str, merchant: uuid.UUID) -> list[tuple[str, datetime]]:
    engine = create_engine(gateway_db)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(entries.c.payload, entries.c.created_at).where(
                    entries.c.merchant_id == merchant, entries.c.kind == "bill"
                )
            )
            return [(json.loads(c)["ref_number"], t) for c, t in rows]
    finally:
        await engine.dispose()


async def _count(gateway_db: str, merchants: list[uuid.UUID]) -> int:
    engine = create_engine(gateway_db)
    try:
        async with engine.connect() as conn:
            query = select(func.count()).where(entries.c.merchant_id.in_(merchants))
            return int(await conn.scalar(query.select_from(entries)) or 0)
    finally:
        await engine.dispose()


async def _states(gateway_db: str, merchants: list[uuid.UUID]) -> dict[str, int]:
    """How many of the merchants' entries are in each state."""
    engine = create_engine(gateway_db)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(entries.c.state, func.count())
                .where(entries.c.merchant_id.in_(merchants))
                .group_by(entries.c.state)
            )
            return {state: int(n) for state, n in rows}
    finally:
        await engine.dispose()


def _wait_queued(
    gateway_db: str, merchants: list[uuid.UUID], n: int, timeout: float = 300
) -> float:
    deadline = time.monotonic() + timeout
    while (count := asyncio.run(_count(gateway_db, merchants))) < n:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {count} of {n} bills reached the gateway")
        time.sleep(0.05)
    return time.monotonic()


async def _map_accounts(nats_url: str, gateway_db: str, stores: list[uuid.UUID]) -> None:
    """Map each store's purchase accounts as the chart-of-accounts service does (its event on
    NATS), and wait until the gateway holds the mappings: a store whose integration is set
    up, whose bills are queued ready to go instead of waiting for a mapping."""
    client = await nats.connect(nats_url)
    try:
        js = client.jetstream()
        await ensure_stream(js, COA_STREAM)
        for store in stores:
            for category in CATEGORIES:
                event = AccountMapped(
                    merchant_id=store,
                    account=purchases_account(category),
                    qb_full_name=f"Purchases:{category}",
                    qb_account_type="CostOfGoodsSold",
                )
                await js.publish(
                    account_mapped(store),
                    event.model_dump_json().encode(),
                    headers={"Nats-Msg-Id": str(event.message_id)},
                )
    finally:
        await client.close()
    engine = create_engine(gateway_db)
    try:
        deadline = time.monotonic() + 60
        query = select(func.count()).where(account_mappings.c.merchant_id.in_(stores))
        while True:
            async with engine.connect() as conn:
                held = int(await conn.scalar(query.select_from(account_mappings)) or 0)
            if held >= len(stores) * len(CATEGORIES):
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the gateway holds {held} of the stores' mappings")
            await asyncio.sleep(0.05)
    finally:
        await engine.dispose()


def _headers(merchant: uuid.UUID) -> dict[str, str]:
    token = TOKENS.mint(subject="bench", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}"}


def _paced(
    http: httpx.Client, url: str, gateway_db: str, n: int, rate: float
) -> tuple[float, float]:
    """p50 and p99 from POST to entry at the gateway, with one new store's `n` orders posted
    at `rate` a second (the pace is wall-clock time: this is a load generator)."""
    merchant = uuid.uuid4()
    sent: dict[str, datetime] = {}
    next_at = time.monotonic()
    for i in range(n):
        time.sleep(max(0.0, next_at - time.monotonic()))
        invoice = f"L-{i}"
        sent[invoice] = datetime.now(UTC)
        http.post(url, json=_order(invoice), headers=_headers(merchant)).raise_for_status()
        next_at += 1 / rate
    _wait_queued(gateway_db, [merchant], n)
    queued = asyncio.run(_queued(gateway_db, merchant))
    latencies = sorted((t - sent[ref]).total_seconds() * 1000 for ref, t in queued)
    return statistics.median(latencies), latencies[
        min(len(latencies) - 1, int(len(latencies) * 0.99))
    ]


def run(
    stack: Stack, nats_url: str, gateway_db: str, n: int, rate: float, batched: int
) -> tuple[float, float, float, float, float]:
    """Throughput one order per request, throughput in batches (stores not set up, then set
    up), and latency p50/p99.

    A store not set up has no account mapped: each bill waits for a mapping at the gateway,
    which tells payables so (a third message per order). A set-up store's bills are queued
    ready to go, which payables need not hear about.

    Latency is measured first, on a warm and settled stack (a second paced run after a first
    that warms it): after a throughput run the bills' results still flow back to payables for
    a while, and orders paced behind them would queue. Set-up stores' batches come next, as
    nothing flows back from them.
    """
    url = stack.running["orders"].api_url + "/orders"
    batches = [list(range(i, min(batched, i + BATCH))) for i in range(0, batched, BATCH)]

    def in_batches(http: httpx.Client, stores: list[uuid.UUID], prefix: str) -> float:
        """Orders per second through POST /orders/batch (an import, a back office catching
        up), 8 clients each for its own store."""

        def post_batch(b: int) -> None:
            body = {"orders": [_order(f"{prefix}-{i}") for i in batches[b]]}
            r = http.post(f"{url}/batch", json=body, headers=_headers(stores[b % CLIENTS]))
            r.raise_for_status()
            assert r.json()["created"] == len(batches[b]), r.json()

        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(post_batch, range(len(batches))))
        done = _wait_queued(gateway_db, stores, batched)
        return batched / (done - start)

    set_up = [uuid.uuid4() for _ in range(CLIENTS)]
    asyncio.run(_map_accounts(nats_url, gateway_db, set_up))
    with httpx.Client(timeout=30) as http:
        _paced(http, url, gateway_db, n, rate)  # warms the stack up; its figures are dropped
        p50, p99 = _paced(http, url, gateway_db, n, rate)
        set_up_in_batches = in_batches(http, set_up, "S")
        states = asyncio.run(_states(gateway_db, set_up))
        assert states == {"ready": batched}, f"set-up stores' bills are not all ready: {states}"
        # Throughput: as fast as 8 clients post, each for its own store.
        stores = [uuid.uuid4() for _ in range(CLIENTS)]

        def post(i: int) -> None:
            r = http.post(url, json=_order(f"T-{i}"), headers=_headers(stores[i % CLIENTS]))
            r.raise_for_status()

        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(post, range(n)))
        done = _wait_queued(gateway_db, stores, n)
        throughput = n / (done - start)
        not_set_up_in_batches = in_batches(http, [uuid.uuid4() for _ in range(CLIENTS)], "B")
    return throughput, not_set_up_in_batches, set_up_in_batches, p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300, help="one per request, and paced")
    parser.add_argument("--batched", type=int, default=RAW_MESSAGES, help="orders in batches")
    parser.add_argument("--rate", type=float, default=50.0, help="orders/s for the latency run")
    parser.add_argument(
        "--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        server = NatsServer(Path(tmp) / "nats").start()
        try:
            raw = asyncio.run(raw_jetstream(server.url, RAW_MESSAGES))
            for backend in ("sqlite", "postgresql"):
                urls: dict[str, str] = {}
                created: list[str] = []
                if backend == "postgresql":
                    try:
                        for name in NAMES:
                            db = f"bench_{name.replace('-', '_')}_{uuid.uuid4().hex[:8]}"
                            asyncio.run(admin_sql(args.postgres, f'CREATE DATABASE "{db}"'))
                            created.append(db)
                            urls[name] = (
                                make_url(args.postgres)
                                .set(database=db)
                                .render_as_string(hide_password=False)
                            )
                    except OSError as exc:
                        print(f"PostgreSQL not reachable ({exc}); skipped")
                        break
                stack = Stack(
                    Path(tmp) / backend, services=[SERVICE_BY_NAME[n] for n in NAMES],
                    database_urls=urls, nats_url=server.url, fixed_ports=False,
                    progress=lambda m: print(f"  {m}", flush=True),
                )  # fmt: skip
                print(f"{backend}: starting orders, payables and the gateway", flush=True)
                stack.start(timeout=120)
                try:
                    gateway_db = stack.database_url(SERVICE_BY_NAME["qbwc-gateway"])
                    figures = run(
                        stack, server.url, gateway_db, args.orders, args.rate, args.batched
                    )
                    results.append((backend, *figures))
                finally:
                    stack.stop()
                    for db in created:
                        asyncio.run(admin_sql(args.postgres, f'DROP DATABASE "{db}" WITH (FORCE)'))
        finally:
            server.stop()
    print(
        f"\n{args.orders} orders one per request, {args.batched} in batches; each a bill with"
        " 2 category lines"
    )
    print(
        f"{'database':<12}{'orders/s: one per request':>26}"
        f"{'in batches of ' + str(BATCH) + ': not set up':>30}{'set up':>20}"
        f"{'p50 ms':>8}{'p99 ms':>8}   (latency at {args.rate:g} orders/s, one per request,"
        " POST -> entry at the gateway)"
    )
    print(f"raw JetStream publish+consume in the same run (baseline): {raw:,.0f} msgs/s")
    for backend, throughput, not_set_up, set_up, p50, p99 in results:
        one, many, ready = (100 * figure / raw for figure in (throughput, not_set_up, set_up))
        print(
            f"{backend:<12}{throughput:>17.1f} ({one:4.1f}%){not_set_up:>22.1f} ({many:4.1f}%)"
            f"{set_up:>12.1f} ({ready:4.1f}%){p50:>8.0f}{p99:>8.0f}   (% of raw JetStream)"
        )
        database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[backend]
        record("orders_to_bills_share", many, database)
        record("orders_to_bills_share_set_up", ready, database)
        record("orders_to_bills_share_one_per_request", one, database)
        record("order_to_bill_p99_ms", p99, database)
    print(
        "not set up: no account mapped, each bill waits for a mapping and payables hears so;"
        " set up: both purchase accounts mapped, each bill queued ready to go"
    )
    if len(results) == 2:
        print(f"PostgreSQL/SQLite throughput ratio: {results[1][2] / results[0][2]:.2f}")


if __name__ == "__main__":
    main()
