"""Accounting commands: what a service asks the gateway to put in QuickBooks."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from cobalt_shared.contracts.base import Message
from cobalt_shared.money import Money

EntryKind = Literal[
    "bill",
    "vendor-credit",
    "bill-payment",
    "payment-void",
    "deposit",
    "journal-entry",
    "bill-change",
    "vendor-credit-change",
    "bill-void",
    "vendor-credit-void",
]


class AccountLine(BaseModel):
    """One line of an entry, on a CobaltConnect account the merchant maps to QuickBooks."""

    account: str = Field(
        description="CobaltConnect account key, mapped to a QuickBooks account by coa.",
        examples=["purchases:beer"],
    )
    amount: Money = Field(description="Positive amount, 2 places.", examples=["1000.00"])
    memo: str | None = Field(None, description="Shown on the QuickBooks line.")
    side: Literal["debit", "credit"] | None = Field(
        None,
        description="For journal entries: which side the line is on. For deposits: 'credit' "
        "marks an amount kept back from the deposit (a card fee), subtracted in QuickBooks.",
    )


class AppliedCredit(BaseModel):
    """A vendor credit (by its entry id) used against a bill in a payment."""

    credit_entry_id: uuid.UUID = Field(description="Entry id of the vendor credit.")
    amount: Money = Field(description="How much of the credit is applied.")


class AppliedBill(BaseModel):
    """What a payment pays on one bill (by its entry id)."""

    bill_entry_id: uuid.UUID = Field(description="Entry id of the bill being paid.")
    amount: Money = Field(description="Cash paid on the bill.")
    credits: list[AppliedCredit] = Field(default_factory=list, description="Credits used.")


class PostToQuickBooks(Message):
    """Command: make this one entry exist in the merchant's QuickBooks, exactly once."""

    TYPE: ClassVar[str] = "post-to-quickbooks"

    entry_id: uuid.UUID = Field(
        description="Stable id derived from the source (a repeat yields the same id); sent to "
        "QuickBooks as ExternalGUID."
    )
    kind: EntryKind = Field(description="Which QuickBooks transaction to make.")
    txn_date: date = Field(description="Transaction date in QuickBooks.")
    ref_number: str | None = Field(
        None, description="Invoice or reference number; for a payment, its check number."
    )
    memo: str | None = Field(None, description="Memo on the transaction.")
    vendor_name: str | None = Field(None, description="Vendor, for bills, credits, payments.")
    due_date: date | None = Field(None, description="Due date, for bills.")
    bank_account: str | None = Field(
        None, description="CobaltConnect account paid from or deposited to (payments, deposits)."
    )
    to_be_printed: bool = Field(
        False, description="For a payment without a check number: print the check later."
    )
    lines: list[AccountLine] = Field(default_factory=list, description="Expense/deposit/JE lines.")
    applied: list[AppliedBill] = Field(default_factory=list, description="Bills a payment pays.")
    source: str = Field(
        description="Service that asked, e.g. 'payables': the entry's results go to it.",
        examples=["payables"],
    )
    source_record: str | None = Field(
        None,
        description="The record of the source service this entry comes from (kind/id).",
        examples=["bill/6f1c2a5e-8f0e-4b0c-9a57-3f6ad3a0a1b2"],
    )
    voids: uuid.UUID | None = Field(
        None,
        description="For a void (payment-void, bill-void, vendor-credit-void): the entry id "
        "of the transaction to void (it must be in QuickBooks; the void waits for it).",
    )
    changes: uuid.UUID | None = Field(
        None,
        description="For a bill-change or vendor-credit-change: the entry id of the bill or "
        "credit whose lines, reference, due date and memo this entry replaces (BillMod or "
        "VendorCreditMod at the current EditSequence; it waits until that one is in QuickBooks).",
    )
    replaces: uuid.UUID | None = Field(
        None,
        description="An entry of the same source this one replaces (e.g. one QuickBooks "
        "refused for its date): if not in QuickBooks, it is withdrawn, naming this one.",
    )
