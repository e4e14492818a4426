"""Messages published by the chart-of-accounts service."""

from __future__ import annotations

import uuid
from typing import ClassVar

from pydantic import Field

from cobalt_shared.contracts.base import Message


class AccountMapped(Message):
    """A CobaltConnect account was mapped to a QuickBooks account (or unmapped)."""

    TYPE: ClassVar[str] = "account-mapped"

    account: str = Field(description="CobaltConnect account key.", examples=["purchases:beer"])
    qb_full_name: str | None = Field(
        None,
        description="QuickBooks account full name; absent when the mapping was removed.",
        examples=["Purchases:Beer"],
    )
    qb_list_id: str | None = Field(None, description="QuickBooks ListID, when known.")
    qb_account_type: str | None = Field(
        None, description="QuickBooks account type.", examples=["CostOfGoodsSold"]
    )


class RefreshQuickBooksAccounts(Message):
    """Command to the gateway: read the merchant's QuickBooks chart of accounts."""

    TYPE: ClassVar[str] = "refresh-quickbooks-accounts"

    request_id: uuid.UUID = Field(description="Names this refresh; the answer carries it.")
