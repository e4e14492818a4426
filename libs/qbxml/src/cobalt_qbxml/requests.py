"""Typed builders of every qbXML request the product sends, children in schema order."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Literal

from cobalt_qbxml import values as v
from cobalt_qbxml.node import Node
from cobalt_qbxml.values import QbxmlValueError


@dataclass(frozen=True)
class Ref:
    """A reference to a QuickBooks list object: by ListID when known, else by full name."""

    full_name: str | None = None
    list_id: str | None = None

    def add_to(self, parent: Node, tag: str, *, account: bool = False, limit: int = 41) -> None:
        if not self.full_name and not self.list_id:
            raise QbxmlValueError(tag, "needs a ListID or a full name")
        ref = parent.add(tag)
        if self.list_id:
            ref.add("ListID", v.name(self.list_id, f"{tag}.ListID", 36))
        else:
            assert self.full_name is not None
            full = (
                v.account_full_name(self.full_name, f"{tag}.FullName")
                if account
                else v.name(self.full_name, f"{tag}.FullName", limit)
            )
            ref.add("FullName", full)


class Request:
    """One request of a message set; subclasses fill the `<...Rq>` element."""

    rq_tag: ClassVar[str]
    writes: ClassVar[bool] = False

    def to_node(self, request_id: str) -> Node:
        """The `<...Rq>` element with every value checked: a QbxmlValueError names the field
        QuickBooks would refuse."""
        if not request_id or len(request_id) > 50:
            raise QbxmlValueError("requestID", "must be 1 to 50 characters")
        rq = Node(self.rq_tag, {"requestID": request_id})
        self.fill(rq)
        return rq

    def fill(self, rq: Node) -> None:
        raise NotImplementedError


# ----------------------------------------------------------------------------- vendors
@dataclass(frozen=True)
class VendorQuery(Request):
    """Vendors by exact name, or those whose name contains a text."""

    rq_tag: ClassVar[str] = "VendorQueryRq"
    full_names: Sequence[str] = ()
    name_contains: str | None = None
    active_only: bool = False
    max_returned: int | None = None

    def fill(self, rq: Node) -> None:
        if self.full_names:
            for full in self.full_names:
                rq.add("FullName", v.name(full, "Vendor FullName", 41))
            return
        if self.max_returned is not None:
            rq.add("MaxReturned", str(self.max_returned))
        rq.add("ActiveStatus", "ActiveOnly" if self.active_only else "All")
        if self.name_contains:
            name_filter = rq.add("NameFilter")
            name_filter.add("MatchCriterion", "Contains")
            name_filter.add("Name", v.name(self.name_contains, "NameFilter", 41))


@dataclass(frozen=True)
class VendorAdd(Request):
    """A new vendor (made before its first bill)."""

    rq_tag: ClassVar[str] = "VendorAddRq"
    writes: ClassVar[bool] = True
    name: str
    company_name: str | None = None
    name_on_check: str | None = None
    external_guid: uuid.UUID | None = None

    def fill(self, rq: Node) -> None:
        add = rq.add("VendorAdd")
        add.add("Name", v.name(self.name, "Vendor Name", 41))
        if self.company_name:
            add.add("CompanyName", v.name(self.company_name, "CompanyName", 41))
        if self.name_on_check:
            add.add("NameOnCheck", v.name(self.name_on_check, "NameOnCheck", 41))
        if self.external_guid:
            add.add("ExternalGUID", v.guid(self.external_guid))


# ----------------------------------------------------------------------------- bills
@dataclass(frozen=True)
class ExpenseLine:
    """One expense line: a purchase category's account and amount."""

    account: Ref
    amount: Decimal
    memo: str | None = None

    def add_to(self, parent: Node) -> None:
        line = parent.add("ExpenseLineAdd")
        self.account.add_to(line, "AccountRef", account=True)
        line.add("Amount", v.amount(self.amount, "ExpenseLine Amount"))
        line.opt("Memo", v.free_text(self.memo, "ExpenseLine Memo", 4095))


