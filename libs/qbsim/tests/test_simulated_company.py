"""The simulated company processes qbXML like QuickBooks and keeps the books exactly."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from cobalt_qbsim import Company, QuickBooksError, SimulatedQuickBooks, sample_company
from cobalt_qbxml import (
    AccountQuery,
    AppliedCredit,
    AppliedToTxn,
    BillAdd,
    BillPaymentCheckAdd,
    DepositAdd,
    DepositLine,
    ExpenseLine,
    JournalEntryAdd,
    JournalLine,
    MessageSet,
    Ref,
    TxnQuery,
    VendorAdd,
    VendorCreditAdd,
    VendorQuery,
    parse_response,
)
from cobalt_qbxml.requests import Request
from cobalt_qbxml.responses import Response, ResponseSet

DAY = date(2026, 11, 24)


@pytest.fixture
def qb(tmp_path) -> SimulatedQuickBooks:
    company = sample_company("Test Liquors")
    company.path = tmp_path / "company.json"
    return SimulatedQuickBooks(company)


def send(qb: SimulatedQuickBooks, *requests: Request, **options) -> ResponseSet:
    message_set = MessageSet([(f"r{i}", r) for i, r in enumerate(requests)], **options)
    return parse_response(qb.process(message_set.to_xml()))


def one(qb: SimulatedQuickBooks, request: Request) -> Response:
    return send(qb, request).responses[0]


def bill(vendor="Acme Beverage", amount="100.00", ref="INV-1", account="Purchases:Beer", **kw):
    return BillAdd(
        vendor=Ref(vendor),
        txn_date=kw.pop("txn_date", DAY),
        ref_number=ref,
        external_guid=kw.pop("guid", uuid.uuid4()),
        expense_lines=[ExpenseLine(Ref(account), Decimal(amount))],
        **kw,
    )


def credit(vendor="Acme Beverage", amount="10.00", ref="INV-1-CR"):
    return VendorCreditAdd(
        vendor=Ref(vendor),
        txn_date=DAY,
        ref_number=ref,
        external_guid=uuid.uuid4(),
        expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal(amount))],
    )


def payment(vendor, *applied, bank="Operating Account"):
    return BillPaymentCheckAdd(
        payee=Ref(vendor),
        bank_account=Ref(bank),
        txn_date=DAY,
        external_guid=uuid.uuid4(),
        applied=list(applied),
    )


@pytest.fixture
def vendors(qb):
    send(qb, VendorAdd("Acme Beverage"), VendorAdd("Bay Wines"))


def test_answers_carry_the_request_ids_and_new_ids_like_quickbooks(qb, vendors):
    answers = send(qb, bill(), VendorQuery(full_names=["Acme Beverage"]))
    assert [r.request_id for r in answers.responses] == ["r0", "r1"]
    [ret] = answers.responses[0].rets
    assert ret.txn_id
    assert ret.edit_sequence
    assert ret.external_guid
    assert answers.responses[1].rets[0].name == "Acme Beverage"


def test_a_document_that_fails_the_schema_is_refused_whole(qb, vendors):
    document = (
        MessageSet([("1", bill())])
        .to_xml()
        .replace("<RefNumber>INV-1</RefNumber>", "")
        .replace("<TxnDate>", "<RefNumber>INV-1</RefNumber><TxnDate>")
    )
    with pytest.raises(QuickBooksError) as failure:
        qb.process(document)
    assert failure.value.hresult == "0x80040400"
    assert qb.company.transactions() == []


@pytest.mark.parametrize(
    "hostile",
    [
        '<?xml version="1.0"?><!DOCTYPE QBXML [<!ENTITY x "y">]><QBXML>&x;</QBXML>',
        "<QBXML><QBXMLMsgsRq onError='stopOnError'>",
        "\x00\x01 binary",
        "<QBXML>" + "<a>" * 10_000 + "</a>" * 10_000 + "</QBXML>",
        "<QBXML>" + " " * (11 * 1024 * 1024) + "</QBXML>",
    ],
)
def test_hostile_documents_get_an_hresult_never_a_crash(qb, hostile):
    with pytest.raises(QuickBooksError) as failure:
        qb.process(hostile)
    assert failure.value.hresult == "0x80040400"


def test_stop_on_error_skips_the_rest_continue_on_error_runs_it(qb, vendors):
    stopped = send(qb, bill(account="No Such Account"), bill(ref="INV-2"))
    assert [r.status.code for r in stopped.responses] == [3140, 3231]
    carried_on = send(
        qb, bill(account="No Such Account"), bill(ref="INV-2"), on_error="continueOnError"
    )
    assert [r.status.code for r in carried_on.responses] == [3140, 0]
    assert len(qb.company.transactions("Bill")) == 1


def test_vendor_names_are_unique(qb, vendors):
    duplicate = one(qb, VendorAdd("acme beverage"))
    assert duplicate.status.code == 3100
    assert "already in use" in duplicate.status.message


def test_unknown_or_inactive_references_are_3140(qb, vendors):
    assert one(qb, bill(vendor="Nobody")).status.code == 3140
    qb.company.account_named("Purchases:Wine").active = False
    inactive = one(qb, bill(account="Purchases:Wine"))
    assert inactive.status.code == 3140
    assert "Purchases:Wine" in inactive.status.message
    assert qb.company.transactions() == []


def test_entries_on_or_before_the_closing_date_are_refused(qb, vendors):
    qb.company.closing_date = "2026-11-24"
    closed = one(qb, bill(txn_date=date(2026, 11, 24)))
    assert closed.status.code == 3171
    assert one(qb, bill(txn_date=date(2026, 11, 25))).status.ok


def test_bill_balances_follow_payments_and_credits_exactly(qb, vendors):
    bill_id = one(qb, bill(amount="1240.00")).rets[0].txn_id
    credit_id = one(qb, credit(amount="85.50")).rets[0].txn_id
    assert qb.company.vendor_balance("Acme Beverage") == Decimal("1154.50")
    paid = one(
        qb,
        payment(
            "Acme Beverage",
            AppliedToTxn(bill_id, Decimal("1000.00"), [AppliedCredit(credit_id, Decimal("85.50"))]),
        ),
    )
    assert paid.status.ok
    assert paid.rets[0].amount == Decimal("1000.00")
    assert qb.company.bill_balances()[bill_id] == Decimal("154.50")
    assert qb.company.txns[credit_id].open_amount == Decimal("0.00")
    assert qb.company.account_named("Operating Account").balance == Decimal("-1000.00")
    [verified] = one(qb, TxnQuery(kind="Bill", txn_ids=[bill_id])).rets
    assert verified.open_amount == Decimal("154.50")


def test_payments_cannot_exceed_the_open_balance_or_cross_vendors(qb, vendors):
    acme_bill = one(qb, bill(amount="100.00")).rets[0].txn_id
    bay_credit = one(qb, credit(vendor="Bay Wines", amount="5.00", ref="B-CR")).rets[0].txn_id
    over = one(qb, payment("Acme Beverage", AppliedToTxn(acme_bill, Decimal("100.01"))))
    assert over.status.code == 3210
    assert "cannot pay more than the amount due" in over.status.message
    crossed = one(
        qb,
        payment(
            "Acme Beverage",
            AppliedToTxn(acme_bill, Decimal("1.00"), [AppliedCredit(bay_credit, Decimal("1.00"))]),
        ),
    )
    assert crossed.status.code == 3210
    wrong_payee = one(qb, payment("Bay Wines", AppliedToTxn(acme_bill, Decimal("1.00"))))
    assert wrong_payee.status.code == 3210
    not_a_bank = one(
        qb, payment("Acme Beverage", AppliedToTxn(acme_bill, Decimal("1")), bank="Cash Drawer")
    )
    assert not_a_bank.status.code == 3140
    assert qb.company.bill_balances()[acme_bill] == Decimal("100.00")  # nothing changed
    assert qb.company.transactions("BillPaymentCheck") == []


def test_the_payment_ap_account_must_match_the_bill(qb, vendors):
    qb.company.add_account("Accounts Payable 2", "AccountsPayable")
    bill_id = one(qb, bill(ap_account=Ref("Accounts Payable 2"))).rets[0].txn_id
    mismatch = one(qb, payment("Acme Beverage", AppliedToTxn(bill_id, Decimal("1.00"))))
    assert mismatch.status.code == 3210
    assert "AP account" in mismatch.status.message


def test_journal_entries_must_balance_and_name_a_vendor_on_ap_lines(qb, vendors):
    balanced = JournalEntryAdd(
        txn_date=DAY,
        external_guid=uuid.uuid4(),
        lines=[
            JournalLine("debit", Ref("Card Clearing"), Decimal("108.25")),
            JournalLine("credit", Ref("Sales:Beer"), Decimal("100.00")),
            JournalLine("credit", Ref("Sales Tax Payable"), Decimal("8.25")),
        ],
    )
    assert one(qb, balanced).status.ok
    document = MessageSet([("1", balanced)]).to_xml().replace("<Amount>108.25", "<Amount>108.26")
    unbalanced = parse_response(qb.process(document)).responses[0]
    assert unbalanced.status.code == 3180
    ap_line = JournalEntryAdd(
        txn_date=DAY,
        external_guid=uuid.uuid4(),
        lines=[
            JournalLine("debit", Ref("Accounts Payable"), Decimal("1.00")),
            JournalLine("credit", Ref("Cash Drawer"), Decimal("1.00")),
        ],
    )
    assert one(qb, ap_line).status.code == 3180
    assert len(qb.company.transactions("JournalEntry")) == 1


def test_deposits_move_money_into_the_bank(qb):
    deposit = DepositAdd(
        deposit_to=Ref("Operating Account"),
        txn_date=DAY,
        external_guid=uuid.uuid4(),
        lines=[
            DepositLine(Ref("Card Clearing"), Decimal("2310.45")),
            DepositLine(Ref("Cash Drawer"), Decimal("412.00")),
        ],
    )
    answer = one(qb, deposit)
    assert answer.rets[0].amount == Decimal("2722.45")
    assert qb.company.account_named("Operating Account").balance == Decimal("2722.45")


def test_error_recovery_answers_with_the_stored_outcome(qb, vendors):
    guid = uuid.uuid4()
    first = send(qb, bill(guid=guid), bill(account="Nope", ref="X"), new_message_set_id="set-1")
    bill_id = first.responses[0].rets[0].txn_id
    recovered = send(qb, VendorQuery(full_names=["Acme Beverage"]), old_message_set_id="set-1")
    assert recovered.message_set_status_code == 0
    ok, failed = recovered.responses
    assert ok.error_recovery is not None
    assert ok.error_recovery.txn_id == bill_id
    assert ok.error_recovery.external_guid == "{" + str(guid).upper() + "}"
    assert failed.status.code == 3140
    assert failed.error_recovery is None
    assert len(qb.company.transactions("Bill")) == 1  # the recovery question wrote nothing
    unknown = send(qb, VendorQuery(), old_message_set_id="never-sent")
    assert unknown.message_set_status_code == 1
    send(qb, VendorQuery(), old_message_set_id="ClearAllMessageSets")
    assert send(qb, VendorQuery(), old_message_set_id="set-1").message_set_status_code == 1


def test_duplicates_are_visible_by_external_guid(qb, vendors):
    guid = uuid.uuid4()
    one(qb, bill(guid=guid))
    one(qb, bill(guid=guid, ref="INV-1"))
    counts = qb.company.count_by_external_guid()
    assert counts["{" + str(guid).upper() + "}"] == 2


def test_queries_find_by_id_ref_dates_and_vendor_and_iterate(qb, vendors):
    ids = [one(qb, bill(ref=f"INV-{i}", amount=f"{i}.00")).rets[0].txn_id for i in range(1, 6)]
    one(qb, bill(vendor="Bay Wines", ref="BAY-1"))
    assert [r.txn_id for r in one(qb, TxnQuery(kind="Bill", ref_numbers=["INV-3"])).rets] == [
        ids[2]
    ]
    by_vendor = one(qb, TxnQuery(kind="Bill", entity=Ref("Acme Beverage"), date_from=DAY))
    assert [r.txn_id for r in by_vendor.rets] == ids
    start = one(
        qb, TxnQuery(kind="Bill", entity=Ref("Acme Beverage"), max_returned=2, iterator="Start")
    )
    assert len(start.rets) == 2
    assert start.iterator_remaining == 3
    rest = one(
        qb,
        TxnQuery(kind="Bill", max_returned=10, iterator="Continue", iterator_id=start.iterator_id),
    )
    assert [r.txn_id for r in start.rets + rest.rets] == ids
    assert rest.iterator_remaining == 0
    nothing = one(qb, TxnQuery(kind="Bill", ref_numbers=["nope"]))
    assert nothing.status.code == 1
    assert nothing.status.ok


def test_the_chart_reads_in_pages(qb):
    page = AccountQuery(max_returned=7)
    names: list[str] = []
    while True:
        answer = one(qb, page)
        if answer.status.code == 1:
            break
        names += [r.full_name for r in answer.rets]
        page = page.next_page(answer.rets[-1].full_name)
    assert len(names) == len(qb.company.accounts)
    assert names == sorted(names, key=str.casefold)
    expense = one(qb, AccountQuery(account_types=["CostOfGoodsSold"]))
    assert {r.account_type for r in expense.rets} == {"CostOfGoodsSold"}


def test_the_company_survives_a_restart(qb, vendors, tmp_path):
    bill_id = one(qb, bill(amount="50.00")).rets[0].txn_id
    one(qb, payment("Acme Beverage", AppliedToTxn(bill_id, Decimal("20.00"))))
    send(qb, VendorQuery(), new_message_set_id="kept")
    reopened = Company.open(tmp_path / "company.json")
    assert reopened.bill_balances()[bill_id] == Decimal("30.00")
    assert reopened.vendor_named("Bay Wines") is not None
    assert "kept" in reopened.message_sets
    again = SimulatedQuickBooks(reopened)
    assert one(again, bill(ref="INV-9")).status.ok
    assert len({t.txn_id for t in reopened.transactions()}) == 3  # ids keep counting


def test_every_kind_of_entry_reads_back_through_its_query_with_lines(qb, vendors):
    """Each answer below is checked against Intuit's schema inside process()."""
    bill_id = one(qb, bill(amount="50.00")).rets[0].txn_id
    credit_id = one(qb, credit(amount="5.00")).rets[0].txn_id
    one(
        qb,
        payment(
            "Acme Beverage",
            AppliedToTxn(bill_id, Decimal("45.00"), [AppliedCredit(credit_id, Decimal("5.00"))]),
        ),
    )
    one(
        qb,
        DepositAdd(
            deposit_to=Ref("Operating Account"),
            txn_date=DAY,
            external_guid=uuid.uuid4(),
            lines=[DepositLine(Ref("Card Clearing"), Decimal("10.00"), "batch")],
        ),
    )
    one(
        qb,
        JournalEntryAdd(
            txn_date=DAY,
            external_guid=uuid.uuid4(),
            lines=[
                JournalLine(
                    "debit", Ref("Accounts Payable"), Decimal("1.00"), entity=Ref("Bay Wines")
                ),
                JournalLine("credit", Ref("Cash Drawer"), Decimal("1.00")),
            ],
        ),
    )
    for kind in ("Bill", "VendorCredit", "BillPaymentCheck", "Deposit", "JournalEntry"):
        answer = one(qb, TxnQuery(kind=kind, date_from=DAY, include_line_items=True))
        assert answer.status.ok, kind
        assert len(answer.rets) == 1, kind
        assert answer.rets[0].external_guid, kind
    assert qb.company.bill_balances()[bill_id] == Decimal("0.00")


