"""Bills and credits from received orders; payments checked, split per vendor, sent once;
balances move only when QuickBooks has the payment."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

import cobalt_payables
from cobalt_payables.adapters.orm import bills, vendor_credits
from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.app import create_api
from cobalt_payables.application.payables import (
    apply_entry_result,
    apply_entry_results,
    record_received_order,
    record_received_orders,
)
from cobalt_payables.config import Settings
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import (
    CategoryTotal,
    OrderCredit,
    OrderReceived,
    PostToQuickBooks,
    QuickBooksEntryResult,
    QuickBooksEntryResults,
)
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import outbox
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

MIGRATIONS = Path(cobalt_payables.__file__).parent / "migrations"
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)


class Payables:
    def __init__(self, client: TestClient, database_url: str) -> None:
        self.client = client
        self.url = database_url

    def run(self, fn: Any) -> Any:
        async def go() -> Any:
            engine = create_engine(self.url)
            try:
                async with PayablesUnitOfWork(engine) as uow:
                    result = await fn(uow)
                    await uow.commit()
                return result
            finally:
                await engine.dispose()

        return asyncio.run(go())

    def run_and_roll_back(
        self, how: str, events: list[OrderReceived], merchants: list[uuid.UUID]
    ) -> Any:
        """Record the events one at a time or together, and what that stored; then roll back."""

        async def go(uow: PayablesUnitOfWork) -> Any:
            if how == "alone":
                recorded = [await record_received_order(e, uow) for e in events]
            else:
                recorded = await record_received_orders(events, uow)
            conn = uow.connection
            stored = []
            for table in (bills, vendor_credits):
                query = select(table).where(table.c.merchant_id.in_(merchants))
                rows = await conn.execute(query.order_by(table.c.id))
                stored.append(
                    [{k: v for k, v in r._mapping.items() if k != "recorded_at"} for r in rows]
                )
            payloads = (
                await conn.execute(select(outbox.c.payload).order_by(outbox.c.id))
            ).scalars()
            unique = {"message_id", "correlation_id", "occurred_at"}
            commands = [
                (c.entry_id, c.kind, c.model_dump(exclude=unique))
                for c in (PostToQuickBooks.model_validate_json(p) for p in payloads)
            ]
            raise _RolledBack(
                [(b.id, b.state, b.amount, b.detail, c.id if c else None) for b, c in recorded],
                *stored,
                commands,
            )

        try:
            self.run(go)
        except _RolledBack as done:
            return done.args
        raise AssertionError("not rolled back")

    def results_and_roll_back(
        self, how: str, results: list[QuickBooksEntryResult], merchant: uuid.UUID
    ) -> Any:
        """Apply the results one at a time or together; the bills and credits then; roll back."""

        async def go(uow: PayablesUnitOfWork) -> Any:
            if how == "alone":
                for r in results:
                    await apply_entry_result(r, uow)
            else:
                await apply_entry_results(results, uow)
            stored = []
            for table in (bills, vendor_credits):
                query = select(table).where(table.c.merchant_id == merchant).order_by(table.c.id)
                stored.append([dict(r._mapping) for r in await uow.connection.execute(query)])
            raise _RolledBack(*stored)

        try:
            self.run(go)
        except _RolledBack as done:
            return done.args
        raise AssertionError("not rolled back")

    def receive(self, event: OrderReceived) -> Any:
        return self.run(lambda uow: record_received_order(event, uow))

    def result(self, merchant: uuid.UUID, entry_id: Any, kind: str, state: str = "synced") -> None:
        event = _result(merchant, entry_id, kind, state)
        self.run(lambda uow: apply_entry_result(event, uow))

    def commands(self) -> list[PostToQuickBooks]:
        async def read() -> list[str]:
            engine = create_engine(self.url)
            try:
                async with engine.connect() as conn:
                    query = select(outbox.c.payload).order_by(outbox.c.id)
                    return list((await conn.execute(query)).scalars().all())
            finally:
                await engine.dispose()

        return [PostToQuickBooks.model_validate_json(p) for p in asyncio.run(read())]

    def get(self, merchant: uuid.UUID, path: str) -> Any:
        response = self.client.get(path, headers=_as(merchant))
        assert response.status_code == 200, response.text
        return response.json()

    def pay(self, merchant: uuid.UUID, body: dict[str, Any], key: str | None = None) -> Any:
        headers = _as(merchant, **({"Idempotency-Key": key} if key else {}))
        return self.client.post("/payments", json=body, headers=headers)


class _RolledBack(Exception):
    """Carries what a unit of work saw out of it, rolling it back."""


@pytest.fixture
def payables(database_url, nats_server) -> Iterator[Payables]:
    upgrade(MIGRATIONS, database_url)
    settings = Settings(database_url=database_url, nats_url=nats_server.url)
    with TestClient(create_api(settings)) as client:
        yield Payables(client, database_url)


def _as(merchant: uuid.UUID, **extra: str) -> dict[str, str]:
    token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}", **extra}


def _order(
    merchant: uuid.UUID, invoice: str = "INV-1", vendor: str = "Acme Beverage",
    beer: str = "200.00", wine: str = "100.00", credits: tuple[str, ...] = ("25.00",),
) -> OrderReceived:  # fmt: skip
    categories = [
        CategoryTotal(category="Beer", amount=Decimal(beer)),
        CategoryTotal(category="Wine", amount=Decimal(wine)),
    ]
    return OrderReceived(
        merchant_id=merchant,
        order_id=uuid.uuid4(),
        vendor_name=vendor,
        invoice_number=invoice,
        received_on=date(2026, 11, 24),
        due_date=date(2026, 12, 24),
        total=Decimal(beer) + Decimal(wine),
        categories=categories,
        credits=[
            OrderCredit(reason="breakage", amount=Decimal(c), category="Beer") for c in credits
        ],
    )


def _result(
    merchant: uuid.UUID, entry_id: Any, kind: str, state: str = "synced", **extra: Any
) -> QuickBooksEntryResult:
    """What the gateway tells payables of one entry: synced with a TxnID, or refused."""
    synced = state == "synced"
    return QuickBooksEntryResult(
        merchant_id=merchant,
        entry_id=entry_id,
        state=state,
        kind=kind,
        source="payables",
        txn_id=f"TXN-{str(entry_id)[:8]}" if synced else None,
        explanation=None if synced else "QuickBooks refused it: fix the account.",
        **extra,
    )


def test_a_received_order_makes_one_bill_and_one_credit_with_stable_entry_ids(payables):
    merchant = uuid.uuid4()
    event = _order(merchant, credits=("25.00", "5.00"))
    bill, credit = payables.receive(event)
    again_bill, again_credit = payables.receive(event)  # redelivered
    assert (again_bill.id, again_credit.id) == (bill.id, credit.id)
    commands = payables.commands()
    assert [(c.kind, c.entry_id) for c in commands] == [
        ("bill", bill.id),
        ("vendor-credit", credit.id),
    ]
    assert [(ln.account, str(ln.amount)) for ln in commands[0].lines] == [
        ("purchases:beer", "200.00"),
        ("purchases:wine", "100.00"),
    ]
    assert commands[0].ref_number == "INV-1"
    assert commands[0].due_date == date(2026, 12, 24)
    assert [str(ln.amount) for ln in commands[1].lines] == ["25.00", "5.00"]
    page = payables.get(merchant, "/accounts-payable")
    assert page["total_due"] == "300.00"
    assert page["total_credits"] == "30.00"
    assert page["vendors"] == [
        {"vendor_name": "Acme Beverage", "open_bills": "300.00",
         "unapplied_credits": "30.00", "balance": "270.00"}
    ]  # fmt: skip
    assert page["due"][0]["state"] == "pending"
    payables.result(merchant, bill.id, "bill")
    assert payables.get(merchant, f"/bills/{bill.id}")["txn_id"] == f"TXN-{str(bill.id)[:8]}"


def test_a_payment_applies_bill_and_credit_once_and_balances_move_when_synced(payables):
    merchant = uuid.uuid4()
    bill, credit = payables.receive(_order(merchant))
    body = {"bills": [{"bill_id": str(bill.id)}], "credits": [{"credit_id": str(credit.id)}]}
    first = payables.pay(merchant, body, key="press-1")
    assert first.status_code == 201, first.text
    [payment] = first.json()
    assert payment["amount"] == "275.00"  # 300.00 due - 25.00 credit
    assert payment["applied"][0]["credits"] == [
        {"credit_id": str(credit.id), "invoice_number": "INV-1", "amount": "25.00"}
    ]
    again = payables.pay(merchant, body, key="press-1")  # the button pressed twice
    assert again.status_code == 200
    assert [p["id"] for p in again.json()] == [payment["id"]]
    without_key = payables.pay(merchant, body)  # a third press, no key: the bill is taken
    assert without_key.status_code == 422
    assert "already in a payment waiting for QuickBooks" in without_key.json()["error"]["message"]
    [command] = [c for c in payables.commands() if c.kind == "bill-payment"]
    assert command.entry_id == uuid.UUID(payment["id"])
    assert command.bank_account == "operating-account"
    assert [(a.bill_entry_id, str(a.amount)) for a in command.applied] == [(bill.id, "275.00")]
    # Pending: balances unchanged until QuickBooks has the payment.
    assert payables.get(merchant, f"/bills/{bill.id}")["open_balance"] == "300.00"
    payables.result(merchant, payment["id"], "bill-payment")
    payables.result(
        merchant, payment["id"], "bill-payment"
    )  # a repeated result changes nothing more
    paid = payables.get(merchant, f"/bills/{bill.id}")
    assert (paid["open_balance"], paid["paid"], paid["credited"]) == ("0.00", "275.00", "25.00")
    assert not paid["in_pending_payment"]
    assert payables.get(merchant, "/accounts-payable")["due"] == []
    assert payables.get(merchant, f"/payments/{payment['id']}")["state"] == "synced"


def test_a_partial_payment_leaves_the_right_open_balance(payables):
    merchant = uuid.uuid4()
    bill, _ = payables.receive(_order(merchant, credits=()))
    made = payables.pay(merchant, {"bills": [{"bill_id": str(bill.id), "amount": "120.50"}]})
    [payment] = made.json()
    payables.result(merchant, payment["id"], "bill-payment")
    assert payables.get(merchant, f"/bills/{bill.id}")["open_balance"] == "179.50"
    rest = payables.pay(merchant, {"bills": [{"bill_id": str(bill.id)}]})
    assert rest.json()[0]["amount"] == "179.50"  # the default is the whole open amount


def test_a_failed_payment_frees_its_bills_and_changes_no_balance(payables):
    merchant = uuid.uuid4()
    bill, _ = payables.receive(_order(merchant, credits=()))
    [payment] = payables.pay(merchant, {"bills": [{"bill_id": str(bill.id)}]}).json()
    payables.result(merchant, payment["id"], "bill-payment", state="failed")
    failed = payables.get(merchant, f"/payments/{payment['id']}")
    assert failed["state"] == "failed"
    assert "fix the account" in failed["detail"]
    after = payables.get(merchant, f"/bills/{bill.id}")
    assert after["open_balance"] == "300.00"
    assert not after["in_pending_payment"]
    assert payables.pay(merchant, {"bills": [{"bill_id": str(bill.id)}]}).status_code == 201


def test_one_payment_per_vendor(payables):
    merchant = uuid.uuid4()
    acme, _ = payables.receive(_order(merchant, "A-1", credits=()))
    beta, beta_credit = payables.receive(_order(merchant, "B-1", vendor="Beta Wines"))
    body = {
        "bills": [{"bill_id": str(acme.id)}, {"bill_id": str(beta.id)}],
        "credits": [{"credit_id": str(beta_credit.id), "amount": "10.00"}],
    }
    payments = payables.pay(merchant, body).json()
    assert sorted((p["vendor_name"], p["amount"]) for p in payments) == [
        ("Acme Beverage", "300.00"),
        ("Beta Wines", "290.00"),
    ]


def test_bad_selections_are_refused_with_the_reason_and_change_nothing(payables):
    merchant, other = uuid.uuid4(), uuid.uuid4()
    bill, credit = payables.receive(_order(merchant))
    beta, _ = payables.receive(_order(merchant, "B-1", vendor="Beta Wines", credits=()))
    small, big_credit = payables.receive(
        _order(merchant, "S-1", beer="10.00", wine="0.00", credits=("9.00",))
    )
    b, c = str(bill.id), str(credit.id)
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({}, 422, "select at least one bill to pay"),
        ({"credits": [{"credit_id": c}]}, 422, "credits are applied to bills"),
        ({"bills": [{"bill_id": b, "amount": "300.01"}]}, 422,
         "300.01 is more than its open balance 300.00"),
        ({"bills": [{"bill_id": b, "amount": "0.00"}]}, 422, "amount must be positive"),
        ({"bills": [{"bill_id": b, "amount": "0.005"}]}, 422, "more than 2 decimal places"),
        ({"bills": [{"bill_id": b}, {"bill_id": b}]}, 422, "is selected twice"),
        ({"bills": [{"bill_id": str(beta.id)}], "credits": [{"credit_id": c}]}, 422,
         "credit INV-1 is from Acme Beverage; it can only be applied to bills of Acme Beverage"),
        ({"bills": [{"bill_id": b}], "credits": [{"credit_id": c, "amount": "25.01"}]}, 422,
         "25.01 is more than the 25.00 still available"),
        ({"bills": [{"bill_id": str(small.id), "amount": "5.00"}],
          "credits": [{"credit_id": str(big_credit.id)}]}, 422,
         "credits selected for Acme Beverage (9.00) are more than the bills selected (5.00)"),
        ({"bills": [{"bill_id": str(uuid.uuid4())}]}, 404, "not found"),
    ]  # fmt: skip
    before = len(payables.commands())
    for body, status, message in cases:
        response = payables.pay(merchant, body)
        assert response.status_code == status, (body, response.text)
        assert message in response.json()["error"]["message"], response.text
    # Another merchant can neither read nor pay these bills.
    assert payables.client.get(f"/bills/{b}", headers=_as(other)).status_code == 404
    assert payables.pay(other, {"bills": [{"bill_id": b}]}).status_code == 404
    assert payables.get(other, "/accounts-payable")["due"] == []
    assert len(payables.commands()) == before
    assert payables.get(merchant, "/payments") == []
    assert not any(x["in_pending_payment"] for x in payables.get(merchant, "/bills"))


def test_checks_are_previewed_then_written_with_date_account_number_and_who(payables):
    merchant = uuid.uuid4()
    acme, _ = payables.receive(_order(merchant, "A-1", credits=()))
    acme2, credit = payables.receive(_order(merchant, "A-2"))
    zed, _ = payables.receive(_order(merchant, "Z-1", vendor="Zed Wines", credits=()))
    for bill in (acme, acme2, zed):
        payables.result(merchant, bill.id, "bill")
    payables.result(merchant, credit.id, "vendor-credit")
    body = {
        "bills": [{"bill_id": str(b.id)} for b in (acme, acme2, zed)],
        "credits": [{"credit_id": str(credit.id)}],
        "payment_date": "2026-11-29",
        "pay_from": "bank:80000002-1",
        "check_number": "0998",
    }
    headers = _as(merchant)
    preview = payables.client.post("/payments/preview", json=body, headers=headers)
    assert preview.status_code == 200, preview.text
    assert [
        (c["vendor_name"], c["amount"], c["credits_applied"], c["check_number"], c["bills"])
        for c in preview.json()
    ] == [
        ("Acme Beverage", "575.00", "25.00", "0998", ["A-1", "A-2"]),
        ("Zed Wines", "300.00", "0.00", "0999", ["Z-1"]),
    ]
    assert len(payables.commands()) == 4  # three bills and a credit: the preview sent nothing

    token = TOKENS.mint(subject="u-7", role=Role.MERCHANT, merchant_id=merchant, name="Dana W")
    made = payables.client.post(
        "/payments", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert made.status_code == 201, made.text
    assert [(p["check_number"], p["made_by"], p["tone"]) for p in made.json()] == [
        ("0998", "Dana W", "pending"),
        ("0999", "Dana W", "pending"),
    ]
    checks = [c for c in payables.commands() if c.kind == "bill-payment"]
    assert [(c.ref_number, c.bank_account, c.to_be_printed, str(c.txn_date)) for c in checks] == [
        ("0998", "bank:80000002-1", False, "2026-11-29"),
        ("0999", "bank:80000002-1", False, "2026-11-29"),
    ]


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"pay_from": "card-clearing"}, "pay_from", "not a bank account"),
        ({"check_number": "1001", "to_be_printed": True}, "check_number", "not both"),
        ({"check_number": "A-1"}, "check_number", "numbered in turn"),
        ({"check_number": "99999999999"}, "check_number", "at most 11"),
    ],
)
def test_check_details_that_cannot_be_written_are_refused_beside_the_field(
    payables, change, field, says
):
    merchant = uuid.uuid4()
    one, _ = payables.receive(_order(merchant, "A-1", credits=()))
    two, _ = payables.receive(_order(merchant, "Z-1", vendor="Zed Wines", credits=()))
    for bill in (one, two):
        payables.result(merchant, bill.id, "bill")
    body = {"bills": [{"bill_id": str(one.id)}, {"bill_id": str(two.id)}], **change}
    for path in ("/payments/preview", "/payments"):
        answer = payables.client.post(path, json=body, headers=_as(merchant))
        assert answer.status_code == 422
        assert answer.json()["error"]["field"] == field
        assert says in answer.json()["error"]["message"]
    assert [c.kind for c in payables.commands()] == ["bill", "bill"]  # nothing recorded


def test_a_held_entry_reads_waiting_with_its_reason_then_pending_then_synced(payables):
    merchant = uuid.uuid4()
    bill, _ = payables.receive(_order(merchant, credits=()))
    event = QuickBooksEntryResult(
        merchant_id=merchant,
        entry_id=bill.id,
        state="waiting",
        kind="bill",
        source="payables",
        explanation="Waiting for a mapping: map Purchases: Wine in Chart of Accounts.",
    )
    payables.run(lambda uow: apply_entry_result(event, uow))
    [due] = payables.get(merchant, "/accounts-payable")["due"]
    assert (due["state"], due["tone"]) == ("waiting", "waiting")
    assert "map Purchases: Wine" in due["detail"]
    payables.result(merchant, bill.id, "bill", state="pending")
    assert payables.get(merchant, "/accounts-payable")["due"][0]["tone"] == "pending"
    payables.result(merchant, bill.id, "bill")
    assert payables.get(merchant, "/accounts-payable")["due"][0]["tone"] == "synced"


def test_orders_together_open_what_each_would_open_alone(payables):
    one, other = uuid.uuid4(), uuid.uuid4()
    first = _order(one, "INV-1")
    corrected = first.model_copy(
        update={
            "message_id": uuid.uuid4(),
            "revision": 2,
            "total": Decimal("250.00"),
            "categories": [CategoryTotal(category="Beer", amount=Decimal("250.00"))],
        }
    )
    events = [
        first,
        _order(other, "INV-2", credits=()),
        first,  # a repeat inside the set: the bill just opened
        _order(one, "INV-3", beer="0.00", wine="0.00", credits=()),  # nothing to send
        corrected,  # a later revision of an order opened in the same set
        _order(one, "INV-4"),
    ]
    outcomes = {
        how: payables.run_and_roll_back(how, events, [one, other]) for how in ("alone", "together")
    }
    assert outcomes["together"] == outcomes["alone"]
    recorded, bill_rows, credit_rows, commands = outcomes["together"]
    assert len(bill_rows) == 4
    assert len(credit_rows) == 2
    assert [kind for _, kind, *_ in commands].count("bill") == 3  # INV-1, INV-2, INV-4
    assert recorded[4][2] == Decimal("250.00")  # the correction changed the bill


def _statements(payables: Payables, use_case: Any) -> int:
    """How many statements `use_case(uow)` sends to the database."""
    from sqlalchemy import event

    statements: list[str] = []

    async def counted(uow: PayablesUnitOfWork) -> None:
        engine = uow.connection.sync_engine

        def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if "pg_advisory" not in statement:  # PostgreSQL's one lock of the batch's merchants
                statements.append(statement)

        event.listen(engine, "before_cursor_execute", seen)
        try:
            await use_case(uow)
        finally:
            event.remove(engine, "before_cursor_execute", seen)

    payables.run(counted)
    return len(statements)


def test_orders_together_cost_the_same_few_statements_however_many(payables):
    counts = []
    for per_merchant in (1, 5):
        merchants = [uuid.uuid4() for _ in range(8)]
        events = [_order(m, f"INV-{i}") for i in range(per_merchant) for m in merchants]
        counts.append(_statements(payables, partial(record_received_orders, events)))
    # The bills already open, the new bills, the new credits, the commands: one each.
    assert counts == [4, 4]
    # Their results: one read of the bills and credits of each kind, one write of each.
    results = [
        QuickBooksEntryResult(
            merchant_id=c.merchant_id,
            entry_id=c.entry_id,
            state="synced",
            kind=c.kind,
            source="payables",
            txn_id="TXN-1",
        )
        for c in payables.commands()
    ]
    assert _statements(payables, partial(apply_entry_results, results)) == 4


def test_results_together_do_what_each_would_do_alone(payables):
    merchant = uuid.uuid4()
    bill, credit = payables.receive(_order(merchant, "INV-1"))
    other, _ = payables.receive(_order(merchant, "INV-2", credits=()))
    body = {"bills": [{"bill_id": str(bill.id)}], "credits": [{"credit_id": str(credit.id)}]}
    [payment] = payables.pay(merchant, body, key="press").json()

    result = partial(_result, merchant)

    results = [
        result(bill.id, "bill", "pending"),
        result(bill.id, "bill"),  # the same bill again: the later result stands
        result(credit.id, "vendor-credit"),
        result(other.id, "bill", "failed"),
        result(payment["id"], "bill-payment"),  # changes the bill's balance: applied alone
        result(other.id, "bill"),  # after it: reads the bill again
        result(uuid.uuid4(), "bill"),  # a bill payables never had
    ]
    outcomes = {}
    for how in ("alone", "together"):
        outcomes[how] = payables.results_and_roll_back(how, results, merchant)
    assert outcomes["together"] == outcomes["alone"]
    bill_rows, credit_rows = outcomes["together"]
    states = {row["invoice_number"]: (row["state"], row["open_balance"]) for row in bill_rows}
    assert states == {"INV-1": ("synced", Decimal("0.00")), "INV-2": ("synced", Decimal("300.00"))}
    assert [row["state"] for row in credit_rows] == ["synced"]


def test_the_bills_of_a_batch_of_orders_are_searched_by_index(tmp_path):
    # By orders alone, the query read every bill of every merchant for each batch.
    from cobalt_payables.adapters.repository import _BILLS_OF_ORDERS

    url = f"sqlite+aiosqlite:///{tmp_path}/plan.db"
    upgrade(MIGRATIONS, url)

    async def plan() -> list[str]:
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                query = _BILLS_OF_ORDERS.params(merchants=[uuid.uuid4()], orders=[uuid.uuid4()])
                sql = query.compile(
                    dialect=conn.dialect,
                    compile_kwargs={"literal_binds": True, "render_postcompile": True},
                )
                rows = await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
                return [row[-1] for row in rows]
        finally:
            await engine.dispose()

    [step] = asyncio.run(plan())
    assert step.startswith("SEARCH bills USING INDEX"), step
    assert "merchant_id=? AND order_id=?" in step


def test_results_come_a_set_at_a_time_and_one_at_a_time_in_the_order_published(
    payables, nats_server
):
    """The gateway tells a transaction's results to payables in one message. A result in the
    older one-per-message body (published before sets existed) is still applied, in stream
    order with the sets around it, by the real consumer over a real JetStream."""
    import nats

    from cobalt_payables.entrypoints.messaging import build_consumers
    from cobalt_shared.contracts.subjects import (
        GATEWAY_STREAM,
        ORDERS_STREAM,
        PAYABLES_STREAM,
        entry_result,
    )
    from cobalt_shared.inbox import InboxConfig, InboxConsumers
    from cobalt_shared.messaging import ensure_stream

    merchant = uuid.uuid4()
    bill, credit = payables.receive(_order(merchant))
    other_bill, _ = payables.receive(_order(merchant, invoice="INV-2", credits=()))

    told = partial(_result, merchant)
    messages = [
        # Older gateway: one result per message.
        told(bill.id, "bill", "waiting"),
        # A set: the bill synced after it waited (order matters), and its credit with it.
        QuickBooksEntryResults(
            merchant_id=merchant,
            results=[told(bill.id, "bill"), told(credit.id, "vendor-credit")],
        ),
        # A set, then a lone result about the same bill after it.
        QuickBooksEntryResults(merchant_id=merchant, results=[told(other_bill.id, "bill")]),
        told(other_bill.id, "bill", "failed"),
    ]

    async def go() -> None:
        waiting_for = {str(m.message_id) for m in messages}
        all_committed = asyncio.Event()

        def committed(ids: Sequence[str]) -> None:  # the inbox's hook, after each commit
            waiting_for.difference_update(ids)
            if not waiting_for:
                all_committed.set()

        engine = create_engine(payables.url)
        config = InboxConfig(lambda: PayablesUnitOfWork(engine), after_commit=committed)
        consumers = InboxConsumers([build_consumers(config)])
        nc = await nats.connect(nats_server.url)
        try:
            js = nc.jetstream()
            for spec in (GATEWAY_STREAM, ORDERS_STREAM, PAYABLES_STREAM):
                await ensure_stream(js, spec)
            for message in messages:
                await js.publish(
                    entry_result(merchant, "payables"), message.model_dump_json().encode()
                )
            await consumers.start(nc)
            await asyncio.wait_for(all_committed.wait(), 20)
        finally:
            await consumers.stop()
            await nc.close()
            await engine.dispose()

    asyncio.run(go())
    first = payables.get(merchant, f"/bills/{bill.id}")
    assert (first["state"], first["txn_id"]) == ("synced", f"TXN-{bill.id.hex[:8]}")
    [credit_row] = payables.get(merchant, "/accounts-payable")["credits"]
    assert credit_row["state"] == "synced"
    assert payables.get(merchant, f"/bills/{other_bill.id}")["state"] == "failed"
