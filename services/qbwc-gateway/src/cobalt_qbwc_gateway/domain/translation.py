"""Entry -> qbXML request: pure, and every value checked while one entry is translated, so a
value QuickBooks would refuse fails that entry alone (never the message set it would join)."""

from __future__ import annotations

import uuid

from cobalt_qbwc_gateway.domain.entry import Entry
from cobalt_qbwc_gateway.domain.events import Unbuildable
from cobalt_qbwc_gateway.domain.facts import Facts, Prerequisite
from cobalt_qbwc_gateway.domain.posting import (
    CHANGES,
    VOIDS,
    EntryKind,
    Posting,
    VendorToAdd,
)
from cobalt_qbxml.node import Node
from cobalt_qbxml.requests import (
    AppliedCredit,
    AppliedToTxn,
    BillAdd,
    BillMod,
    BillPaymentCheckAdd,
    DepositAdd,
    DepositLine,
    ExpenseLine,
    JournalEntryAdd,
    JournalLine,
    Ref,
    Request,
    TxnKind,
    TxnQuery,
    TxnVoid,
    VendorAdd,
    VendorCreditAdd,
    VendorCreditMod,
    VendorQuery,
)
from cobalt_qbxml.values import QbxmlValueError

FIX = "Correct it where it came from (the order, payment or day), then press Retry."
VERIFY_PREFIX = "verify:"  # requestID of a verification query: verify:<entry id>
LOOKUP_PREFIX = "lookup:"  # requestID of a before-the-start-date lookup: lookup:<entry id>
QUERY_KIND: dict[EntryKind, TxnKind] = {
    EntryKind.BILL: "Bill",
    EntryKind.VENDOR_CREDIT: "VendorCredit",
    EntryKind.BILL_PAYMENT: "BillPaymentCheck",
    # What a void or a correction acts on (never found by its own GUID: see `verification`).
    EntryKind.PAYMENT_VOID: "BillPaymentCheck",
    EntryKind.BILL_VOID: "Bill",
    EntryKind.VENDOR_CREDIT_VOID: "VendorCredit",
    EntryKind.BILL_CHANGE: "Bill",
    EntryKind.VENDOR_CREDIT_CHANGE: "VendorCredit",
    EntryKind.DEPOSIT: "Deposit",
    EntryKind.JOURNAL_ENTRY: "JournalEntry",
}


class _Unresolved(Exception):
    """A fact the request needs is missing (the planner derives waits before building)."""


def build(entry: Entry, facts: Facts) -> Node | Unbuildable:
    """The entry's write request, checked; or why it cannot be written."""
    try:
        return request_for(entry, facts).to_node(str(entry.id))
    except QbxmlValueError as exc:
        return Unbuildable("invalid", f"QuickBooks would refuse it: {exc}. {FIX}")
    except _Unresolved as exc:
        return Unbuildable("unresolved", f"{exc} {FIX}")
    except Exception as exc:  # one entry's surprise must never stop the others
        return Unbuildable("internal", f"CobaltConnect could not write it ({exc!r}). {FIX}")


def request_for(entry: Entry, facts: Facts) -> Request:
    payload = entry.payload
    if isinstance(payload, VendorToAdd):
        return VendorAdd(name=payload.vendor_name, external_guid=entry.id)
    if not isinstance(payload, Posting):
        raise _Unresolved(f"A {entry.kind.label} is read, never written.")
    if payload.kind in (EntryKind.BILL, EntryKind.VENDOR_CREDIT):
        return _payable(entry, payload, facts)
    if payload.kind is EntryKind.BILL_PAYMENT:
        return _payment(entry, payload, facts)
    if payload.kind in VOIDS:
        if payload.voids is None:
            raise _Unresolved("It names nothing to void.")
        # Voiding twice changes nothing more, so a void whose answer was lost is simply resent.
        kind = QUERY_KIND[payload.kind]
        return TxnVoid(txn_type=kind, txn_id=_txn(payload.voids, facts, _WHAT[kind]))
    if payload.kind in CHANGES:
        return _correction(entry, payload, facts)
    if payload.kind is EntryKind.DEPOSIT:
        return DepositAdd(
            deposit_to=_account(payload.bank_account, facts),
            txn_date=entry.txn_date,
            external_guid=entry.id,
            memo=payload.memo,
            lines=[
                # A "credit" line is kept back from the deposit (a card fee): negative there.
                DepositLine(
                    _account(ln.account, facts),
                    -ln.amount if ln.side == "credit" else ln.amount,
                    ln.memo,
                )
                for ln in payload.lines
            ],
        )
    return JournalEntryAdd(
        txn_date=entry.txn_date,
        external_guid=entry.id,
        memo=payload.memo,
        ref_number=payload.ref_number,
        lines=[
            JournalLine(ln.side or "debit", _account(ln.account, facts), ln.amount, ln.memo)
            for ln in payload.lines
        ],
    )


def _account(key: str | None, facts: Facts) -> Ref:
    name = facts.account_names.get(key or "")
    if name is None:
        raise _Unresolved(f"No QuickBooks account is chosen for {key}.")
    return Ref(name)


