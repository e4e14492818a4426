"""Payables persistence: bills, vendor credits, payments and payment requests."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, Table, Update, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_payables.adapters.orm import bills, payment_requests, payments, vendor_credits
from cobalt_payables.domain.bill import Bill, Line, QuickBooksSide, SyncState, VendorCredit
from cobalt_payables.domain.payment import Application, CreditUse, Payment
from cobalt_shared.names import vendor_key


def _lines_json(lines: tuple[Line, ...]) -> str:
    return json.dumps(
        [{"account": ln.account, "amount": str(ln.amount), "memo": ln.memo} for ln in lines]
    )


def _bill_row(bill: Bill) -> dict[str, Any]:
    return {
        "id": bill.id,
        "merchant_id": bill.merchant_id,
        "order_id": bill.order_id,
        "vendor_name": bill.vendor_name,
        "invoice_number": bill.invoice_number,
        "bill_date": bill.bill_date,
        "due_date": bill.due_date,
        "amount": bill.amount,
        "open_balance": bill.open_balance,
        "lines": _lines_json(bill.lines),
        "recorded_at": bill.recorded_at,
        "state": bill.state.value,
        "txn_id": bill.txn_id,
        "detail": bill.detail,
        "paid": bill.paid,
        "credited": bill.credited,
        "pending_payment_id": bill.pending_payment_id,
        "revision": bill.revision,
    }


def _bill_changes(bill: Bill) -> dict[str, Any]:
    return {
        "_merchant": bill.merchant_id,
        "_id": bill.id,
        "state": bill.state.value,
        "txn_id": bill.txn_id,
        "detail": bill.detail,
        "paid": bill.paid,
        "credited": bill.credited,
        "open_balance": bill.open_balance,
        "in_quickbooks": _side_json(bill.in_quickbooks),
        "amount": bill.amount,
        "lines": _lines_json(bill.lines),
        "invoice_number": bill.invoice_number,
        "due_date": bill.due_date,
        "revision": bill.revision,
        "correction_problem": bill.correction_problem,
    }


def _credit_changes(credit: VendorCredit) -> dict[str, Any]:
    return {
        "_merchant": credit.merchant_id,
        "_id": credit.id,
        "state": credit.state.value,
        "txn_id": credit.txn_id,
        "detail": credit.detail,
        "applied": credit.applied,
        "available": credit.available,
        "in_quickbooks": _side_json(credit.in_quickbooks),
        "amount": credit.amount,
        "lines": _lines_json(credit.lines),
        "invoice_number": credit.invoice_number,
    }


async def _many(
    db: AsyncConnection, query: Select[Any], keys: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> dict[tuple[uuid.UUID, uuid.UUID], Any]:
    """Rows of `query` (a select by the parameter `ids`) for these (merchant, id) pairs."""
    wanted = set(keys)
    if not wanted:
        return {}
    rows = await db.execute(query, {"ids": sorted({i for _, i in wanted})})
    found = ((r._mapping, (r.merchant_id, r.id)) for r in rows)
    return {key: row for row, key in found if key in wanted}


def _credit_row(credit: VendorCredit) -> dict[str, Any]:
    return {
        "id": credit.id,
        "merchant_id": credit.merchant_id,
        "order_id": credit.order_id,
        "vendor_name": credit.vendor_name,
        "invoice_number": credit.invoice_number,
        "credit_date": credit.credit_date,
        "amount": credit.amount,
        "available": credit.available,
        "lines": _lines_json(credit.lines),
        "recorded_at": credit.recorded_at,
        "state": credit.state.value,
        "txn_id": credit.txn_id,
        "detail": credit.detail,
        "applied": credit.applied,
        "pending_payment_id": credit.pending_payment_id,
    }


def _lines(text: str) -> tuple[Line, ...]:
    return tuple(
        Line(ln["account"], Decimal(ln["amount"]), ln.get("memo")) for ln in json.loads(text)
    )


class _Claims:
    """Marks rows as part of a pending payment, atomically: a row already claimed stays with
    the payment that claimed it first (two presses of the button cannot both take it)."""

    table: Table

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def claim(self, merchant_id: uuid.UUID, row_id: uuid.UUID, payment_id: uuid.UUID) -> bool:
        result = await self._db.execute(
            update(self.table)
            .where(
                self.table.c.merchant_id == merchant_id,
                self.table.c.id == row_id,
                self.table.c.pending_payment_id.is_(None),
            )
            .values(pending_payment_id=payment_id)
        )
        return result.rowcount == 1

    async def release(self, merchant_id: uuid.UUID, payment_id: uuid.UUID) -> None:
        await self._db.execute(
            update(self.table)
            .where(
                self.table.c.merchant_id == merchant_id,
                self.table.c.pending_payment_id == payment_id,
            )
            .values(pending_payment_id=None)
        )


class BillRepository(_Claims):
    table = bills

    async def add(self, bill: Bill) -> None:
        await self.add_all([bill])

    async def add_all(self, new: Sequence[Bill]) -> None:
        """Insert the bills with one statement (an executemany)."""
        if new:
            await self._db.execute(_INSERT_BILL, [_bill_row(b) for b in new])

    async def save(self, bill: Bill) -> None:
        await self.save_all([bill])

    async def save_all(self, changed: Sequence[Bill]) -> None:
        """Save the bills' changes with one statement (an executemany)."""
        if changed:
            await self._db.execute(_UPDATE_BILL, [_bill_changes(b) for b in changed])

    async def get_many(
        self, keys: Iterable[tuple[uuid.UUID, uuid.UUID]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], Bill]:
        """The bills of these (merchant, bill id) pairs that exist, with one query."""
        found = await _many(self._db, _BILLS, keys)
        return {key: _to_bill(row) for key, row in found.items()}

    async def get(self, merchant_id: uuid.UUID, bill_id: uuid.UUID) -> Bill | None:
        row = (await self._db.execute(_BILL, {"merchant": merchant_id, "id": bill_id})).first()
        return _to_bill(row._mapping) if row else None

    async def for_order(self, merchant_id: uuid.UUID, order_id: uuid.UUID) -> Bill | None:
        parameters = {"merchant": merchant_id, "order": order_id}
        row = (await self._db.execute(_BILL_OF_ORDER, parameters)).first()
        return _to_bill(row._mapping) if row else None

    async def for_orders(
        self, orders: Iterable[tuple[uuid.UUID, uuid.UUID]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], Bill]:
        """The bills of these (merchant, order) pairs that have one, with one query."""
        wanted = set(orders)
        if not wanted:
            return {}
        parameters = {
            "merchants": sorted({m for m, _ in wanted}),
            "orders": sorted({o for _, o in wanted}),
        }
        rows = await self._db.execute(_BILLS_OF_ORDERS, parameters)
        found = (_to_bill(r._mapping) for r in rows)
        return {
            (b.merchant_id, b.order_id): b for b in found if (b.merchant_id, b.order_id) in wanted
        }

    async def find(
        self, merchant_id: uuid.UUID, *, open_only: bool = False, vendor: str | None = None,
        limit: int = 500, order_ids: Sequence[uuid.UUID] = (),
    ) -> list[Bill]:  # fmt: skip
        query = select(bills).where(bills.c.merchant_id == merchant_id)
        if order_ids:
            query = query.where(bills.c.order_id.in_(list(order_ids)))
        if open_only:
            # What can be paid: something open, and in QuickBooks or on its way there.
            query = query.where(
                bills.c.open_balance > 0, bills.c.state != SyncState.NOT_IN_QUICKBOOKS.value
            )
        rows = await self._db.execute(
            query.order_by(bills.c.bill_date, bills.c.recorded_at).limit(limit)
        )
        found = [_to_bill(r._mapping) for r in rows]
        if vendor:
            found = [b for b in found if vendor_key(vendor) in vendor_key(b.vendor_name)]
        return found

    async def open_bills(self, merchant_id: uuid.UUID, limit: int = 500) -> list[Bill]:
        return await self.find(merchant_id, open_only=True, limit=limit)


