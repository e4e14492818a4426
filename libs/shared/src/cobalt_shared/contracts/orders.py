"""Messages published by the orders service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from cobalt_shared.contracts.base import Message
from cobalt_shared.money import Money

CreditReason = Literal["return", "breakage", "allowance", "deposit refund"]


class CategoryTotal(BaseModel):
    """What an order's lines of one purchase category add up to."""

    category: str = Field(description="Purchase category as the store names it.", examples=["Beer"])
    amount: Money = Field(description="Sum of the category's lines, 2 places.")


class OrderCredit(BaseModel):
    """A credit the vendor gave on the order."""

    reason: CreditReason = Field(description="Why the vendor credited the store.")
    amount: Money = Field(description="Positive amount, 2 places.")
    category: str | None = Field(
        None, description="Purchase category it reduces; none for a credit on the whole order."
    )
    memo: str | None = Field(None, description="Shown on the QuickBooks vendor credit line.")


class OrderReceived(Message):
    """A vendor order was received into the store; it becomes a bill in accounts payable.
    Corrected or cancelled after that, it is announced again with the next `revision`."""

    TYPE: ClassVar[str] = "order-received"

    order_id: uuid.UUID = Field(description="The order's id in the orders service.")
    vendor_name: str = Field(
        description="Vendor as the store names it.", examples=["Acme Beverage"]
    )
    invoice_number: str = Field(description="The vendor's invoice number.", examples=["INV-1042"])
    received_on: date = Field(description="Day the goods were received.")
    total: Money = Field(description="Order total before credits, 2 places.", examples=["1240.00"])
    order_date: date | None = Field(None, description="Day the order was placed.")
    due_date: date | None = Field(None, description="Day the vendor wants to be paid.")
    categories: list[CategoryTotal] = Field(
        default_factory=list, description="Totals per purchase category (they sum to the total)."
    )
    credits: list[OrderCredit] = Field(default_factory=list, description="Credits on the order.")
    revision: int = Field(
        0,
        ge=0,
        description="0 when the order is received; each correction or cancellation after that "
        "is announced again, the whole order as it now stands, with the next revision (a "
        "revision already seen is a repeat).",
    )
    cancelled: bool = Field(
        False, description="The order was cancelled after it was received: its bill is voided."
    )
