# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Every entry reaches QuickBooks exactly once, whatever breaks in the exchange."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal

import pytest

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import Faults, SimulatedWebConnector
from cobalt_qbwc_gateway.testing import MAPPINGS, seed_entries
from cobalt_qbxml import MessageSet, VendorAdd
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine, AppliedBill

PASSWORD = "correct horse battery"


def _bill(merchant, ref, amount="100.00"):
    return PostToQuickBooks(
        merchant_id=merchant, entry_id=uuid.uuid4(), kind="bill", txn_date=date(2026, 11, 24),
        ref_number=ref, vendor_name="Acme Beverage", source="payables",
        lines=[AccountLine(account="purchases:beer", amount=amount)],
    )  # fmt: skip


def _commands(merchant):
    bills = [_bill(merchant, f"INV-{i}") for i in range(3)]
    deposit = PostToQuickBooks(
        merchant_id=merchant, entry_id=uuid.uuid4(), kind="deposit", txn_date=date(2026, 11, 24),
        bank_account="operating-account", source="reporting",
        lines=[AccountLine(account="card-clearing", amount="250.00")],
    )  # fmt: skip
    journal = PostToQuickBooks(
        merchant_id=merchant, entry_id=uuid.uuid4(), kind="journal-entry",
        txn_date=date(2026, 11, 24), source="reporting",
        lines=[
            AccountLine(account="card-clearing", amount="10.00", side="debit"),
            AccountLine(account="sales:beer", amount="10.00", side="credit"),
        ],
    )  # fmt: skip
    payment = PostToQuickBooks(
        merchant_id=merchant, entry_id=uuid.uuid4(), kind="bill-payment",
        txn_date=date(2026, 11, 25), vendor_name="Acme Beverage",
        bank_account="operating-account", source="payables",
        applied=[AppliedBill(bill_entry_id=bills[0].entry_id, amount="60.00")],
    )  # fmt: skip
    return [*bills, deposit, journal, payment]


def _setup(queue_gateway, http, commands_for=_commands, vendor_in_quickbooks=True):
    merchant = uuid.uuid4()
    body = {"qbwc_user": f"u{merchant.hex[:10]}", "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{queue_gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=queue_gateway.support()).is_success
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=queue_gateway.support()).content)
    commands = commands_for(merchant)
    asyncio.run(
        seed_entries(queue_gateway.database_url, merchant, commands, now=queue_gateway.clock())
    )
    quickbooks = SimulatedQuickBooks(sample_company())
    if vendor_in_quickbooks:
        quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    return merchant, qwc, commands, quickbooks


def _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks):
    counts = quickbooks.company.count_by_external_guid()
    assert len({v.name for v in quickbooks.company.vendors.values()}) == len(
        quickbooks.company.vendors
    )  # never two vendors of one name
    for command in commands:
        assert counts["{" + str(command.entry_id).upper() + "}"] == 1, command.kind
    assert sum(counts.values()) == len(commands)
    entries = http.get(f"{queue_gateway.url}/entries", headers=queue_gateway.merchant(merchant))
    assert {e["state"] for e in entries.json()} == {"synced"}
    assert all(e["txn_id"] for e in entries.json())


def test_a_session_sends_everything_once_with_prerequisites_in_order(queue_gateway, http):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == "done", result
    # The vendor looked up (and linked), everything, then the payment once its bill had a TxnID,
    # then Accounts Payable's read-back (one set, whatever the number of bills).
    assert result.documents == 4
    assert result.message == "OK: 6 entries synced"
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)
    [bill] = [t for t in quickbooks.company.transactions("Bill") if t.ref_number == "INV-0"]
    assert bill.open_amount == Decimal("40.00")  # the payment applied to the right bill


@pytest.mark.parametrize(
    "fault",
    [
        Faults(lose_response_of_document=1),  # QuickBooks wrote; the gateway never heard
        Faults(lose_response_of_document=2),
        Faults(die_after="sendRequestXML"),  # QuickBooks never saw the set
        Faults(die_after="receiveResponseXML"),
        Faults(die_after="authenticate"),
    ],
    ids=[
        "lost-first-response",
        "lost-second-response",
        "died-after-send",
        "died-after-receive",
        "died-after-authenticate",
    ],
)
def test_a_broken_exchange_never_duplicates_or_loses_an_entry(queue_gateway, http, fault):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    broken = SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=fault).update()
    assert broken.outcome == "died"
    queue_gateway.clock.advance(2)  # the dead session stops counting as live (1 s here)
    # A new session (as after a restart of the Web Connector) settles, then finishes.
    for _ in range(3):
        result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
        if result.outcome == "no work":
            break
        assert result.outcome == "done", result
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)


