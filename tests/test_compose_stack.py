"""The deployed stack really runs: docker-compose.yml brought up in real containers (the Docker
engine when one answers, else podman), used through the web front end as its public origin,
shaken (a NATS node and a worker stopped while orders arrive), counted, and taken down with
nothing left behind."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from cobalt_devstack.containers import Engine, compose_services
from cobalt_devstack.processes import free_port
from cobalt_devstack.store import Store, eventually
from cobalt_shared.auth import TokenService

pytestmark = [pytest.mark.slow, pytest.mark.e2e, pytest.mark.timeout(1200)]
ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
USERS = ("ORDERS", "PAYABLES", "COA", "QBWC_GATEWAY", "REPORTING", "POS", "NATS_SYSTEM")
MAPPED = {
    "operating-account": "Operating Account",
    "purchases:beer": "Purchases:Beer",
    "purchases:wine": "Purchases:Wine",
}


def _order(invoice: str, credit: str | None = "12.00") -> dict[str, Any]:
    return {
        "vendor_name": "Harbor Distributors",
        "invoice_number": invoice,
        "order_date": "2026-11-24",
        "received_on": "2026-11-24",
        "lines": [
            {"category": "Beer", "quantity": "24", "unit_cost": "8.50"},
            {"category": "Wine", "quantity": "6", "unit_cost": "11.25"},
        ],
        "credits": [{"reason": "breakage", "amount": credit, "category": "Beer"}] if credit else [],
    }


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Iterator[tuple[Engine, dict[str, str]]]:
    """The compose stack, built from the project's Dockerfiles and brought up in phases."""
    run_id = uuid.uuid4().hex[:8]
    workdir = tmp_path_factory.mktemp("compose")
    engine = Engine.choose(f"cobalt-test-{run_id}", workdir)
    images_before = engine.image_ids()
    web_port = free_port()
    variables = {
        "COBALT_AUTH_SECRET": secrets.token_hex(32),
        "POSTGRES_PASSWORD": secrets.token_urlsafe(16),
        **{f"{user}_NATS_PASSWORD": _nats_password() for user in USERS},
        "NATS_SYSTEM_PASSWORD": _nats_password(),
        "COBALT_IMAGE_REPOSITORY": f"localhost/cobalt-test-{run_id}",
        "COBALT_IMAGE_TAG": "test",
        # Only the public origin is published, on loopback.
        "COBALT_WEB_PORT": f"127.0.0.1:{web_port}",
        "QBWC_PUBLIC_URL": f"http://localhost:{web_port}",
        **{
            f"{name}_API_PORT": f"127.0.0.1:{free_port()}"
            for name in ("ORDERS", "PAYABLES", "COA", "QBWC_GATEWAY", "REPORTING")
        },
    }
    phases = compose_services(COMPOSE)
    started = time.monotonic()
    try:
        variables.update(engine.local_bases(f"localhost/cobalt-test-{run_id}"))
        engine.compose(COMPOSE, variables, "build")
        print(f"\nimages built in {time.monotonic() - started:.0f}s ({engine.kind})")
        engine.compose(COMPOSE, variables, "up", "-d", "--no-deps", *phases["infrastructure"])
        engine.wait_healthy(phases["infrastructure"])
        engine.compose(COMPOSE, variables, "up", "-d", "--no-deps", *phases["migrations"])
        failed = {m: code for m in phases["migrations"] if (code := engine.exit_code(m)) != 0}
        assert not failed, {m: engine.logs(m) for m in failed}
        engine.compose(COMPOSE, variables, "up", "-d", "--no-deps", *phases["services"])
        engine.wait_healthy(phases["services"])
        engine.compose(COMPOSE, variables, "up", "-d", "--no-deps", *phases["web"])
        engine.wait_healthy(phases["web"])
        print(f"stack ready in {time.monotonic() - started:.0f}s")
        yield engine, variables
    finally:
        engine.compose(COMPOSE, variables, "down", "-v", "-t", "5")
        engine.remove_images(sorted(engine.image_ids() - images_before))
        print(f"down, images removed; {time.monotonic() - started:.0f}s in all")
        assert engine.leftovers() == {}
        assert engine.image_ids() <= images_before


