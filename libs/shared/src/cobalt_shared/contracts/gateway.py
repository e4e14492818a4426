"""Messages published by the QuickBooks gateway."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from cobalt_shared.contracts.base import Message


class QuickBooksConnectionChanged(Message):
    """A merchant's QuickBooks integration was set up, changed, or changed state."""

    TYPE: ClassVar[str] = "quickbooks-connection-changed"

    status: str = Field(
        description="not set up, waiting for first contact, connected or error",
        examples=["waiting for first contact"],
    )
    start_date: date | None = Field(None, description="Nothing dated earlier goes to QuickBooks.")
    detail: str | None = Field(None, description="What is wrong, when the status is error.")