@pytest.mark.parametrize(
    "fault",
    [
        Faults(lose_response_of_document=2),  # QuickBooks wrote the whole set
        Faults(die_after="sendRequestXML"),  # QuickBooks never saw it
        Faults(lose_response_of_document=1),  # the vendor lookup (read-only) was lost
    ],
    ids=["wrote-then-forgot", "never-saw-it", "lost-lookup"],
)
def test_when_quickbooks_forgot_the_set_a_query_for_our_guid_settles_it(queue_gateway, http, fault):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    documents: list[str] = []
    process = quickbooks.process

    def recording(document):
        documents.append(document)
        return process(document)

    quickbooks.process = recording
    broken = SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=fault).update()
    assert broken.outcome == "died"
    written = sum(quickbooks.company.count_by_external_guid().values())
    # Error recovery can no longer answer (the company file was restored, its memory cleared).
    quickbooks.company.message_sets.clear()
    queue_gateway.clock.advance(2)
    for _ in range(3):
        result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
        if result.outcome == "no work":
            break
        assert result.outcome == "done", result
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)
    if written:  # what QuickBooks had made was found by its ExternalGUID and never re-added
        assert any("BillQueryRq" in d and "<RefNumber>INV-0</RefNumber>" in d for d in documents)
        synced_by_query = http.get(
            f"{queue_gateway.url}/entries/{commands[0].entry_id}",
            headers=queue_gateway.merchant(merchant),
        ).json()
        assert "BillQueryRs" in synced_by_query["response_xml"]


def test_an_error_in_quickbooks_fails_only_that_entry_with_the_fix(queue_gateway, http):
    def commands_for(merchant):
        good = _bill(merchant, "GOOD-1")
        bad = _bill(merchant, "BAD-1")
        bad = bad.model_copy(
            update={"lines": [AccountLine(account="purchases:wine", amount="5.00")]}
        )
        return [good, bad]

    merchant = uuid.uuid4()
    body = {"qbwc_user": f"u{merchant.hex[:10]}", "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{queue_gateway.url}/connections/{merchant}"
    http.put(url, json=body, headers=queue_gateway.support())
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=queue_gateway.support()).content)
    good, bad = commands_for(merchant)
    mappings = {**MAPPINGS, "purchases:wine": "Purchases:Wine Renamed"}  # no such QB account
    asyncio.run(
        seed_entries(
            queue_gateway.database_url, merchant, [good, bad], mappings, queue_gateway.clock()
        )
    )
    quickbooks = SimulatedQuickBooks(sample_company())
    quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.message == "OK: 1 entry synced, 1 needs attention"
    headers = queue_gateway.merchant(merchant)
    failed = http.get(f"{queue_gateway.url}/entries/{bad.entry_id}", headers=headers).json()
    assert failed["state"] == "failed"
    assert failed["error_code"] == "3140"
    assert "renamed, deleted or made inactive" in failed["detail"]
    ok = http.get(f"{queue_gateway.url}/entries/{good.entry_id}", headers=headers).json()
    # Each entry keeps its own answer from the set, not the whole set's answer.
    assert f'requestID="{bad.entry_id}"' in failed["response_xml"]
    assert f'requestID="{good.entry_id}"' not in failed["response_xml"]
    assert f'requestID="{good.entry_id}"' in ok["response_xml"]
    assert "<BillAddRs" in ok["response_xml"]
    assert f'requestID="{bad.entry_id}"' not in ok["response_xml"]
    assert ok["state"] == "synced"


def test_a_gateway_restart_mid_session_duplicates_nothing(queue_gateway, http):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    process = quickbooks.process
    restarts: list[bool] = []

    def work_then_restart_the_gateway(document):
        answer = process(document)
        if not restarts:  # while QuickBooks works on the first set, the gateway restarts
            restarts.append(True)
            queue_gateway.restart()
        return answer

    quickbooks.process = work_then_restart_the_gateway
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert restarts
    assert result.outcome == "done", result  # the new process carries on the same session
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)


