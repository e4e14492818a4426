"""Reporting at scale: sales ingested per second (batch API and NATS), the close of a day of
5,000 sales, and 1,000 merchants whose days close in the same minute, with the worker's memory.

Run: .venv/bin/python tests/benchmarks/bench_reporting.py [--sales 10000] [--merchants 1000]
     [--postgres URL]   (SQLite by default; PostgreSQL when a URL is given)

The reporting API and worker run as their own processes on a private NATS server, as in
production. Baseline in the same run: a POST of one sale per request, to show what batching buys.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from figures import record
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.postgres import admin_sql
from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_reporting.adapters.orm import closes, sales
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import PosSale, PosSales
from cobalt_shared.contracts.subjects import pos_sales
from cobalt_shared.db.engine import create_engine
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)
CATEGORIES = ("Beer", "Wine", "Spirits", "Mixers & Soda", "Tobacco", "Snacks")


def _sale(i: int, at: datetime, prefix: str) -> dict[str, Any]:
    category = CATEGORIES[i % len(CATEGORIES)]
    amount = f"{(i % 50) + 1}.99"
    tax = f"{((i % 50) + 1) * 8 // 100}.{(i * 7) % 100:02d}"
    total = (float(amount) * 100 + float(tax) * 100) / 100
    return {
        "sale_id": f"{prefix}-{i}", "sold_at": at.isoformat(),
        "lines": [{"category": category, "amount": amount, "tax": tax}],
        "tenders": [{"type": "card" if i % 3 else "cash", "amount": f"{total:.2f}"}],
    }  # fmt: skip


def _headers(merchant: uuid.UUID) -> dict[str, str]:
    token = TOKENS.mint(subject="bench", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}"}


async def _scalar(db: str, query: Any) -> int:
    engine = create_engine(db)
    try:
        async with engine.connect() as conn:
            return int(await conn.scalar(query) or 0)
    finally:
        await engine.dispose()


def _wait(db: str, query: Any, n: int, timeout: float = 600) -> float:
    deadline = time.monotonic() + timeout
    while asyncio.run(_scalar(db, query)) < n:
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        time.sleep(0.05)
    return time.monotonic()


def _evening_zone(now: datetime) -> ZoneInfo:
    """A fixed-offset zone where it is about 18:00 at `now` (Etc/GMT-N is UTC+N)."""
    offset = 18 - now.hour
    if offset > 14:
        offset -= 24
    return ZoneInfo(f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT")


def _set_schedule(http: httpx.Client, api: str, schedule: dict[str, str], m: uuid.UUID) -> None:
    http.put(f"{api}/schedule", json=schedule, headers=_headers(m)).raise_for_status()


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _publish(nats_url: str, merchant: uuid.UUID, batches: list[list[dict[str, Any]]]) -> None:
    import nats

    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        for batch in batches:
            message = PosSales(merchant_id=merchant,
                               sales=[PosSale.model_validate(s) for s in batch])  # fmt: skip
            await js.publish(pos_sales(merchant), message.model_dump_json().encode(),
                             headers={"Nats-Msg-Id": str(message.message_id)})  # fmt: skip
    finally:
        await nc.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--merchants", type=int, default=1000)
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args()
    figures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        nats = NatsServer(Path(tmp) / "nats").start()
        created = None
        urls: dict[str, str] = {}
        if args.postgres:
            created = f"bench_reporting_{uuid.uuid4().hex[:8]}"
            asyncio.run(admin_sql(args.postgres, f'CREATE DATABASE "{created}"'))
            urls["reporting"] = (
                make_url(args.postgres).set(database=created).render_as_string(hide_password=False)
            )
        stack = Stack(
            Path(tmp) / "stack", services=[SERVICE_BY_NAME["reporting"]], database_urls=urls,
            nats_url=nats.url, fixed_ports=False,
            extra_env={"REPORTING_CLOSE_CHECK_SECONDS": "1"},
        )  # fmt: skip
        stack.start(timeout=120)
        try:
            figures = _run(stack, nats.url, args)
        finally:
            stack.stop()
            nats.stop()
            if created:
                asyncio.run(admin_sql(args.postgres, f'DROP DATABASE "{created}" WITH (FORCE)'))
    print(f"\nreporting on {'PostgreSQL' if args.postgres else 'SQLite'}")
    for name, value in figures:
        print(f"  {name:<70}{value}")


def _run(stack: Stack, nats_url: str, args: argparse.Namespace) -> list[tuple[str, str]]:
    api = stack.running["reporting"].api_url
    db = stack.database_url(SERVICE_BY_NAME["reporting"])
    database = "PostgreSQL" if args.postgres else "SQLite"
    worker_pid = stack.running["reporting"].procs[1].pid
    out: list[tuple[str, str]] = []
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with httpx.Client(timeout=120) as http:
        # Baseline: one sale per request.
        merchant = uuid.uuid4()
        start = time.monotonic()
        for i in range(200):
            http.post(f"{api}/sales", json={"sales": [_sale(i, yesterday, "one")]},
                      headers=_headers(merchant)).raise_for_status()  # fmt: skip
        one = 200 / (time.monotonic() - start)
        # Batch API: 500 sales a request, the 5,000-sale merchant day among them.
        merchant = uuid.uuid4()
        every = [_sale(i, yesterday, "api") for i in range(args.sales)]
        start = time.monotonic()
        for k in range(0, len(every), 500):
            r = http.post(f"{api}/sales", json={"sales": every[k : k + 500]},
                          headers=_headers(merchant))  # fmt: skip
            r.raise_for_status()
            assert r.json()["accepted"] == len(every[k : k + 500]), r.text
        batch = args.sales / (time.monotonic() - start)
        out.append(("sales/s, one sale per request (baseline)", f"{one:,.0f}"))
        out.append(("sales/s, batch API (500 a request)", f"{batch:,.0f}  ({batch / one:.1f}x)"))
        record("sales_ingest_per_s", batch, database)
        # NATS: the same volume as 500-sale messages.
        nats_merchant = uuid.uuid4()
        batches = [[_sale(i, yesterday, "nats") for i in range(k, min(k + 500, args.sales))]
                   for k in range(0, args.sales, 500)]  # fmt: skip
        start = time.monotonic()
        asyncio.run(_publish(nats_url, nats_merchant, batches))
        query = select(func.count()).select_from(sales).where(sales.c.merchant_id == nats_merchant)
        done = _wait(db, query, args.sales)
        out.append(("sales/s, NATS (500 a message, until stored)",
                    f"{args.sales / (done - start):,.0f}"))  # fmt: skip
        # One merchant day of 5,000 sales, closed on demand: today's (closing at midnight UTC),
        # so the worker cannot close it by the clock first (an already closed day answers at
        # once, and that is what an earlier version of this figure measured).
        day_merchant = uuid.uuid4()
        at = datetime.now(UTC) - timedelta(seconds=1)
        day = at.date()
        midnight = {"timezone": "UTC", "close_time": "00:00"}
        http.put(
            f"{api}/schedule", json=midnight, headers=_headers(day_merchant)
        ).raise_for_status()
        for k in range(0, 5000, 500):
            body = {"sales": [_sale(i, at, "day") for i in range(k, k + 500)]}
            http.post(f"{api}/sales", json=body, headers=_headers(day_merchant)).raise_for_status()
        before = http.get(f"{api}/days/{day}", headers=_headers(day_merchant)).json()
        if before["status"] != "open":
            raise RuntimeError(f"the day {day} was closed before the measured close")
        start = time.monotonic()
        r = http.post(f"{api}/days/{day}/close", json={"early": True},
                      headers=_headers(day_merchant))  # fmt: skip
        r.raise_for_status()
        elapsed_ms = (time.monotonic() - start) * 1000
        if r.json()["figures"]["sales"] != 5000:
            raise RuntimeError(f"the close did not hold the day's 5,000 sales: {r.text[:300]}")
        out.append(("close of a merchant day of 5,000 sales (ms)", f"{elapsed_ms:,.0f}"))
        record("close_5000_ms", elapsed_ms, database)
        # 1,000 merchants whose days end in the same minute. Their sales go in first; the close
        # minute is chosen once they are in, then set on every schedule, so slow preparation on
        # a loaded machine cannot make the run miss its own close. The stores keep a time zone
        # where it is early evening now: a close time before noon would end the previous
        # business day (a store open past midnight), not the one their sales are in.
        merchants = [uuid.uuid4() for _ in range(args.merchants)]
        zone = _evening_zone(datetime.now(UTC))
        with ThreadPoolExecutor(max_workers=4) as pool:
            evening = {"timezone": zone.key, "close_time": "23:59"}
            list(pool.map(partial(_set_schedule, http, api, evening), merchants))
        now = datetime.now(UTC) - timedelta(seconds=5)

        def prepare(m: uuid.UUID) -> None:
            body = {"sales": [_sale(i, now, "m") for i in range(20)]}
            http.post(f"{api}/sales", json=body, headers=_headers(m)).raise_for_status()

        print(f"preparing {args.merchants} merchants (20 sales each)", flush=True)
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(prepare, merchants))
        while True:
            close_at = (datetime.now(UTC) + timedelta(seconds=90)).replace(
                second=0, microsecond=0
            ) + timedelta(minutes=1)
            local_close = close_at.astimezone(zone).strftime("%H:%M")
            schedule = {"timezone": zone.key, "close_time": local_close}

            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(partial(_set_schedule, http, api, schedule), merchants))
            if datetime.now(UTC) < close_at - timedelta(seconds=5):
                break
            print("setting the schedules ran past the close minute; again, a minute later")
        print(
            f"{args.merchants} merchants close at {close_at:%H:%M} UTC ({local_close} {zone.key})",
            flush=True,
        )
        rss_before = _rss_mb(worker_pid)
        peak = [rss_before]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _rss_mb(worker_pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        wait = (close_at - datetime.now(UTC)).total_seconds()
        if wait < 0:
            raise RuntimeError("preparing took longer than the 2 minutes before the close")
        time.sleep(wait)
        start = time.monotonic()
        query = select(func.count()).select_from(closes).where(closes.c.merchant_id.in_(merchants))
        done = _wait(db, query, args.merchants)
        stop.set()
        sampler.join()
        out.append((f"{args.merchants:,} merchants closing at the same minute: all closed (s)",
                    f"{done - start:,.1f}"))  # fmt: skip
        record("merchants_closed_per_minute", args.merchants * 60 / (done - start), database)
        out.append(("reporting worker memory (RSS MB) before / peak during the closes",
                    f"{rss_before:,.0f} / {peak[0]:,.0f}"))  # fmt: skip
    return out


if __name__ == "__main__":
    main()
