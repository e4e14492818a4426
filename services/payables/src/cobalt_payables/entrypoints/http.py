"""HTTP API of the payables service: the accounts-payable page and Send to QuickBooks."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.application.payables import PayRequest, pay, plan, void_payment
from cobalt_payables.domain.bill import ZERO, Bill, SyncState, Tone, VendorCredit
from cobalt_payables.domain.payment import CHECK_NUMBER_LENGTH, CheckDetails, Payment
from cobalt_shared.accounts import OPERATING_ACCOUNT
from cobalt_shared.api_contract import IsoDate
from cobalt_shared.auth import Merchant, MerchantScope
from cobalt_shared.contracts import utcnow
from cobalt_shared.errors import NotFound
from cobalt_shared.http import unit_of_work
from cobalt_shared.idempotency import idempotency_key, request_hash
from cobalt_shared.money import Money
from cobalt_shared.names import vendor_key

router = APIRouter(tags=["accounts payable"])

Uow = Annotated[PayablesUnitOfWork, Depends(unit_of_work)]
IdempotencyKey = Annotated[str | None, Depends(idempotency_key)]


class LineOut(BaseModel):
    account: str
    amount: Money
    memo: str | None


class BillOut(BaseModel):
    """A bill, what is still open of it, and where it is on its way into QuickBooks."""

    id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    bill_date: IsoDate
    due_date: IsoDate | None
    amount: Money
    paid: Money
    credited: Money
    open_balance: Money
    in_pending_payment: bool
    payable: bool = Field(description="It can be selected for a payment now.")
    not_payable_because: str | None = Field(description="Why it cannot, when it cannot.")
    state: SyncState
    tone: Tone = Field(description="How the state reads: pending, waiting, failed, synced.")
    txn_id: str | None
    detail: str | None = Field(description="Where it is, in the merchant's words; why, if held.")
    quickbooks_note: str | None = Field(
        None, description="What changed in QuickBooks itself (paid there, amount changed)."
    )
    lines: list[LineOut]
    revision: int = Field(0, description="The order's correction it follows (0: as received).")
    correction_problem: str | None = Field(
        None, description="Why the order's last correction was not applied to it, and the fix."
    )

    @classmethod
    def of(cls, bill: Bill) -> BillOut:
        return cls(
            id=bill.id, order_id=bill.order_id, vendor_name=bill.vendor_name,
            invoice_number=bill.invoice_number, bill_date=bill.bill_date,
            due_date=bill.due_date, amount=bill.amount, paid=bill.paid, credited=bill.credited,
            open_balance=bill.open_balance,
            in_pending_payment=bill.pending_payment_id is not None,
            payable=bill.payment_problem() is None, not_payable_because=bill.payment_problem(),
            state=bill.state,
            tone=bill.state.tone, txn_id=bill.txn_id, detail=bill.detail,
            quickbooks_note=bill.quickbooks_note,
            lines=[LineOut(account=x.account, amount=x.amount, memo=x.memo) for x in bill.lines],
            revision=bill.revision, correction_problem=bill.correction_problem,
        )  # fmt: skip


class CreditOut(BaseModel):
    """A vendor credit and what of it is still available to apply."""

    id: uuid.UUID
    order_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    credit_date: IsoDate
    amount: Money
    applied: Money
    available: Money
    in_pending_payment: bool
    payable: bool = Field(description="It can be applied in a payment now.")
    not_payable_because: str | None
    state: SyncState
    tone: Tone
    txn_id: str | None
    detail: str | None
    quickbooks_note: str | None = Field(
        None, description="What changed in QuickBooks itself (used there, amount changed)."
    )

    @classmethod
    def of(cls, credit: VendorCredit) -> CreditOut:
        return cls(
            id=credit.id, order_id=credit.order_id, vendor_name=credit.vendor_name,
            invoice_number=credit.invoice_number, credit_date=credit.credit_date,
            amount=credit.amount, applied=credit.applied, available=credit.available,
            in_pending_payment=credit.pending_payment_id is not None,
            payable=credit.payment_problem() is None,
            not_payable_because=credit.payment_problem(), state=credit.state,
            tone=credit.state.tone, txn_id=credit.txn_id, detail=credit.detail,
            quickbooks_note=credit.quickbooks_note,
        )  # fmt: skip


class VendorBalance(BaseModel):
    vendor_name: str
    open_bills: Money
    unapplied_credits: Money
    balance: Money


class AccountsPayable(BaseModel):
    """The accounts-payable page: amounts due, available credits, and balances per vendor."""

    due: list[BillOut]
    credits: list[CreditOut]
    vendors: list[VendorBalance]
    total_due: Money
    total_credits: Money


class CreditUseOut(BaseModel):
    credit_id: uuid.UUID
    invoice_number: str | None
    amount: Money


class AppliedOut(BaseModel):
    """What a payment settles on one bill: cash, and credits used there."""

    bill_id: uuid.UUID
    invoice_number: str | None = Field(description="The bill's invoice number, when known.")
    cash: Money
    credits: list[CreditUseOut]


class PaymentOut(BaseModel):
    """One check (one vendor): pending until QuickBooks has it, then synced or failed."""

    id: uuid.UUID
    vendor_name: str
    payment_date: IsoDate
    amount: Money
    pay_from: str = Field(description="CobaltConnect account paid from (mapped to a bank).")
    check_number: str | None
    to_be_printed: bool
    made_by: str | None = Field(description="Who sent it (from their sign-in).")
    recorded_at: datetime
    applied: list[AppliedOut]
    state: SyncState
    tone: Tone
    txn_id: str | None
    detail: str | None
    voidable: bool = Field(False, description="It can be voided now (it is in QuickBooks).")
    void_state: SyncState | None = Field(
        None, description="Asked to be voided: pending, waiting, synced (voided) or failed."
    )
    void_detail: str | None = None
    voided_by: str | None = None
    void_entry_id: uuid.UUID | None = Field(
        None, description="Its void on the QB Entries page (a failed void is retried there)."
    )

    @classmethod
    def of(cls, payment: Payment, invoices: Mapping[uuid.UUID, str] | None = None) -> PaymentOut:
        names = invoices or {}
        return cls(
            id=payment.id, vendor_name=payment.vendor_name, payment_date=payment.payment_date,
            amount=payment.amount, pay_from=payment.pay_from, check_number=payment.check_number,
            to_be_printed=payment.to_be_printed, made_by=payment.made_by,
            recorded_at=payment.recorded_at, state=payment.state, tone=payment.state.tone,
            txn_id=payment.txn_id, detail=payment.detail,
            voidable=payment.void_problem() is None and payment.void_state is None,
            void_entry_id=payment.void_id if payment.void_state else None,
            void_state=payment.void_state, void_detail=payment.void_detail,
            voided_by=payment.voided_by,
            applied=[
                AppliedOut(
                    bill_id=a.bill_id, invoice_number=names.get(a.bill_id), cash=a.cash,
                    credits=[
                        CreditUseOut(
                            credit_id=c.credit_id, invoice_number=names.get(c.credit_id),
                            amount=c.amount,
                        )
                        for c in a.credits
                    ],
                )
                for a in payment.applications
            ],
        )  # fmt: skip


class PlannedCheck(BaseModel):
    """A check the selection would write, as the confirmation states it."""

    vendor_name: str
    payment_date: IsoDate
    amount: Money
    credits_applied: Money
    pay_from: str
    check_number: str | None
    to_be_printed: bool
    bills: list[str] = Field(description="Invoice numbers of the bills it pays.")


class BillPick(BaseModel):
    bill_id: uuid.UUID
    amount: Money | None = Field(None, description="Part of the open amount; default all of it.")


class CreditPick(BaseModel):
    credit_id: uuid.UUID
    amount: Money | None = Field(None, description="Part of the credit; default all available.")


class PaymentIn(BaseModel):
    """Send to QuickBooks: the bills and credits the merchant selected, and how the checks are
    written."""

    bills: list[BillPick] = Field(default_factory=list, max_length=500)
    credits: list[CreditPick] = Field(default_factory=list, max_length=500)
    payment_date: IsoDate | None = Field(
        None, description="The checks' date (the app sends today in the store's time zone)."
    )
    pay_from: str = Field(
        OPERATING_ACCOUNT,
        max_length=60,
        description="CobaltConnect bank account to pay from (see GET /coa/bank-accounts).",
    )
    check_number: str | None = Field(
        None,
        min_length=1,
        max_length=CHECK_NUMBER_LENGTH,
        pattern=r"^[0-9A-Za-z][0-9A-Za-z ./#-]*$",
        description="The first check's number; one check per vendor, numbered in turn.",
    )
    to_be_printed: bool = Field(False, description="Print the checks later in QuickBooks.")

    def request(self, scope: MerchantScope, key: str | None) -> PayRequest:
        return PayRequest(
            merchant_id=scope.merchant_id,
            bills=[(b.bill_id, b.amount) for b in self.bills],
            credits=[(c.credit_id, c.amount) for c in self.credits],
            details=CheckDetails(
                payment_date=self.payment_date or utcnow().date(),
                pay_from=self.pay_from,
                check_number=self.check_number,
                to_be_printed=self.to_be_printed,
                made_by=scope.principal.display_name,
            ),
            idempotency_key=key,
            request_hash=request_hash(self.model_dump(mode="json")),
        )


@router.get("/bills")
async def list_bills(
    scope: Merchant,
    uow: Uow,
    open_only: Annotated[bool, Query(alias="open")] = False,
    vendor: Annotated[str | None, Query(max_length=100)] = None,
    order_id: Annotated[
        list[uuid.UUID] | None,
        Query(max_length=100, description="Only the bills of these orders (repeat the name)."),
    ] = None,
) -> list[BillOut]:
    """The merchant's bills, oldest first."""
    async with uow as tx:
        bills = await tx.bills.find(
            scope.merchant_id, open_only=open_only, vendor=vendor, order_ids=order_id or ()
        )
    return [BillOut.of(b) for b in bills]


