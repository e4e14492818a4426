"""The simulated Web Connector speaks QBWC 2.x over real HTTP and honours every answer."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date
from decimal import Decimal

import pytest

from cobalt_qbsim.qwc import QwcError, QwcFile
from cobalt_qbsim.webconnector import Faults, SimulatedWebConnector
from cobalt_qbxml import BillAdd, ExpenseLine, MessageSet, Ref, VendorAdd, parse_response

PASSWORD = "s3cret"


def _bill_document(ref: str = "INV-1") -> str:
    return MessageSet(
        [
            ("v", VendorAdd(f"Vendor {ref}")),
            (
                "b",
                BillAdd(
                    vendor=Ref(f"Vendor {ref}"),
                    txn_date=date(2026, 11, 24),
                    ref_number=ref,
                    external_guid=uuid.uuid4(),
                    expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal("10.00"))],
                ),
            ),
        ],
        new_message_set_id=ref,
    ).to_xml()


def _serve(gateway, documents: list[str]) -> list[str]:
    """Script a service that hands out `documents` one per sendRequestXML; returns responses."""
    queue = list(documents)
    received: list[str] = []
    gateway.script["authenticate"] = lambda p: ["ticket-1", ""]
    gateway.script["sendRequestXML"] = lambda p: queue.pop(0) if queue else ""

    def receive(params):
        received.append(params["response"] or f"HRESULT {params['hresult']}: {params['message']}")
        return 100 if not queue else int(100 * len(received) / (len(received) + len(queue)))

    gateway.script["receiveResponseXML"] = receive
    return received


def test_a_qwc_file_loads_like_the_real_web_connector_loads_it(make_qwc):
    qwc = QwcFile.parse(make_qwc("https://cobalt.example/qbwc"))
    assert (qwc.user_name, qwc.run_every_minutes, qwc.is_read_only) == ("test-liquors", 10, False)
    with pytest.raises(QwcError, match="QBWC1010"):
        QwcFile.parse(make_qwc("http://cobalt.example/qbwc"))
    with pytest.raises(QwcError, match="missing UserName"):
        QwcFile.parse(make_qwc("https://cobalt.example/qbwc", UserName=None))
    with pytest.raises(QwcError, match="GUID in braces"):
        QwcFile.parse(make_qwc("https://cobalt.example/qbwc", FileID="not-a-guid"))
    with pytest.raises(QwcError, match="same host"):
        QwcFile.parse(
            make_qwc("https://cobalt.example/qbwc", AppSupport="https://elsewhere.example/")
        )


def test_a_full_update_follows_the_protocol_and_reaches_quickbooks(gateway, qwc, quickbooks):
    received = _serve(gateway, [_bill_document("INV-1"), _bill_document("INV-2")])
    connector = SimulatedWebConnector(qwc, PASSWORD, quickbooks)
    result = connector.update()
    assert result.outcome == "done"
    assert result.documents == 2
    assert gateway.methods() == [
        "serverVersion", "clientVersion", "authenticate",
        "sendRequestXML", "receiveResponseXML", "sendRequestXML", "receiveResponseXML",
        "closeConnection",
    ]  # fmt: skip
    assert gateway.problems == []  # headers and every envelope match Intuit's WSDL
    auth = gateway.calls[2][1]
    assert auth == {"strUserName": "test-liquors", "strPassword": PASSWORD}
    first, second = (p for m, p in gateway.calls if m == "sendRequestXML")
    assert first["ticket"] == "ticket-1"
    assert (first["qbXMLMajorVers"], first["qbXMLMinorVers"], first["qbXMLCountry"]) == (
        "16",
        "0",
        "US",
    )
    assert second["strHCPResponse"] == ""  # only the first call of a session carries it
    hcp = parse_response(first["strHCPResponse"])
    _host, company = hcp.responses
    assert "13.0" in host_versions(first["strHCPResponse"])
    assert company.status.ok
    assert qwc.file_id in first["strHCPResponse"]  # the FileID QBWC stored for our OwnerID
    assert [parse_response(r).responses[1].status.code for r in received] == [0, 0]
    assert len(quickbooks.company.transactions("Bill")) == 2


def host_versions(hcp: str) -> list[str]:
    from lxml import etree

    root = etree.fromstring(hcp.split("\n", 1)[1])
    return [v.text or "" for v in root.iter("SupportedQBXMLVersion")]


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (["", "nvu"], "invalid user"),
        (["t", "none", "30"], "no work"),
        (["t", "busy", "60"], "busy"),
    ],
)
def test_authenticate_answers_are_honoured(gateway, qwc, quickbooks, answer, outcome):
    gateway.script["authenticate"] = lambda p: answer
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == outcome
    assert gateway.methods()[-1] == "authenticate"  # QuickBooks is not even opened
    if len(answer) > 2:
        assert result.postpone_seconds == int(answer[2])


def test_a_company_path_from_authenticate_is_passed_on(gateway, qwc, quickbooks):
    _serve(gateway, [_bill_document()])
    gateway.script["authenticate"] = lambda p: ["t", r"C:\Books\Store.QBW"]
    SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    sent = next(p for m, p in gateway.calls if m == "sendRequestXML")
    assert sent["strCompanyFileName"] == r"C:\Books\Store.QBW"


@pytest.mark.parametrize(
    ("answer", "outcome"), [("E:upgrade needed", "client refused"), ("O:2.4", "client refused")]
)
def test_client_version_answers_stop_the_update(gateway, qwc, quickbooks, answer, outcome):
    gateway.script["clientVersion"] = lambda p: answer
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == outcome
    assert gateway.methods() == ["serverVersion", "clientVersion"]


def test_a_warning_lets_the_update_go_on(gateway, qwc, quickbooks):
    gateway.script["clientVersion"] = lambda p: "W:please upgrade"
    assert SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work"


def test_a_negative_answer_makes_it_ask_for_the_error_then_close(gateway, qwc, quickbooks):
    _serve(gateway, [_bill_document()])
    gateway.script["receiveResponseXML"] = lambda p: -1
    gateway.script["getLastError"] = lambda p: "entry 7 failed: remap Beer"
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == "error"
    assert result.message == "entry 7 failed: remap Beer"
    assert gateway.methods()[-2:] == ["getLastError", "closeConnection"]


def test_noop_makes_it_wait_and_ask_again(gateway, qwc, quickbooks):
    documents = [_bill_document()]
    asked = []

    def send(params):
        asked.append(time.monotonic())
        return documents.pop(0) if len(asked) == 2 else ""

    _serve(gateway, [])
    gateway.script["sendRequestXML"] = send
    gateway.script["getLastError"] = lambda p: "NoOp"
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks, noop_wait_seconds=0.2).update()
    assert result.documents == 1
    assert asked[1] - asked[0] >= 0.2
    assert gateway.methods()[3:6] == ["sendRequestXML", "getLastError", "sendRequestXML"]


def test_quickbooks_not_running_is_reported_through_connection_error(gateway, qwc, quickbooks):
    gateway.script["authenticate"] = lambda p: ["t", ""]
    faults = Faults(quickbooks_not_running=True)
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=faults).update()
    assert result.outcome == "error"
    assert gateway.methods()[3:] == ["connectionError", "closeConnection"]
    error = gateway.calls[3][1]
    assert error["hresult"] == "0x80040408"


def test_a_lost_response_leaves_the_entry_in_quickbooks_and_the_service_unaware(
    gateway, qwc, quickbooks
):
    received = _serve(gateway, [_bill_document("INV-1"), _bill_document("INV-2")])
    faults = Faults(lose_response_of_document=1)
    connector = SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=faults)
    assert connector.update().outcome == "died"
    assert len(quickbooks.company.transactions("Bill")) == 1  # QuickBooks did the work
    assert received == []  # ...and the service never heard of it
    assert "receiveResponseXML" not in gateway.methods()
    assert connector.update().outcome == "done"  # the next update works normally
    assert len(received) == 1


def test_dying_after_send_processes_nothing(gateway, qwc, quickbooks):
    _serve(gateway, [_bill_document()])
    faults = Faults(die_after="sendRequestXML")
    assert (
        SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=faults).update().outcome == "died"
    )
    assert quickbooks.company.transactions() == []


def test_another_company_file_shows_another_file_id(gateway, qwc, quickbooks):
    _serve(gateway, [_bill_document()])
    faults = Faults(other_company_file=True)
    SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=faults).update()
    hcp = next(p for m, p in gateway.calls if m == "sendRequestXML")["strHCPResponse"]
    assert qwc.owner_id in hcp
    assert qwc.file_id not in hcp


def test_a_malformed_request_comes_back_as_an_hresult(gateway, qwc, quickbooks):
    received = _serve(gateway, ["<QBXML><NotQbxml/></QBXML>"])
    SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert received == [received[0]]
    assert received[0].startswith("HRESULT 0x80040400")


def test_slow_quickbooks_is_slow(gateway, qwc, quickbooks):
    _serve(gateway, [_bill_document()])
    faults = Faults(slow_quickbooks_seconds=0.3, persistent=True)
    started = time.monotonic()
    SimulatedWebConnector(qwc, PASSWORD, quickbooks, faults=faults).update()
    assert time.monotonic() - started >= 0.3


def test_it_runs_on_a_schedule_until_stopped(gateway, qwc, quickbooks):
    connector = SimulatedWebConnector(qwc, PASSWORD, quickbooks)
    stop = threading.Event()
    thread = threading.Thread(target=connector.run, args=(stop, 0.05))
    thread.start()
    time.sleep(0.6)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert len(connector.history) >= 3
    assert {r.outcome for r in connector.history} == {"no work"}


def test_the_command_line_runs_an_update_and_inspects_the_books(
    gateway, make_qwc, tmp_path, capsys
):
    from cobalt_qbsim.cli import main

    _serve(gateway, [_bill_document("CLI-1")])
    qwc_file = tmp_path / "store.qwc"
    qwc_file.write_text(make_qwc(gateway.url))
    company = tmp_path / "books.json"
    assert main(["--company", str(company), "connect", "--qwc", str(qwc_file),
                 "--password", PASSWORD, "--once"]) == 0  # fmt: skip
    assert "done" in capsys.readouterr().out
    assert main(["--company", str(company), "inspect"]) == 0
    shown = capsys.readouterr().out
    assert "Vendor CLI-1" in shown
    assert "Bill" in shown
    assert "Duplicates by ExternalGUID: none" in shown
    request = tmp_path / "request.xml"
    request.write_text(_bill_document("CLI-2"))
    assert main(["--company", str(company), "process", str(request)]) == 0
    assert 'statusCode="0"' in capsys.readouterr().out
    request.write_text("<QBXML><Nope/></QBXML>")
    assert main(["--company", str(company), "process", str(request)]) == 1
    assert "0x80040400" in capsys.readouterr().err
