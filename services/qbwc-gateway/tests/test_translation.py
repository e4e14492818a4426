# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Entry -> request and answer -> event, as pure functions: tables of cases and hypothesis."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.events import (
    AnswerLost,
    Busy,
    CheckFailed,
    FoundBeforeStart,
    Made,
    NameTaken,
    NotFoundBeforeStart,
    Refused,
    SetForgotten,
    Unbuildable,
)
from cobalt_qbwc_gateway.domain.facts import Facts, Prerequisite, VendorLink, VendorState
from cobalt_qbwc_gateway.domain.outcomes import checked, looked_up, written
from cobalt_qbwc_gateway.domain.planning import Limits, Queue, Reads, Recover, Writes, plan
from cobalt_qbwc_gateway.domain.posting import (
    BillPaid,
    CreditUse,
    EntryKind,
    Posting,
    PostingLine,
    VendorToAdd,
)
from cobalt_qbwc_gateway.domain.translation import build
from cobalt_qbxml.message_set import render_document
from cobalt_qbxml.node import Node
from cobalt_qbxml.responses import parse_response
from cobalt_qbxml.schema import schema_errors
from cobalt_qbxml.values import name_key

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
MERCHANT = uuid.uuid4()
FACTS = Facts(
    now=NOW,
    account_names={
        "purchases:beer": "Purchases:Beer",
        "operating-account": "Operating Account",
        "card-clearing": "Card Clearing",
        "card-fees": "Merchant Card Fees",
        "sales:beer": "Sales:Beer",
    },
    vendors={"acme": VendorLink("Acme", VendorState.LINKED, "80000001-1", "Acme")},
)


def entry(kind: EntryKind = EntryKind.BILL, **posting: object) -> Entry:
    values: dict[str, object] = {
        "kind": kind,
        "txn_date": date(2026, 11, 24),
        "source": "payables",
        "ref_number": "INV-77",
        "vendor_name": "Acme",
        "lines": (PostingLine("purchases:beer", Decimal("10.00")),),
    }
    values.update(posting)
    payload = Posting(**values)  # type: ignore[arg-type]
    return Entry(
        id=uuid.uuid4(),
        merchant_id=MERCHANT,
        kind=kind,
        txn_date=payload.txn_date,
        payload=payload,
        state=EntryState.READY,
        detail="Ready",
        created_at=NOW,
        updated_at=NOW,
    )


def document(*nodes: Node) -> str:
    return render_document(list(nodes), new_message_set_id="s1", on_error="continueOnError")


def test_each_kind_is_written_in_schema_order_with_its_guid_and_refs():
    bill = entry()
    credit = entry(EntryKind.VENDOR_CREDIT)
    paid = uuid.uuid4()
    used = uuid.uuid4()
    payment = entry(
        EntryKind.BILL_PAYMENT,
        bank_account="operating-account",
        lines=(),
        applied=(BillPaid(paid, Decimal("7.00"), (CreditUse(used, Decimal("3.00")),)),),
    )
    deposit = entry(
        EntryKind.DEPOSIT,
        vendor_name=None,
        bank_account="operating-account",
        lines=(PostingLine("card-clearing", Decimal("250.00")),),
    )
    journal = entry(
        EntryKind.JOURNAL_ENTRY,
        vendor_name=None,
        lines=(
            PostingLine("card-clearing", Decimal("10.00"), side="debit"),
            PostingLine("sales:beer", Decimal("10.00"), side="credit"),
        ),
    )
    vendor = replace(entry(), kind=EntryKind.VENDOR, payload=VendorToAdd("Łódź Vodka Import"))
    facts = replace(
        FACTS,
        prerequisites={
            paid: Prerequisite(paid, EntryKind.BILL, "bill", EntryState.SYNCED, "", "TXN-B"),
            used: Prerequisite(used, EntryKind.VENDOR_CREDIT, "c", EntryState.SYNCED, "", "TXN-C"),
        },
    )
    nodes = [build(e, facts) for e in (bill, credit, payment, deposit, journal, vendor)]
    assert all(isinstance(n, Node) for n in nodes), nodes
    text = document(*nodes)  # type: ignore[arg-type]
    assert schema_errors(text) == []
    assert "<ListID>80000001-1</ListID>" in text  # the linked vendor, by ListID
    assert "<TxnID>TXN-B</TxnID>" in text
    assert "<CreditTxnID>TXN-C</CreditTxnID>" in text
    assert "<Name>L&#243;dz Vodka Import</Name>" in text  # the qbXML form of the name
    assert f'requestID="{bill.id}"' in text
    assert "{" + str(bill.id).upper() + "}" in text