def test_a_bill_paid_in_quickbooks_itself_reads_back_as_changed_with_its_payment(qb, vendors):
    from datetime import UTC, datetime, timedelta

    paid_id = one(qb, bill(amount="300.00", ref="PAID")).rets[0].txn_id
    one(qb, bill(amount="50.00", ref="UNTOUCHED"))
    since = datetime.now(UTC) - timedelta(seconds=1)
    qb.company.txns[paid_id].time_created = "2026-01-01T00:00:00+00:00"  # made long ago
    for txn in qb.company.transactions("Bill"):
        txn.time_created = "2026-01-01T00:00:00+00:00"
    payment_id = qb.pay_bill_directly(paid_id, Decimal("300.00"), date(2026, 11, 25))
    changed = TxnQuery(kind="Bill", modified_from=since, include_linked_txns=True)
    [ret] = one(qb, changed).rets
    assert (ret.txn_id, ret.open_amount, ret.is_paid) == (paid_id, Decimal("0.00"), True)
    assert ret.edit_sequence == "2"
    [link] = ret.linked
    assert (link.txn_id, link.txn_type, link.txn_date, link.amount) == (
        payment_id,
        "BillPaymentCheck",
        "2026-11-25",
        Decimal("-300.00"),
    )
    assert qb.company.account_named("Operating Account").balance == Decimal("-300.00")