def test_an_answer_that_is_not_qbxml_changes_nothing_and_says_why(queue_gateway, http):
    import zeep

    from cobalt_qbxml.schema import schema_dir

    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    wsdl = schema_dir().parent / "qbwc" / "QBWebConnectorSvc.wsdl"
    soap = zeep.Client(str(wsdl)).create_service(
        "{http://developer.intuit.com/}TroubleshootWebServiceFSSoap", qwc.app_url
    )
    ticket, _ = soap.authenticate(qwc.user_name, PASSWORD)
    hcp = SimulatedWebConnector(qwc, PASSWORD, quickbooks)._hcp_response()
    lookup = soap.sendRequestXML(ticket, hcp, "", "US", 13, 0)  # which vendors exist?
    assert "VendorQueryRq" in lookup
    assert soap.receiveResponseXML(ticket, quickbooks.process(lookup), "", "") > 0
    assert "BillAddRq" in soap.sendRequestXML(ticket, "", "", "US", 13, 0)
    assert soap.receiveResponseXML(ticket, "<not-qbxml/>", "", "") == -1
    assert "not a qbXML response" in soap.getLastError(ticket)
    headers = queue_gateway.merchant(merchant)
    states = {e["state"] for e in http.get(f"{queue_gateway.url}/entries", headers=headers).json()}
    assert "synced" not in states  # nothing recorded from the garbage
    queue_gateway.clock.advance(2)
    for _ in range(3):  # the set is settled by error recovery, then everything goes once
        if SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work":
            break
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)


def test_out_of_order_calls_record_nothing_twice_and_settle_first(queue_gateway, http):
    import zeep

    from cobalt_qbxml.schema import schema_dir

    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http)
    wsdl = schema_dir().parent / "qbwc" / "QBWebConnectorSvc.wsdl"
    soap = zeep.Client(str(wsdl)).create_service(
        "{http://developer.intuit.com/}TroubleshootWebServiceFSSoap", qwc.app_url
    )
    ticket, _ = soap.authenticate(qwc.user_name, PASSWORD)
    # A response before any request: ignored, with the reason.
    assert soap.receiveResponseXML(ticket, "<QBXML/>", "", "") == -1
    assert "no request of this update was waiting" in soap.getLastError(ticket)
    hcp = SimulatedWebConnector(qwc, PASSWORD, quickbooks)._hcp_response()
    lookup = soap.sendRequestXML(ticket, hcp, "", "US", 13, 0)
    assert soap.receiveResponseXML(ticket, quickbooks.process(lookup), "", "") > 0
    bills = soap.sendRequestXML(ticket, "", "", "US", 13, 0)
    answer = quickbooks.process(bills)
    assert soap.receiveResponseXML(ticket, answer, "", "") > 0
    # The same answer posted again: not recorded twice.
    assert soap.receiveResponseXML(ticket, answer, "", "") == -1
    # A request while an answer is expected: the set in flight is settled before anything new.
    payment = soap.sendRequestXML(ticket, "", "", "US", 13, 0)
    assert "BillPaymentCheckAddRq" in payment
    again = soap.sendRequestXML(ticket, "", "", "US", 13, 0)
    assert "oldMessageSetID" in again
    assert "AddRq" not in again
    soap.receiveResponseXML(ticket, quickbooks.process(again), "", "")
    soap.closeConnection(ticket)
    for _ in range(3):  # the payment QuickBooks never saw goes once, at the next update
        if SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work":
            break
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)


@pytest.mark.parametrize(
    "fault",
    [None, Faults(lose_response_of_document=2), Faults(die_after="sendRequestXML")],
    ids=["clean", "lost-vendor-add-response", "died-after-send"],
)
def test_a_vendor_missing_from_quickbooks_is_added_once_before_its_bills(
    queue_gateway, http, fault
):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http, vendor_in_quickbooks=False)
    if fault is not None:
        assert (
            SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=fault).update().outcome
            == "died"
        )
        queue_gateway.clock.advance(2)
    for _ in range(4):
        if SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work":
            break
    assert [v.name for v in quickbooks.company.vendors.values()] == ["Acme Beverage"]
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)


def test_a_vendor_added_by_hand_meanwhile_is_linked_not_added_again(queue_gateway, http):
    merchant, qwc, commands, quickbooks = _setup(queue_gateway, http, vendor_in_quickbooks=False)
    process = quickbooks.process

    def someone_adds_the_vendor_by_hand(document):
        answer = process(document)
        if "VendorQueryRq" in document and not quickbooks.company.vendors:
            process(MessageSet([("hand", VendorAdd("ACME  beverage"))]).to_xml())
        return answer

    quickbooks.process = someone_adds_the_vendor_by_hand
    for _ in range(4):
        if SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work":
            break
    [vendor] = quickbooks.company.vendors.values()  # our add met 3100: linked instead
    bills = quickbooks.company.transactions("Bill")
    assert {b.vendor_id for b in bills} == {vendor.list_id}
    # Every entry synced, the refused vendor add included: it reads as linked, not failed.
    _assert_exactly_once(queue_gateway, http, merchant, commands, quickbooks)