def test_a_card_batch_deposits_its_net_with_the_fee_kept_back_and_stays_valid():
    batch = entry(
        EntryKind.DEPOSIT,
        vendor_name=None,
        bank_account="operating-account",
        lines=(
            PostingLine("card-clearing", Decimal("100.00")),
            PostingLine("card-fees", Decimal("2.50"), side="credit"),
        ),
    )
    text = document(build(batch, FACTS))  # type: ignore[arg-type]
    assert schema_errors(text) == []
    assert "<Amount>100.00</Amount>" in text
    assert "<Amount>-2.50</Amount>" in text
    assert batch.posting is not None
    assert batch.posting.amount == Decimal("97.50")  # what the bank receives


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"ref_number": "INV-" + "9" * 30}, "Bill RefNumber"),
        ({"lines": (PostingLine("purchases:beer", Decimal("1e13")),)}, "more than 13 digits"),
        ({"lines": (PostingLine("purchases:beer", Decimal("1.005")),)}, "decimal places"),
        ({"lines": ()}, "at least one expense line"),
        ({"lines": (PostingLine("purchases:unmapped", Decimal("1.00")),)}, "No QuickBooks account"),
        ({"vendor_name": "Nobody"}, "not linked to QuickBooks"),
    ],
)
def test_a_value_quickbooks_would_refuse_fails_the_entry_alone_with_why(change, says):
    built = build(entry(**change), FACTS)
    assert isinstance(built, Unbuildable)
    assert says in built.explanation
    assert "Correct it where it came from" in built.explanation


def test_a_payment_of_a_bill_not_in_quickbooks_cannot_be_built():
    payment = entry(
        EntryKind.BILL_PAYMENT,
        bank_account="operating-account",
        applied=(BillPaid(uuid.uuid4(), Decimal("1.00")),),
    )
    built = build(payment, FACTS)
    assert isinstance(built, Unbuildable)
    assert "not in QuickBooks yet" in built.explanation


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
amounts = st.decimals(allow_nan=True, allow_infinity=True, places=None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ref=texts, memo=texts, line_memo=texts, amount=amounts, day=st.dates())
def test_hostile_values_never_raise_and_what_is_built_passes_the_schema(
    ref, memo, line_memo, amount, day
):
    bill = entry(
        ref_number=ref,
        memo=memo,
        txn_date=day,
        lines=(PostingLine("purchases:beer", amount, line_memo),),
    )
    built = build(bill, FACTS)
    if isinstance(built, Unbuildable):
        assert built.explanation
        return
    assert schema_errors(document(built)) == []


@settings(max_examples=100, deadline=None)
@given(name=texts)
def test_any_vendor_name_is_added_in_its_qbxml_form_or_refused_with_why(name):
    vendor = replace(entry(), kind=EntryKind.VENDOR, payload=VendorToAdd(name))
    built = build(vendor, FACTS)
    if isinstance(built, Unbuildable):
        assert "Vendor Name" in built.explanation
        return
    assert schema_errors(document(built)) == []


def _answer(body: str, status: str = "") -> str:
    return f"<QBXML><QBXMLMsgsRs{status}>{body}</QBXMLMsgsRs></QBXML>"


def _rs(entry_id: object, code: int, extra: str = "", tag: str = "BillAdd") -> str:
    severity = "Info" if code in (0, 1) else "Error"
    return (
        f'<{tag}Rs requestID="{entry_id}" statusCode="{code}" statusSeverity="{severity}" '
        f'statusMessage="m{code}">{extra}</{tag}Rs>'
    )