class CreditRepository(_Claims):
    table = vendor_credits

    async def add(self, credit: VendorCredit) -> None:
        await self.add_all([credit])

    async def add_all(self, new: Sequence[VendorCredit]) -> None:
        """Insert the credits with one statement (an executemany)."""
        if new:
            await self._db.execute(_INSERT_CREDIT, [_credit_row(c) for c in new])

    async def save(self, credit: VendorCredit) -> None:
        await self.save_all([credit])

    async def save_all(self, changed: Sequence[VendorCredit]) -> None:
        """Save the credits' changes with one statement (an executemany)."""
        if changed:
            await self._db.execute(_UPDATE_CREDIT, [_credit_changes(c) for c in changed])

    async def get_many(
        self, keys: Iterable[tuple[uuid.UUID, uuid.UUID]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], VendorCredit]:
        """The credits of these (merchant, credit id) pairs that exist, with one query."""
        found = await _many(self._db, _CREDITS, keys)
        return {key: _to_credit(row) for key, row in found.items()}

    async def get(self, merchant_id: uuid.UUID, credit_id: uuid.UUID) -> VendorCredit | None:
        parameters = {"merchant": merchant_id, "id": credit_id}
        row = (await self._db.execute(_CREDIT, parameters)).first()
        return _to_credit(row._mapping) if row else None

    async def find(
        self, merchant_id: uuid.UUID, *, available_only: bool = False
    ) -> list[VendorCredit]:
        query = select(vendor_credits).where(vendor_credits.c.merchant_id == merchant_id)
        if available_only:
            query = query.where(
                vendor_credits.c.available > 0,
                vendor_credits.c.state != SyncState.NOT_IN_QUICKBOOKS.value,
            )
        rows = await self._db.execute(
            query.order_by(vendor_credits.c.credit_date, vendor_credits.c.recorded_at)
        )
        return [_to_credit(r._mapping) for r in rows]


