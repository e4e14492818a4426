"""Use cases: received orders become bills and vendor credits; payments apply them; the
gateway's results say what reached QuickBooks. Every entry id derives from its source, so a
repeat is the same QuickBooks entry."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.domain.bill import ZERO, Bill, Line, QuickBooksSide, SyncState, VendorCredit
from cobalt_payables.domain.correction import Action, CorrectedOrder, correct
from cobalt_payables.domain.payment import (
    BillChoice,
    CheckDetails,
    CreditChoice,
    Payment,
    plan_payments,
)
from cobalt_shared.accounts import VENDOR_CREDITS, purchases_account
from cobalt_shared.contracts import (
    OrderReceived,
    PostToQuickBooks,
    QuickBooksEntryResult,
    utcnow,
)
from cobalt_shared.contracts.accounting import (
    AccountLine,
    AppliedBill,
    AppliedCredit,
    EntryKind,
)
from cobalt_shared.contracts.gateway import InQuickBooks
from cobalt_shared.contracts.subjects import post_to_quickbooks
from cobalt_shared.errors import Conflict, NotFound

log = logging.getLogger(__name__)
SOURCE = "payables"
SENT = "Sent to QuickBooks; it arrives at the next Web Connector update."


async def record_received_order(
    event: OrderReceived, uow: PayablesUnitOfWork
) -> tuple[Bill, VendorCredit | None]:
    """Open the order's bill (and vendor credit) once and ask the gateway to post them; a
    repeat of the event returns what is already open, and a later revision of the order (a
    correction or a cancellation) changes them. The caller commits."""
    [recorded] = await record_received_orders([event], uow)
    return recorded


async def record_received_orders(
    events: Sequence[OrderReceived], uow: PayablesUnitOfWork
) -> list[tuple[Bill, VendorCredit | None]]:
    """`record_received_order` for each event, in order. New orders (the usual case) take a
    few statements for them all: one read of the bills already open, one insert of the new
    bills, one of the new credits, one of the commands to the gateway."""
    await uow.lock_merchants(e.merchant_id for e in events)
    known = await uow.bills.for_orders((e.merchant_id, e.order_id) for e in events)
    opened: set[tuple[uuid.UUID, uuid.UUID]] = set()  # orders whose bill this call opened
    opening = _Opening()
    recorded: list[tuple[Bill, VendorCredit | None]] = []
    now = utcnow()
    for event in events:
        key = (event.merchant_id, event.order_id)
        if key not in known and key not in opened:
            opened.add(key)
            recorded.append(opening.open(event, now))
            continue
        await opening.write(uow)  # a repeat inside the batch finds the bill just opened
        # Read once known: a correction changes the bill, so a later revision reads it again.
        bill = known.pop(key, None) or await uow.bills.for_order(*key)
        assert bill is not None
        credit = await uow.credits.get(event.merchant_id, VendorCredit.id_for(event.order_id))
        if event.revision > bill.revision:
            recorded.append(await _correct(event, bill, credit, uow))
        else:
            recorded.append((bill, credit))
    await opening.write(uow)
    return recorded


@dataclass
class _Opening:
    """Bills and credits of new orders, and their commands, not written yet."""

    bills: list[Bill] = field(default_factory=list)
    credits: list[VendorCredit] = field(default_factory=list)
    commands: list[tuple[str, PostToQuickBooks]] = field(default_factory=list)

    def open(self, event: OrderReceived, now: datetime) -> tuple[Bill, VendorCredit | None]:
        bill = _new_bill(event, now)
        self.bills.append(bill)
        if bill.state is SyncState.PENDING:
            self.commands.append(_command(_bill_command(bill, event.correlation_id)))
        credit = None
        credit_lines = _credit_lines(event)
        if credit_lines:
            credit = _new_credit(event, credit_lines, now)
            self.credits.append(credit)
            self.commands.append(_command(_credit_command(credit, event.correlation_id)))
        return bill, credit

    async def write(self, uow: PayablesUnitOfWork) -> None:
        await uow.bills.add_all(self.bills)
        await uow.credits.add_all(self.credits)
        await uow.outbox.add_many(self.commands)
        self.bills, self.credits, self.commands = [], [], []


def _new_bill(event: OrderReceived, now: datetime) -> Bill:
    return Bill(
        id=Bill.id_for(event.order_id), merchant_id=event.merchant_id, order_id=event.order_id,
        vendor_name=event.vendor_name, invoice_number=event.invoice_number,
        bill_date=event.received_on, due_date=event.due_date, amount=event.total,
        lines=_bill_lines(event), recorded_at=now,
        state=SyncState.PENDING if event.total > 0 else SyncState.NOTHING_TO_SEND,
        detail=SENT if event.total > 0 else "A zero amount: nothing goes to QuickBooks.",
        revision=event.revision,
    )  # fmt: skip


def _bill_lines(event: OrderReceived) -> tuple[Line, ...]:
    categories = event.categories or []
    lines = tuple(
        Line(purchases_account(c.category), c.amount, c.category) for c in categories if c.amount
    )
    if not categories and event.total:  # an order announced without categories
        lines = (Line(purchases_account("Purchases"), event.total, None),)
    return lines


def _credit_lines(event: OrderReceived) -> tuple[Line, ...]:
    return tuple(
        Line(
            purchases_account(c.category) if c.category else VENDOR_CREDITS,
            c.amount,
            f"{c.reason}: {c.memo}" if c.memo else c.reason,
        )
        for c in event.credits
    )


def _new_credit(
    event: OrderReceived, credit_lines: tuple[Line, ...], now: datetime
) -> VendorCredit:
    return VendorCredit(
        id=VendorCredit.id_for(event.order_id),
        merchant_id=event.merchant_id,
        order_id=event.order_id,
        vendor_name=event.vendor_name,
        invoice_number=event.invoice_number,
        credit_date=event.received_on,
        amount=sum((ln.amount for ln in credit_lines), ZERO),
        lines=credit_lines,
        recorded_at=now,
        detail=SENT,
    )


def _account_lines(lines: tuple[Line, ...]) -> list[AccountLine]:
    return [AccountLine(account=ln.account, amount=ln.amount, memo=ln.memo) for ln in lines]


async def _post_bill(
    uow: PayablesUnitOfWork, bill: Bill, correlation_id: uuid.UUID | None = None
) -> None:
    await _post(uow, _bill_command(bill, correlation_id))


async def _post_credit(
    uow: PayablesUnitOfWork, credit: VendorCredit, correlation_id: uuid.UUID | None = None
) -> None:
    await _post(uow, _credit_command(credit, correlation_id))


def _bill_command(bill: Bill, correlation_id: uuid.UUID | None) -> PostToQuickBooks:
    return PostToQuickBooks(
        merchant_id=bill.merchant_id,
        correlation_id=correlation_id or uuid.uuid4(),
        entry_id=bill.id,
        kind="bill",
        txn_date=bill.bill_date,
        ref_number=bill.invoice_number,
        vendor_name=bill.vendor_name,
        due_date=bill.due_date,
        memo=f"Order {bill.invoice_number} received in CobaltConnect",
        lines=_account_lines(bill.lines),
        source=SOURCE,
        source_record=f"bill/{bill.id}",
    )


def _credit_command(credit: VendorCredit, correlation_id: uuid.UUID | None) -> PostToQuickBooks:
    return PostToQuickBooks(
        merchant_id=credit.merchant_id,
        correlation_id=correlation_id or uuid.uuid4(),
        entry_id=credit.id,
        kind="vendor-credit",
        txn_date=credit.credit_date,
        ref_number=credit.invoice_number,
        vendor_name=credit.vendor_name,
        memo=f"Credits on order {credit.invoice_number}",
        lines=_account_lines(credit.lines),
        source=SOURCE,
        source_record=f"vendor-credit/{credit.id}",
    )


async def _correct(
    event: OrderReceived, bill: Bill, credit: VendorCredit | None, uow: PayablesUnitOfWork
) -> tuple[Bill, VendorCredit | None]:
    """A received order corrected or cancelled: its bill and credit follow in QuickBooks (a
    BillMod / VendorCreditMod, a void, or an add of what was never sent), or the bill says
    why it could not and waits for the merchant."""
    order = CorrectedOrder(
        revision=event.revision,
        invoice_number=event.invoice_number,
        due_date=event.due_date,
        lines=_bill_lines(event),
        credit_lines=_credit_lines(event),
        cancelled=event.cancelled,
    )
    done = correct(bill, credit, order)
    await uow.bills.save(done.bill)
    if done.refused:
        return done.bill, credit
    correlation = event.correlation_id
    await _ask(uow, done.bill, done.bill_action, event.revision, correlation)
    new_credit = done.credit
    if done.credit_action is Action.ADD and credit is None:
        new_credit = _new_credit(event, order.credit_lines, utcnow())
        await uow.credits.add(new_credit)
        await _post_credit(uow, new_credit, correlation)
    elif new_credit is not None:
        await uow.credits.save(new_credit)
        await _ask(uow, new_credit, done.credit_action, event.revision, correlation)
    return done.bill, new_credit


async def _ask(
    uow: PayablesUnitOfWork,
    record: Bill | VendorCredit,
    action: Action | None,
    revision: int,
    correlation_id: uuid.UUID,
) -> None:
    """Ask the gateway for what a correction needs of one bill or credit."""
    if action is None:
        return
    is_bill = isinstance(record, Bill)
    if action is Action.ADD:
        if isinstance(record, Bill):
            await _post_bill(uow, record, correlation_id)
        else:
            await _post_credit(uow, record, correlation_id)
        return
    kind = "bill" if is_bill else "vendor-credit"
    void_kind: EntryKind = "bill-void" if is_bill else "vendor-credit-void"
    change_kind: EntryKind = "bill-change" if is_bill else "vendor-credit-change"
    what = "Order" if is_bill else "Credits on order"
    when = record.bill_date if isinstance(record, Bill) else record.credit_date
    if action is Action.VOID:
        command = PostToQuickBooks(
            merchant_id=record.merchant_id,
            correlation_id=correlation_id,
            entry_id=uuid.uuid5(record.id, "void"),
            kind=void_kind,
            txn_date=when,
            ref_number=record.invoice_number,
            vendor_name=record.vendor_name,
            memo=f"{what} {record.invoice_number} cancelled in CobaltConnect",
            voids=record.id,
            source=SOURCE,
            source_record=f"{kind}-void/{record.id}",
        )
    else:
        command = PostToQuickBooks(
            merchant_id=record.merchant_id,
            correlation_id=correlation_id,
            entry_id=uuid.uuid5(record.id, f"change-{revision}"),
            kind=change_kind,
            txn_date=when,
            ref_number=record.invoice_number,
            vendor_name=record.vendor_name,
            due_date=record.due_date if isinstance(record, Bill) else None,
            memo=f"{what} {record.invoice_number} corrected in CobaltConnect",
            lines=_account_lines(record.lines),
            changes=record.id,
            source=SOURCE,
            source_record=f"{kind}-change/{record.id}",
        )
    await _post(uow, command)


@dataclass(frozen=True)
class PayRequest:
    """The merchant pressed Send to QuickBooks with these bills and credits selected."""

    merchant_id: uuid.UUID
    bills: list[tuple[uuid.UUID, Decimal | None]]  # (bill id, amount; None: all that is open)
    credits: list[tuple[uuid.UUID, Decimal | None]]
    details: CheckDetails
    idempotency_key: str | None = None
    request_hash: str | None = None


async def plan(cmd: PayRequest, uow: PayablesUnitOfWork) -> list[Payment]:
    """The checks the selection makes (one per vendor), checked but not recorded: what the
    confirmation states before anything is sent."""
    bill_choices = []
    for bill_id, amount in cmd.bills:
        bill = await uow.bills.get(cmd.merchant_id, bill_id)
        if bill is None:
            raise NotFound(f"bill {bill_id} not found", field="bills")
        bill_choices.append(BillChoice(bill, amount))
    credit_choices = []
    for credit_id, amount in cmd.credits:
        credit = await uow.credits.get(cmd.merchant_id, credit_id)
        if credit is None:
            raise NotFound(f"credit {credit_id} not found", field="credits")
        credit_choices.append(CreditChoice(credit, amount))
    return plan_payments(cmd.merchant_id, bill_choices, credit_choices, cmd.details, utcnow())


async def pay(cmd: PayRequest, uow: PayablesUnitOfWork) -> tuple[list[Payment], bool]:
    """One payment per vendor, each sent as a BillPaymentCheck from the chosen bank account.
    The same Idempotency-Key returns the payments it made. Returns (payments, created).

    The merchant is held first, as the workers hold it: a result or read-back changing a
    selected bill's balance meanwhile is either in before the balances are read or waits for
    the payment (otherwise the check would pay the balance as it was: too much)."""
    await uow.lock_merchants([cmd.merchant_id])
    if cmd.idempotency_key:
        found = await uow.payment_requests.find(cmd.merchant_id, cmd.idempotency_key)
        if found is not None:
            request_id, request_hash = found
            if cmd.request_hash and request_hash != cmd.request_hash:
                raise Conflict(
                    "this Idempotency-Key was already used for a different payment; "
                    "use a new key for a new payment"
                )
            return await uow.payments.find(cmd.merchant_id, request_id), False
    planned = await plan(cmd, uow)
    now = utcnow()
    request_id = uuid.uuid4()
    if cmd.idempotency_key:
        await uow.payment_requests.add(
            request_id, cmd.merchant_id, cmd.idempotency_key, cmd.request_hash or "", now
        )
    made = []
    for planned_payment in planned:
        payment = replace(planned_payment, request_id=request_id, detail=SENT)
        for application in payment.applications:
            if not await uow.bills.claim(cmd.merchant_id, application.bill_id, payment.id):
                raise Conflict("a bill selected is already in a payment waiting for QuickBooks")
        for credit_id in payment.credit_ids:
            if not await uow.credits.claim(cmd.merchant_id, credit_id, payment.id):
                raise Conflict("a credit selected is already in a payment waiting for QuickBooks")
        await uow.payments.add(payment)
        await _post(uow, PostToQuickBooks(
            merchant_id=payment.merchant_id, entry_id=payment.id, kind="bill-payment",
            txn_date=payment.payment_date, vendor_name=payment.vendor_name,
            bank_account=payment.pay_from, ref_number=payment.check_number,
            to_be_printed=payment.to_be_printed,
            memo=_payment_memo(payment),
            applied=[
                AppliedBill(
                    bill_entry_id=a.bill_id, amount=a.cash,
                    credits=[
                        AppliedCredit(credit_entry_id=c.credit_id, amount=c.amount)
                        for c in a.credits
                    ],
                )
                for a in payment.applications
            ],
            source=SOURCE, source_record=f"payment/{payment.id}",
        ))  # fmt: skip
        made.append(payment)
    return made, True


def _payment_memo(payment: Payment) -> str:
    by = f" by {payment.made_by}" if payment.made_by else ""
    return f"Paid from CobaltConnect accounts payable{by}"


async def apply_entry_result(result: QuickBooksEntryResult, uow: PayablesUnitOfWork) -> None:
    """What the gateway says became of one of our bills, credits or payments (the result
    names its kind). A payment's amounts count against balances only once it is synced; one
    that failed or will never be made frees its bills and credits."""
    await apply_entry_results([result], uow)


async def apply_entry_results(
    results: Sequence[QuickBooksEntryResult], uow: PayablesUnitOfWork
) -> None:
    """`apply_entry_result` for each result, in order. Results about bills and credits
    themselves (the usual case) take one read and one write for them all; any other result
    is applied alone, after what came before it is written, and what follows reads again."""
    await uow.lock_merchants(r.merchant_id for r in results)
    bills: dict[tuple[uuid.UUID, uuid.UUID], Bill] = {}
    credits: dict[tuple[uuid.UUID, uuid.UUID], VendorCredit] = {}
    changed: set[tuple[uuid.UUID, uuid.UUID]] = set()
    loaded = False
    for i, result in enumerate(results):
        key = (result.merchant_id, result.entry_id)
        if result.kind not in ("bill", "vendor-credit"):
            await _save(uow, bills, credits, changed)
            changed, loaded = set(), False
            await _apply_other(result, uow)
            continue
        if not loaded:  # what the results from here on are about, as it stands now
            rest = results[i:]
            bills = await uow.bills.get_many(
                (r.merchant_id, r.entry_id) for r in rest if r.kind == "bill"
            )
            credits = await uow.credits.get_many(
                (r.merchant_id, r.entry_id) for r in rest if r.kind == "vendor-credit"
            )
            loaded = True
        if result.kind == "bill" and key in bills:
            bills[key] = _with_result(bills[key], result)
            changed.add(key)
        elif result.kind == "vendor-credit" and key in credits:
            credits[key] = _with_result(credits[key], result)
            changed.add(key)
    await _save(uow, bills, credits, changed)


async def _save(
    uow: PayablesUnitOfWork,
    bills: Mapping[tuple[uuid.UUID, uuid.UUID], Bill],
    credits: Mapping[tuple[uuid.UUID, uuid.UUID], VendorCredit],
    changed: set[tuple[uuid.UUID, uuid.UUID]],
) -> None:
    keys = sorted(changed)  # rows in one order: concurrent writers cannot deadlock
    await uow.bills.save_all([bills[k] for k in keys if k in bills])
    await uow.credits.save_all([credits[k] for k in keys if k in credits])


_Record = TypeVar("_Record", Bill, VendorCredit)


def _with_result(record: _Record, result: QuickBooksEntryResult) -> _Record:
    """A bill or credit as the gateway's result about it says: its state, or when QuickBooks
    was read back, what QuickBooks has of it now."""
    side = _side(result)
    if side is not None:
        return replace(record, in_quickbooks=side)
    state, detail = _outcome(result)
    return replace(record, state=state, txn_id=result.txn_id, detail=detail)


def _outcome(result: QuickBooksEntryResult) -> tuple[SyncState, str | None]:
    """The state a result gives our record, and the words that go with it."""
    detail = "In QuickBooks." if result.state == "synced" else result.explanation
    return SyncState.of_result(result.state), detail


async def _apply_other(result: QuickBooksEntryResult, uow: PayablesUnitOfWork) -> None:
    """A result about a correction, a payment or a void."""
    state, detail = _outcome(result)
    if result.kind in CORRECTIONS:
        await _correction_result(uow, result, state, detail)
    elif result.kind == "bill-payment":
        await _payment_result(uow, result, state, detail)
    elif result.kind == "payment-void":
        await _void_result(uow, result, state, detail)
    else:
        log.warning("entry result %s of kind %r is not payables'", result.entry_id, result.kind)


def _side(result: QuickBooksEntryResult) -> QuickBooksSide | None:
    """What QuickBooks has of it now, when the gateway read it back."""
    found = result.in_quickbooks
    if found is None:
        return None
    return QuickBooksSide(
        amount=found.amount,
        open_amount=found.open_amount,
        paid_elsewhere=found.paid_elsewhere,
        paid_elsewhere_on=found.paid_elsewhere_on,
        deleted=found.deleted,
    )


CORRECTIONS = ("bill-change", "bill-void", "vendor-credit-change", "vendor-credit-void")


async def _correction_result(
    uow: PayablesUnitOfWork, result: QuickBooksEntryResult, state: SyncState, detail: str | None
) -> None:
    """What became of a correction or void of a bill or credit: its state is the bill's (or
    credit's) own until QuickBooks has it; then the read-back follows the new amount."""
    kind, _, record_id = (result.source_record or "").partition("/")
    try:
        record = uuid.UUID(record_id)
    except ValueError:
        return
    void = kind.endswith("-void")
    if state is SyncState.SYNCED:
        detail = "Voided in QuickBooks (order cancelled)." if void else "Corrected in QuickBooks."
    elif state is SyncState.NOT_IN_QUICKBOOKS:
        state = SyncState.FAILED  # a correction withdrawn leaves the bill as QuickBooks has it
    if kind.startswith("bill"):
        bill = await uow.bills.get(result.merchant_id, record)
        if bill is not None:
            await uow.bills.save(replace(bill, state=state, detail=detail, in_quickbooks=None))
    else:
        credit = await uow.credits.get(result.merchant_id, record)
        if credit is not None:
            await uow.credits.save(replace(credit, state=state, detail=detail, in_quickbooks=None))