@pytest.mark.parametrize(
    ("answer", "event"),
    [
        (lambda e: _answer(_rs(e.id, 0, "<BillRet><TxnID>T-1</TxnID></BillRet>")), Made),
        (lambda e: _answer(_rs(e.id, 3140)), Refused),
        (lambda e: _answer(_rs(e.id, 3170)), Busy),
        (lambda e: _answer(_rs(e.id, 3231)), AnswerLost),
        (lambda e: _answer(_rs(uuid.uuid4(), 0)), AnswerLost),
        (lambda e: _answer("", ' messageSetStatusCode="1"'), SetForgotten),
    ],
    ids=["made", "refused", "busy", "skipped", "absent", "forgotten"],
)
def test_a_written_entrys_answer_becomes_one_event(answer, event):
    bill = entry()
    assert isinstance(written(bill, parse_response(answer(bill)), NOW), event)


def test_a_vendor_add_that_meets_the_name_is_checked_not_failed():
    vendor = replace(entry(), kind=EntryKind.VENDOR, payload=VendorToAdd("Acme"))
    answer = parse_response(_answer(_rs(vendor.id, 3100, tag="VendorAdd")))
    assert isinstance(written(vendor, answer, NOW), NameTaken)


def test_a_lookup_before_the_start_date_matches_vendor_and_invoice():
    bill = entry(vendor_name="Łódź Vodka Import")
    ret = (
        "<BillRet><TxnID>OLD-1</TxnID><VendorRef><FullName>LÓDZ VODKA IMPORT</FullName>"
        "</VendorRef><RefNumber>INV-77</RefNumber></BillRet>"
    )
    found = parse_response(_answer(_rs("lookup", 0, ret, "BillQuery")))
    assert isinstance(looked_up(bill, found.responses[0], NOW), FoundBeforeStart)
    other = ret.replace("LÓDZ VODKA IMPORT", "Someone Else")
    absent = parse_response(_answer(_rs("lookup", 0, other, "BillQuery")))
    assert isinstance(looked_up(bill, absent.responses[0], NOW), NotFoundBeforeStart)
    assert isinstance(looked_up(bill, None, NOW), CheckFailed)


def test_a_verification_finds_our_guid_or_says_it_never_arrived():
    bill = entry()
    guid = "{" + str(bill.id).upper() + "}"
    ret = f"<BillRet><TxnID>T-9</TxnID><ExternalGUID>{guid}</ExternalGUID></BillRet>"
    found = parse_response(_answer(_rs("v", 0, ret, "BillQuery"))).responses[0]
    assert isinstance(checked(bill, found, NOW), Made)
    none = parse_response(_answer(_rs("v", 1, "", "BillQuery"))).responses[0]
    assert isinstance(checked(bill, none, NOW), AnswerLost)


def test_names_are_compared_in_their_qbxml_form_ignoring_case():
    assert name_key("Łódź Vodka Import") == name_key("LÓDZ  vodka import")
    assert name_key("Œnologie") == name_key("OEnologie")


def _queue(*entries: Entry, **facts: object) -> Queue:
    unsent = tuple(e for e in entries if e.state in (EntryState.READY,))
    sent = tuple(e for e in entries if e.state is EntryState.SENT)
    return Queue(MERCHANT, replace(FACTS, **facts), unsettled=sent, unsent=unsent)  # type: ignore[arg-type]


def test_the_plan_settles_before_reading_and_reads_before_writing():
    sent = replace(entry(), state=EntryState.SENT, message_set_id="old-set")
    assert plan(_queue(sent, entry()), Limits()).step == Recover("old-set")
    new_vendor = entry(vendor_name="Newco")
    step = plan(_queue(new_vendor), Limits()).step
    assert isinstance(step, Reads)
    assert step.requests[0].findtext("FullName") == "Newco"
    step = plan(_queue(entry(), entry()), Limits(batch_size=1)).step
    assert isinstance(step, Writes)
    assert len(step.entries) == 1


