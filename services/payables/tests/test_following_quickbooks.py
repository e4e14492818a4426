# mypy: allow-untyped-defs, allow-untyped-calls
"""A bill or credit as QuickBooks has it (read back): what is open, why it cannot be paid, and
the note the merchant reads."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from cobalt_payables.domain.bill import Bill, QuickBooksSide, SyncState, VendorCredit
from cobalt_payables.domain.payment import BillChoice, CheckDetails, plan_payments
from cobalt_shared.errors import InvalidInput

D = Decimal
NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _bill(side: QuickBooksSide | None = None, paid: str = "0.00") -> Bill:
    return Bill(
        id=uuid.uuid4(),
        merchant_id=uuid.uuid4(),
        order_id=uuid.uuid4(),
        vendor_name="Acme",
        invoice_number="INV-1",
        bill_date=date(2026, 11, 24),
        due_date=None,
        amount=D("300.00"),
        lines=(),
        recorded_at=NOW,
        state=SyncState.SYNCED,
        txn_id="B-1",
        paid=D(paid),
        in_quickbooks=side,
    )


def test_a_bill_paid_in_quickbooks_is_closed_and_says_when():
    bill = _bill(QuickBooksSide(D("300.00"), D("0.00"), D("300.00"), date(2026, 11, 26)))
    assert bill.open_balance == D("0.00")
    assert bill.quickbooks_note == "Paid in QuickBooks on 2026-11-26."
    assert bill.payment_problem() == (
        "bill INV-1 was paid in QuickBooks on 2026-11-26: nothing is left to pay"
    )


def test_our_own_synced_payment_is_not_counted_twice():
    # We paid 100 (synced); QuickBooks' last read came before it (open 300) or after (200).
    assert _bill(QuickBooksSide(D("300.00"), D("300.00")), paid="100.00").open_balance == D(
        "200.00"
    )
    assert _bill(QuickBooksSide(D("300.00"), D("200.00")), paid="100.00").open_balance == D(
        "200.00"
    )
    assert _bill(QuickBooksSide(D("300.00"), D("200.00")), paid="100.00").quickbooks_note is None


def test_an_amount_changed_in_quickbooks_gives_the_new_open_balance_and_a_note():
    bill = _bill(QuickBooksSide(D("250.00"), D("250.00")))
    assert bill.open_balance == D("250.00")
    assert bill.quickbooks_note == "Amount changed in QuickBooks from 300.00 to 250.00."
    assert bill.payment_problem() is None


def test_a_payment_beyond_what_quickbooks_has_open_is_refused_before_sending():
    bill = _bill(QuickBooksSide(D("300.00"), D("200.00"), D("100.00"), date(2026, 11, 27)))
    assert bill.quickbooks_note == "100.00 paid in QuickBooks on 2026-11-27."
    details = CheckDetails(payment_date=date(2026, 11, 30))
    with pytest.raises(InvalidInput, match=r"200\.00"):
        plan_payments(bill.merchant_id, [BillChoice(bill, D("300.00"))], [], details, NOW)
    [payment] = plan_payments(bill.merchant_id, [BillChoice(bill)], [], details, NOW)
    assert payment.amount == D("200.00")


def test_a_credit_used_in_quickbooks_has_only_what_is_left():
    credit = VendorCredit(
        id=uuid.uuid4(),
        merchant_id=uuid.uuid4(),
        order_id=uuid.uuid4(),
        vendor_name="Acme",
        invoice_number="INV-1-CR",
        credit_date=date(2026, 11, 24),
        amount=D("40.00"),
        lines=(),
        recorded_at=NOW,
        state=SyncState.SYNCED,
        in_quickbooks=QuickBooksSide(D("40.00"), D("15.00"), D("25.00"), date(2026, 11, 28)),
    )
    assert credit.available == D("15.00")
    assert credit.quickbooks_note == "25.00 used in QuickBooks on 2026-11-28."


def test_a_bill_deleted_in_quickbooks_is_not_offered_and_says_so():
    bill = _bill(QuickBooksSide(D("0.00"), D("0.00"), deleted=True))
    assert (bill.open_balance, bill.quickbooks_note) == (D("0.00"), "Deleted in QuickBooks.")
    assert bill.payment_problem() == "bill INV-1 was deleted in QuickBooks: nothing is left to pay"
