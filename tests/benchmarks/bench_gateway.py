"""Gateway throughput through the simulated Web Connector and QuickBooks, over real HTTP.

Run: .venv/bin/python tests/benchmarks/bench_gateway.py [--entries 500] [--backlog 5000]
Same run, same database kind (SQLite), two gateways: sets of 125 requests (ours) and one request
per round trip (the old design), as the baseline. Then what a round trip costs against the
backlog: the first sets of 50 of a merchant with 200 entries waiting and of one with
`--backlog` waiting (the entry queue's use cases called directly: no HTTP, no SOAP).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from figures import record
from lxml import etree

import cobalt_qbwc_gateway
from cobalt_devstack.nats import NatsServer
from cobalt_devstack.processes import free_port
from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.soap import SoapClient
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.app import create_api
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.entries import record_command
from cobalt_qbwc_gateway.application.mappings import apply_mapping
from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbwc_gateway.application.work import EntryWork
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.facts import VendorLink, VendorState
from cobalt_qbwc_gateway.domain.planning import Limits
from cobalt_qbxml import MessageSet, VendorAdd, parse_response
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.cli import tune_gc_for_serving
from cobalt_shared.contracts import AccountMapped, PostToQuickBooks, utcnow
from cobalt_shared.contracts.accounting import AccountLine
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

PASSWORD = "benchmark password"


async def _seed(database_url: str, merchant: uuid.UUID, n: int) -> None:
    engine = create_engine(database_url)
    async with GatewayUnitOfWork(engine) as uow:
        mapped = AccountMapped(merchant_id=merchant, account="purchases", qb_full_name="Purchases")
        await apply_mapping(mapped, uow, utcnow())
        for i in range(n):
            await record_command(
                PostToQuickBooks(
                    merchant_id=merchant, entry_id=uuid.uuid4(), kind="bill",
                    txn_date=date(2026, 11, 24), ref_number=f"INV-{i}",
                    vendor_name="Acme Beverage", source="bench",
                    lines=[AccountLine(account="purchases", amount="12.34")],
                ),
                uow,
                utcnow(),
            )  # fmt: skip
        await uow.commit()
    await engine.dispose()


SERVER_SPENT: dict[str, list[float]] = defaultdict(list)  # SOAP method -> seconds, at the server
# SOAP method -> CPU seconds of the event loop's thread during the use case: steadier than wall
# time on a shared machine (the same code's wall time here swung from 22 to 37 ms a set).
LOOP_CPU: dict[str, list[float]] = defaultdict(list)


def _timed(app: Any) -> Any:
    """The gateway's app, timing each SOAP call from its request's arrival to its answer's
    last byte (the body read, the safety parse, spyne where it still answers, the use case,
    the database, the answer written), by SOAPAction."""

    async def timed(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])
        method = headers.get(b"soapaction", b"").decode().strip('"').rsplit("/", 1)[-1]

        async def sent(message: dict[str, Any]) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                SERVER_SPENT[method].append(time.perf_counter() - started)

        await app(scope, receive, sent)

    return timed


def _cpu_timed(method: str, use_case: Any) -> Any:
    async def timed(self: WebConnectorService, *args: Any) -> Any:
        started = time.thread_time()
        try:
            return await use_case(self, *args)
        finally:
            LOOP_CPU[method].append(time.thread_time() - started)

    return timed


for _method, _name in (
    ("sendRequestXML", "send_request_xml"),
    ("receiveResponseXML", "receive_response_xml"),
):
    setattr(WebConnectorService, _name, _cpu_timed(_method, getattr(WebConnectorService, _name)))


def run(tmp: Path, nats_url: str, entries: int, batch: int) -> dict[str, float]:
    SERVER_SPENT.clear()
    LOOP_CPU.clear()
    database_url = f"sqlite+aiosqlite:///{tmp}/gateway-{batch}.db"
    upgrade(Path(cobalt_qbwc_gateway.__file__).parent / "migrations", database_url)
    port = free_port()
    settings = Settings(
        database_url=database_url, nats_url=nats_url, public_url=f"http://localhost:{port}"
    )
    server = uvicorn.Server(uvicorn.Config(
        _timed(create_api(settings, EntryWork(Limits(batch_size=batch)))), host="127.0.0.1",
        port=port,
        log_config=None,
    ))  # fmt: skip
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
        httpx.put(url, json={"qbwc_user": "bench", "password": PASSWORD, "start_date": "2026-01-01"},
                  headers=headers).raise_for_status()  # fmt: skip
        qwc = QwcFile.parse(httpx.get(f"{url}/qwc", headers=headers).content)
        asyncio.run(_seed(database_url, merchant, entries))
        quickbooks = SimulatedQuickBooks(sample_company(), validate_responses=False)
        quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
        connector = SimulatedWebConnector(qwc, PASSWORD, quickbooks)
        spent: dict[str, list[float]] = defaultdict(list)
        call = SoapClient.call

        def timed(self: SoapClient, method: str, **params: str | int) -> etree._Element:
            started = time.perf_counter()
            try:
                return call(self, method, **params)
            finally:
                spent[method].append(time.perf_counter() - started)

        SoapClient.call = timed  # type: ignore[method-assign]
        started = time.perf_counter()
        try:
            while connector.update().outcome == "done":
                pass
        finally:
            SoapClient.call = call  # type: ignore[method-assign]
        elapsed = time.perf_counter() - started
        synced = sum(quickbooks.company.count_by_external_guid().values())
        assert synced == entries, (synced, entries)
        return {
            "round_trips": len(spent["sendRequestXML"]),
            "send_ms": 1000 * statistics.median(spent["sendRequestXML"]),
            "receive_ms": 1000 * statistics.median(spent["receiveResponseXML"]),
            "server_send_ms": 1000 * statistics.median(SERVER_SPENT["sendRequestXML"]),
            "server_receive_ms": 1000 * statistics.median(SERVER_SPENT["receiveResponseXML"]),
            "cpu_send_ms": 1000 * statistics.median(LOOP_CPU["sendRequestXML"]),
            "cpu_receive_ms": 1000 * statistics.median(LOOP_CPU["receiveResponseXML"]),
            "entries_per_s": entries / elapsed,
            "elapsed_s": elapsed,
        }
    finally:
        server.should_exit = True


BACKLOG_SETS = 4  # round trips timed against each backlog (200 entries are 4 sets)
BACKLOG_RUNS = 3  # each on a new database


async def _backlog_round_trips(
    database_url: str, pending: int, vendors: int = 0
) -> dict[str, list[float]]:
    """Seconds per use case (send, receive) of the first sets of 50 of a merchant with
    `pending` bills waiting, vendor already linked, each call in its own transaction: wall
    time, and CPU time of this (the event loop's) thread, steadier on a shared machine.
    `vendors`: as many other vendors linked, and a tenth as many other accounts mapped (a
    store with many suppliers; the bills name none of them)."""
    merchant = uuid.uuid4()
    quickbooks = SimulatedQuickBooks(sample_company(), validate_responses=False)
    added = parse_response(
        quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    )
    vendor_id = added.responses[0].rets[0].list_id
    engine = create_engine(database_url)
    async with GatewayUnitOfWork(engine) as uow:
        setup = SetUpConnection(merchant, f"b{merchant.hex[:8]}", PASSWORD, date(2026, 1, 1))
        await set_up_connection(setup, uow, Passwords(), utcnow())
        await uow.commit()
    await _seed(database_url, merchant, pending)
    async with GatewayUnitOfWork(engine) as uow:
        link = VendorLink("Acme Beverage", VendorState.LINKED, vendor_id)
        await uow.vendors.set(merchant, link, utcnow())
        for i in range(vendors):
            other = VendorLink(f"Supplier {i}", VendorState.LINKED, f"8{i:07d}-1")
            await uow.vendors.set(merchant, other, utcnow())
        for i in range(vendors // 10):
            mapped = AccountMapped(
                merchant_id=merchant, account=f"expenses:{i}", qb_full_name=f"Expenses:{i}"
            )
            await apply_mapping(mapped, uow, utcnow())
        connection = await uow.connections.for_merchant(merchant)
        await uow.commit()
    assert connection is not None
    work = EntryWork(Limits(batch_size=50))
    spent: dict[str, list[float]] = defaultdict(list)
    for _ in range(BACKLOG_SETS):
        started, cpu = time.perf_counter(), time.thread_time()
        async with GatewayUnitOfWork(engine) as uow:
            outgoing = await work.next_request(uow, connection, "13.0")
            await uow.commit()
        spent["send"].append(time.perf_counter() - started)
        spent["send_cpu"].append(time.thread_time() - cpu)
        assert outgoing is not None
        assert outgoing.entries == 50, outgoing
        response = quickbooks.process(outgoing.xml)
        started, cpu = time.perf_counter(), time.thread_time()
        async with GatewayUnitOfWork(engine) as uow:
            progress = await work.apply_response(uow, connection, response, "", "")
            await uow.commit()
        spent["receive"].append(time.perf_counter() - started)
        spent["receive_cpu"].append(time.thread_time() - cpu)
        assert progress.synced == 50, progress
    await engine.dispose()
    return spent


MANY_VENDORS = 300  # the third row: a store with this many other vendors


def backlog(tmp: Path, pending: int) -> None:
    """Print what a round trip costs with 200 entries waiting, with `pending`, and with 200
    waiting at a store with MANY_VENDORS other vendors (and a tenth as many accounts mapped)."""
    cases = {
        "200": (200, 0),
        f"{pending}": (pending, 0),
        f"200, {MANY_VENDORS} vendors": (200, MANY_VENDORS),
    }
    costs: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in cases}
    for run_number in range(BACKLOG_RUNS):
        for number, (name, (n, vendors)) in enumerate(cases.items()):
            database_url = f"sqlite+aiosqlite:///{tmp}/backlog-{number}-{run_number}.db"
            upgrade(Path(cobalt_qbwc_gateway.__file__).parent / "migrations", database_url)
            spent = asyncio.run(_backlog_round_trips(database_url, n, vendors))
            for key, seconds in spent.items():
                costs[name][key].extend(seconds)
    print(
        f"\nthe first {BACKLOG_SETS} sets of 50 against the backlog, {BACKLOG_RUNS} runs (SQLite;"
        " the entry queue's use cases, no HTTP): p50 ms per call"
    )
    print(
        f"{'entries waiting':<20} {'send/receive':>13} {'CPU send/receive':>17} {'CPU vs 200':>11}"
    )

    def p50(name: str, key: str) -> float:
        return 1000 * statistics.median(costs[name][key])

    def cpu(name: str) -> float:
        return p50(name, "send_cpu") + p50(name, "receive_cpu")

    for name in costs:
        wall = f"{p50(name, 'send'):.1f} / {p50(name, 'receive'):.1f}"
        used = f"{p50(name, 'send_cpu'):.1f} / {p50(name, 'receive_cpu'):.1f}"
        print(f"{name:<20} {wall:>13} {used:>17} {cpu(name) / cpu('200'):>10.2f}x")
    record("gateway_backlog_ratio", cpu(f"{pending}") / cpu("200"), "SQLite")
    record("gateway_vendors_ratio", cpu(f"200, {MANY_VENDORS} vendors") / cpu("200"), "SQLite")


def main(entries: int, pending: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, NatsServer(Path(tmp) / "nats") as nats:
        print(
            f"{entries} bills through the gateway, simulated Web Connector and QuickBooks (SQLite);"
            " p50 ms per round trip: at the gateway (request in to answer out) and as the Web"
            " Connector waits (HTTP included); CPU: the event loop's thread during the use case"
        )
        print(
            f"{'design':<34} {'round trips':>11} {'server send/receive':>20}"
            f" {'CPU send/receive':>17} {'client send/receive':>20} {'entries/s':>10}"
            f" {'vs baseline':>12}"
        )
        baseline = run(Path(tmp), nats.url, entries, 1)
        fifty = run(Path(tmp), nats.url, entries, 50)
        ours = run(Path(tmp), nats.url, entries, 125)
        for name, r in (
            ("one request per round trip (base)", baseline),
            ("sets of 50 requests", fifty),
            ("sets of 125 requests (ours)", ours),
        ):
            server = f"{r['server_send_ms']:.1f} / {r['server_receive_ms']:.1f}"
            client = f"{r['send_ms']:.1f} / {r['receive_ms']:.1f}"
            cpu = f"{r['cpu_send_ms']:.1f} / {r['cpu_receive_ms']:.1f}"
            ratio = r["entries_per_s"] / baseline["entries_per_s"]
            print(
                f"{name:<34} {r['round_trips']:>11.0f} {server:>20} {cpu:>17} {client:>20}"
                f" {r['entries_per_s']:>10.1f} {ratio:>11.2f}x"
            )
    record("gateway_send_ms", fifty["server_send_ms"], "SQLite")
    record("gateway_receive_ms", fifty["server_receive_ms"], "SQLite")
    record("gateway_cpu_ms", fifty["cpu_send_ms"] + fifty["cpu_receive_ms"], "SQLite")
    record("round_trips_per_1000", ours["round_trips"] * 1000 / entries, "SQLite")
    if pending:
        with tempfile.TemporaryDirectory() as tmp:
            backlog(Path(tmp), pending)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--backlog", type=int, default=5000, help="0: skip the backlog figures")
    arguments = parser.parse_args()
    main(arguments.entries, arguments.backlog)
