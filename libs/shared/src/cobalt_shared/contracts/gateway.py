"""Messages published by the QuickBooks gateway."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, ClassVar, Self

from pydantic import BaseModel, Field, model_validator

from cobalt_shared.contracts.base import Message
from cobalt_shared.money import Money

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


class InQuickBooks(BaseModel):
    """A bill or vendor credit as QuickBooks has it now, read back at a Web Connector update:
    changes made in QuickBooks itself show here."""

    amount: Money = Field(description="Its amount in QuickBooks now.")
    open_amount: Money = Field(description="What is still open (due, or credit left).")
    paid_elsewhere: Money = Field(
        description="Paid or used by transactions made in QuickBooks itself (not CobaltConnect)."
    )
    paid_elsewhere_on: date | None = Field(
        None, description="The latest such payment's date, when there is one."
    )
    deleted: bool = Field(False, description="Deleted in QuickBooks.")


class QuickBooksEntryResult(Message):
    """What became of an entry in QuickBooks, sent to the service the entry came from."""

    TYPE: ClassVar[str] = "quickbooks-entry-result"

    entry_id: uuid.UUID = Field(description="The entry id the owning service gave the command.")
    state: str = Field(
        description="synced; failed (explanation says why and the fix); cancelled (never goes "
        "to QuickBooks, e.g. dated before the start date and not found there); 'in QuickBooks "
        "before the start date' (found there and linked, with its TxnID); waiting (held until "
        "an account is mapped or another entry is in QuickBooks: the explanation says which); "
        "pending (on its way, e.g. after Retry or once no longer held)",
        examples=["synced"],
    )
    kind: str | None = Field(
        None, description="The entry's kind (bill, vendor-credit, bill-payment...)."
    )
    source: str | None = Field(None, description="The service the entry came from.")
    source_record: str | None = Field(
        None, description="The source service's record the entry came from, as it named it."
    )
    txn_id: str | None = Field(None, description="QuickBooks TxnID (or ListID) when synced.")
    error_code: str | None = Field(None, description="QuickBooks status code or HRESULT.")
    explanation: str | None = Field(None, description="What went wrong and how to fix it.")
    in_quickbooks: InQuickBooks | None = Field(
        None, description="Read back from QuickBooks: set when it changed there."
    )


RESULTS_PER_MESSAGE = 100
"""The most results one `QuickBooksEntryResults` carries (a body stays well under NATS's 1 MB)."""


class QuickBooksEntryResults(Message):
    """What became of some of a merchant's entries in QuickBooks, told to the service they
    came from in one message: every result one gateway transaction produced for that merchant
    and service (a command batch's waiting bills, a synced set), in the order they happened.

    A body of the older one-result type (`quickbooks-entry-result`) reads as a set of one, so
    results published before this message existed are still applied, in stream order.
    """

    TYPE: ClassVar[str] = "quickbooks-entry-results"

    results: list[QuickBooksEntryResult] = Field(
        min_length=1,
        max_length=RESULTS_PER_MESSAGE,
        description="Each entry's result, in order; all of this message's merchant.",
    )

    @model_validator(mode="before")
    @classmethod
    def _one_result_is_a_set_of_one(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("type") == QuickBooksEntryResult.TYPE:
            keep = ("message_id", "merchant_id", "occurred_at", "correlation_id")
            return {**{k: data[k] for k in keep if k in data}, "results": [data]}
        return data

    @model_validator(mode="after")
    def _one_merchant(self) -> Self:
        others = {r.merchant_id for r in self.results} - {self.merchant_id}
        if others:
            raise ValueError("every result must be the message's own merchant's")
        return self


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
