"""Messages published by the QuickBooks gateway."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from pydantic import BaseModel, Field

from cobalt_shared.contracts.base import Message

NOT_SET_UP = (
    "QuickBooks integration is not set up for this merchant; "
    "contact CobaltConnect support to get started"
)


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


class QuickBooksAccount(BaseModel):
    """One account of the merchant's QuickBooks chart of accounts."""

    list_id: str = Field(description="QuickBooks ListID.")
    name: str = Field(description="Account name (the last segment).", examples=["Beer"])
    full_name: str = Field(description="Full name with parents.", examples=["Purchases:Beer"])
    number: str | None = Field(None, description="Account number, when the file uses them.")
    account_type: str = Field(description="QuickBooks account type.", examples=["Bank"])
    is_active: bool = Field(True, description="False when made inactive in QuickBooks.")


class QuickBooksAccountsListed(Message):
    """The merchant's QuickBooks chart of accounts, as read at the last Web Connector update."""

    TYPE: ClassVar[str] = "quickbooks-accounts-listed"

    request_id: uuid.UUID | None = Field(None, description="The refresh this answers.")
    accounts: list[QuickBooksAccount] = Field(description="Every account, active or not.")
