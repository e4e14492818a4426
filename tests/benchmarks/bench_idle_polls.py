"""What an idle Web Connector costs: polls that sign in, find nothing to do and close.

Run: .venv/bin/python tests/benchmarks/bench_idle_polls.py [--polls 200]
Same run, two gateways on SQLite: every sign-in verified with Argon2 (the baseline), and a
verified sign-in remembered for 15 minutes (ours). CPU is the whole process's (the gateway
and the simulated Web Connector calling it over HTTP), so the merchants-per-core figure is
conservative. Then ours again for a store that has polled for a month (`--history` closed
sessions and contacts behind it): an idle poll must cost the same.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy
import uvicorn
from figures import record
from sqlalchemy import insert, select

import cobalt_qbwc_gateway
from cobalt_devstack.nats import NatsServer
from cobalt_devstack.processes import free_port
from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_qbwc_gateway.adapters.orm import connections, contacts, sessions
from cobalt_qbwc_gateway.app import create_api
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.contact import Outcome
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.cli import tune_gc_for_serving
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

PASSWORD = "benchmark password"
INTERVAL_SECONDS = 600  # the Web Connector's default: every 10 minutes


def _history(database_url: str, merchant: uuid.UUID, polls: int) -> None:
    """`polls` earlier polls of the merchant's connection, as they are left behind: a contact
    each, and a closed session each (the watch forgets those a day past their ticket's expiry;
    kept here, as before that, a sign-in must not read them either)."""
    engine = sqlalchemy.create_engine(database_url.replace("+aiosqlite", ""))
    now = datetime.now(UTC)
    with engine.begin() as db:
        connection = db.execute(
            select(connections.c.id).where(connections.c.merchant_id == merchant)
        ).scalar_one()
        times = [now - timedelta(minutes=10 * (polls - i)) for i in range(polls)]
        left = {"connection_id": connection, "expires_at": now, "expected_next": "closed"}
        said = {"merchant_id": merchant, "connection_id": connection, "qbwc_user": "idle"}
        if times:
            db.execute(
                insert(sessions),
                [
                    {"ticket_hash": uuid.uuid4().hex, "created_at": t, "last_seen_at": t}
                    | {"closed_at": t, "synced": 0, "failed": 0}
                    | left
                    for t in times
                ],
            )
            db.execute(
                insert(contacts),
                [
                    {"id": uuid.uuid4(), "source": "127.0.0.1", "started_at": t, "ended_at": t}
                    | {"outcome": Outcome.NOTHING_TO_DO.value}
                    | said
                    for t in times
                ],
            )
    engine.dispose()


def run(
    tmp: Path, nats_url: str, polls: int, remember_seconds: int, history: int = 0
) -> dict[str, float]:
    database_url = f"sqlite+aiosqlite:///{tmp}/gateway-{remember_seconds}-{history}.db"
    upgrade(Path(cobalt_qbwc_gateway.__file__).parent / "migrations", database_url)
    port = free_port()
    settings = Settings(
        database_url=database_url,
        nats_url=nats_url,
        public_url=f"http://localhost:{port}",
        signin_remember_seconds=remember_seconds,
    )
    config = uvicorn.Config(create_api(settings), host="127.0.0.1", port=port, log_config=None)
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    tune_gc_for_serving()  # as a served process does once it has started
    try:
        merchant = uuid.uuid4()
        token = TokenService(DEVELOPMENT_AUTH_SECRET).mint(
            subject="b", role=Role.SUPPORT, merchant_id=None
        )
        headers = {"Authorization": f"Bearer {token}"}
        url = f"http://localhost:{port}/connections/{merchant}"
        body = {"qbwc_user": "idle", "password": PASSWORD, "start_date": "2026-01-01"}
        httpx.put(url, json=body, headers=headers).raise_for_status()
        qwc = QwcFile.parse(httpx.get(f"{url}/qwc", headers=headers).content)
        _history(database_url, merchant, history)
        with httpx.Client(timeout=30) as http:
            connector = SimulatedWebConnector(
                qwc, PASSWORD, SimulatedQuickBooks(sample_company()), http=http
            )
            assert connector.update().outcome == "no work"  # the first sign-in, verified
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(polls):
                outcome = connector.update().outcome
                assert outcome == "no work", outcome
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        return {"cpu_ms": 1000 * cpu / polls, "wall_ms": 1000 * wall / polls}
    finally:
        server.should_exit = True


MONTH_OF_POLLS = 30 * 144  # every 10 minutes for 30 days


def main(polls: int, history: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, NatsServer(Path(tmp) / "nats") as nats:
        print(f"{polls} idle Web Connector polls (sign in, nothing to do), SQLite")
        header = ("design", "CPU ms/poll", "wall ms/poll", "merchants/core @10 min", "vs base")
        print(f"{header[0]:<44} {header[1]:>12} {header[2]:>13} {header[3]:>23} {header[4]:>8}")
        baseline = run(Path(tmp), nats.url, polls, 0)
        ours = run(Path(tmp), nats.url, polls, 900)
        rows = [
            ("Argon2 at every sign-in (base)", baseline),
            ("verified sign-in remembered (ours)", ours),
        ]
        if history:
            aged = run(Path(tmp), nats.url, polls, 900, history)
            rows.append((f"ours, {history:,} polls before (sessions kept)", aged))
        for name, r in rows:
            per_core = INTERVAL_SECONDS / (r["cpu_ms"] / 1000)
            ratio = baseline["cpu_ms"] / r["cpu_ms"]
            print(
                f"{name:<44} {r['cpu_ms']:>12.2f} {r['wall_ms']:>13.2f} {per_core:>23,.0f} "
                f"{ratio:>7.1f}x"
            )
        record("idle_polls_per_core", INTERVAL_SECONDS / (ours["cpu_ms"] / 1000), "SQLite")
        if history:
            record("idle_poll_history_ratio", aged["cpu_ms"] / ours["cpu_ms"], "SQLite")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polls", type=int, default=200)
    parser.add_argument(
        "--history",
        type=int,
        default=MONTH_OF_POLLS,
        help="earlier polls behind the third run's store (0: no third run)",
    )
    arguments = parser.parse_args()
    main(arguments.polls, arguments.history)