def test_a_voided_payment_reopens_its_bill_and_credit_and_gives_the_bank_its_money(qb, vendors):
    from cobalt_qbxml import TxnVoid

    bill_id = one(qb, bill(amount="200.00")).rets[0].txn_id
    credit_id = one(qb, credit(amount="20.00")).rets[0].txn_id
    applied = AppliedToTxn(bill_id, Decimal("180.00"), [AppliedCredit(credit_id, Decimal("20.00"))])
    payment_id = one(qb, payment("Acme Beverage", applied)).rets[0].txn_id
    assert qb.company.bill_balances()[bill_id] == Decimal("0.00")
    for _ in range(2):  # voiding twice changes nothing more
        voided = one(qb, TxnVoid(txn_type="BillPaymentCheck", txn_id=payment_id))
        assert voided.status.ok
        assert voided.rets[0].txn_id == payment_id
    assert qb.company.bill_balances()[bill_id] == Decimal("200.00")
    assert qb.company.txns[credit_id].open_amount == Decimal("20.00")
    assert qb.company.txns[payment_id].amount == Decimal("0.00")
    assert qb.company.account_named("Operating Account").balance == Decimal("0.00")
    assert qb.company.vendor_balance("Acme Beverage") == Decimal("180.00")
    missing = one(qb, TxnVoid(txn_type="BillPaymentCheck", txn_id="NOPE-1"))
    assert missing.status.code == 3120


