"""Processing whole qbXML request documents the way QuickBooks Desktop does.

- A document that is not well-formed, declares a DTD/entities, or fails Intuit's schema is
  refused with HRESULT 0x80040400 and nothing is processed.
- Requests run in order; each answer carries its request's requestID. With stopOnError the
  requests after a failed one are answered with 3231 (not processed); with continueOnError
  they run. Nothing that succeeded is rolled back.
- A request is checked completely before it changes anything (one request is atomic).
- With newMessageSetID the answers are remembered. A document carrying oldMessageSetID is a
  recovery question: it is answered with the remembered answers of that set (each successful
  Add with an ErrorRecovery aggregate) and messageSetStatusCode 0, and its own requests are
  not processed; for an unknown set the status is 1 and nothing is processed.
  oldMessageSetID="ClearAllMessageSets" forgets every remembered set.
- Every response document is checked against the schema before it is returned.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from lxml import etree

from cobalt_qbsim.company import ZERO, Account, Applied, Company, Line, Txn, Vendor
from cobalt_qbxml.message_set import render_document
from cobalt_qbxml.requests import AppliedToTxn, BillPaymentCheckAdd, Ref
from cobalt_qbxml.safe_xml import UnsafeXml, parse
from cobalt_qbxml.schema import schema_errors

Element = etree._Element
PARSE_ERROR = "0x80040400"
OK_MESSAGE = "Status OK"
NO_MATCH = "A query request did not find a matching object in QuickBooks"
TXN_KINDS = ("Bill", "VendorCredit", "BillPaymentCheck", "Deposit", "JournalEntry")


class QuickBooksError(Exception):
    """QuickBooks could not process the document at all: an HRESULT, no response."""

    def __init__(self, hresult: str, message: str) -> None:
        super().__init__(f"{hresult}: {message}")
        self.hresult = hresult
        self.message = message


class Status(Exception):
    """A request-level outcome other than OK."""

    def __init__(self, code: int, message: str, severity: str = "Error") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.severity = severity


def _sub(parent: Element, tag: str, text: object | None = None) -> Element:
    child = etree.SubElement(parent, tag)
    if text is not None:
        child.text = str(text)
    return child


def _opt(parent: Element, tag: str, text: object | None) -> None:
    if text is not None and text != "":
        _sub(parent, tag, text)


def _list_ret(tag: str, list_id: str, created: str, edit_sequence: str) -> Element:
    """The header every list object's *Ret starts with."""
    ret = etree.Element(tag)
    for child, value in (
        ("ListID", list_id),
        ("TimeCreated", created),
        ("TimeModified", created),
        ("EditSequence", edit_sequence),
    ):
        _sub(ret, child, value)
    return ret


