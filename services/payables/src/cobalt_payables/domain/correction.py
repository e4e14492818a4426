"""An order corrected or cancelled after it was received: what its bill and vendor credit
become, and what QuickBooks must be asked, decided from the records alone (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from cobalt_payables.domain.bill import ZERO, Bill, Line, SyncState, VendorCredit

SENT = "Correction sent to QuickBooks; it arrives at the next Web Connector update."
CANCELLED = "Order cancelled: voided in QuickBooks at the next Web Connector update."


class Action(StrEnum):
    """What QuickBooks is asked for a bill or credit."""

    ADD = "add"  # it was never in QuickBooks (nothing to send before)
    CHANGE = "change"  # BillMod / VendorCreditMod: its lines replaced
    VOID = "void"  # TxnVoid: a cancelled order, or credits removed


@dataclass(frozen=True)
class CorrectedOrder:
    """The order as it stands after a correction (announced with its revision)."""

    revision: int
    invoice_number: str
    due_date: date | None
    lines: tuple[Line, ...]
    credit_lines: tuple[Line, ...]
    cancelled: bool = False

    @property
    def total(self) -> Decimal:
        return ZERO if self.cancelled else sum((ln.amount for ln in self.lines), ZERO)

    @property
    def credit_total(self) -> Decimal:
        return ZERO if self.cancelled else sum((ln.amount for ln in self.credit_lines), ZERO)


@dataclass(frozen=True)
class Correction:
    """The bill and credit after a correction, and what each asks of QuickBooks (None:
    nothing). `refused` says why nothing changed."""

    bill: Bill
    credit: VendorCredit | None
    bill_action: Action | None = None
    credit_action: Action | None = None
    refused: str | None = None


def correct(bill: Bill, credit: VendorCredit | None, order: CorrectedOrder) -> Correction:
    """Apply the corrected order to its bill and credit, or refuse it with the reason and the
    fix (the bill then says so, and cannot be paid until the order and bill agree again)."""
    problem = _refusal(bill, credit, order)
    if problem is not None:
        refused = replace(bill, revision=order.revision, correction_problem=problem)
        return Correction(refused, credit, refused=problem)
    bill_action = _bill_action(bill, order)
    new_bill = replace(
        bill,
        revision=order.revision,
        correction_problem=None,
        invoice_number=order.invoice_number,
        due_date=order.due_date,
        amount=order.total,
        lines=() if order.cancelled else order.lines,
    )
    if bill_action is not None:
        detail = CANCELLED if bill_action is Action.VOID else SENT
        new_bill = replace(new_bill, state=SyncState.PENDING, detail=detail, in_quickbooks=None)
    credit_action = _credit_action(credit, order)
    new_credit = credit
    if credit is not None:
        new_credit = replace(
            credit,
            invoice_number=order.invoice_number,
            amount=order.credit_total,
            lines=() if order.cancelled else order.credit_lines,
        )
        if credit_action is not None:
            detail = CANCELLED if credit_action is Action.VOID else SENT
            new_credit = replace(
                new_credit, state=SyncState.PENDING, detail=detail, in_quickbooks=None
            )
    return Correction(new_bill, new_credit, bill_action, credit_action)


def _refusal(bill: Bill, credit: VendorCredit | None, order: CorrectedOrder) -> str | None:
    what = "cancelled" if order.cancelled else "corrected"
    if bill.state is SyncState.NOT_IN_QUICKBOOKS:
        return (
            f"the order was {what}, but its bill is not in QuickBooks (dated before the start "
            "date): change it in QuickBooks itself"
        )
    if bill.pending_payment_id is not None or (credit and credit.pending_payment_id):
        return (
            f"the order was {what} while a payment of its bill was on its way to QuickBooks, "
            "so the bill was left as it was: once the payment is in QuickBooks, correct the "
            "order again"
        )
    if bill.in_quickbooks is not None and bill.in_quickbooks.deleted:
        return f"the order was {what}, but its bill was deleted in QuickBooks"
    if order.total < bill.applied:
        if order.cancelled:
            return (
                f"the order was cancelled, but {bill.applied} is already paid on its bill: void "
                "that payment in Accounts Payable first, then cancel the order again"
            )
        return (
            f"the order was corrected to {order.total}, below the {bill.applied} already paid "
            "on its bill, so the bill was left as it was: void that payment in Accounts Payable "
            "first, then correct the order again"
        )
    if credit is not None and order.credit_total < credit.applied:
        return (
            f"the order's credits were {what} to {order.credit_total}, below the "
            f"{credit.applied} already used in a payment: void that payment in Accounts "
            "Payable first, then correct the order again"
        )
    return None


def _bill_action(bill: Bill, order: CorrectedOrder) -> Action | None:
    in_quickbooks = bill.state is not SyncState.NOTHING_TO_SEND
    if order.total == 0:
        return Action.VOID if in_quickbooks and bill.amount != 0 else None
    if not in_quickbooks:
        return Action.ADD
    unchanged = (bill.lines, bill.invoice_number, bill.due_date) == (
        order.lines,
        order.invoice_number,
        order.due_date,
    )
    return None if unchanged and bill.amount == order.total else Action.CHANGE


def _credit_action(credit: VendorCredit | None, order: CorrectedOrder) -> Action | None:
    if credit is None:
        return Action.ADD if order.credit_total > 0 else None
    if order.credit_total == 0:
        return Action.VOID if credit.amount != 0 else None
    unchanged = (credit.lines, credit.invoice_number) == (order.credit_lines, order.invoice_number)
    return None if unchanged else Action.CHANGE