def _vendor(payload: Posting, facts: Facts) -> Ref:
    link = facts.vendor(payload.vendor_name or "")
    if link is None or not link.list_id:
        raise _Unresolved(f"The vendor '{payload.vendor_name}' is not linked to QuickBooks yet.")
    return Ref(payload.vendor_name, list_id=link.list_id)


def _payable(entry: Entry, payload: Posting, facts: Facts) -> Request:
    lines = [ExpenseLine(_account(ln.account, facts), ln.amount, ln.memo) for ln in payload.lines]
    vendor = _vendor(payload, facts)
    ref = payload.ref_number or ""
    if payload.kind is EntryKind.BILL:
        return BillAdd(
            vendor=vendor,
            txn_date=entry.txn_date,
            ref_number=ref,
            external_guid=entry.id,
            expense_lines=lines,
            memo=payload.memo,
            due_date=payload.due_date,
        )
    return VendorCreditAdd(
        vendor=vendor,
        txn_date=entry.txn_date,
        ref_number=ref,
        external_guid=entry.id,
        expense_lines=lines,
        memo=payload.memo,
    )


_WHAT = {"Bill": "bill", "VendorCredit": "vendor credit", "BillPaymentCheck": "payment"}


def _correction(entry: Entry, payload: Posting, facts: Facts) -> Request:
    """A bill or credit corrected: its lines replaced, at the EditSequence read last (the
    entry's own once QuickBooks answered 3200 and it was read again)."""
    if payload.changes is None:
        raise _Unresolved("It names nothing to correct.")
    kind = QUERY_KIND[payload.kind]
    txn_id = _txn(payload.changes, facts, _WHAT[kind])
    target = facts.prerequisites[payload.changes]
    sequence = entry.edit_sequence or target.edit_sequence
    if not sequence:
        raise _Unresolved(f"The {_WHAT[kind]}'s EditSequence is not known yet.")
    lines = [ExpenseLine(_account(ln.account, facts), ln.amount, ln.memo) for ln in payload.lines]
    if kind == "Bill":
        return BillMod(
            txn_id=txn_id,
            edit_sequence=sequence,
            expense_lines=lines,
            ref_number=payload.ref_number,
            due_date=payload.due_date,
            memo=payload.memo,
        )
    return VendorCreditMod(
        txn_id=txn_id,
        edit_sequence=sequence,
        expense_lines=lines,
        ref_number=payload.ref_number,
        memo=payload.memo,
    )


def _txn(entry_id: uuid.UUID, facts: Facts, what: str) -> str:
    needed = facts.prerequisites.get(entry_id)
    if needed is None or not needed.state.in_quickbooks or not needed.txn_id:
        raise _Unresolved(f"The {what} it applies to is not in QuickBooks yet.")
    return needed.txn_id


def _payment(entry: Entry, payload: Posting, facts: Facts) -> Request:
    applied = [
        AppliedToTxn(
            _txn(bill.bill_entry_id, facts, "bill"),
            bill.amount,
            [
                AppliedCredit(_txn(c.credit_entry_id, facts, "vendor credit"), c.amount)
                for c in bill.credits
            ],
        )
        for bill in payload.applied
    ]
    return BillPaymentCheckAdd(
        payee=_vendor(payload, facts),
        bank_account=_account(payload.bank_account, facts),
        txn_date=entry.txn_date,
        external_guid=entry.id,
        ref_number=payload.ref_number,
        to_be_printed=payload.to_be_printed,
        memo=payload.memo,
        applied=applied,
    )


def verification(entry: Entry, facts: Facts) -> Node:
    """A read-only query whose answer holds the entry if QuickBooks made it: by name for a
    vendor, by RefNumber for bills and credits, by date (and payee) for the rest. A correction
    reads the bill or credit it changes, by TxnID, for its current EditSequence."""
    payload = entry.payload
    request: Request
    target = _changed(entry, facts)
    if target is not None and target.txn_id:
        request = TxnQuery(kind=QUERY_KIND[entry.kind], txn_ids=[target.txn_id])
    elif isinstance(payload, VendorToAdd):
        request = VendorQuery(full_names=[payload.vendor_name])
    else:
        assert isinstance(payload, Posting)
        kind = QUERY_KIND[entry.kind]
        if kind in ("Bill", "VendorCredit") and payload.ref_number:
            request = TxnQuery(kind=kind, ref_numbers=[payload.ref_number])
        else:
            payee = Ref(payload.vendor_name) if kind == "BillPaymentCheck" else None
            request = TxnQuery(
                kind=kind, date_from=entry.txn_date, date_to=entry.txn_date, entity=payee
            )
    return request.to_node(VERIFY_PREFIX + str(entry.id))


def _changed(entry: Entry, facts: Facts) -> Prerequisite | None:
    posting = entry.posting
    if posting is None or posting.kind not in CHANGES or posting.changes is None:
        return None
    return facts.prerequisites.get(posting.changes)


def lookup(entry: Entry) -> Node:
    """Before the start date: the bill or credit by its invoice number (vendor matched in the
    answer, so a vendor QuickBooks lacks is simply 'not found')."""
    posting = entry.posting
    assert posting is not None
    query = TxnQuery(kind=QUERY_KIND[entry.kind], ref_numbers=[posting.ref_number or ""])
    return query.to_node(LOOKUP_PREFIX + str(entry.id))