def test_the_compose_stack_serves_syncs_and_survives_a_node_and_a_worker(deployed):
    engine, variables = deployed
    origin = f"http://{variables['COBALT_WEB_PORT']}"
    tokens = TokenService(variables["COBALT_AUTH_SECRET"])
    with httpx.Client(timeout=30) as http:
        assert http.get(f"{origin}/").status_code == 200  # the pages
        store = Store(None, http, origin=origin, tokens=tokens)
        store.set_up()
        first = store.send("POST", "orders", "/orders", _order("HD-1"), key="hd-1")
        assert first.status_code == 201, first.text
        eventually(
            lambda: {e["kind"] for e in store.entries()} >= {"bill", "vendor-credit"},
            "the bill and credit to reach the gateway",
            timeout=120,
        )
        store.refresh_and_map(MAPPED)
        eventually(
            lambda: all(e["state"] != "waiting for mapping" for e in store.entries()),
            "the mappings to reach the gateway",
            timeout=120,
        )
        store.update()
        company = store.quickbooks.company
        [qb_bill] = company.transactions("Bill")
        assert qb_bill.amount == Decimal("271.50")
        assert len(company.transactions("VendorCredit")) == 1

        [bill] = eventually(
            lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"],
            "payables to learn the bill is in QuickBooks",
            timeout=120,
        )
        [credit] = eventually(
            lambda: [c for c in store.get("payables", "/credits") if c["state"] == "synced"],
            "payables to learn the credit is in QuickBooks",
            timeout=120,
        )
        selection = {"bills": [{"bill_id": bill["id"]}], "credits": [{"credit_id": credit["id"]}]}
        paid = store.send("POST", "payables", "/payments", selection, key="pay-1")
        assert paid.status_code == 201, paid.text
        [payment] = paid.json()
        eventually(lambda: store.entries(kind="bill-payment"), "the payment", timeout=120)
        store.update()
        eventually(
            lambda: store.get("payables", f"/payments/{payment['id']}")["state"] == "synced",
            "the payment to be synced",
            timeout=120,
        )
        assert company.bill_balances()[qb_bill.txn_id] == Decimal("0.00")

        # A NATS node and a worker go away while orders keep arriving, then come back.
        engine.run("stop", "-t", "2", engine.container("nats-2"))
        engine.run("stop", "-t", "2", engine.container("payables-worker"))
        more = [f"HD-{n}" for n in range(2, 7)]
        for invoice in more:
            made = store.send(
                "POST", "orders", "/orders", _order(invoice, credit=None), key=invoice
            )
            assert made.status_code == 201, made.text
        engine.run("start", engine.container("nats-2"))
        engine.run("start", engine.container("payables-worker"))
        engine.wait_healthy(["nats-2", "payables-worker"])
        eventually(
            lambda: len(store.entries(kind="bill")) == 1 + len(more),
            "every bill to reach the gateway",
            timeout=180,
        )
        store.update()
        states = {e["description"]: e["state"] for e in store.entries()}
        assert set(states.values()) == {"synced"}, states
        counts = store.guid_counts()
        transactions = {
            e["id"] for e in store.entries() if e["kind"] not in ("account-query", "vendor")
        }
        assert [v.name for v in company.vendors.values()] == ["Harbor Distributors"]
        assert {g.strip("{}").lower() for g in counts} == transactions
        assert set(counts.values()) == {1}  # every ExternalGUID exactly once
        print(f"in QuickBooks: {len(counts)} transactions, each ExternalGUID once")


def _nats_password() -> str:
    """A random password nats-server reads as a string: its configuration parses a value that
    starts with a digit as a number (found when one did: "got 'q' instead")."""
    return "pw" + secrets.token_hex(16)
