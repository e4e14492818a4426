"""Messages published by the orders service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from pydantic import Field

from cobalt_shared.contracts.base import Message
from cobalt_shared.money import Money


class OrderReceived(Message):
    """A vendor order was received into the store; it becomes a bill in accounts payable."""

    TYPE: ClassVar[str] = "order-received"

    order_id: uuid.UUID = Field(description="The order's id in the orders service.")
    vendor_name: str = Field(
        description="Vendor as the store names it.", examples=["Acme Beverage"]
    )
    invoice_number: str = Field(description="The vendor's invoice number.", examples=["INV-1042"])
    received_on: date = Field(description="Day the goods were received.")
    total: Money = Field(description="Order total before credits, 2 places.", examples=["1240.00"])