def test_one_bad_entry_fails_alone_and_the_rest_are_written():
    good = [entry(ref_number=f"OK-{i}") for i in range(3)]
    bad = entry(ref_number="X" * 40)
    decided = plan(_queue(good[0], bad, *good[1:]), Limits())
    assert isinstance(decided.step, Writes)
    assert [e.id for e in decided.step.entries] == [e.id for e in good]
    [failed] = [e for e in decided.changed if e.state is EntryState.FAILED]
    assert failed.id == bad.id
    assert "Bill RefNumber" in failed.detail


def test_an_entry_that_missed_its_mapping_event_moves_at_the_next_step():
    """A command and its mapping handled at the same moment by two workers: whichever way
    they interleave, the next Web Connector step derives the entry from current facts."""
    stranded = replace(entry(), state=EntryState.WAITING_FOR_MAPPING, detail="stale")
    queue = Queue(MERCHANT, FACTS, unsent=(stranded,))
    decided = plan(queue, Limits())
    assert isinstance(decided.step, Writes)
    assert decided.step.entries[0].id == stranded.id


def test_a_payment_void_waits_for_its_payment_then_is_a_valid_txn_void():
    paid = uuid.uuid4()
    void = entry(EntryKind.PAYMENT_VOID, vendor_name=None, lines=(), voids=paid)
    waiting = build(void, FACTS)
    assert isinstance(waiting, Unbuildable)
    assert "payment it applies to is not in QuickBooks yet" in waiting.explanation
    synced = Prerequisite(paid, EntryKind.BILL_PAYMENT, "p", EntryState.SYNCED, "", "TXN-P")
    built = build(void, replace(FACTS, prerequisites={paid: synced}))
    assert isinstance(built, Node)
    text = document(built)
    assert schema_errors(text) == []
    assert "<TxnVoidType>BillPaymentCheck</TxnVoidType><TxnID>TXN-P</TxnID>" in text
    assert void.payload.prerequisites == (paid,)  # type: ignore[union-attr]
    # QuickBooks' answer names the voided check: the void is made, with that TxnID.
    answer = _answer(
        f'<TxnVoidRs requestID="{void.id}" statusCode="0" statusSeverity="Info" '
        'statusMessage="Status OK"><TxnVoidType>BillPaymentCheck</TxnVoidType>'
        "<TxnID>TXN-P</TxnID></TxnVoidRs>"
    )
    made = written(void, parse_response(answer), NOW)
    assert isinstance(made, Made)
    assert made.txn_id == "TXN-P"


def test_the_read_back_comes_last_in_an_update_after_the_writes():
    from cobalt_qbwc_gateway.domain.readback import ReadBackState

    state = ReadBackState(due=True, since=NOW)
    queue = replace(_queue(entry()), read_back=state)
    assert isinstance(plan(queue, Limits()).step, Writes)
    step = plan(replace(_queue(), read_back=state), Limits()).step
    assert isinstance(step, Reads)
    assert [n.tag for n in step.requests] == [
        "BillQueryRq",
        "VendorCreditQueryRq",
        "BillPaymentCheckQueryRq",
        "TxnDeletedQueryRq",
    ]
    assert plan(_queue(), Limits()).step is None  # nothing due: QuickBooks is not even opened


def _synced_bill(bill_id: uuid.UUID, sequence: str = "4") -> Prerequisite:
    return Prerequisite(
        bill_id, EntryKind.BILL, "bill INV-77 from Acme", EntryState.SYNCED, "", "TXN-B", sequence
    )