async def _payment_result(
    uow: PayablesUnitOfWork, result: QuickBooksEntryResult, state: SyncState, detail: str | None
) -> None:
    merchant = result.merchant_id
    payment = await uow.payments.get(merchant, result.entry_id)
    if payment is None:
        return
    state = SyncState.FAILED if state is SyncState.NOT_IN_QUICKBOOKS else state
    if result.in_quickbooks is not None:
        await _check_followed(uow, payment, result.in_quickbooks)
        return
    was_synced = payment.state is SyncState.SYNCED
    await uow.payments.save(replace(payment, state=state, txn_id=result.txn_id, detail=detail))
    if state is SyncState.PENDING:
        return  # on its way again (retried): its bills and credits stay claimed
    await uow.bills.release(merchant, payment.id)
    await uow.credits.release(merchant, payment.id)
    if state is SyncState.SYNCED and not was_synced:
        for application in payment.applications:
            paid_bill = await uow.bills.get(merchant, application.bill_id)
            if paid_bill is None:
                continue
            used = sum((c.amount for c in application.credits), ZERO)
            await uow.bills.save(
                replace(
                    paid_bill,
                    paid=paid_bill.paid + application.cash,
                    credited=paid_bill.credited + used,
                )
            )
            for use in application.credits:
                used_credit = await uow.credits.get(merchant, use.credit_id)
                if used_credit is not None:
                    await uow.credits.save(
                        replace(used_credit, applied=used_credit.applied + use.amount)
                    )


