"""A bill in accounts payable: what the store owes a vendor for a received order."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Bill:
    """An open bill: the amount owed and what is still open of it."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    bill_date: date
    amount: Decimal
    open_balance: Decimal
    recorded_at: datetime

    @classmethod
    def for_received_order(
        cls,
        *,
        merchant_id: uuid.UUID,
        order_id: uuid.UUID,
        vendor_name: str,
        invoice_number: str,
        received_on: date,
        total: Decimal,
        now: datetime,
    ) -> Bill:
        """A new bill is open for its whole amount."""
        # The bill's id derives from the order, so the same order can only ever make one bill.
        bill_id = uuid.uuid5(order_id, "bill")
        return cls(
            bill_id,
            merchant_id,
            order_id,
            vendor_name,
            invoice_number,
            received_on,
            total,
            total,
            now,
        )