@router.get("/bills/open")
async def open_bills(scope: Merchant, uow: Uow) -> list[BillOut]:
    """The merchant's bills with an open balance, oldest first."""
    async with uow as tx:
        bills = await tx.bills.open_bills(scope.merchant_id)
    return [BillOut.of(b) for b in bills]


@router.get("/bills/{bill_id}")
async def get_bill(bill_id: uuid.UUID, scope: Merchant, uow: Uow) -> BillOut:
    async with uow as tx:
        bill = await tx.bills.get(scope.merchant_id, bill_id)
    if bill is None:
        raise NotFound(f"bill {bill_id} not found")
    return BillOut.of(bill)


@router.get("/credits")
async def list_credits(
    scope: Merchant, uow: Uow, available: Annotated[bool, Query()] = False
) -> list[CreditOut]:
    """The merchant's vendor credits."""
    async with uow as tx:
        credits = await tx.credits.find(scope.merchant_id, available_only=available)
    return [CreditOut.of(c) for c in credits]


@router.get("/accounts-payable")
async def accounts_payable(scope: Merchant, uow: Uow) -> AccountsPayable:
    """Amounts due and available credits, as the accounts-payable page lists them, with the
    balance per vendor (open bills minus unapplied credits)."""
    async with uow as tx:
        bills = await tx.bills.open_bills(scope.merchant_id)
        credits = await tx.credits.find(scope.merchant_id, available_only=True)
    vendors: dict[str, VendorBalance] = {}

    def vendor(name: str) -> VendorBalance:
        empty = VendorBalance(vendor_name=name, open_bills=ZERO, unapplied_credits=ZERO,
                              balance=ZERO)  # fmt: skip
        return vendors.setdefault(vendor_key(name), empty)

    for bill in bills:
        vendor(bill.vendor_name).open_bills += bill.open_balance
    for credit in credits:
        vendor(credit.vendor_name).unapplied_credits += credit.available
    for row in vendors.values():
        row.balance = row.open_bills - row.unapplied_credits
    return AccountsPayable(
        due=[BillOut.of(b) for b in bills],
        credits=[CreditOut.of(c) for c in credits],
        vendors=sorted(vendors.values(), key=lambda v: v.vendor_name.casefold()),
        total_due=sum((b.open_balance for b in bills), Decimal("0.00")),
        total_credits=sum((c.available for c in credits), Decimal("0.00")),
    )