@dataclass(frozen=True)
class BillAdd(Request):
    """A bill for a received vendor order: one expense line per purchase category."""

    rq_tag: ClassVar[str] = "BillAddRq"
    writes: ClassVar[bool] = True
    vendor: Ref
    txn_date: date
    ref_number: str
    external_guid: uuid.UUID
    expense_lines: Sequence[ExpenseLine]
    ap_account: Ref | None = None
    due_date: date | None = None
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        _payable(rq, "Bill", self.vendor, self.ap_account, self.txn_date, self.due_date,
                 self.ref_number, self.memo, self.external_guid, self.expense_lines)  # fmt: skip


@dataclass(frozen=True)
class VendorCreditAdd(Request):
    """A vendor credit (returns, breakage, allowances): the same shape as a bill."""

    rq_tag: ClassVar[str] = "VendorCreditAddRq"
    writes: ClassVar[bool] = True
    vendor: Ref
    txn_date: date
    ref_number: str
    external_guid: uuid.UUID
    expense_lines: Sequence[ExpenseLine]
    ap_account: Ref | None = None
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        _payable(rq, "VendorCredit", self.vendor, self.ap_account, self.txn_date, None,
                 self.ref_number, self.memo, self.external_guid, self.expense_lines)  # fmt: skip


def _payable(
    rq: Node,
    kind: str,
    vendor: Ref,
    ap_account: Ref | None,
    txn_date: date,
    due_date: date | None,
    ref_number: str,
    memo: str | None,
    external_guid: uuid.UUID,
    lines: Sequence[ExpenseLine],
) -> None:
    """BillAdd and VendorCreditAdd: the same children in the same order (bills add DueDate)."""
    if not lines:
        raise QbxmlValueError(f"{kind}Add", "needs at least one expense line")
    add = rq.add(f"{kind}Add")
    vendor.add_to(add, "VendorRef")
    if ap_account:
        ap_account.add_to(add, "APAccountRef", account=True)
    add.add("TxnDate", v.qb_date(txn_date))
    if due_date:
        add.add("DueDate", v.qb_date(due_date))
    add.add("RefNumber", v.name(ref_number, f"{kind} RefNumber", 20))
    add.opt("Memo", v.free_text(memo, f"{kind} Memo", 4095))
    add.add("ExternalGUID", v.guid(external_guid))
    for line in lines:
        line.add_to(add)


@dataclass(frozen=True)
class BillMod(Request):
    """A correction of a bill already in QuickBooks: its expense lines are replaced by these
    (new lines, TxnLineID -1; lines left out are removed), at the EditSequence last read."""

    rq_tag: ClassVar[str] = "BillModRq"
    writes: ClassVar[bool] = True
    txn_id: str
    edit_sequence: str
    expense_lines: Sequence[ExpenseLine]
    ref_number: str | None = None
    due_date: date | None = None
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        _payable_mod(
            rq,
            "Bill",
            self.txn_id,
            self.edit_sequence,
            self.due_date,
            self.ref_number,
            self.memo,
            self.expense_lines,
        )


@dataclass(frozen=True)
class VendorCreditMod(Request):
    """A correction of a vendor credit already in QuickBooks (lines replaced, as BillMod)."""

    rq_tag: ClassVar[str] = "VendorCreditModRq"
    writes: ClassVar[bool] = True
    txn_id: str
    edit_sequence: str
    expense_lines: Sequence[ExpenseLine]
    ref_number: str | None = None
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        _payable_mod(
            rq,
            "VendorCredit",
            self.txn_id,
            self.edit_sequence,
            None,
            self.ref_number,
            self.memo,
            self.expense_lines,
        )


def _payable_mod(
    rq: Node,
    kind: str,
    txn_id: str,
    edit_sequence: str,
    due_date: date | None,
    ref_number: str | None,
    memo: str | None,
    lines: Sequence[ExpenseLine],
) -> None:
    """BillMod and VendorCreditMod: TxnID and EditSequence first, then what changes."""
    if not lines:
        raise QbxmlValueError(f"{kind}Mod", "needs at least one expense line")
    mod = rq.add(f"{kind}Mod")
    mod.add("TxnID", v.name(txn_id, f"{kind}Mod TxnID", 36))
    mod.add("EditSequence", v.name(edit_sequence, f"{kind}Mod EditSequence", 16))
    if due_date:
        mod.add("DueDate", v.qb_date(due_date))
    if ref_number:
        mod.add("RefNumber", v.name(ref_number, f"{kind} RefNumber", 20))
    mod.opt("Memo", v.free_text(memo, f"{kind} Memo", 4095))
    for line in lines:
        changed = mod.add("ExpenseLineMod")
        changed.add("TxnLineID", "-1")  # a new line: the old ones, left out, are removed
        line.account.add_to(changed, "AccountRef", account=True)
        changed.add("Amount", v.amount(line.amount, "ExpenseLine Amount"))
        changed.opt("Memo", v.free_text(line.memo, "ExpenseLine Memo", 4095))


