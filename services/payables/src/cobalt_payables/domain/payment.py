"""Payments: the merchant's selection of bills and credits, checked and split per vendor."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from cobalt_payables.domain.bill import ZERO, Bill, SyncState, VendorCredit
from cobalt_shared.accounts import OPERATING_ACCOUNT, can_pay_from
from cobalt_shared.errors import InvalidInput
from cobalt_shared.names import vendor_key

CHECK_NUMBER_LENGTH = 11  # QuickBooks' RefNumber of a BillPaymentCheck


@dataclass(frozen=True)
class CheckDetails:
    """How the checks are written: date, account paid from, number or to be printed, and who
    sent them."""

    payment_date: date
    pay_from: str = OPERATING_ACCOUNT
    check_number: str | None = None  # the first check's; the next vendors' follow it
    to_be_printed: bool = False
    made_by: str | None = None


def check_problem(details: CheckDetails, checks: int) -> tuple[str, str] | None:
    """(field, why) when the details cannot make `checks` checks; None when they can."""
    if not can_pay_from(details.pay_from):
        return "pay_from", f"{details.pay_from!r} is not a bank account bills can be paid from"
    number = details.check_number
    if number is not None and details.to_be_printed:
        return "check_number", "give a check number or choose to print the checks later, not both"
    if number is not None and checks > 1 and not number.isdigit():
        return (
            "check_number",
            f"{checks} checks are written (one per vendor): give a number such as 1001 so they "
            "are numbered in turn, or choose to print them later",
        )
    if any(len(n or "") > CHECK_NUMBER_LENGTH for n in check_numbers(number, checks)):
        return "check_number", f"a check number has at most {CHECK_NUMBER_LENGTH} characters"
    return None


def check_numbers(first: str | None, count: int) -> list[str | None]:
    """The numbers of `count` checks starting at `first` (leading zeros kept)."""
    if first is None:
        return [None] * count
    if count == 1 or not first.isdigit():
        return [first] * count
    start = int(first)
    return [str(start + i).zfill(len(first)) for i in range(count)]


@dataclass(frozen=True)
class BillChoice:
    bill: Bill
    amount: Decimal | None = None  # None: the whole open amount


@dataclass(frozen=True)
class CreditChoice:
    credit: VendorCredit
    amount: Decimal | None = None  # None: all that is available


@dataclass(frozen=True)
class CreditUse:
    credit_id: uuid.UUID
    amount: Decimal


@dataclass(frozen=True)
class Application:
    """What one payment settles on one bill: cash plus credits."""

    bill_id: uuid.UUID
    cash: Decimal
    credits: tuple[CreditUse, ...] = ()

    @property
    def settled(self) -> Decimal:
        return self.cash + sum((c.amount for c in self.credits), ZERO)


@dataclass(frozen=True)
class Payment:
    """One BillPaymentCheck to one vendor, from a bank account (the operating account unless
    the merchant chose another)."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    vendor_name: str
    payment_date: date
    applications: tuple[Application, ...]
    recorded_at: datetime
    state: SyncState = SyncState.PENDING
    txn_id: str | None = None
    detail: str | None = None
    request_id: uuid.UUID | None = None
    pay_from: str = OPERATING_ACCOUNT
    check_number: str | None = None
    to_be_printed: bool = False
    made_by: str | None = None
    void_state: SyncState | None = None  # asked to be voided: where the void stands
    void_detail: str | None = None
    voided_by: str | None = None

    @property
    def amount(self) -> Decimal:
        return sum((a.cash for a in self.applications), ZERO)

    @property
    def void_id(self) -> uuid.UUID:
        """The entry of its void: one per payment, however often Void is pressed."""
        return uuid.uuid5(self.id, "void")

    def void_problem(self) -> str | None:
        """Why it cannot be voided now; None when it can (or is already being voided)."""
        if self.state is SyncState.FAILED:
            return "this payment never reached QuickBooks: there is nothing to void"
        if self.state is not SyncState.SYNCED:
            return f"only a payment in QuickBooks can be voided; this one is {self.state.value}"
        return None

    @property
    def credit_ids(self) -> list[uuid.UUID]:
        return list(dict.fromkeys(c.credit_id for a in self.applications for c in a.credits))


