"""HTTP API of the payables service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.domain.bill import Bill
from cobalt_shared.auth import Merchant
from cobalt_shared.http import unit_of_work
from cobalt_shared.money import Money

router = APIRouter(prefix="/bills", tags=["bills"])


Uow = Annotated[PayablesUnitOfWork, Depends(unit_of_work)]


class BillOut(BaseModel):
    """A bill and what is still open of it."""

    id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    bill_date: date
    amount: Money
    open_balance: Money

    @classmethod
    def of(cls, bill: Bill) -> BillOut:
        return cls(
            id=bill.id,
            order_id=bill.order_id,
            vendor_name=bill.vendor_name,
            invoice_number=bill.invoice_number,
            bill_date=bill.bill_date,
            amount=bill.amount,
            open_balance=bill.open_balance,
        )


@router.get("/open")
async def open_bills(scope: Merchant, uow: Uow) -> list[BillOut]:
    """The merchant's bills with an open balance, oldest first."""
    async with uow as tx:
        bills = await tx.bills.open_bills(scope.merchant_id)
    return [BillOut.of(b) for b in bills]
