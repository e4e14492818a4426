# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""The Web Connector service conforms to Intuit's WSDL and answers as PROTOCOL.md says."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import zeep
from zeep.transports import Transport

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import Faults, SimulatedWebConnector
from cobalt_qbwc_gateway.application.protocol import INVALID_TICKET
from cobalt_qbxml import BillAdd, ExpenseLine, MessageSet, Ref, VendorAdd
from cobalt_qbxml.schema import schema_dir

PASSWORD = "correct horse battery"


def _connect(gateway, http, user="demo-liquors", **extra) -> QwcFile:
    merchant = uuid.uuid4()
    body = {"qbwc_user": user, "password": PASSWORD, "start_date": "2026-11-01", **extra}
    assert http.put(
        f"{gateway.url}/connections/{merchant}", json=body, headers=gateway.support()
    ).is_success
    qwc = http.get(f"{gateway.url}/connections/{merchant}/qwc", headers=gateway.support())
    return QwcFile.parse(qwc.content)


def _wsdl_client(gateway) -> Any:
    wsdl = schema_dir().parent / "qbwc" / "QBWebConnectorSvc.wsdl"
    client = zeep.Client(str(wsdl), transport=Transport(timeout=30))
    return client.create_service(
        "{http://developer.intuit.com/}TroubleshootWebServiceFSSoap", f"{gateway.url}/qbwc"
    )


def _documents(n: int) -> list[str]:
    return [
        MessageSet(
            [
                ("v", VendorAdd(f"Vendor {i}")),
                (
                    "b",
                    BillAdd(
                        vendor=Ref(f"Vendor {i}"),
                        txn_date=date(2026, 11, 24),
                        ref_number=f"INV-{i}",
                        external_guid=uuid.uuid4(),
                        expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal("9.99"))],
                    ),
                ),
            ],
            new_message_set_id=f"set-{i}",
        ).to_xml()
        for i in range(n)
    ]


def test_a_client_built_from_intuits_wsdl_calls_every_operation(gateway, http):
    _connect(gateway, http)
    soap = _wsdl_client(gateway)
    assert soap.serverVersion()
    assert soap.clientVersion("2.3.0.215") == "" or soap.clientVersion("2.3.0.215") is None
    ticket, answer = soap.authenticate("demo-liquors", PASSWORD)
    assert answer == "none"
    assert len(ticket) >= 32
    assert soap.sendRequestXML(ticket, "", "", "US", 13, 0) in ("", None)
    assert soap.receiveResponseXML(ticket, "", "0x80040400", "boom") == -1  # xs:int
    assert soap.connectionError(ticket, "0x80040408", "cannot start") == "done"
    assert soap.getLastError(ticket)
    assert soap.closeConnection(ticket).startswith("OK")


def test_the_path_answers_get_with_200_and_the_wsdl_names_the_public_url(gateway, http):
    plain = http.get(f"{gateway.url}/qbwc", follow_redirects=False)
    assert plain.status_code == 200
    wsdl = http.get(f"{gateway.url}/qbwc?wsdl", follow_redirects=False)
    assert wsdl.status_code == 200
    assert f'location="{gateway.url}/qbwc"' in wsdl.text
    assert 'targetNamespace="http://developer.intuit.com/"' in wsdl.text


def test_authenticate_says_nvu_for_a_wrong_user_or_password(gateway, http):
    _connect(gateway, http)
    soap = _wsdl_client(gateway)
    assert soap.authenticate("demo-liquors", "wrong password!")[1] == "nvu"
    assert soap.authenticate("nobody", PASSWORD)[1] == "nvu"


def test_tickets_are_random_and_a_live_session_makes_others_busy(gateway, http):
    _connect(gateway, http)
    soap = _wsdl_client(gateway)
    first = soap.authenticate("demo-liquors", PASSWORD)
    second = soap.authenticate("demo-liquors", PASSWORD)
    assert first[0] != second[0]
    gateway.work.ready = True
    live = soap.authenticate("demo-liquors", PASSWORD)
    assert live[1] in ("", None)  # work to do: use the open company file (an empty <string/>)
    assert soap.authenticate("demo-liquors", PASSWORD)[1] == "busy"
    soap.closeConnection(live[0])
    assert soap.authenticate("demo-liquors", PASSWORD)[1] != "busy"


def test_old_web_connectors_are_warned_or_refused(gateway):
    soap = _wsdl_client(gateway)
    assert soap.clientVersion("2.0.1.30").startswith("O:")
    assert soap.clientVersion("2.2.0.71").startswith("W:")
    assert soap.clientVersion("2.3.0.215") in ("", None)


def test_nothing_ready_means_quickbooks_is_not_even_opened(gateway, http):
    qwc = _connect(gateway, http)
    company = SimulatedQuickBooks(sample_company())
    result = SimulatedWebConnector(qwc, PASSWORD, company).update()
    assert result.outcome == "no work"
    status = http.get(f"{gateway.url}/connections/{uuid.uuid4()}", headers=gateway.support())
    assert status.json()["status"] == "not set up"


def test_a_session_sends_documents_checks_the_company_and_sums_up(gateway, http):
    qwc = _connect(gateway, http)
    gateway.work.documents = _documents(2)
    quickbooks = SimulatedQuickBooks(sample_company())
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == "done", result
    assert result.message == "OK: 4 entries synced"
    assert len(quickbooks.company.transactions("Bill")) == 2
    assert len(gateway.work.responses) == 2


def test_a_different_company_file_is_refused_naming_the_expected_one(gateway, http):
    qwc = _connect(gateway, http, company_file=r"C:\Books\Demo Liquors.QBW")
    gateway.work.documents = _documents(1)
    quickbooks = SimulatedQuickBooks(sample_company("Someone Else's Books"))
    connector = SimulatedWebConnector(
        qwc, PASSWORD, quickbooks, faults=Faults(other_company_file=True, persistent=True)
    )
    result = connector.update()
    assert result.outcome == "error"
    assert "Wrong company file" in result.message
    assert r"C:\Books\Demo Liquors.QBW" in result.message
    assert quickbooks.company.transactions() == []
    assert gateway.work.documents  # nothing was handed out


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not xml", 500),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 500),
        (
            b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            b'<authenticate xmlns="http://wrong.example/"><strUserName>a</strUserName>'
            b"</authenticate></soap:Body></soap:Envelope>",
            500,
        ),
        (
            b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            b'<dropTables xmlns="http://developer.intuit.com/"/></soap:Body></soap:Envelope>',
            500,
        ),
    ],
)
def test_bad_soap_gets_a_fault_qbwc_understands(gateway, http, body, status):
    response = http.post(
        f"{gateway.url}/qbwc",
        content=body,
        headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"x"'},
    )
    assert response.status_code == status
    assert "Fault" in response.text
    assert "Traceback" not in response.text


def test_an_oversized_body_is_refused_before_parsing(gateway, http):
    response = http.post(
        f"{gateway.url}/qbwc",
        content=b"<a>" + b" " * (21 * 1024 * 1024) + b"</a>",
        headers={"Content-Type": "text/xml; charset=utf-8"},
    )
    assert response.status_code == 413
    assert "Fault" in response.text


def test_garbage_tickets_change_nothing_and_get_plain_answers(gateway, http):
    soap = _wsdl_client(gateway)
    assert soap.sendRequestXML("forged", "", "", "US", 13, 0) in ("", None)
    assert soap.receiveResponseXML("forged", "<QBXML/>", "", "") == -1
    assert soap.getLastError("forged") == INVALID_TICKET