def _instant(text: str) -> datetime:
    """A qbXML date-time; one without an offset is taken as UTC (the simulator's clock)."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _memo(line: Line | None) -> str | None:
    return line.memo if line is not None else None


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


class SimulatedQuickBooks:
    """QuickBooks Desktop with one company file open."""

    def __init__(
        self, company: Company, *, validate_responses: bool = True, check_schema: bool = True
    ) -> None:
        """`check_schema=False` runs without Intuit's schema (a clone without it): requests
        are then not checked as QuickBooks checks them, and nothing else changes."""
        self.company = company
        self.check_schema = check_schema
        self.validate_responses = validate_responses and check_schema
        self.documents_processed = 0
        self._iterators: dict[str, list[Txn]] = {}
        self._handlers: dict[str, Callable[[Element], Element]] = {
            "HostQueryRq": self._host_query,
            "CompanyQueryRq": self._company_query,
            "AccountQueryRq": self._account_query,
            "VendorQueryRq": self._vendor_query,
            "VendorAddRq": self._vendor_add,
            "BillAddRq": self._bill_add,
            "VendorCreditAddRq": self._vendor_credit_add,
            "BillModRq": self._bill_mod,
            "VendorCreditModRq": self._vendor_credit_mod,
            "BillPaymentCheckAddRq": self._bill_payment_add,
            "DepositAddRq": self._deposit_add,
            "JournalEntryAddRq": self._journal_add,
            **{f"{kind}QueryRq": self._txn_query for kind in TXN_KINDS},
            "TxnDeletedQueryRq": self._deleted_query,
            "TxnVoidRq": self._txn_void,
        }

    # ----------------------------------------------------------------- documents
    def pay_bill_directly(
        self, bill_txn_id: str, amount: Decimal, on: date, bank: str = "Operating Account"
    ) -> str:
        """The owner pays a bill in QuickBooks itself (no CobaltConnect): a BillPaymentCheck
        made as QuickBooks' own window would. Returns its TxnID."""
        bill = self.company.txns[bill_txn_id]
        assert bill.vendor_id is not None
        payment = BillPaymentCheckAdd(
            payee=Ref(list_id=bill.vendor_id),
            bank_account=Ref(full_name=bank),
            txn_date=on,
            external_guid=uuid.uuid4(),
            applied=[AppliedToTxn(bill_txn_id, amount)],
            to_be_printed=True,
            memo="Paid in QuickBooks",
        )
        answer = parse(self.process(render_document([payment.to_node("owner")])))
        ret = answer.find(".//BillPaymentCheckRet/TxnID")
        if ret is None:
            raise AssertionError(etree.tostring(answer).decode())
        return str(ret.text)

    def delete_directly(self, txn_id: str) -> None:
        """The owner deletes a bill or vendor credit in QuickBooks itself (one nothing was
        applied to): its amounts leave the books and TxnDeletedQuery reports it."""
        txn = self.company.txns[txn_id]
        assert txn.kind in ("Bill", "VendorCredit"), txn.kind
        assert txn.open_amount == txn.amount, "only an untouched bill or credit is deleted here"
        sign = 1 if txn.kind == "Bill" else -1
        assert txn.ap_account_id is not None
        self.company.accounts[txn.ap_account_id].balance -= sign * txn.amount
        for line in txn.lines:
            self.company.accounts[line.account_id].balance -= sign * line.amount
        del self.company.txns[txn_id]
        self.company.deleted.append(
            {
                "kind": txn.kind,
                "txn_id": txn_id,
                "ref_number": txn.ref_number,
                "time_created": txn.time_created,
                "time_deleted": datetime.now(UTC).replace(microsecond=0).isoformat(),
            }
        )
        self.company.save()

    def process(self, request_xml: str | bytes) -> str:
        """Answer a whole request document, or raise QuickBooksError (an HRESULT)."""
        try:
            root = parse(request_xml)
        except UnsafeXml as exc:
            raise QuickBooksError(PARSE_ERROR, f"error when parsing the XML: {exc}") from None
        errors = schema_errors(root) if self.check_schema else []
        msgs = root.find("QBXMLMsgsRq")
        if errors or msgs is None:
            detail = errors[0] if errors else "no QBXMLMsgsRq"
            raise QuickBooksError(
                PARSE_ERROR,
                f"QuickBooks found an error when parsing the provided XML text stream: {detail}",
            )
        out = etree.Element("QBXML")
        answers = _sub(out, "QBXMLMsgsRs")
        old_id = msgs.get("oldMessageSetID")
        new_id = msgs.get("newMessageSetID")
        if old_id is not None:
            self._recover(answers, old_id)
        else:
            stop = False
            for rq in msgs:
                if stop:
                    rs = self._status_only(rq, Status(3231, "The request has not been processed."))
                else:
                    rs = self._handle(rq)
                    stop = rs.get("statusSeverity") == "Error" and (
                        msgs.get("onError") == "stopOnError"
                    )
                answers.append(rs)
            if new_id is not None:
                answers.set("newMessageSetID", new_id)
                self.company.message_sets[new_id] = [
                    etree.tostring(rs, encoding="unicode") for rs in answers
                ]
        self.documents_processed += 1
        self.company.save()
        if self.validate_responses and (problems := schema_errors(out)):
            raise AssertionError(f"the simulator wrote an invalid response: {problems[:3]}")
        body = etree.tostring(out, encoding="us-ascii").decode("ascii")
        return f'<?xml version="1.0" ?>\n{body}'

    def _recover(self, answers: Element, old_id: str) -> None:
        if old_id == "ClearAllMessageSets":
            self.company.message_sets.clear()
            answers.set("messageSetStatusCode", "0")
            return
        stored = self.company.message_sets.get(old_id)
        if stored is None:
            answers.set("messageSetStatusCode", "1")
            return
        answers.set("messageSetStatusCode", "0")
        for text in stored:
            rs = etree.fromstring(text)
            ret = next((c for c in rs if str(c.tag).endswith("Ret")), None)
            if rs.get("statusCode") == "0" and "Add" in str(rs.tag) and ret is not None:
                recovery = _sub(rs, "ErrorRecovery")
                for tag in ("ListID", "TxnID"):
                    _opt(recovery, tag, ret.findtext(tag))
                _opt(recovery, "EditSequence", ret.findtext("EditSequence"))
                _opt(recovery, "ExternalGUID", ret.findtext("ExternalGUID"))
            answers.append(rs)

    def _handle(self, rq: Element) -> Element:
        handler = self._handlers.get(str(rq.tag))
        if handler is None:
            return self._status_only(
                rq, Status(3250, f"{rq.tag} is not supported by the simulated QuickBooks.")
            )
        try:
            return handler(rq)
        except Status as status:
            return self._status_only(rq, status)

    @staticmethod
    def _rs(
        rq: Element, code: int = 0, severity: str = "Info", message: str = OK_MESSAGE
    ) -> Element:
        rs = etree.Element(str(rq.tag).removesuffix("Rq") + "Rs")
        if rq.get("requestID") is not None:
            rs.set("requestID", rq.get("requestID", ""))
        rs.set("statusCode", str(code))
        rs.set("statusSeverity", severity)
        rs.set("statusMessage", message)
        return rs

    def _status_only(self, rq: Element, status: Status) -> Element:
        return self._rs(rq, status.code, status.severity, status.message)

    # ----------------------------------------------------------------- references
    def _account(self, el: Element | None, what: str, txn: str) -> Account:
        if el is None:
            raise Status(3140, f"There is a missing reference to QuickBooks {what} in the {txn}.")
        list_id, full_name = el.findtext("ListID"), el.findtext("FullName")
        account = (
            self.company.accounts.get(list_id)
            if list_id
            else self.company.account_named(full_name or "")
        )
        shown = list_id or full_name
        if account is None:
            raise Status(
                3140,
                f'There is an invalid reference to QuickBooks Account "{shown}" in the {txn}. '
                "QuickBooks error message: Invalid argument. The specified record does not "
                "exist in the list.",
            )
        if not account.active:
            raise Status(
                3140,
                f'There is an invalid reference to QuickBooks Account "{shown}" in the {txn}. '
                "QuickBooks error message: This list has been made inactive.",
            )
        return account

    def _vendor(self, el: Element | None, txn: str) -> Vendor:
        if el is None:
            raise Status(3140, f"There is a missing reference to QuickBooks Vendor in the {txn}.")
        list_id, full_name = el.findtext("ListID"), el.findtext("FullName")
        vendor = self.company.vendors.get(list_id) if list_id else None
        if vendor is None and full_name:
            vendor = self.company.vendor_named(full_name)
        if vendor is None or not vendor.active:
            reason = "does not exist in the list" if vendor is None else "has been made inactive"
            raise Status(
                3140,
                f'There is an invalid reference to QuickBooks Vendor "{list_id or full_name}" '
                f"in the {txn}. QuickBooks error message: The specified record {reason}.",
            )
        return vendor

    def _ap_account(self, el: Element | None, txn: str) -> Account:
        if el is None:
            default = next(
                (a for a in self.company.accounts.values() if a.account_type == "AccountsPayable"),
                None,
            )
            if default is None:
                raise Status(3140, f"There is no Accounts Payable account for the {txn}.")
            return default
        account = self._account(el, "Account", txn)
        if account.account_type != "AccountsPayable":
            raise Status(
                3140,
                f'There is an invalid reference to QuickBooks Account "{account.full_name}" in '
                f"the {txn}. QuickBooks error message: The account must be an Accounts "
                "Payable account.",
            )
        return account

    def _txn_date(self, el: Element, txn: str) -> str:
        text = el.findtext("TxnDate") or date.today().isoformat()
        closing = self.company.closing_date
        if closing and text <= closing:
            raise Status(
                3171,
                f"An attempt was made to modify a {txn} with a date that is on or before the "
                f"closing date of the company ({closing}). If you are sure you really want to "
                "do this, please ask a user with Admin privileges to remove the password for "
                "editing transactions on or before the closing date (this setting is in the "
                "Accounting Company Preferences).",
            )
        return text

    # ----------------------------------------------------------------- host and company
    def _host_query(self, rq: Element) -> Element:
        rs = self._rs(rq)
        host = _sub(rs, "HostRet")
        _sub(host, "ProductName", "QuickBooks Pro 2024 (simulated)")
        _sub(host, "MajorVersion", "34")
        _sub(host, "MinorVersion", "0")
        _sub(host, "Country", "US")
        for version in ("1.0", "2.0", "3.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0",
                        "11.0", "12.0", "13.0", "14.0", "15.0", "16.0"):  # fmt: skip
            _sub(host, "SupportedQBXMLVersion", version)
        _sub(host, "IsAutomaticLogin", "false")
        _sub(host, "QBFileMode", "SingleUser")
        return rs

    def _company_query(self, rq: Element) -> Element:
        rs = self._rs(rq)
        company = _sub(rs, "CompanyRet")
        _sub(company, "IsSampleCompany", "false")
        _sub(company, "CompanyName", self.company.name)
        owners = [o.upper() for o in (x.text or "" for x in rq.findall("OwnerID"))]
        for owner, file_id in self.company.data_ext.items():
            if owner.upper() in owners:
                ext = _sub(company, "DataExtRet")
                _sub(ext, "OwnerID", owner)
                _sub(ext, "DataExtName", "FileID")
                _sub(ext, "DataExtType", "STR255TYPE")
                _sub(ext, "DataExtValue", file_id)
        return rs

    # ----------------------------------------------------------------- lists
    def _account_query(self, rq: Element) -> Element:
        accounts = sorted(self.company.accounts.values(), key=lambda a: a.full_name.casefold())
        names = [n.casefold() for n in (x.text or "" for x in rq.findall("FullName"))]
        if names:
            accounts = [a for a in accounts if a.full_name.casefold() in names]
        if rq.findtext("ActiveStatus") == "ActiveOnly":
            accounts = [a for a in accounts if a.active]
        elif rq.findtext("ActiveStatus") == "InactiveOnly":
            accounts = [a for a in accounts if not a.active]
        if (start := rq.findtext("NameRangeFilter/FromName")) is not None:
            accounts = [a for a in accounts if a.full_name.casefold() > start.casefold()]
        types = [t.text for t in rq.findall("AccountType")]
        if types:
            accounts = [a for a in accounts if a.account_type in types]
        return self._list_answer(rq, [self._account_ret(a) for a in accounts], count=True)

    def _list_answer(self, rq: Element, rets: list[Element], *, count: bool = False) -> Element:
        """A list query's answer: MaxReturned applied; status 1 when nothing matched."""
        if (limit := rq.findtext("MaxReturned")) is not None:
            rets = rets[: int(limit)]
        if not rets:
            return self._rs(rq, 1, "Info", NO_MATCH)
        rs = self._rs(rq)
        if count:
            rs.set("retCount", str(len(rets)))
        rs.extend(rets)
        return rs

    def _account_ret(self, account: Account) -> Element:
        ret = _list_ret("AccountRet", account.list_id, account.time_created, account.edit_sequence)
        _sub(ret, "Name", account.name)
        _sub(ret, "FullName", account.full_name)
        _sub(ret, "IsActive", str(account.active).lower())
        if account.sublevel:
            parent = self.company.account_named(account.full_name.rsplit(":", 1)[0])
            if parent is not None:
                ref = _sub(ret, "ParentRef")
                _sub(ref, "ListID", parent.list_id)
                _sub(ref, "FullName", parent.full_name)
        _sub(ret, "Sublevel", account.sublevel)
        _sub(ret, "AccountType", account.account_type)
        _opt(ret, "AccountNumber", account.number)
        _sub(ret, "Balance", _money(account.balance))
        _sub(ret, "TotalBalance", _money(account.balance))
        return ret

    def _vendor_query(self, rq: Element) -> Element:
        vendors = list(self.company.vendors.values())
        names = [n.casefold() for n in (x.text or "" for x in rq.findall("FullName"))]
        if names:
            vendors = [v for v in vendors if v.name.casefold() in names]
        if rq.findtext("ActiveStatus") == "ActiveOnly":
            vendors = [v for v in vendors if v.active]
        if (needle := rq.findtext("NameFilter/Name")) is not None:
            vendors = [v for v in vendors if needle.casefold() in v.name.casefold()]
        return self._list_answer(rq, [self._vendor_ret(v) for v in vendors])

    def _vendor_ret(self, vendor: Vendor) -> Element:
        ret = _list_ret("VendorRet", vendor.list_id, vendor.time_created, vendor.edit_sequence)
        _sub(ret, "Name", vendor.name)
        _sub(ret, "IsActive", str(vendor.active).lower())
        _opt(ret, "CompanyName", vendor.company_name)
        _opt(ret, "NameOnCheck", vendor.name_on_check)
        _sub(ret, "Balance", _money(self.company.vendor_balance(vendor.name)))
        _opt(ret, "ExternalGUID", vendor.external_guid)
        return ret

    def _vendor_add(self, rq: Element) -> Element:
        add = rq.find("VendorAdd")
        assert add is not None  # the schema requires it
        name = (add.findtext("Name") or "").strip()
        if self.company.name_in_use(name):
            raise Status(3100, f'The name "{name}" of the list element is already in use.')
        vendor = Vendor(
            self.company.new_id(),
            name,
            company_name=add.findtext("CompanyName"),
            name_on_check=add.findtext("NameOnCheck"),
            external_guid=add.findtext("ExternalGUID"),
        )
        self.company.vendors[vendor.list_id] = vendor
        rs = self._rs(rq)
        rs.append(self._vendor_ret(vendor))
        return rs

    # ----------------------------------------------------------------- bills and credits
    def _expense_lines(self, add: Element, txn: str) -> list[Line]:
        lines = []
        for el in add.findall("ExpenseLineAdd"):
            account = self._account(el.find("AccountRef"), "Account", txn)
            lines.append(
                Line(account.list_id, Decimal(el.findtext("Amount") or "0"), el.findtext("Memo"))
            )
        return lines

    def _bill_add(self, rq: Element) -> Element:
        return self._payable_add(rq, "Bill")

    def _vendor_credit_add(self, rq: Element) -> Element:
        return self._payable_add(rq, "VendorCredit")

    def _payable_add(self, rq: Element, kind: str) -> Element:
        add = rq.find(f"{kind}Add")
        assert add is not None
        if add.find("ItemLineAdd") is not None or add.find("ItemGroupLineAdd") is not None:
            raise Status(3250, "Item lines are not supported by the simulated QuickBooks.")
        vendor = self._vendor(add.find("VendorRef"), kind)
        ap = self._ap_account(add.find("APAccountRef"), kind)
        txn_date = self._txn_date(add, kind)
        lines = self._expense_lines(add, kind)
        total = sum((ln.amount for ln in lines), ZERO)
        txn = Txn(
            txn_id=self.company.new_id(),
            kind=kind,
            txn_number=len(self.company.txns) + 1,
            txn_date=txn_date,
            amount=total,
            ref_number=add.findtext("RefNumber"),
            memo=add.findtext("Memo"),
            external_guid=add.findtext("ExternalGUID"),
            vendor_id=vendor.list_id,
            ap_account_id=ap.list_id,
            due_date=add.findtext("DueDate"),
            open_amount=total,
            lines=lines,
        )
        for i, line in enumerate(lines):
            line.line_id = f"{txn.txn_id}-{i + 1}"
        sign = 1 if kind == "Bill" else -1
        ap.balance += sign * total
        for line in lines:
            self.company.accounts[line.account_id].balance += sign * line.amount
        self.company.txns[txn.txn_id] = txn
        rs = self._rs(rq)
        rs.append(self._txn_ret(txn))
        return rs

    def _bill_mod(self, rq: Element) -> Element:
        return self._payable_mod(rq, "Bill")

    def _vendor_credit_mod(self, rq: Element) -> Element:
        return self._payable_mod(rq, "VendorCredit")

    def _payable_mod(self, rq: Element, kind: str) -> Element:
        """Change a bill or credit at the EditSequence last read (3200 when stale): with line
        mods, the lines are those listed (TxnLineID -1: a new line); the rest are removed."""
        mod = rq.find(f"{kind}Mod")
        assert mod is not None
        txn = self._open_txn(mod.findtext("TxnID") or "", kind)
        sequence = mod.findtext("EditSequence") or ""
        if sequence != txn.edit_sequence:
            raise Status(
                3200,
                f'The provided edit sequence "{sequence}" is out-of-date. It is '
                f'"{txn.edit_sequence}" in QuickBooks.',
            )
        closing = self.company.closing_date
        if closing and txn.txn_date <= closing:
            raise Status(3171, f"The {kind} is dated on or before the closing date ({closing}).")
        lines = txn.lines
        if mod.find("ExpenseLineMod") is not None:
            kept = {line.line_id: line for line in txn.lines}
            lines = []
            for el in mod.findall("ExpenseLineMod"):
                line_id = el.findtext("TxnLineID") or ""
                old = kept.get(line_id)
                if line_id != "-1" and old is None:
                    raise Status(
                        3120, f'Object "{line_id}" specified in the request cannot be found.'
                    )
                account_el = el.find("AccountRef")
                account = (
                    self._account(account_el, "Account", kind).list_id
                    if account_el is not None or old is None
                    else old.account_id
                )
                amount = el.findtext("Amount")
                lines.append(
                    Line(
                        account,
                        Decimal(amount) if amount else (old.amount if old else ZERO),
                        el.findtext("Memo") if el.find("Memo") is not None else _memo(old),
                    )
                )
        total = sum((ln.amount for ln in lines), ZERO)
        used = txn.amount - (txn.open_amount or ZERO)
        if total < used:
            raise Status(
                3210,
                f'The "Amount" field has an invalid value "{total}". QuickBooks error message: '
                f"The {kind} has {used} applied to it; it cannot be less.",
            )
        sign = 1 if kind == "Bill" else -1
        assert txn.ap_account_id is not None
        self.company.accounts[txn.ap_account_id].balance += sign * (total - txn.amount)
        for line in txn.lines:
            self.company.accounts[line.account_id].balance -= sign * line.amount
        for i, line in enumerate(lines):
            self.company.accounts[line.account_id].balance += sign * line.amount
            line.line_id = f"{txn.txn_id}-{txn.edit_sequence}-{i + 1}"
        txn.lines = lines
        txn.open_amount = total - used
        txn.amount = total
        txn.ref_number = mod.findtext("RefNumber") or txn.ref_number
        txn.due_date = mod.findtext("DueDate") or txn.due_date
        txn.memo = mod.findtext("Memo") or txn.memo
        txn.touched()
        rs = self._rs(rq)
        rs.append(self._txn_ret(txn))
        return rs

    # ----------------------------------------------------------------- payments
    def _bill_payment_add(self, rq: Element) -> Element:
        add = rq.find("BillPaymentCheckAdd")
        assert add is not None
        kind = "BillPaymentCheck"
        vendor = self._vendor(add.find("PayeeEntityRef"), kind)
        ap = self._ap_account(add.find("APAccountRef"), kind)
        txn_date = self._txn_date(add, kind)
        bank = self._account(add.find("BankAccountRef"), "Account", kind)
        if bank.account_type != "Bank":
            raise Status(
                3140,
                f'There is an invalid reference to QuickBooks Account "{bank.full_name}" in the '
                f"{kind}. QuickBooks error message: The account must be a bank account.",
            )
        applied: list[Applied] = []
        bill_use: dict[str, Decimal] = {}
        credit_use: dict[str, Decimal] = {}
        for el in add.findall("AppliedToTxnAdd"):
            bill = self._open_txn(el.findtext("TxnID") or "", "Bill")
            if bill.vendor_id != vendor.list_id:
                raise Status(3210, f'The bill "{bill.ref_number}" belongs to another vendor.')
            if bill.ap_account_id != ap.list_id:
                raise Status(
                    3210,
                    f'The AP account of the payment does not match bill "{bill.ref_number}".',
                )
            payment = Decimal(el.findtext("PaymentAmount") or "0")
            credits: list[tuple[str, Decimal]] = []
            for set_credit in el.findall("SetCredit"):
                credit = self._open_txn(set_credit.findtext("CreditTxnID") or "", "VendorCredit")
                if credit.vendor_id != vendor.list_id:
                    raise Status(
                        3210, f'The credit "{credit.ref_number}" belongs to another vendor.'
                    )
                amount = Decimal(set_credit.findtext("AppliedAmount") or "0")
                credit_use[credit.txn_id] = credit_use.get(credit.txn_id, ZERO) + amount
                if credit_use[credit.txn_id] > (credit.open_amount or ZERO):
                    raise Status(
                        3210,
                        f'The "AppliedAmount" field has an invalid value "{amount}". QuickBooks '
                        "error message: You cannot apply more than the credit available.",
                    )
                credits.append((credit.txn_id, amount))
            bill_use[bill.txn_id] = (
                bill_use.get(bill.txn_id, ZERO) + payment + sum((a for _, a in credits), ZERO)
            )
            if bill_use[bill.txn_id] > (bill.open_amount or ZERO):
                raise Status(
                    3210,
                    f'The "PaymentAmount" field has an invalid value "{payment}". QuickBooks '
                    "error message: You cannot pay more than the amount due.",
                )
            applied.append(Applied(bill.txn_id, payment, credits))
        total = sum((a.payment for a in applied), ZERO)
        # Checked: now change the books.
        for bill_id, used in bill_use.items():
            bill_txn = self.company.txns[bill_id]
            bill_txn.open_amount = (bill_txn.open_amount or ZERO) - used
            bill_txn.touched()
        for credit_id, used in credit_use.items():
            credit_txn = self.company.txns[credit_id]
            credit_txn.open_amount = (credit_txn.open_amount or ZERO) - used
            credit_txn.touched()
        bank.balance -= total
        ap.balance -= total
        txn = Txn(
            txn_id=self.company.new_id(),
            kind=kind,
            txn_number=len(self.company.txns) + 1,
            txn_date=txn_date,
            amount=total,
            ref_number=add.findtext("RefNumber"),
            memo=add.findtext("Memo"),
            external_guid=add.findtext("ExternalGUID"),
            vendor_id=vendor.list_id,
            ap_account_id=ap.list_id,
            bank_account_id=bank.list_id,
            applied=applied,
            to_be_printed=add.findtext("IsToBePrinted") == "true",
        )
        self.company.txns[txn.txn_id] = txn
        rs = self._rs(rq)
        rs.append(self._txn_ret(txn))
        return rs

    def _open_txn(self, txn_id: str, kind: str) -> Txn:
        txn = self.company.txns.get(txn_id)
        if txn is None or txn.kind != kind:
            raise Status(3120, f'Object "{txn_id}" specified in the request cannot be found.')
        return txn

    # ----------------------------------------------------------------- deposits and journals
    def _deposit_add(self, rq: Element) -> Element:
        add = rq.find("DepositAdd")
        assert add is not None
        kind = "Deposit"
        txn_date = self._txn_date(add, kind)
        bank = self._account(add.find("DepositToAccountRef"), "Account", kind)
        lines = []
        for el in add.findall("DepositLineAdd"):
            if el.find("PaymentTxnID") is not None:
                raise Status(3250, "Deposits of received payments are not simulated.")
            account = self._account(el.find("AccountRef"), "Account", kind)
            lines.append(
                Line(account.list_id, Decimal(el.findtext("Amount") or "0"), el.findtext("Memo"))
            )
        total = sum((ln.amount for ln in lines), ZERO)
        txn = Txn(
            txn_id=self.company.new_id(),
            kind=kind,
            txn_number=len(self.company.txns) + 1,
            txn_date=txn_date,
            amount=total,
            memo=add.findtext("Memo"),
            external_guid=add.findtext("ExternalGUID"),
            bank_account_id=bank.list_id,
            lines=lines,
        )
        for i, line in enumerate(lines):
            line.line_id = f"{txn.txn_id}-{i + 1}"
            self.company.accounts[line.account_id].balance -= line.amount
        bank.balance += total
        self.company.txns[txn.txn_id] = txn
        rs = self._rs(rq)
        rs.append(self._txn_ret(txn))
        return rs

    def _journal_add(self, rq: Element) -> Element:
        add = rq.find("JournalEntryAdd")
        assert add is not None
        kind = "JournalEntry"
        txn_date = self._txn_date(add, kind)
        lines = []
        for el in add:
            if el.tag not in ("JournalDebitLine", "JournalCreditLine"):
                continue
            account = self._account(el.find("AccountRef"), "Account", kind)
            entity = el.find("EntityRef")
            entity_id = None
            if entity is not None:
                entity_id = self._vendor(entity, kind).list_id
            if account.account_type == "AccountsPayable" and entity_id is None:
                raise Status(
                    3180,
                    "There was an error when saving a Journal entry. QuickBooks error message: "
                    "You must specify a vendor for a line that uses an Accounts Payable account.",
                )
            side = "debit" if el.tag == "JournalDebitLine" else "credit"
            amount = Decimal(el.findtext("Amount") or "0")
            lines.append(Line(account.list_id, amount, el.findtext("Memo"), side, entity_id))
        debits = sum((ln.amount for ln in lines if ln.side == "debit"), ZERO)
        credits = sum((ln.amount for ln in lines if ln.side == "credit"), ZERO)
        if debits != credits:
            raise Status(
                3180,
                "There was an error when saving a Journal entry. QuickBooks error message: "
                f"Transaction not in balance (debits {debits}, credits {credits}).",
            )
        txn = Txn(
            txn_id=self.company.new_id(),
            kind=kind,
            txn_number=len(self.company.txns) + 1,
            txn_date=txn_date,
            amount=debits,
            ref_number=add.findtext("RefNumber"),
            memo=add.findtext("Memo"),
            external_guid=add.findtext("ExternalGUID"),
            lines=lines,
        )
        for i, line in enumerate(lines):
            line.line_id = f"{txn.txn_id}-{i + 1}"
            sign = 1 if line.side == "debit" else -1
            self.company.accounts[line.account_id].balance += sign * line.amount
        self.company.txns[txn.txn_id] = txn
        rs = self._rs(rq)
        rs.append(self._txn_ret(txn))
        return rs

    # ----------------------------------------------------------------- transaction queries
    def _txn_query(self, rq: Element) -> Element:
        kind = str(rq.tag).removesuffix("QueryRq")
        iterator = rq.get("iterator")
        if iterator == "Continue":
            iterator_id = rq.get("iteratorID", "")
            remaining = self._iterators.get(iterator_id)
            if remaining is None:
                raise Status(3000, f'The iterator "{iterator_id}" is unknown or has expired.')
            found = remaining
        else:
            found = self._match(rq, kind)
        limit = rq.findtext("MaxReturned")
        page, rest = (found[: int(limit)], found[int(limit) :]) if limit else (found, [])
        rs = self._rs(rq) if page else self._rs(rq, 1, "Info", NO_MATCH)
        if iterator:
            given = rq.get("iteratorID") if iterator == "Continue" else None
            iterator_id = given or "{" + self.company.new_id() + "-ITER}"
            self._iterators[iterator_id] = rest
            rs.set("iteratorRemainingCount", str(len(rest)))
            rs.set("iteratorID", iterator_id)
        with_lines = rq.findtext("IncludeLineItems") == "true"
        with_links = rq.findtext("IncludeLinkedTxns") == "true"
        for txn in page:
            rs.append(self._txn_ret(txn, with_lines=with_lines, with_links=with_links))
        return rs

    def _txn_void(self, rq: Element) -> Element:
        """Void a bill payment: its bills and credits are open again, the bank and Accounts
        Payable get their money back; it stays, with a zero amount. Voiding twice changes
        nothing more."""
        kind = rq.findtext("TxnVoidType") or ""
        txn_id = rq.findtext("TxnID") or ""
        txn = self.company.txns.get(txn_id)
        if txn is None or txn.kind != kind:
            raise Status(3120, f'Object "{txn_id}" specified in the request cannot be found.')
        if kind not in ("BillPaymentCheck", "Bill", "VendorCredit"):
            raise Status(3250, f"The simulated QuickBooks does not void a {kind}.")
        closing = self.company.closing_date
        if closing and txn.txn_date <= closing:
            raise Status(3171, f"The {kind} is dated on or before the closing date ({closing}).")
        if kind != "BillPaymentCheck":
            self._void_payable(txn)
        if txn.applied:
            for applied in txn.applied:
                bill = self.company.txns[applied.bill_id]
                bill.open_amount = (bill.open_amount or ZERO) + applied.payment
                bill.open_amount += sum((a for _, a in applied.credits), ZERO)
                bill.touched()
                for credit_id, amount in applied.credits:
                    credit = self.company.txns[credit_id]
                    credit.open_amount = (credit.open_amount or ZERO) + amount
                    credit.touched()
            assert txn.bank_account_id is not None
            assert txn.ap_account_id is not None
            self.company.accounts[txn.bank_account_id].balance += txn.amount
            self.company.accounts[txn.ap_account_id].balance += txn.amount
            txn.amount = ZERO
            txn.applied = []
            txn.memo = f"VOID: {txn.memo or ''}".strip()
            txn.touched()
        rs = self._rs(rq)
        _sub(rs, "TxnVoidType", kind)
        _sub(rs, "TxnID", txn.txn_id)
        _sub(rs, "TimeCreated", txn.time_created)
        _sub(rs, "TimeModified", txn.time_modified or txn.time_created)
        return rs

    def _void_payable(self, txn: Txn) -> None:
        """Void a bill or credit nothing is applied to: it stays, at zero, out of the books."""
        if txn.amount == 0:
            return  # voided already
        if txn.open_amount != txn.amount:
            raise Status(
                3210,
                f'The {txn.kind} "{txn.ref_number}" has payments or credits applied to it; '
                "void those first.",
            )
        sign = 1 if txn.kind == "Bill" else -1
        assert txn.ap_account_id is not None
        self.company.accounts[txn.ap_account_id].balance -= sign * txn.amount
        for line in txn.lines:
            self.company.accounts[line.account_id].balance -= sign * line.amount
            line.amount = ZERO
        txn.amount = ZERO
        txn.open_amount = ZERO
        txn.memo = f"VOID: {txn.memo or ''}".strip()
        txn.touched()

    def _deleted_query(self, rq: Element) -> Element:
        kinds = {el.text for el in rq.findall("TxnDelType")}
        since = rq.findtext("DeletedDateRangeFilter/FromDeletedDate")
        found = [
            d
            for d in self.company.deleted
            if d["kind"] in kinds
            and (since is None or _instant(str(d["time_deleted"])) >= _instant(since))
        ]
        rs = self._rs(rq) if found else self._rs(rq, 1, "Info", NO_MATCH)
        for d in found:
            ret = _sub(rs, "TxnDeletedRet")
            _sub(ret, "TxnDelType", d["kind"])
            _sub(ret, "TxnID", d["txn_id"])
            _sub(ret, "TimeCreated", d["time_created"])
            _sub(ret, "TimeDeleted", d["time_deleted"])
            _opt(ret, "RefNumber", d["ref_number"])
        return rs

    def _match(self, rq: Element, kind: str) -> list[Txn]:
        txns = self.company.transactions(kind)
        ids = [x.text for x in rq.findall("TxnID")]
        refs = [x.text for x in rq.findall("RefNumber")]
        if ids:
            return [t for t in txns if t.txn_id in ids]
        if refs:
            return [t for t in txns if t.ref_number in refs]
        if (since := rq.findtext("ModifiedDateRangeFilter/FromModifiedDate")) is not None:
            txns = [
                t for t in txns if _instant(t.time_modified or t.time_created) >= _instant(since)
            ]
        if (start := rq.findtext("TxnDateRangeFilter/FromTxnDate")) is not None:
            txns = [t for t in txns if t.txn_date >= start]
        if (end := rq.findtext("TxnDateRangeFilter/ToTxnDate")) is not None:
            txns = [t for t in txns if t.txn_date <= end]
        entity = rq.find("EntityFilter")
        if entity is not None:
            wanted = {
                v.list_id
                for v in self.company.vendors.values()
                if v.list_id == entity.findtext("ListID")
                or v.name.casefold() == (entity.findtext("FullName") or "").casefold()
            }
            txns = [t for t in txns if t.vendor_id in wanted]
        return txns

    # ----------------------------------------------------------------- rets
    def _ref(self, parent: Element, tag: str, list_id: str | None) -> None:
        if list_id is None:
            return
        account = self.company.accounts.get(list_id)
        name = account.full_name if account else self.company.vendors[list_id].name
        ref = _sub(parent, tag)
        _sub(ref, "ListID", list_id)
        _sub(ref, "FullName", name)

    def _txn_ret(self, txn: Txn, *, with_lines: bool = True, with_links: bool = False) -> Element:
        ret = etree.Element(f"{txn.kind}Ret")
        for tag, value in (
            ("TxnID", txn.txn_id),
            ("TimeCreated", txn.time_created),
            ("TimeModified", txn.time_modified or txn.time_created),
            ("EditSequence", txn.edit_sequence),
            ("TxnNumber", txn.txn_number),
        ):
            _sub(ret, tag, value)
        build = {
            "Bill": self._bill_body,
            "VendorCredit": self._credit_body,
            "BillPaymentCheck": self._payment_body,
            "Deposit": self._deposit_body,
            "JournalEntry": self._journal_body,
        }[txn.kind]
        build(ret, txn, with_lines)
        if with_links and txn.kind in ("Bill", "VendorCredit"):
            self._linked(ret, txn)
        return ret

    def _linked(self, ret: Element, txn: Txn) -> None:
        """LinkedTxn: the payments that paid (or used) it, placed where the schema has them."""
        links = []
        for payment in self.company.transactions("BillPaymentCheck"):
            for applied in payment.applied:
                used = applied.payment if applied.bill_id == txn.txn_id else ZERO
                used += sum((a for c, a in applied.credits if c == txn.txn_id), ZERO)
                if used:
                    link = etree.Element("LinkedTxn")
                    _sub(link, "TxnID", payment.txn_id)
                    _sub(link, "TxnType", "BillPaymentCheck")
                    _sub(link, "TxnDate", payment.txn_date)
                    _opt(link, "RefNumber", payment.ref_number)
                    _sub(link, "LinkType", "AMTTYPE")
                    _sub(link, "Amount", _money(-used))
                    links.append(link)
        anchor = ret.find("ExpenseLineRet")
        if anchor is None:
            anchor = ret.find("OpenAmount")
        for link in links:
            if anchor is not None:
                anchor.addprevious(link)
            else:
                ret.append(link)

    def _expense_rets(self, ret: Element, txn: Txn) -> None:
        for line in txn.lines:
            el = _sub(ret, "ExpenseLineRet")
            _sub(el, "TxnLineID", line.line_id)
            self._ref(el, "AccountRef", line.account_id)
            _sub(el, "Amount", _money(line.amount))
            _opt(el, "Memo", line.memo)

    def _bill_body(self, ret: Element, txn: Txn, with_lines: bool) -> None:
        self._ref(ret, "VendorRef", txn.vendor_id)
        self._ref(ret, "APAccountRef", txn.ap_account_id)
        _sub(ret, "TxnDate", txn.txn_date)
        _opt(ret, "DueDate", txn.due_date)
        _sub(ret, "AmountDue", _money(txn.amount))
        _opt(ret, "RefNumber", txn.ref_number)
        _opt(ret, "Memo", txn.memo)
        _sub(ret, "IsPaid", str((txn.open_amount or ZERO) == ZERO).lower())
        _opt(ret, "ExternalGUID", txn.external_guid)
        if with_lines:
            self._expense_rets(ret, txn)
        _sub(ret, "OpenAmount", _money(txn.open_amount or ZERO))

    def _credit_body(self, ret: Element, txn: Txn, with_lines: bool) -> None:
        self._ref(ret, "VendorRef", txn.vendor_id)
        self._ref(ret, "APAccountRef", txn.ap_account_id)
        _sub(ret, "TxnDate", txn.txn_date)
        _sub(ret, "CreditAmount", _money(txn.amount))
        _opt(ret, "RefNumber", txn.ref_number)
        _opt(ret, "Memo", txn.memo)
        _opt(ret, "ExternalGUID", txn.external_guid)
        if with_lines:
            self._expense_rets(ret, txn)
        _sub(ret, "OpenAmount", _money(txn.open_amount or ZERO))

    def _payment_body(self, ret: Element, txn: Txn, with_lines: bool) -> None:
        self._ref(ret, "PayeeEntityRef", txn.vendor_id)
        self._ref(ret, "APAccountRef", txn.ap_account_id)
        _sub(ret, "TxnDate", txn.txn_date)
        self._ref(ret, "BankAccountRef", txn.bank_account_id)
        _sub(ret, "Amount", _money(txn.amount))
        _opt(ret, "RefNumber", txn.ref_number)
        _opt(ret, "Memo", txn.memo)
        _sub(ret, "IsToBePrinted", str(txn.to_be_printed).lower())
        _opt(ret, "ExternalGUID", txn.external_guid)
        for applied in txn.applied:
            bill = self.company.txns[applied.bill_id]
            el = _sub(ret, "AppliedToTxnRet")
            _sub(el, "TxnID", bill.txn_id)
            _sub(el, "TxnType", "Bill")
            _sub(el, "TxnDate", bill.txn_date)
            _opt(el, "RefNumber", bill.ref_number)
            _sub(el, "BalanceRemaining", _money(bill.open_amount or ZERO))
            _sub(el, "Amount", _money(applied.payment))

    def _deposit_body(self, ret: Element, txn: Txn, with_lines: bool) -> None:
        _sub(ret, "TxnDate", txn.txn_date)
        self._ref(ret, "DepositToAccountRef", txn.bank_account_id)
        _opt(ret, "Memo", txn.memo)
        _sub(ret, "DepositTotal", _money(txn.amount))
        _opt(ret, "ExternalGUID", txn.external_guid)
        if with_lines:
            for line in txn.lines:
                el = _sub(ret, "DepositLineRet")
                _sub(el, "TxnLineID", line.line_id)
                self._ref(el, "AccountRef", line.account_id)
                _opt(el, "Memo", line.memo)
                _sub(el, "Amount", _money(line.amount))

    def _journal_body(self, ret: Element, txn: Txn, with_lines: bool) -> None:
        _sub(ret, "TxnDate", txn.txn_date)
        _opt(ret, "RefNumber", txn.ref_number)
        _opt(ret, "Memo", txn.memo)
        _sub(ret, "IsAdjustment", "false")
        _opt(ret, "ExternalGUID", txn.external_guid)
        if with_lines:
            for line in txn.lines:
                el = _sub(ret, "JournalDebitLine" if line.side == "debit" else "JournalCreditLine")
                _sub(el, "TxnLineID", line.line_id)
                self._ref(el, "AccountRef", line.account_id)
                _sub(el, "Amount", _money(line.amount))
                _opt(el, "Memo", line.memo)
                self._ref(el, "EntityRef", line.entity_id)


def measure(quickbooks: SimulatedQuickBooks, document: str, repeat: int) -> float:
    """Documents per second for `document` processed `repeat` times (benchmark helper)."""
    started = time.perf_counter()
    for _ in range(repeat):
        quickbooks.process(document)
    return repeat / (time.perf_counter() - started)