# ----------------------------------------------------------------------------- payments
@dataclass(frozen=True)
class AppliedCredit:
    """A vendor credit used against one bill (SetCredit)."""

    credit_txn_id: str
    applied_amount: Decimal


@dataclass(frozen=True)
class AppliedToTxn:
    """What one payment pays on one bill, and the credits it uses there."""

    txn_id: str
    payment_amount: Decimal
    credits: Sequence[AppliedCredit] = ()

    def add_to(self, parent: Node) -> None:
        applied = parent.add("AppliedToTxnAdd")
        applied.add("TxnID", v.name(self.txn_id, "AppliedToTxn TxnID", 36))
        applied.add("PaymentAmount", v.amount(self.payment_amount, "PaymentAmount"))
        for credit in self.credits:
            set_credit = applied.add("SetCredit")
            set_credit.add("CreditTxnID", v.name(credit.credit_txn_id, "CreditTxnID", 36))
            set_credit.add("AppliedAmount", v.amount(credit.applied_amount, "AppliedAmount"))


@dataclass(frozen=True)
class BillPaymentCheckAdd(Request):
    """A payment from the operating account to one vendor, applied to its bills."""

    rq_tag: ClassVar[str] = "BillPaymentCheckAddRq"
    writes: ClassVar[bool] = True
    payee: Ref
    bank_account: Ref
    txn_date: date
    external_guid: uuid.UUID
    applied: Sequence[AppliedToTxn]
    ap_account: Ref | None = None
    ref_number: str | None = None  # the check number
    to_be_printed: bool = False  # without a check number: print it later in QuickBooks
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        if not self.applied:
            raise QbxmlValueError("BillPaymentCheckAdd", "must apply to at least one bill")
        if self.ref_number and self.to_be_printed:
            raise QbxmlValueError(
                "BillPaymentCheckAdd", "a check has a number or is to be printed, not both"
            )
        add = rq.add("BillPaymentCheckAdd")
        self.payee.add_to(add, "PayeeEntityRef")
        if self.ap_account:
            self.ap_account.add_to(add, "APAccountRef", account=True)
        add.add("TxnDate", v.qb_date(self.txn_date))
        self.bank_account.add_to(add, "BankAccountRef", account=True)
        if self.ref_number:
            add.add("RefNumber", v.name(self.ref_number, "BillPaymentCheck RefNumber", 11))
        else:
            add.add("IsToBePrinted", "true" if self.to_be_printed else "false")
        add.opt("Memo", v.free_text(self.memo, "BillPaymentCheck Memo", 4095))
        add.add("ExternalGUID", v.guid(self.external_guid))
        for applied in self.applied:
            applied.add_to(add)


# ----------------------------------------------------------------------------- deposits
@dataclass(frozen=True)
class DepositLine:
    """Money deposited from one account (card clearing, cash drawer)."""

    account: Ref
    amount: Decimal
    memo: str | None = None
    payment_method: Ref | None = None
    entity: Ref | None = None
    check_number: str | None = None

    def add_to(self, parent: Node) -> None:
        line = parent.add("DepositLineAdd")
        if self.entity:
            self.entity.add_to(line, "EntityRef", limit=209)
        self.account.add_to(line, "AccountRef", account=True)
        line.opt("Memo", v.free_text(self.memo, "DepositLine Memo", 4095))
        if self.check_number:
            line.add("CheckNumber", v.name(self.check_number, "CheckNumber", 11))
        if self.payment_method:
            self.payment_method.add_to(line, "PaymentMethodRef", limit=31)
        line.add("Amount", v.amount(self.amount, "DepositLine Amount"))