def _update_of(table: Table, columns: str) -> Update:
    """An UPDATE of these columns (space-separated) of one merchant's row, the row named by
    the parameters `_merchant` and `_id`, each column's value by its own name."""
    return (
        update(table)
        .where(table.c.merchant_id == bindparam("_merchant"), table.c.id == bindparam("_id"))
        .values({k: bindparam(k) for k in columns.split()})
    )


# What every received order and every entry result runs, built once: SQLAlchemy then reuses
# their compiled form instead of building and keying each statement again.
_INSERT_BILL = insert(bills)
_INSERT_CREDIT = insert(vendor_credits)
_BILLS = select(bills).where(bills.c.id.in_(bindparam("ids", expanding=True)))
_BILL = select(bills).where(
    bills.c.merchant_id == bindparam("merchant"), bills.c.id == bindparam("id")
)
_BILL_OF_ORDER = select(bills).where(
    bills.c.merchant_id == bindparam("merchant"), bills.c.order_id == bindparam("order")
)
# By merchants and orders, so both databases search the (merchant, order) unique index: by
# orders alone they read every bill.
_BILLS_OF_ORDERS = select(bills).where(
    bills.c.merchant_id.in_(bindparam("merchants", expanding=True)),
    bills.c.order_id.in_(bindparam("orders", expanding=True)),
)
_UPDATE_BILL = _update_of(
    bills,
    "state txn_id detail paid credited open_balance in_quickbooks amount lines invoice_number"
    " due_date revision correction_problem",
)
_CREDITS = select(vendor_credits).where(vendor_credits.c.id.in_(bindparam("ids", expanding=True)))
_CREDIT = select(vendor_credits).where(
    vendor_credits.c.merchant_id == bindparam("merchant"), vendor_credits.c.id == bindparam("id")
)
_UPDATE_CREDIT = _update_of(
    vendor_credits,
    "state txn_id detail applied available in_quickbooks amount lines invoice_number",
)


class PaymentRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, payment: Payment) -> None:
        await self._db.execute(
            insert(payments).values(
                id=payment.id, merchant_id=payment.merchant_id, vendor_name=payment.vendor_name,
                payment_date=payment.payment_date, amount=payment.amount,
                applications=_applications_json(payment.applications),
                request_id=payment.request_id, recorded_at=payment.recorded_at,
                state=payment.state.value, txn_id=payment.txn_id, detail=payment.detail,
                pay_from=payment.pay_from, check_number=payment.check_number,
                to_be_printed=payment.to_be_printed, made_by=payment.made_by,
            )
        )  # fmt: skip

    async def save(self, payment: Payment) -> None:
        await self._db.execute(
            update(payments)
            .where(payments.c.merchant_id == payment.merchant_id, payments.c.id == payment.id)
            .values(
                state=payment.state.value,
                txn_id=payment.txn_id,
                detail=payment.detail,
                void_state=payment.void_state.value if payment.void_state else None,
                void_detail=payment.void_detail,
                voided_by=payment.voided_by,
            )
        )

    async def get(self, merchant_id: uuid.UUID, payment_id: uuid.UUID) -> Payment | None:
        query = select(payments).where(
            payments.c.merchant_id == merchant_id, payments.c.id == payment_id
        )
        row = (await self._db.execute(query)).first()
        return _to_payment(row._mapping) if row else None

    async def find(
        self, merchant_id: uuid.UUID, request_id: uuid.UUID | None = None
    ) -> list[Payment]:
        query = select(payments).where(payments.c.merchant_id == merchant_id)
        if request_id is not None:
            query = query.where(payments.c.request_id == request_id)
        rows = await self._db.execute(query.order_by(payments.c.recorded_at.desc()))
        return [_to_payment(r._mapping) for r in rows]