@router.post(
    "/payments",
    status_code=201,
    responses={
        200: {
            "model": list[PaymentOut],
            "description": "The same request again (Idempotency-Key): what it made the first time.",
        }
    },
)
async def send_payments(
    body: PaymentIn, scope: Merchant, uow: Uow, response: Response, key: IdempotencyKey
) -> list[PaymentOut]:
    """Send to QuickBooks: one BillPaymentCheck per vendor from the chosen bank account,
    applying the selected bills and credits. The same `Idempotency-Key` returns the payments
    already made (200); a bill or credit already in a pending payment is refused."""
    async with uow as tx:
        payments, created = await pay(body.request(scope, key), tx)
        invoices = await _invoices(tx, scope.merchant_id)
        await tx.commit()
    if not created:
        response.status_code = 200
    return [PaymentOut.of(p, invoices) for p in payments]


@router.post("/payments/preview")
async def preview_payments(body: PaymentIn, scope: Merchant, uow: Uow) -> list[PlannedCheck]:
    """The checks Send to QuickBooks would write for this selection (checked by the same
    rules, nothing recorded): what the confirmation states before anything is sent."""
    async with uow as tx:
        planned = await plan(body.request(scope, None), tx)
        invoices = await _invoices(tx, scope.merchant_id)
    return [
        PlannedCheck(
            vendor_name=p.vendor_name,
            payment_date=p.payment_date,
            amount=p.amount,
            credits_applied=sum((c.amount for a in p.applications for c in a.credits), ZERO),
            pay_from=p.pay_from,
            check_number=p.check_number,
            to_be_printed=p.to_be_printed,
            bills=[invoices.get(a.bill_id, str(a.bill_id)) for a in p.applications],
        )
        for p in planned
    ]