def test_a_bill_is_changed_at_its_edit_sequence_and_a_stale_one_is_refused(qb, vendors):
    from cobalt_qbxml import BillMod

    made = one(qb, bill(amount="100.00")).rets[0]
    lines = [
        ExpenseLine(Ref("Purchases:Beer"), Decimal("60.00"), "beer"),
        ExpenseLine(Ref("Purchases:Beer"), Decimal("25.00")),
    ]
    changed = one(
        qb,
        BillMod(
            txn_id=made.txn_id,
            edit_sequence=made.edit_sequence or "",
            expense_lines=lines,
            ref_number="INV-1B",
        ),
    )
    assert changed.status.ok, changed.status
    assert (changed.rets[0].amount, changed.rets[0].ref_number) == (Decimal("85.00"), "INV-1B")
    assert changed.rets[0].edit_sequence != made.edit_sequence
    assert qb.company.vendor_balance("Acme Beverage") == Decimal("85.00")
    assert qb.company.account_named("Purchases:Beer").balance == Decimal("85.00")
    stale = one(
        qb,
        BillMod(
            txn_id=made.txn_id, edit_sequence=made.edit_sequence or "", expense_lines=lines[:1]
        ),
    )
    assert stale.status.code == 3200
    assert qb.company.vendor_balance("Acme Beverage") == Decimal("85.00")