def test_a_correction_waits_for_its_bill_then_replaces_its_lines_at_its_edit_sequence():
    bill_id = uuid.uuid4()
    lines = (
        PostingLine("purchases:beer", Decimal("60.00"), "Beer"),
        PostingLine("purchases:beer", Decimal("5.50")),
    )
    change = entry(EntryKind.BILL_CHANGE, changes=bill_id, lines=lines, due_date=date(2026, 12, 20))
    assert change.payload.prerequisites == (bill_id,)  # type: ignore[union-attr]
    waiting = build(change, FACTS)
    assert isinstance(waiting, Unbuildable)
    assert "bill it applies to is not in QuickBooks yet" in waiting.explanation
    built = build(change, replace(FACTS, prerequisites={bill_id: _synced_bill(bill_id)}))
    assert isinstance(built, Node)
    text = document(built)
    assert schema_errors(text) == []
    assert "<BillMod><TxnID>TXN-B</TxnID><EditSequence>4</EditSequence>" in text
    assert text.count("<TxnLineID>-1</TxnLineID>") == 2
    # Read again after a 3200, the entry's own EditSequence is the one sent.
    again = build(
        replace(change, edit_sequence="9"),
        replace(FACTS, prerequisites={bill_id: _synced_bill(bill_id)}),
    )
    assert "<EditSequence>9</EditSequence>" in document(again)  # type: ignore[arg-type]
    credit_id = uuid.uuid4()
    credit = entry(EntryKind.VENDOR_CREDIT_CHANGE, changes=credit_id, lines=lines[:1])
    found = replace(_synced_bill(credit_id), kind=EntryKind.VENDOR_CREDIT)
    text = document(build(credit, replace(FACTS, prerequisites={credit_id: found})))  # type: ignore[arg-type]
    assert schema_errors(text) == []
    assert "<VendorCreditMod><TxnID>TXN-B</TxnID>" in text


@pytest.mark.parametrize(
    ("kind", "voided", "txn_type"),
    [
        (EntryKind.BILL_VOID, EntryKind.BILL, "Bill"),
        (EntryKind.VENDOR_CREDIT_VOID, EntryKind.VENDOR_CREDIT, "VendorCredit"),
    ],
)
def test_a_cancelled_orders_bill_and_credit_are_voided(kind, voided, txn_type):
    target = uuid.uuid4()
    void = entry(kind, lines=(), voids=target)
    found = replace(_synced_bill(target), kind=voided)
    text = document(build(void, replace(FACTS, prerequisites={target: found})))  # type: ignore[arg-type]
    assert schema_errors(text) == []
    assert f"<TxnVoidType>{txn_type}</TxnVoidType><TxnID>TXN-B</TxnID>" in text


def test_a_stale_edit_sequence_is_read_again_once_then_the_correction_fails_with_why():
    from cobalt_qbwc_gateway.domain.events import Reread, Retried, Stale
    from cobalt_qbwc_gateway.domain.lifecycle import apply
    from cobalt_qbwc_gateway.domain.translation import verification

    bill_id = uuid.uuid4()
    facts = replace(FACTS, prerequisites={bill_id: _synced_bill(bill_id)})
    change = replace(entry(EntryKind.BILL_CHANGE, changes=bill_id), state=EntryState.SENT)
    stale = parse_response(_answer(_rs(change.id, 3200, tag="BillMod")))
    event = written(change, stale, NOW)
    assert isinstance(event, Stale)
    checking = apply(change, event, NOW)
    assert checking.state is EntryState.CHECKING
    query = document(verification(checking, facts))
    assert "<BillQueryRq" in query
    assert "<TxnID>TXN-B</TxnID>" in query
    ret = "<BillRet><TxnID>TXN-B</TxnID><EditSequence>7</EditSequence></BillRet>"
    read = parse_response(_answer(_rs("v", 0, ret, "BillQuery"))).responses[0]
    reread = checked(checking, read, NOW)
    assert reread == Reread("7", read.document)
    ready = apply(checking, reread, NOW)
    assert (ready.state, ready.edit_sequence) == (EntryState.READY, "7")
    again = written(replace(ready, state=EntryState.SENT), stale, NOW)
    assert isinstance(again, Refused)
    assert "changed in QuickBooks again" in again.explanation
    failed = apply(replace(ready, state=EntryState.SENT), again, NOW)
    retried = apply(failed, Retried(facts), NOW)
    assert (retried.state, retried.edit_sequence) == (EntryState.READY, None)  # read afresh
    gone = parse_response(_answer(_rs("v", 1, "", "BillQuery"))).responses[0]
    deleted = checked(checking, gone, NOW)
    assert isinstance(deleted, Refused)
    assert "no longer in QuickBooks" in deleted.explanation