@router.get("/payments")
async def list_payments(
    scope: Merchant,
    uow: Uow,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[PaymentOut]:
    """The merchant's payments, newest first: the payment history."""
    async with uow as tx:
        payments = await tx.payments.find(scope.merchant_id)
        invoices = await _invoices(tx, scope.merchant_id)
    return [PaymentOut.of(p, invoices) for p in payments[:limit]]


async def _invoices(tx: PayablesUnitOfWork, merchant_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Invoice numbers of the merchant's bills and credits, by id."""
    bills = await tx.bills.find(merchant_id)
    credits = await tx.credits.find(merchant_id)
    return {
        **{b.id: b.invoice_number for b in bills},
        **{c.id: c.invoice_number for c in credits},
    }


@router.get("/payments/{payment_id}")
async def get_payment(payment_id: uuid.UUID, scope: Merchant, uow: Uow) -> PaymentOut:
    async with uow as tx:
        payment = await tx.payments.get(scope.merchant_id, payment_id)
        invoices = await _invoices(tx, scope.merchant_id)
    if payment is None:
        raise NotFound(f"payment {payment_id} not found")
    return PaymentOut.of(payment, invoices)


@router.post("/payments/{payment_id}/void")
async def void(payment_id: uuid.UUID, scope: Merchant, uow: Uow) -> PaymentOut:
    """Void the payment's check in QuickBooks (once, however often pressed); when QuickBooks
    has voided it, its bills and credits are open again. 409 unless it is in QuickBooks."""
    async with uow as tx:
        payment = await void_payment(
            tx, scope.merchant_id, payment_id, scope.principal.display_name
        )
        invoices = await _invoices(tx, scope.merchant_id)
        await tx.commit()
    return PaymentOut.of(payment, invoices)