def test_a_bill_is_never_cut_below_what_was_paid_and_a_paid_bill_is_not_voided(qb, vendors):
    from cobalt_qbxml import BillMod, TxnVoid

    bill_id = one(qb, bill(amount="100.00")).rets[0].txn_id
    one(qb, payment("Acme Beverage", AppliedToTxn(bill_id, Decimal("70.00"))))
    sequence = qb.company.txns[bill_id].edit_sequence
    cut = BillMod(
        txn_id=bill_id,
        edit_sequence=sequence,
        expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal("50.00"))],
    )
    assert one(qb, cut).status.code == 3210
    assert one(qb, TxnVoid(txn_type="Bill", txn_id=bill_id)).status.code == 3210
    assert qb.company.txns[bill_id].amount == Decimal("100.00")


def test_a_voided_bill_and_credit_leave_the_books_at_zero(qb, vendors):
    from cobalt_qbxml import TxnVoid

    bill_id = one(qb, bill(amount="100.00")).rets[0].txn_id
    credit_id = one(qb, credit(amount="10.00")).rets[0].txn_id
    for _ in range(2):  # a second void changes nothing more
        assert one(qb, TxnVoid(txn_type="Bill", txn_id=bill_id)).status.ok
        assert one(qb, TxnVoid(txn_type="VendorCredit", txn_id=credit_id)).status.ok
    assert qb.company.vendor_balance("Acme Beverage") == Decimal("0.00")
    assert qb.company.account_named("Purchases:Beer").balance == Decimal("0.00")
    assert qb.company.txns[bill_id].amount == Decimal("0.00")