@dataclass(frozen=True)
class DepositAdd(Request):
    """A deposit into the operating account: gross card batches, or the day's cash."""

    rq_tag: ClassVar[str] = "DepositAddRq"
    writes: ClassVar[bool] = True
    deposit_to: Ref
    txn_date: date
    external_guid: uuid.UUID
    lines: Sequence[DepositLine]
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        if not self.lines:
            raise QbxmlValueError("DepositAdd", "needs at least one line")
        add = rq.add("DepositAdd")
        add.add("TxnDate", v.qb_date(self.txn_date))
        self.deposit_to.add_to(add, "DepositToAccountRef", account=True)
        add.opt("Memo", v.free_text(self.memo, "Deposit Memo", 4095))
        add.add("ExternalGUID", v.guid(self.external_guid))
        for line in self.lines:
            line.add_to(add)


# ----------------------------------------------------------------------------- journal
@dataclass(frozen=True)
class JournalLine:
    """A debit or credit line of a journal entry."""

    side: Literal["debit", "credit"]
    account: Ref
    amount: Decimal
    memo: str | None = None
    entity: Ref | None = None


@dataclass(frozen=True)
class JournalEntryAdd(Request):
    """A balanced journal entry (the day's sales by category); unbalanced ones are refused."""

    rq_tag: ClassVar[str] = "JournalEntryAddRq"
    writes: ClassVar[bool] = True
    txn_date: date
    external_guid: uuid.UUID
    lines: Sequence[JournalLine]
    ref_number: str | None = None
    memo: str | None = None

    def fill(self, rq: Node) -> None:
        debits = sum((ln.amount for ln in self.lines if ln.side == "debit"), Decimal(0))
        credits = sum((ln.amount for ln in self.lines if ln.side == "credit"), Decimal(0))
        if not self.lines or debits != credits:
            raise QbxmlValueError(
                "JournalEntryAdd", f"debits {debits} must equal credits {credits}"
            )
        add = rq.add("JournalEntryAdd")
        add.add("TxnDate", v.qb_date(self.txn_date))
        if self.ref_number:
            add.add("RefNumber", v.name(self.ref_number, "JournalEntry RefNumber", 11))
        add.opt("Memo", v.free_text(self.memo, "JournalEntry Memo", 4095))
        add.add("ExternalGUID", v.guid(self.external_guid))
        for ln in self.lines:
            tag = "JournalDebitLine" if ln.side == "debit" else "JournalCreditLine"
            line = add.add(tag)
            ln.account.add_to(line, "AccountRef", account=True)
            line.add("Amount", v.amount(ln.amount, f"{tag} Amount"))
            line.opt("Memo", v.free_text(ln.memo, f"{tag} Memo", 4095))
            if ln.entity:
                ln.entity.add_to(line, "EntityRef", limit=209)


# ----------------------------------------------------------------------------- accounts
ACCOUNT_PAGE_SIZE = 500


@dataclass(frozen=True)
class AccountQuery(Request):
    """The chart of accounts, a page at a time.

    AccountQuery has no qbXML iterator (the 13.0 schema gives it none), so large charts are
    read in pages ordered by name: each page starts at the name after the last one seen.
    """

    rq_tag: ClassVar[str] = "AccountQueryRq"
    account_types: Sequence[str] = ()
    active_only: bool = False
    max_returned: int | None = ACCOUNT_PAGE_SIZE
    from_name: str | None = None
    full_names: Sequence[str] = field(default_factory=tuple)

    def fill(self, rq: Node) -> None:
        if self.full_names:
            for full in self.full_names:
                rq.add("FullName", v.account_full_name(full, "Account FullName"))
            return
        if self.max_returned is not None:
            rq.add("MaxReturned", str(self.max_returned))
        rq.add("ActiveStatus", "ActiveOnly" if self.active_only else "All")
        if self.from_name:
            name_range = rq.add("NameRangeFilter")
            name_range.add("FromName", v.account_full_name(self.from_name, "FromName"))
        for account_type in self.account_types:
            rq.add("AccountType", account_type)

    def next_page(self, last_full_name: str) -> AccountQuery:
        """The query for the page after one that ended at `last_full_name`."""
        return AccountQuery(
            account_types=self.account_types,
            active_only=self.active_only,
            max_returned=self.max_returned,
            from_name=last_full_name,
        )


# ----------------------------------------------------------------------------- verification
TxnKind = Literal["Bill", "VendorCredit", "BillPaymentCheck", "Deposit", "JournalEntry"]