async def void_payment(
    uow: PayablesUnitOfWork, merchant_id: uuid.UUID, payment_id: uuid.UUID, by: str | None
) -> Payment:
    """Void a payment in QuickBooks (TxnVoid of its check), once however often it is asked;
    its bills and credits are open again when QuickBooks has voided it. The caller commits."""
    payment = await uow.payments.get(merchant_id, payment_id)
    if payment is None:
        raise NotFound(f"payment {payment_id} not found")
    if payment.void_state is not None:
        return payment  # on its way, voided, or failed (retried on the QB Entries page)
    problem = payment.void_problem()
    if problem:
        raise Conflict(problem)
    voiding = replace(payment, void_state=SyncState.PENDING, void_detail=SENT, voided_by=by)
    await uow.payments.save(voiding)
    number = f"check {payment.check_number}" if payment.check_number else "check to print"
    who = f" by {by}" if by else ""
    await _post(
        uow,
        PostToQuickBooks(
            merchant_id=merchant_id,
            entry_id=payment.void_id,
            kind="payment-void",
            txn_date=payment.payment_date,
            vendor_name=None,
            memo=f"Void of the {number} to {payment.vendor_name}, voided{who} in CobaltConnect",
            voids=payment.id,
            source=SOURCE,
            source_record=f"payment-void/{payment.id}",
        ),
    )
    return voiding


