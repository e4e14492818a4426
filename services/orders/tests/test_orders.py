"""Orders: recorded once, validated with specific messages, announced once when received."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

import cobalt_orders
from cobalt_orders.app import create_api
from cobalt_orders.config import Settings
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import OrderReceived
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import outbox
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

MIGRATIONS = Path(cobalt_orders.__file__).parent / "migrations"
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)

ORDER: dict[str, Any] = {
    "vendor_name": "Acme Beverage",
    "invoice_number": "INV-1042",
    "order_date": "2026-11-20",
    "due_date": "2026-12-20",
    "lines": [
        {"category": "Beer", "description": "IPA", "quantity": "24", "unit_cost": "8.50"},
        {"category": "Wine", "description": "Rioja", "quantity": "6", "unit_cost": "11.25"},
        {"category": " beer ", "description": "Lager", "quantity": "1.5", "unit_cost": "10.01"},
    ],
    "credits": [{"reason": "breakage", "amount": "8.50", "category": "Beer"}],
}


@pytest.fixture
def api(database_url, nats_server) -> Iterator[tuple[TestClient, str]]:
    upgrade(MIGRATIONS, database_url)
    settings = Settings(database_url=database_url, nats_url=nats_server.url)
    with TestClient(create_api(settings)) as client:
        yield client, database_url


def _as(merchant: uuid.UUID, **extra: str) -> dict[str, str]:
    token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}", **extra}


def _events(database_url: str) -> list[OrderReceived]:
    async def read() -> list[OrderReceived]:
        engine = create_engine(database_url)
        try:
            async with engine.connect() as conn:
                rows = (await conn.execute(select(outbox.c.payload))).scalars().all()
        finally:
            await engine.dispose()
        return [OrderReceived.model_validate_json(r) for r in rows]

    return asyncio.run(read())


def test_a_received_order_is_announced_once_with_category_totals_and_credits(api):
    client, url = api
    merchant = uuid.uuid4()
    created = client.post("/orders", json=ORDER, headers=_as(merchant))
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["received"] is False
    assert order["total"] == "286.52"  # 204.00 + 67.50 + 15.015 rounded half up to 15.02
    assert order["categories"] == [
        {"category": "Beer", "amount": "219.02"},
        {"category": "Wine", "amount": "67.50"},
    ]
    assert _events(url) == []  # recorded, not yet received
    received = client.post(
        f"/orders/{order['id']}/receive", json={"received_on": "2026-11-24"}, headers=_as(merchant)
    )
    assert received.json()["received"] is True
    again = client.post(
        f"/orders/{order['id']}/receive", json={"received_on": "2026-11-25"}, headers=_as(merchant)
    )
    assert again.json()["received_on"] == "2026-11-24"  # receiving twice changes nothing
    [event] = _events(url)
    assert event.order_id == uuid.UUID(order["id"])
    assert [(c.category, str(c.amount)) for c in event.categories] == [
        ("Beer", "219.02"),
        ("Wine", "67.50"),
    ]
    assert [(c.reason, str(c.amount), c.category) for c in event.credits] == [
        ("breakage", "8.50", "Beer")
    ]
    assert event.due_date is not None


def test_duplicates_by_key_or_by_vendor_invoice_return_the_first_order(api):
    client, url = api
    merchant = uuid.uuid4()
    body = {**ORDER, "received_on": "2026-11-24"}
    first = client.post("/orders", json=body, headers=_as(merchant, **{"Idempotency-Key": "k1"}))
    assert first.status_code == 201
    same_key = client.post("/orders", json=body, headers=_as(merchant, **{"Idempotency-Key": "k1"}))
    assert same_key.status_code == 200
    assert same_key.json()["id"] == first.json()["id"]
    other_key_same_invoice = client.post(
        "/orders",
        json={**body, "vendor_name": "ACME  beverage"},
        headers=_as(merchant, **{"Idempotency-Key": "k2"}),
    )
    assert other_key_same_invoice.status_code == 200
    assert other_key_same_invoice.json()["id"] == first.json()["id"]
    reused = client.post(
        "/orders",
        json={**body, "invoice_number": "INV-9"},
        headers=_as(merchant, **{"Idempotency-Key": "k1"}),
    )
    assert reused.status_code == 409
    assert "already used for a different order" in reused.json()["error"]["message"]
    assert len(_events(url)) == 1  # one order, one event, one bill
    # Another merchant's identical invoice is its own order.
    assert client.post("/orders", json=body, headers=_as(uuid.uuid4())).status_code == 201


def _line(**change: str) -> dict[str, Any]:
    return {**ORDER, "lines": [{**ORDER["lines"][0], **change}], "credits": []}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({**ORDER, "vendor_name": "  "}, "vendor name is required"),
        ({**ORDER, "vendor_name": "V" * 60}, "is 60 characters; QuickBooks allows 41"),
        (
            # 41 characters as typed, 42 once "Œ" is written "OE" as QuickBooks stores it
            {**ORDER, "vendor_name": "Œnologie Vins & Spiritueux des Côtes d'Or"},
            "vendor name 'Œnologie Vins & Spiritueux des Côtes d'Or' (as QuickBooks stores it: "
            "'OEnologie Vins & Spiritueux des Côtes d'Or') is 42 characters; QuickBooks allows 41",
        ),
        (
            {**ORDER, "vendor_name": "東京 Sake Imports"},
            "vendor name '東京 Sake Imports' has characters QuickBooks cannot store (東, 京)",
        ),
        ({**ORDER, "invoice_number": ""}, "vendor invoice number is required"),
        ({**ORDER, "invoice_number": "I" * 21}, "longer than 20"),
        ({**ORDER, "lines": []}, "at least one line"),
        (_line(category=""), "line 1: a category name is required"),
        (_line(category="C" * 200), "line 1: category name is longer than 100"),
        (_line(quantity="-1"), "line 1: quantity must not be negative"),
        (_line(quantity="1.0005"), "line 1: quantity has more than 3 decimal places"),
        (_line(unit_cost="-0.01"), "line 1: unit cost must not be negative"),
        (_line(unit_cost="0.005"), "has more than 2 decimal places"),
        (_line(unit_cost="1000000000000"), "is too large"),
        (_line(unit_cost="1e3"), "is not an amount written like 1240.00"),
        ({**ORDER, "total": "1.00"}, "total 1.00 does not match the lines, which add up to 286.52"),
        (
            {**ORDER, "credits": [{"reason": "return", "amount": "0.00"}]},
            "credit 1: amount must be positive",
        ),
        ({**ORDER, "credits": [{"reason": "gift", "amount": "1.00"}]}, "reason"),
        (
            {**ORDER, "credits": [{"reason": "allowance", "amount": "300.00"}]},
            "credits (300.00) are more than the order total (286.52)",
        ),
        ({**ORDER, "due_date": "2026-11-01"}, "due date is before the order date"),
        ({**ORDER, "received_on": "2026-11-01"}, "received date is before the order date"),
    ],
)
def test_bad_orders_are_refused_with_the_reason_and_change_nothing(api, body, message):
    client, url = api
    merchant = uuid.uuid4()
    response = client.post("/orders", json=body, headers=_as(merchant))
    assert response.status_code == 422, response.text
    assert message in response.json()["error"]["message"]
    if "vendor_name" in message or "QuickBooks allows 41" in message:
        assert response.json()["error"]["field"] == "vendor_name"
    assert client.get("/orders", headers=_as(merchant)).json() == []
    assert _events(url) == []


def test_names_with_ampersands_and_accents_are_kept_exactly(api):
    client, _ = api
    merchant = uuid.uuid4()
    body = {**ORDER, "vendor_name": "Société Vins & Spiritueux", "received_on": "2026-11-24"}
    created = client.post("/orders", json=body, headers=_as(merchant))
    assert created.status_code == 201
    assert created.json()["vendor_name"] == "Société Vins & Spiritueux"


def test_orders_are_listed_by_vendor_date_and_received_and_scoped_to_the_merchant(api):
    client, _ = api
    merchant, other = uuid.uuid4(), uuid.uuid4()
    h = _as(merchant)
    client.post("/orders", json={**ORDER, "received_on": "2026-11-24"}, headers=h)
    client.post(
        "/orders",
        json={
            **ORDER,
            "vendor_name": "Beta Wines",
            "invoice_number": "B-1",
            "order_date": "2026-11-22",
            "due_date": None,
        },
        headers=h,
    )

    def invoices(**params: str) -> list[str]:
        return [o["invoice_number"] for o in client.get("/orders", params=params, headers=h).json()]

    assert sorted(invoices()) == ["B-1", "INV-1042"]
    assert invoices(vendor="acme") == ["INV-1042"]
    assert invoices(received="false") == ["B-1"]
    assert invoices(received="true") == ["INV-1042"]
    assert invoices(**{"from": "2026-11-21"}) == ["B-1"]
    assert invoices(to="2026-11-21") == ["INV-1042"]
    mine = client.get("/orders", headers=h).json()[0]
    assert client.get(f"/orders/{mine['id']}", headers=_as(other)).status_code == 404
    assert client.get("/orders", headers=_as(other)).json() == []
    refused = client.post(
        f"/orders/{mine['id']}/receive", json={"received_on": "2026-11-24"}, headers=_as(other)
    )
    assert refused.status_code == 404


def test_the_domain_knows_every_credit_reason_the_contract_allows():
    from typing import get_args

    from cobalt_orders.domain.order import CREDIT_REASONS
    from cobalt_shared.contracts.orders import CreditReason

    assert set(CREDIT_REASONS) == set(get_args(CreditReason))


def test_an_order_is_edited_until_received_and_its_history_says_who(api):
    client, url = api
    merchant = uuid.uuid4()
    token = TOKENS.mint(subject="u-1", role=Role.MERCHANT, merchant_id=merchant, name="Dana W")
    dana = {"Authorization": f"Bearer {token}"}
    draft = {**ORDER, "received_on": None}
    made = client.post("/orders", json=draft, headers=dana)
    assert made.status_code == 201, made.text
    order = made.json()
    assert order["editable"]
    assert order["recorded_by"] == "Dana W"
    assert _events(url) == []  # not received: nothing announced

    two_credits = [
        {"reason": "breakage", "amount": "6.00", "category": "Beer"},
        {"reason": "return", "amount": "4.50"},
    ]
    corrected = {**draft, "credits": two_credits, "received_on": "2026-11-26"}
    edited = client.put(f"/orders/{order['id']}", json=corrected, headers=dana)
    assert edited.status_code == 200, edited.text
    detail = edited.json()
    assert detail["credit_total"] == "10.50"
    assert detail["editable"]
    assert detail["revision"] == 0
    assert [(h["action"], h["by"]) for h in detail["history"]] == [
        ("recorded", "Dana W"),
        ("edited", "Dana W"),
        ("received", "Dana W"),
    ]
    assert "credits" in detail["history"][1]["summary"]
    [event] = _events(url)
    assert [str(c.amount) for c in event.credits] == ["6.00", "4.50"]

    # Received: saved again unchanged, it is sent again to its bill (a repeat changes nothing
    # there; it is how a correction the bill refused is sent once its payment is voided).
    same = client.put(f"/orders/{order['id']}", json=corrected, headers=dana)
    assert same.status_code == 200, same.text
    assert same.json()["revision"] == 1
    assert same.json()["history"][-1]["summary"] == "sent again to its bill"
    assert len(_events(url)) == 2


def test_a_received_order_is_corrected_or_cancelled_and_its_bill_follows(api):
    client, url = api
    merchant = uuid.uuid4()
    received_order = {**ORDER, "received_on": "2026-11-24"}
    made = client.post("/orders", json=received_order, headers=_as(merchant)).json()
    fewer = [{**ORDER["lines"][0], "quantity": "1"}]
    corrected = {**ORDER, "lines": fewer, "due_date": "2026-12-31"}
    fixed = client.put(f"/orders/{made['id']}", json=corrected, headers=_as(merchant))
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["revision"] == 1
    assert fixed.json()["history"][-1]["action"] == "corrected"
    assert "its bill follows" in fixed.json()["history"][-1]["summary"]
    received, correction = _events(url)
    assert (received.revision, correction.revision) == (0, 1)
    assert correction.total == Decimal(fixed.json()["total"])
    assert str(correction.due_date) == "2026-12-31"
    assert correction.received_on == received.received_on  # still the day it arrived

    # The vendor of a bill in QuickBooks cannot change: it is refused, naming the field.
    other = client.put(
        f"/orders/{made['id']}",
        json={**corrected, "vendor_name": "Other Co"},
        headers=_as(merchant),
    )
    assert other.status_code == 409
    assert other.json()["error"]["field"] == "vendor_name"

    cancelled = client.post(
        f"/orders/{made['id']}/cancel", json={"cancelled_on": "2026-11-27"}, headers=_as(merchant)
    )
    assert cancelled.status_code == 200, cancelled.text
    assert (cancelled.json()["revision"], cancelled.json()["editable"]) == (2, False)
    again = client.post(
        f"/orders/{made['id']}/cancel", json={"cancelled_on": "2026-11-28"}, headers=_as(merchant)
    )
    assert again.json()["cancelled_on"] == "2026-11-27"  # the first day stays
    *_, cancel_event = _events(url)
    assert (cancel_event.revision, cancel_event.cancelled) == (3, True)  # announced again
    assert len(_events(url)) == 4

    # A correction to a cancelled order is refused, naming why, and nothing is announced.
    late = client.put(f"/orders/{made['id']}", json=ORDER, headers=_as(merchant))
    assert late.status_code == 409
    assert late.json()["error"]["field"] == "cancelled_on"
    assert "was cancelled on 2026-11-27" in late.json()["error"]["message"]
    assert len(_events(url)) == 4
    history = client.get(f"/orders/{made['id']}", headers=_as(merchant)).json()["history"]
    assert [h["action"] for h in history] == [
        "recorded",
        "received",
        "corrected",
        "cancelled",
        "cancelled",
    ]


def test_an_edit_that_would_repeat_another_invoice_is_refused(api):
    client, _ = api
    merchant = uuid.uuid4()
    first = client.post("/orders", json={**ORDER, "received_on": None}, headers=_as(merchant))
    other = {**ORDER, "invoice_number": "INV-2", "received_on": None}
    second = client.post("/orders", json=other, headers=_as(merchant)).json()
    clash = client.put(
        f"/orders/{second['id']}",
        json={**other, "invoice_number": ORDER["invoice_number"]},
        headers=_as(merchant),
    )
    assert clash.status_code == 409
    assert clash.json()["error"]["field"] == "invoice_number"
    assert first.status_code == 201
    bad = client.put(f"/orders/{second['id']}", json={**other, "lines": []}, headers=_as(merchant))
    assert bad.status_code == 422
    assert (
        client.get(f"/orders/{second['id']}", headers=_as(merchant)).json()["history"][0]["action"]
        == "recorded"
    )


def test_a_batch_records_each_order_once_and_refuses_a_bad_one_alone(api):
    client, url = api
    merchant = uuid.uuid4()
    good = {**ORDER, "invoice_number": "B-1", "received_on": "2026-11-24"}
    bad = {**ORDER, "invoice_number": "B-2", "total": "1.00"}  # the lines do not add up to it
    other = {**ORDER, "invoice_number": "B-3"}
    answer = client.post(
        "/orders/batch", json={"orders": [good, bad, other, good]}, headers=_as(merchant)
    )
    assert answer.status_code == 200, answer.text
    out = answer.json()
    assert (out["created"], out["existing"], out["refused"]) == (2, 1, 1)
    assert [r["status"] for r in out["results"]] == ["created", "refused", "created", "existing"]
    assert out["results"][1]["error"]
    assert out["results"][3]["order"]["id"] == out["results"][0]["order"]["id"]
    listed = client.get("/orders", headers=_as(merchant)).json()
    assert sorted(o["invoice_number"] for o in listed) == ["B-1", "B-3"]
    assert [e.invoice_number for e in _events(url)] == ["B-1"]  # the received one, once
    again = client.post("/orders/batch", json={"orders": [good]}, headers=_as(merchant))
    assert again.json()["existing"] == 1
    assert len(_events(url)) == 1
    empty = client.post("/orders/batch", json={"orders": []}, headers=_as(merchant))
    assert empty.status_code == 422