class PaymentRequestRepository:
    """Which Idempotency-Key made which payments."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def find(self, merchant_id: uuid.UUID, key: str) -> tuple[uuid.UUID, str] | None:
        query = select(payment_requests.c.id, payment_requests.c.request_hash).where(
            payment_requests.c.merchant_id == merchant_id,
            payment_requests.c.idempotency_key == key,
        )
        row = (await self._db.execute(query)).first()
        return (row[0], row[1]) if row else None

    async def add(
        self, request_id: uuid.UUID, merchant_id: uuid.UUID, key: str, request_hash: str,
        now: datetime,
    ) -> None:  # fmt: skip
        await self._db.execute(
            insert(payment_requests).values(
                id=request_id, merchant_id=merchant_id, idempotency_key=key,
                request_hash=request_hash, recorded_at=now,
            )
        )  # fmt: skip


def _applications_json(applications: tuple[Application, ...]) -> str:
    return json.dumps(
        [
            {
                "bill_id": str(a.bill_id),
                "cash": str(a.cash),
                "credits": [
                    {"credit_id": str(c.credit_id), "amount": str(c.amount)} for c in a.credits
                ],
            }
            for a in applications
        ]
    )


def _side_json(side: QuickBooksSide | None) -> str | None:
    if side is None:
        return None
    on = side.paid_elsewhere_on
    return json.dumps(
        {
            "amount": str(side.amount),
            "open_amount": str(side.open_amount),
            "paid_elsewhere": str(side.paid_elsewhere),
            "paid_elsewhere_on": on.isoformat() if on else None,
            "deleted": side.deleted,
        }
    )


def _side(text: str | None) -> QuickBooksSide | None:
    if not text:
        return None
    raw = json.loads(text)
    on = raw.get("paid_elsewhere_on")
    return QuickBooksSide(
        amount=Decimal(raw["amount"]),
        open_amount=Decimal(raw["open_amount"]),
        paid_elsewhere=Decimal(raw["paid_elsewhere"]),
        paid_elsewhere_on=date.fromisoformat(on) if on else None,
        deleted=bool(raw.get("deleted")),
    )


def _to_bill(row: Any) -> Bill:
    return Bill(
        id=row["id"], merchant_id=row["merchant_id"], order_id=row["order_id"],
        vendor_name=row["vendor_name"], invoice_number=row["invoice_number"],
        bill_date=row["bill_date"], due_date=row["due_date"], amount=row["amount"],
        lines=_lines(row["lines"]), recorded_at=row["recorded_at"],
        state=SyncState(row["state"]), txn_id=row["txn_id"], detail=row["detail"],
        paid=row["paid"], credited=row["credited"], pending_payment_id=row["pending_payment_id"],
        in_quickbooks=_side(row["in_quickbooks"]), revision=row["revision"],
        correction_problem=row["correction_problem"],
    )  # fmt: skip


def _to_credit(row: Any) -> VendorCredit:
    return VendorCredit(
        id=row["id"], merchant_id=row["merchant_id"], order_id=row["order_id"],
        vendor_name=row["vendor_name"], invoice_number=row["invoice_number"],
        credit_date=row["credit_date"], amount=row["amount"], lines=_lines(row["lines"]),
        recorded_at=row["recorded_at"], state=SyncState(row["state"]), txn_id=row["txn_id"],
        detail=row["detail"], applied=row["applied"],
        pending_payment_id=row["pending_payment_id"], in_quickbooks=_side(row["in_quickbooks"]),
    )  # fmt: skip


def _to_payment(row: Any) -> Payment:
    applications = tuple(
        Application(
            uuid.UUID(a["bill_id"]),
            Decimal(a["cash"]),
            tuple(CreditUse(uuid.UUID(c["credit_id"]), Decimal(c["amount"])) for c in a["credits"]),
        )
        for a in json.loads(row["applications"])
    )
    return Payment(
        id=row["id"], merchant_id=row["merchant_id"], vendor_name=row["vendor_name"],
        payment_date=row["payment_date"], applications=applications,
        recorded_at=row["recorded_at"], state=SyncState(row["state"]), txn_id=row["txn_id"],
        detail=row["detail"], request_id=row["request_id"], pay_from=row["pay_from"],
        check_number=row["check_number"], to_be_printed=bool(row["to_be_printed"]),
        made_by=row["made_by"],
        void_state=SyncState(row["void_state"]) if row["void_state"] else None,
        void_detail=row["void_detail"], voided_by=row["voided_by"],
    )  # fmt: skip
