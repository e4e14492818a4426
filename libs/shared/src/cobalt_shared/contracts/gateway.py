"""Messages published by the QuickBooks gateway."""

from __future__ import annotations

import uuid
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


class QuickBooksEntryResult(Message):
    """What became of an entry in QuickBooks: synced (with its TxnID) or failed (with why)."""

    TYPE: ClassVar[str] = "quickbooks-entry-result"

    entry_id: uuid.UUID = Field(description="The entry id the owning service gave the command.")
    state: str = Field(description="synced or failed", examples=["synced"])
    txn_id: str | None = Field(None, description="QuickBooks TxnID (or ListID) when synced.")
    error_code: str | None = Field(None, description="QuickBooks status code or HRESULT.")
    explanation: str | None = Field(None, description="What went wrong and how to fix it.")