@dataclass(frozen=True)
class TxnQuery(Request):
    """Transactions of one kind by TxnID, by RefNumber, or by date range and entity.

    Used to verify what exists before anything is written again. `iterator="Start"` (with
    max_returned) and then `iterator="Continue"` with the returned iterator id page through
    large results.
    """

    rq_tag: ClassVar[str] = ""
    kind: TxnKind = "Bill"
    txn_ids: Sequence[str] = ()
    ref_numbers: Sequence[str] = ()
    date_from: date | None = None
    date_to: date | None = None
    entity: Ref | None = None
    max_returned: int | None = None
    include_line_items: bool = False
    modified_from: datetime | None = None  # changed in QuickBooks since (QuickBooks' clock)
    include_linked_txns: bool = False  # the payments and credits that touched each one
    iterator: Literal["Start", "Continue"] | None = None
    iterator_id: str | None = None

    def to_node(self, request_id: str) -> Node:
        if not request_id or len(request_id) > 50:
            raise QbxmlValueError("requestID", "must be 1 to 50 characters")
        rq = Node(f"{self.kind}QueryRq", {"requestID": request_id})
        if self.iterator:
            rq.attrs["iterator"] = self.iterator
            if self.iterator == "Continue":
                if not self.iterator_id:
                    raise QbxmlValueError("iteratorID", "is required to continue an iterator")
                rq.attrs["iteratorID"] = self.iterator_id
        self.fill(rq)
        return rq

    def fill(self, rq: Node) -> None:
        if self.ref_numbers and self.kind == "Deposit":
            raise QbxmlValueError("DepositQuery", "deposits have no RefNumber to query by")
        if self.txn_ids:
            for txn_id in self.txn_ids:
                rq.add("TxnID", v.name(txn_id, "TxnID", 36))
        elif self.ref_numbers:
            for ref in self.ref_numbers:
                rq.add("RefNumber", v.name(ref, "RefNumber", 20))
        else:
            if self.max_returned is not None:
                rq.add("MaxReturned", str(self.max_returned))
            if self.modified_from and (self.date_from or self.date_to):
                raise QbxmlValueError(
                    f"{self.kind}Query", "filters by modified date or by date, not both"
                )
            if self.modified_from:
                rq.add("ModifiedDateRangeFilter").add(
                    "FromModifiedDate", v.qb_datetime(self.modified_from)
                )
            if self.date_from or self.date_to:
                dates = rq.add("TxnDateRangeFilter")
                if self.date_from:
                    dates.add("FromTxnDate", v.qb_date(self.date_from))
                if self.date_to:
                    dates.add("ToTxnDate", v.qb_date(self.date_to))
            if self.entity:
                entity = rq.add("EntityFilter")
                if self.entity.list_id:
                    entity.add("ListID", self.entity.list_id)
                else:
                    entity.add("FullName", v.name(self.entity.full_name or "", "Entity", 209))
        if self.include_line_items:
            rq.add("IncludeLineItems", "true")
        if self.include_linked_txns:
            if self.kind not in ("Bill", "VendorCredit"):
                raise QbxmlValueError(f"{self.kind}Query", "has no linked transactions to include")
            rq.add("IncludeLinkedTxns", "true")


@dataclass(frozen=True)
class TxnDeletedQuery(Request):
    """Transactions of these kinds deleted in QuickBooks since a moment (QuickBooks' clock)."""

    rq_tag: ClassVar[str] = "TxnDeletedQueryRq"
    kinds: Sequence[TxnKind] = ("Bill", "VendorCredit")
    deleted_from: datetime | None = None

    def fill(self, rq: Node) -> None:
        if not self.kinds:
            raise QbxmlValueError("TxnDeletedQuery", "needs at least one kind")
        for kind in self.kinds:
            rq.add("TxnDelType", kind)
        if self.deleted_from:
            rq.add("DeletedDateRangeFilter").add(
                "FromDeletedDate", v.qb_datetime(self.deleted_from)
            )


@dataclass(frozen=True)
class TxnVoid(Request):
    """Void a transaction: it stays in QuickBooks with nothing applied and a zero amount."""

    rq_tag: ClassVar[str] = "TxnVoidRq"
    writes: ClassVar[bool] = True
    txn_type: TxnKind
    txn_id: str

    def fill(self, rq: Node) -> None:
        rq.add("TxnVoidType", self.txn_type)
        rq.add("TxnID", v.name(self.txn_id, "TxnVoid TxnID", 36))
