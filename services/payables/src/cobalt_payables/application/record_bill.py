"""Use case: a received order becomes an open bill."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.domain.bill import Bill
from cobalt_shared.contracts import OrderReceived, utcnow


@dataclass(frozen=True)
class RecordBill:
    """Command: open a bill for a received order."""

    merchant_id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    received_on: date
    total: Decimal

    @classmethod
    def from_event(cls, event: OrderReceived) -> RecordBill:
        return cls(
            event.merchant_id,
            event.order_id,
            event.vendor_name,
            event.invoice_number,
            event.received_on,
            event.total,
        )


async def record_bill(cmd: RecordBill, uow: PayablesUnitOfWork) -> Bill:
    """Open the bill once; a repeat for the same order returns the bill already open.

    Takes an open unit of work; the caller commits.
    """
    existing = await uow.bills.for_order(cmd.merchant_id, cmd.order_id)
    if existing is not None:
        return existing
    bill = Bill.for_received_order(
        merchant_id=cmd.merchant_id,
        order_id=cmd.order_id,
        vendor_name=cmd.vendor_name,
        invoice_number=cmd.invoice_number,
        received_on=cmd.received_on,
        total=cmd.total,
        now=utcnow(),
    )
    await uow.bills.add(bill)
    return bill
