"""The CobaltConnect chart of accounts and how each account maps to QuickBooks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from cobalt_shared.accounts import (
    BANK,
    SYSTEM_ACCOUNTS,
    bank_account,
    purchases_account,
    qb_types_for,
    sales_account,
    tax_account,
)
from cobalt_shared.errors import InvalidInput
from cobalt_shared.names import tidy

KINDS = ("system", "purchases", "sales", "tax", "bank")

TYPE_NAMES = {
    "Bank": "Bank",
    "AccountsPayable": "Accounts Payable",
    "OtherCurrentAsset": "Other Current Asset",
    "OtherCurrentLiability": "Other Current Liability",
    "CostOfGoodsSold": "Cost of Goods Sold",
    "Expense": "Expense",
    "OtherExpense": "Other Expense",
    "Income": "Income",
    "OtherIncome": "Other Income",
}


@dataclass(frozen=True)
class QbAccount:
    """An account of the merchant's QuickBooks file, as last read."""

    list_id: str
    name: str
    full_name: str
    number: str | None
    account_type: str
    is_active: bool


@dataclass(frozen=True)
class CoaAccount:
    """A CobaltConnect account; mapped when a QuickBooks account is chosen for it."""

    merchant_id: uuid.UUID
    key: str
    name: str
    kind: str
    created_at: datetime
    qb_list_id: str | None = None
    qb_full_name: str | None = None
    qb_account_type: str | None = None
    problem: str | None = None  # a mapping QuickBooks no longer honours
    mapped_by: str | None = None  # who chose the mapping (from their sign-in)
    mapped_at: datetime | None = None

    @property
    def allowed_types(self) -> tuple[str, ...]:
        return qb_types_for(self.key)

    @property
    def state(self) -> str:
        if self.qb_list_id is None:
            return "unmapped"
        return "needs attention" if self.problem else "mapped"

    def mapped_to(
        self, qb: QbAccount, by: str | None = None, at: datetime | None = None
    ) -> CoaAccount:
        """Map to a QuickBooks account of a type this account may use, active."""
        if qb.account_type not in self.allowed_types:
            needed = " or ".join(TYPE_NAMES.get(t, t) for t in self.allowed_types)
            given = TYPE_NAMES.get(qb.account_type, qb.account_type)
            raise InvalidInput(
                f"{self.name} needs a QuickBooks account of type {needed}; "
                f"'{qb.full_name}' is {given}"
            )
        if not qb.is_active:
            raise InvalidInput(
                f"'{qb.full_name}' is inactive in QuickBooks; make it active there or choose "
                "another account"
            )
        if self.qb_list_id == qb.list_id and self.problem is None:
            return self  # already so: who mapped it first stays
        return replace(
            self,
            qb_list_id=qb.list_id,
            qb_full_name=qb.full_name,
            qb_account_type=qb.account_type,
            problem=None,
            mapped_by=by,
            mapped_at=at,
        )

    def unmapped(self, by: str | None = None, at: datetime | None = None) -> CoaAccount:
        return replace(
            self,
            qb_list_id=None,
            qb_full_name=None,
            qb_account_type=None,
            problem=None,
            mapped_by=by,
            mapped_at=at,
        )

    def checked_against(self, chart: dict[str, QbAccount]) -> CoaAccount:
        """After a refresh: flag a mapping whose account was deleted or made inactive, follow
        a rename."""
        if self.qb_list_id is None:
            return self
        qb = chart.get(self.qb_list_id)
        if qb is None:
            return replace(
                self,
                problem=f"'{self.qb_full_name}' no longer exists in QuickBooks; choose another "
                "account.",
            )
        if not qb.is_active:
            return replace(
                self,
                qb_full_name=qb.full_name,
                problem=f"'{qb.full_name}' was made inactive in QuickBooks; make it active or "
                "choose another account.",
            )
        return replace(self, qb_full_name=qb.full_name, qb_account_type=qb.account_type,
                       problem=None)  # fmt: skip


def system_accounts(merchant_id: uuid.UUID, now: datetime) -> list[CoaAccount]:
    return [CoaAccount(merchant_id, a.key, a.name, "system", now) for a in SYSTEM_ACCOUNTS]


def category_account(merchant_id: uuid.UUID, kind: str, category: str, now: datetime) -> CoaAccount:
    name = tidy(category)
    if kind == "purchases":
        return CoaAccount(merchant_id, purchases_account(name), f"Purchases: {name}", kind, now)
    return CoaAccount(merchant_id, sales_account(name), f"Sales: {name}", kind, now)


def tax_payable_account(merchant_id: uuid.UUID, name: str, now: datetime) -> CoaAccount:
    """The Sales Tax Payable account of one tax rate or agency the POS names."""
    name = tidy(name)
    return CoaAccount(merchant_id, tax_account(name), f"Sales Tax Payable: {name}", "tax", now)


def bank_accounts(
    merchant_id: uuid.UUID, chart: list[QbAccount], now: datetime
) -> list[CoaAccount]:
    """An account to pay bills from for every active QuickBooks bank account, mapped to it."""
    return [
        CoaAccount(
            merchant_id,
            bank_account(qb.list_id),
            f"Bank: {qb.full_name}",
            "bank",
            now,
            qb_list_id=qb.list_id,
            qb_full_name=qb.full_name,
            qb_account_type=qb.account_type,
            mapped_by="QuickBooks chart of accounts",
            mapped_at=now,
        )
        for qb in chart
        if qb.account_type == BANK and qb.is_active
    ]