async def _void_result(
    uow: PayablesUnitOfWork, result: QuickBooksEntryResult, state: SyncState, detail: str | None
) -> None:
    """The void's fate: once QuickBooks has voided the check, what it paid is open again."""
    merchant = result.merchant_id
    record = (result.source_record or "").removeprefix("payment-void/")
    try:
        payment = await uow.payments.get(merchant, uuid.UUID(record))
    except ValueError:
        payment = None
    if payment is None:
        return
    was_voided = payment.void_state is SyncState.SYNCED
    shown = "Voided in QuickBooks." if state is SyncState.SYNCED else detail
    await uow.payments.save(replace(payment, void_state=state, void_detail=shown))
    if state is SyncState.SYNCED and not was_voided:
        await _reopen(uow, payment)


async def _check_followed(uow: PayablesUnitOfWork, payment: Payment, side: InQuickBooks) -> None:
    """Our check as QuickBooks has it now: voided or deleted there by the owner, what it paid is
    open again (once)."""
    gone = side.deleted or (side.amount == 0 and payment.amount > 0)
    if not gone or payment.void_state is SyncState.SYNCED or payment.state is not SyncState.SYNCED:
        return
    how = "deleted" if side.deleted else "voided"
    note = f"The check was {how} in QuickBooks itself: what it paid is open again."
    await uow.payments.save(replace(payment, void_state=SyncState.SYNCED, void_detail=note))
    await _reopen(uow, payment)


async def _reopen(uow: PayablesUnitOfWork, payment: Payment) -> None:
    """A check voided: its bills and credits are open again by what it paid and used."""
    merchant = payment.merchant_id
    for application in payment.applications:
        bill = await uow.bills.get(merchant, application.bill_id)
        if bill is not None:
            used = sum((c.amount for c in application.credits), ZERO)
            # What QuickBooks had open is stale now: the next read-back says it again.
            await uow.bills.save(
                replace(
                    bill,
                    paid=bill.paid - application.cash,
                    credited=bill.credited - used,
                    in_quickbooks=None,
                )
            )
        for use in application.credits:
            credit = await uow.credits.get(merchant, use.credit_id)
            if credit is not None:
                await uow.credits.save(
                    replace(credit, applied=credit.applied - use.amount, in_quickbooks=None)
                )


async def _post(uow: PayablesUnitOfWork, command: PostToQuickBooks) -> None:
    await uow.outbox.add(*_command(command))


def _command(command: PostToQuickBooks) -> tuple[str, PostToQuickBooks]:
    """The command with the subject it goes on."""
    return post_to_quickbooks(SOURCE, command.merchant_id), command
