# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Accounting commands become entries once each; merchants read only their own."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date

import httpx
import nats
import pytest

from cobalt_devstack.testkit import eventually
from cobalt_qbwc_gateway.app import create_worker
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine
from cobalt_shared.contracts.subjects import post_to_quickbooks

PASSWORD = "correct horse battery"


def _command(merchant, entry_id=None, txn_date=date(2026, 11, 24), source="payables"):
    return PostToQuickBooks(
        merchant_id=merchant,
        entry_id=entry_id or uuid.uuid4(),
        kind="bill",
        txn_date=txn_date,
        ref_number="INV-1042",
        vendor_name="Acme Beverage",
        lines=[AccountLine(account="purchases:beer", amount="1000.00")],
        source=source,
    )


@pytest.fixture
async def worker(gateway):
    app = create_worker(gateway.settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:

            async def ready():
                return (await client.get("/readyz")).status_code == 200

            await eventually(ready, timeout=30, what="gateway worker ready")
            yield app


@pytest.fixture
async def api():
    async with httpx.AsyncClient(timeout=30) as client:
        yield client


async def _publish(nats_url, command, source="payables"):
    nc = await nats.connect(nats_url)
    try:
        await nc.jetstream().publish(
            post_to_quickbooks(source, command.merchant_id),
            command.model_dump_json().encode(),
            headers={"Nats-Msg-Id": uuid.uuid4().hex},  # a redelivery, not a stream duplicate
        )
    finally:
        await nc.close()


async def _connect(api, gateway, merchant, start="2026-11-01"):
    body = {"qbwc_user": f"u{merchant.hex[:8]}", "password": PASSWORD, "start_date": start}
    response = await api.put(
        f"{gateway.url}/connections/{merchant}", json=body, headers=gateway.support()
    )
    assert response.is_success, response.text


async def test_the_same_command_twice_is_one_entry_and_each_source_is_consumed(
    gateway, worker, api
):
    merchant = uuid.uuid4()
    await _connect(api, gateway, merchant)
    command = _command(merchant)
    await _publish(gateway.settings.nats_url, command)
    await _publish(gateway.settings.nats_url, command)
    await _publish(gateway.settings.nats_url, _command(merchant, source="reporting"), "reporting")
    headers = gateway.merchant(merchant)

    async def two_entries():
        return len((await api.get(f"{gateway.url}/entries", headers=headers)).json()) == 2

    await eventually(two_entries, what="both entries stored")
    shown = (await api.get(f"{gateway.url}/entries/{command.entry_id}", headers=headers)).json()
    assert shown["state"] == "waiting for mapping"
    assert "purchases:beer" in shown["detail"]
    assert '"ref_number":"INV-1042"' in shown["payload"]
    counts = (await api.get(f"{gateway.url}/entries/counts", headers=headers)).json()
    assert counts == {"waiting for mapping": 2}
    health = (await api.get(f"{gateway.url}/connection", headers=headers)).json()
    assert health["entries_waiting"] == 2
    assert health["oldest_waiting_since"] is not None


async def test_entries_dated_before_the_start_date_are_not_sent_but_bills_are_looked_for(
    gateway, worker, api
):
    merchant = uuid.uuid4()
    await _connect(api, gateway, merchant, start="2026-11-20")
    early_bill = _command(merchant, txn_date=date(2026, 11, 19))
    early_deposit = early_bill.model_copy(
        update={
            "entry_id": uuid.uuid4(),
            "message_id": uuid.uuid4(),
            "kind": "deposit",
            "vendor_name": None,
        }
    )
    await _publish(gateway.settings.nats_url, early_bill)
    await _publish(gateway.settings.nats_url, early_deposit, "payables")
    headers = gateway.merchant(merchant)

    async def stored():
        for command in (early_bill, early_deposit):
            url = f"{gateway.url}/entries/{command.entry_id}"
            if (await api.get(url, headers=headers)).status_code != 200:
                return False
        return True

    await eventually(stored, what="entries stored")
    deposit = (
        await api.get(f"{gateway.url}/entries/{early_deposit.entry_id}", headers=headers)
    ).json()
    assert deposit["state"] == "cancelled"
    assert "before the QuickBooks start date 2026-11-20" in deposit["detail"]
    bill = (await api.get(f"{gateway.url}/entries/{early_bill.entry_id}", headers=headers)).json()
    assert bill["state"] == "looking up"  # it may be in QuickBooks already: looked for first
    assert "looking for it in QuickBooks" in bill["detail"]
    filtered = (await api.get(f"{gateway.url}/entries?state=cancelled", headers=headers)).json()
    assert [e["id"] for e in filtered] == [str(early_deposit.entry_id)]
    assert (await api.get(f"{gateway.url}/entries?state=synced", headers=headers)).json() == []


async def test_merchants_never_see_each_others_entries(gateway, worker, api):
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await _connect(api, gateway, mine)
    await _connect(api, gateway, theirs)
    command = _command(mine)
    await _publish(gateway.settings.nats_url, command)

    async def stored():
        response = await api.get(f"{gateway.url}/entries", headers=gateway.merchant(mine))
        return len(response.json()) == 1

    await eventually(stored, what="entry stored")
    other = gateway.merchant(theirs)
    assert (await api.get(f"{gateway.url}/entries", headers=other)).json() == []
    assert (
        await api.get(f"{gateway.url}/entries/{command.entry_id}", headers=other)
    ).status_code == 404


def test_without_a_connection_the_entries_page_says_how_to_get_started(gateway):
    response = httpx.get(f"{gateway.url}/entries", headers=gateway.merchant(uuid.uuid4()))
    assert response.status_code == 409
    assert response.json()["error"]["message"] == (
        "QuickBooks integration is not set up for this merchant; "
        "contact CobaltConnect support to get started"
    )


async def _mapping(nats_url, merchant, account, qb_full_name, occurred_at=None):
    from cobalt_shared.contracts import AccountMapped
    from cobalt_shared.contracts.subjects import account_mapped

    event = AccountMapped(
        merchant_id=merchant,
        account=account,
        qb_full_name=qb_full_name,
        **({"occurred_at": occurred_at} if occurred_at else {}),
    )
    nc = await nats.connect(nats_url)
    try:
        await nc.jetstream().publish(
            account_mapped(merchant), event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": str(event.message_id)},
        )  # fmt: skip
    finally:
        await nc.close()


async def _state(api, gateway, merchant, entry_id):
    response = await api.get(
        f"{gateway.url}/entries/{entry_id}", headers=gateway.merchant(merchant)
    )
    return response.json() if response.status_code == 200 else {}


async def test_mapping_events_release_entries_and_unmapping_holds_them_again(gateway, worker, api):
    from datetime import UTC, datetime, timedelta

    merchant = uuid.uuid4()
    await _connect(api, gateway, merchant)
    command = _command(merchant)
    command = command.model_copy(update={"bank_account": "operating-account"})
    await _publish(gateway.settings.nats_url, command)
    url = gateway.settings.nats_url

    async def state_is(state, text=""):
        entry = await _state(api, gateway, merchant, command.entry_id)
        return entry.get("state") == state and text in entry.get("detail", "")

    await eventually(lambda: state_is("waiting for mapping", "operating-account"), what="waiting")
    await _mapping(url, merchant, "purchases:beer", "Purchases:Beer")
    await eventually(
        lambda: state_is("waiting for mapping", "for: operating-account"), what="one left"
    )
    await _mapping(url, merchant, "operating-account", "Operating Account")
    await eventually(lambda: state_is("ready"), what="released by the mapping event")
    await _mapping(url, merchant, "purchases:beer", None)  # unmapped in Chart of Accounts
    await eventually(lambda: state_is("waiting for mapping", "purchases:beer"), what="held")
    stale = datetime.now(UTC) - timedelta(days=1)
    await _mapping(url, merchant, "purchases:beer", "Old Name", occurred_at=stale)
    await _mapping(url, merchant, "purchases:beer", "Purchases:Beer")
    await eventually(lambda: state_is("ready"), what="released again")


async def test_an_entry_is_ready_whichever_comes_first_mapping_or_command(gateway, worker, api):
    merchant = uuid.uuid4()
    await _connect(api, gateway, merchant)
    await _mapping(gateway.settings.nats_url, merchant, "purchases:beer", "Purchases:Beer")
    await asyncio.sleep(0.5)
    command = _command(merchant)
    await _publish(gateway.settings.nats_url, command)

    async def ready():
        return (await _state(api, gateway, merchant, command.entry_id)).get("state") == "ready"

    await eventually(ready, what="ready (at intake, or released by the mapping)")
