"""Every request we build is valid qbXML 13.0 by Intuit's own schema."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from lxml import etree

from cobalt_qbxml import (
    AccountQuery,
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
    MessageSet,
    QbxmlValueError,
    Ref,
    TxnDeletedQuery,
    TxnQuery,
    TxnVoid,
    VendorAdd,
    VendorCreditAdd,
    VendorCreditMod,
    VendorQuery,
)
from cobalt_qbxml.requests import Request
from cobalt_qbxml.schema import schema_errors

DAY = date(2026, 11, 24)
GUID = uuid.UUID("6b29fc40-ca47-1067-b31d-00dd010662da")
LINES = [
    ExpenseLine(Ref("Purchases:Beer"), Decimal("1000.00"), "Beer"),
    ExpenseLine(Ref("Purchases:Wine"), Decimal("240.00")),
]

EVERY_REQUEST: dict[str, Request] = {
    "vendor-query-names": VendorQuery(full_names=["Acme Beverage", "Bay Wines"]),
    "vendor-query-filter": VendorQuery(name_contains="Acme", active_only=True, max_returned=10),
    "vendor-add": VendorAdd(
        "Acme Beverage", company_name="Acme Beverage Co", name_on_check="Acme", external_guid=GUID
    ),
    "bill-add": BillAdd(
        vendor=Ref("Acme Beverage"),
        ap_account=Ref("Accounts Payable"),
        txn_date=DAY,
        due_date=date(2026, 12, 24),
        ref_number="INV-1042",
        memo="Order received 2026-11-24",
        external_guid=GUID,
        expense_lines=LINES,
    ),
    "vendor-credit-add": VendorCreditAdd(
        vendor=Ref(list_id="80000001-1234567890"),
        txn_date=DAY,
        ref_number="INV-1042-CR",
        external_guid=GUID,
        expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal("85.50"), "2 cases broken")],
        ap_account=Ref("Accounts Payable"),
    ),
    "bill-payment": BillPaymentCheckAdd(
        payee=Ref("Acme Beverage"),
        ap_account=Ref("Accounts Payable"),
        bank_account=Ref("Operating Account"),
        txn_date=DAY,
        external_guid=GUID,
        memo="Paid from CobaltConnect",
        applied=[
            AppliedToTxn(
                "1A2B-1234567890",
                Decimal("1154.50"),
                [AppliedCredit("1A2C-1234567890", Decimal("85.50"))],
            ),
            AppliedToTxn("1A2D-1234567890", Decimal("10.00")),
        ],
    ),
    "bill-payment-numbered": BillPaymentCheckAdd(
        payee=Ref("Acme Beverage"),
        bank_account=Ref("Operating Account"),
        txn_date=DAY,
        external_guid=GUID,
        ref_number="10042",
        applied=[AppliedToTxn("1A2B-1234567890", Decimal("1.00"))],
    ),
    "bill-payment-to-be-printed": BillPaymentCheckAdd(
        payee=Ref("Acme Beverage"),
        bank_account=Ref("Payroll Account"),
        txn_date=DAY,
        external_guid=GUID,
        to_be_printed=True,
        applied=[AppliedToTxn("1A2B-1234567890", Decimal("1.00"))],
    ),
    "deposit-add": DepositAdd(
        deposit_to=Ref("Operating Account"),
        txn_date=DAY,
        external_guid=GUID,
        memo="Card batch 8812",
        lines=[
            DepositLine(Ref("Card Clearing"), Decimal("2310.45"), "Gross card sales"),
            DepositLine(
                Ref("Cash Drawer"),
                Decimal("412.00"),
                payment_method=Ref("Cash"),
                entity=Ref("Walk-in"),
                check_number="1",
            ),
        ],
    ),
    "journal-entry-add": JournalEntryAdd(
        txn_date=DAY,
        external_guid=GUID,
        ref_number="EOD-1124",
        memo="Sales 2026-11-24",
        lines=[
            JournalLine("debit", Ref("Card Clearing"), Decimal("100.00")),
            JournalLine("debit", Ref("Cash Drawer"), Decimal("8.25")),
            JournalLine("credit", Ref("Sales:Beer"), Decimal("100.00"), "Beer"),
            JournalLine("credit", Ref("Sales Tax Payable"), Decimal("8.25"), entity=Ref("State")),
        ],
    ),
    "account-query": AccountQuery(account_types=["Expense", "CostOfGoodsSold"]),
    "account-query-page": AccountQuery().next_page("Purchases:Beer"),
    "account-query-names": AccountQuery(full_names=["Operating Account"]),
}
for kind in ("Bill", "VendorCredit", "BillPaymentCheck", "Deposit", "JournalEntry"):
    EVERY_REQUEST[f"{kind}-by-id"] = TxnQuery(kind=kind, txn_ids=["1A2B-1234567890"])
    EVERY_REQUEST[f"{kind}-by-dates"] = TxnQuery(
        kind=kind,
        date_from=DAY,
        date_to=DAY,
        entity=Ref("Acme Beverage") if kind != "Deposit" else None,
        max_returned=50,
        include_line_items=True,
        iterator="Start",
    )
    EVERY_REQUEST[f"{kind}-continue"] = TxnQuery(
        kind=kind,
        max_returned=50,
        iterator="Continue",
        iterator_id="{11111111-2222-3333-4444-555555555555}",
    )
    if kind != "Deposit":
        EVERY_REQUEST[f"{kind}-by-ref"] = TxnQuery(kind=kind, ref_numbers=["INV-1042"])
EVERY_REQUEST["void-payment"] = TxnVoid(txn_type="BillPaymentCheck", txn_id="1A2B-1234567890")
for kind in ("Bill", "VendorCredit"):
    # A cancelled order's bill and credit are voided.
    EVERY_REQUEST[f"void-{kind}"] = TxnVoid(txn_type=kind, txn_id="1A2B-1234567890")
# An order corrected after its bill went to QuickBooks: the lines are replaced.
CORRECTED = [
    ExpenseLine(Ref("Purchases:Beer"), Decimal("80.00"), "Beer"),
    ExpenseLine(Ref("Purchases:Wine"), Decimal("12.50")),
]
EVERY_REQUEST["bill-correction"] = BillMod(
    txn_id="1A2B-1234567890",
    edit_sequence="1764512345",
    expense_lines=CORRECTED,
    ref_number="INV-1042",
    due_date=DAY,
    memo="Order INV-1042 corrected in CobaltConnect",
)
EVERY_REQUEST["credit-correction"] = VendorCreditMod(
    txn_id="1A2B-1234567891", edit_sequence="1764512346", expense_lines=CORRECTED[:1]
)
EVERY_REQUEST["deleted-since"] = TxnDeletedQuery(
    deleted_from=datetime(2026, 11, 24, 15, 30, 5, tzinfo=UTC)
)
for kind in ("Bill", "VendorCredit"):
    # Accounts Payable's read-back: what changed in QuickBooks since the last read, with the
    # payments that touched each one.
    EVERY_REQUEST[f"{kind}-changed-since"] = TxnQuery(
        kind=kind,
        modified_from=datetime(2026, 11, 24, 15, 30, 5, 123, tzinfo=timezone(timedelta(hours=-5))),
        max_returned=500,
        include_linked_txns=True,
    )


@pytest.mark.parametrize("name", sorted(EVERY_REQUEST))
def test_each_request_alone_is_valid_qbxml(name):
    document = MessageSet([("r1", EVERY_REQUEST[name])]).to_xml()
    assert schema_errors(document) == []


def test_all_requests_in_one_message_set_are_valid_with_their_request_ids():
    requests = [(f"req-{i}", r) for i, r in enumerate(EVERY_REQUEST.values())]
    message_set = MessageSet(requests, on_error="continueOnError", new_message_set_id="set-1")
    document = message_set.to_xml()
    assert schema_errors(document) == []
    root = etree.fromstring(document.split("\n", 2)[2])
    msgs = root.find("QBXMLMsgsRq")
    assert msgs.get("onError") == "continueOnError"
    assert msgs.get("newMessageSetID") == "set-1"
    assert [rq.get("requestID") for rq in msgs] == [rid for rid, _ in requests]


def test_an_out_of_order_document_is_rejected_by_the_schema():
    root = MessageSet([("1", EVERY_REQUEST["bill-add"])]).to_element()
    bill = root.find("QBXMLMsgsRq/BillAddRq/BillAdd")
    ref_number = bill.find("RefNumber")
    assert ref_number is not None
    bill.remove(ref_number)
    bill.insert(0, ref_number)  # RefNumber before VendorRef: QuickBooks says 0x80040400
    errors = schema_errors(etree.tostring(root))
    assert errors
    assert any("RefNumber" in e for e in errors)


def test_old_message_set_id_and_version_are_written():
    document = MessageSet(
        [("1", EVERY_REQUEST["bill-add"])], old_message_set_id="set-1", new_message_set_id="set-2"
    ).to_xml()
    assert '<?qbxml version="13.0"?>' in document
    assert 'oldMessageSetID="set-1"' in document
    assert schema_errors(document) == []


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: MessageSet([("x" * 51, EVERY_REQUEST["bill-add"])]).to_xml(), "requestID"),
        (lambda: MessageSet([], new_message_set_id="x" * 24).to_xml(), "newMessageSetID"),
        (
            lambda: MessageSet(
                [("1", EVERY_REQUEST["bill-add"]), ("1", EVERY_REQUEST["deposit-add"])]
            ).to_xml(),
            "requestID",
        ),
        (
            lambda: JournalEntryAdd(
                txn_date=DAY,
                external_guid=GUID,
                lines=[JournalLine("debit", Ref("Cash Drawer"), Decimal("1.00"))],
            ).to_node("1"),
            "JournalEntryAdd",
        ),
        (
            lambda: TxnQuery(kind="Deposit", ref_numbers=["1"]).to_node("1"),
            "DepositQuery",
        ),
        (lambda: TxnQuery(iterator="Continue").to_node("1"), "iteratorID"),
        (
            lambda: TxnQuery(
                modified_from=datetime(2026, 11, 24, tzinfo=UTC), date_from=DAY
            ).to_node("1"),
            "not both",
        ),
        (
            lambda: TxnQuery(kind="Deposit", include_linked_txns=True).to_node("1"),
            "no linked transactions",
        ),
        (lambda: TxnDeletedQuery(kinds=()).to_node("1"), "at least one kind"),
        (lambda: BillPaymentCheckAdd(Ref("A"), Ref("B"), DAY, GUID, []).to_node("1"), "Check"),
        (
            lambda: BillPaymentCheckAdd(
                Ref("A"),
                Ref("B"),
                DAY,
                GUID,
                [AppliedToTxn("1", Decimal(1))],
                ref_number="7",
                to_be_printed=True,
            ).to_node("1"),
            "not both",
        ),
        (
            lambda: BillAdd(Ref("A"), DAY, "x" * 21, GUID, LINES).to_node("1"),
            "Bill RefNumber",
        ),
        (lambda: VendorAdd("V" * 42).to_node("1"), "Vendor Name"),
        (
            lambda: BillAdd(
                Ref("A"), DAY, "R", GUID, [ExpenseLine(Ref("X" * 32), Decimal(1))]
            ).to_node("1"),
            "AccountRef",
        ),
    ],
)
def test_what_quickbooks_would_refuse_is_refused_here_with_the_field(build, field):
    with pytest.raises(QbxmlValueError, match=field):
        build()
