"""A vendor order received into the store."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from cobalt_shared.errors import InvalidInput

MAX_VENDOR_NAME = 41  # QuickBooks' vendor name limit; longer names could never match a vendor
MAX_INVOICE_NUMBER = 20  # QuickBooks' RefNumber limit for bills


@dataclass(frozen=True)
class ReceivedOrder:
    """An order whose goods arrived: it becomes a bill in accounts payable."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    received_on: date
    total: Decimal
    recorded_at: datetime

    @classmethod
    def receive(
        cls,
        *,
        merchant_id: uuid.UUID,
        vendor_name: str,
        invoice_number: str,
        received_on: date,
        total: Decimal,
        now: datetime,
    ) -> ReceivedOrder:
        """Validate and create a received order, with messages a merchant can act on."""
        vendor = vendor_name.strip()
        invoice = invoice_number.strip()
        if not vendor:
            raise InvalidInput("vendor name is required")
        if len(vendor) > MAX_VENDOR_NAME:
            raise InvalidInput(f"vendor name is longer than {MAX_VENDOR_NAME} characters")
        if not invoice:
            raise InvalidInput("vendor invoice number is required")
        if len(invoice) > MAX_INVOICE_NUMBER:
            raise InvalidInput(f"invoice number is longer than {MAX_INVOICE_NUMBER} characters")
        if total < 0:
            raise InvalidInput("order total must not be negative")
        return cls(uuid.uuid4(), merchant_id, vendor, invoice, received_on, total, now)