@dataclass
class _VendorSelection:
    name: str
    bills: list[tuple[Bill, Decimal]] = field(default_factory=list)
    credits: list[tuple[VendorCredit, Decimal]] = field(default_factory=list)


def plan_payments(
    merchant_id: uuid.UUID,
    bills: Sequence[BillChoice],
    credits: Sequence[CreditChoice],
    details: CheckDetails,
    now: datetime,
) -> list[Payment]:
    """Check the selection and make one payment per vendor, credits applied to that vendor's
    bills in the order selected, checks numbered in turn. Raises InvalidInput naming the first
    problem."""
    if not bills:
        if credits:
            raise InvalidInput("credits are applied to bills: select a bill of the same vendor")
        raise InvalidInput("select at least one bill to pay")
    vendors: dict[str, _VendorSelection] = {}
    seen: set[uuid.UUID] = set()
    for choice in bills:
        bill = choice.bill
        if bill.id in seen:
            raise InvalidInput(f"bill {bill.invoice_number} is selected twice")
        seen.add(bill.id)
        problem = bill.payment_problem()
        if problem:
            raise InvalidInput(problem, field="bills")
        amount = bill.open_balance if choice.amount is None else choice.amount
        if amount <= 0:
            raise InvalidInput(
                f"bill {bill.invoice_number}: "
                + ("nothing is open on it" if choice.amount is None else "amount must be positive")
            )
        if amount > bill.open_balance:
            raise InvalidInput(
                f"bill {bill.invoice_number}: {amount} is more than its open balance "
                f"{bill.open_balance}"
            )
        selection = vendors.setdefault(
            vendor_key(bill.vendor_name), _VendorSelection(bill.vendor_name)
        )
        selection.bills.append((bill, amount))
    for credit_choice in credits:
        credit = credit_choice.credit
        if credit.id in seen:
            raise InvalidInput(f"credit {credit.invoice_number} is selected twice")
        seen.add(credit.id)
        problem = credit.payment_problem()
        if problem:
            raise InvalidInput(problem, field="credits")
        vendor = vendors.get(vendor_key(credit.vendor_name))
        if vendor is None:
            raise InvalidInput(
                f"credit {credit.invoice_number} is from {credit.vendor_name}; it can only be "
                f"applied to bills of {credit.vendor_name}, and none is selected"
            )
        amount = credit.available if credit_choice.amount is None else credit_choice.amount
        if amount <= 0:
            raise InvalidInput(f"credit {credit.invoice_number}: nothing is left to apply")
        if amount > credit.available:
            raise InvalidInput(
                f"credit {credit.invoice_number}: {amount} is more than the {credit.available} "
                "still available"
            )
        vendor.credits.append((credit, amount))
    refused = check_problem(details, len(vendors))
    if refused:
        raise InvalidInput(refused[1], field=refused[0])
    numbers = check_numbers(details.check_number, len(vendors))
    return [
        replace(
            _payment(merchant_id, selection, details.payment_date, now),
            pay_from=details.pay_from,
            check_number=number,
            to_be_printed=details.to_be_printed,
            made_by=details.made_by,
        )
        for selection, number in zip(vendors.values(), numbers, strict=True)
    ]


def _payment(
    merchant_id: uuid.UUID, selection: _VendorSelection, payment_date: date, now: datetime
) -> Payment:
    bills_total = sum((a for _, a in selection.bills), ZERO)
    credits_total = sum((a for _, a in selection.credits), ZERO)
    if credits_total > bills_total:
        raise InvalidInput(
            f"credits selected for {selection.name} ({credits_total}) are more than the bills "
            f"selected ({bills_total})"
        )
    remaining = {credit.id: amount for credit, amount in selection.credits}
    applications = []
    for bill, amount in selection.bills:
        uses = []
        left = amount
        for credit_id, available in remaining.items():
            take = min(left, available)
            if take > 0:
                uses.append(CreditUse(credit_id, take))
                remaining[credit_id] = available - take
                left -= take
        applications.append(Application(bill.id, left, tuple(uses)))
    return Payment(
        uuid.uuid4(), merchant_id, selection.name, payment_date, tuple(applications), now
    )
