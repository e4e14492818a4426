"""A scripted Web Connector service over real HTTP that checks every call against Intuit's WSDL."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.soap import INTUIT_NS, SOAP_ENV
from cobalt_qbxml.schema import schema_dir

OWNER_ID = "{57F3B9B6-86F1-4FCC-B1FF-966DE1813D20}"
FILE_ID = "{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}"


def wsdl_schema() -> etree.XMLSchema:
    """The XML schema embedded in Intuit's WSDL (the message types of every operation)."""
    wsdl = etree.parse(str(schema_dir().parent / "qbwc" / "QBWebConnectorSvc.wsdl"))
    embedded = wsdl.find(".//{http://www.w3.org/2001/XMLSchema}schema")
    assert embedded is not None
    return etree.XMLSchema(etree.fromstring(etree.tostring(embedded)))


@dataclass
class FakeGateway:
    """Answers each operation from `script`; records calls, headers and schema problems."""

    script: dict[str, Callable[[dict[str, str]], Any]]
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    url: str = ""

    def methods(self) -> list[str]:
        return [m for m, _ in self.calls]


def _answer(method: str, result: Any) -> bytes:
    env = etree.Element(f"{{{SOAP_ENV}}}Envelope", nsmap={"soap": SOAP_ENV})
    body = etree.SubElement(env, f"{{{SOAP_ENV}}}Body")
    response = etree.SubElement(body, f"{{{INTUIT_NS}}}{method}Response", nsmap={None: INTUIT_NS})
    out = etree.SubElement(response, f"{{{INTUIT_NS}}}{method}Result")
    if isinstance(result, list):
        for item in result:
            etree.SubElement(out, f"{{{INTUIT_NS}}}string").text = item
    else:
        out.text = str(result)
    return etree.tostring(env, xml_declaration=True, encoding="utf-8")


@pytest.fixture
def gateway() -> Iterator[FakeGateway]:
    schema = wsdl_schema()
    fake = FakeGateway(script={})

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()

        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers["Content-Length"]))
            envelope = etree.fromstring(data)
            call = envelope.find(f"{{{SOAP_ENV}}}Body")[0]
            method = etree.QName(call).localname
            if self.headers["Content-Type"] != "text/xml; charset=utf-8":
                fake.problems.append(f"{method}: Content-Type {self.headers['Content-Type']}")
            if self.headers["SOAPAction"] != f'"{INTUIT_NS}{method}"':
                fake.problems.append(f"{method}: SOAPAction {self.headers['SOAPAction']}")
            if not schema.validate(call):
                fake.problems.append(f"{method}: {schema.error_log}")
            params = {etree.QName(p).localname: p.text or "" for p in call}
            fake.calls.append((method, params))
            answer = fake.script.get(method)
            body = _answer(method, answer(params) if answer else _defaults(method, params))
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://localhost:{server.server_address[1]}/qbwc"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


def _defaults(method: str, params: dict[str, str]) -> Any:
    return {
        "serverVersion": "fake 1.0",
        "clientVersion": "",
        "authenticate": ["ticket-1", "none"],
        "sendRequestXML": "",
        "receiveResponseXML": 100,
        "connectionError": "done",
        "getLastError": "",
        "closeConnection": "OK",
    }[method]


def qwc_text(url: str, **overrides: str) -> str:
    fields = {
        "AppName": "CobaltConnect - Test Liquors",
        "AppID": "",
        "AppURL": url,
        "AppDescription": "CobaltConnect",
        "AppSupport": url.rsplit("/", 1)[0] + "/support",
        "UserName": "test-liquors",
        "OwnerID": OWNER_ID,
        "FileID": FILE_ID,
        "QBType": "QBFS",
        **overrides,
    }
    body = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items() if v is not None)
    return (
        f'<?xml version="1.0"?><QBWCXML>{body}<Scheduler><RunEveryNMinutes>10</RunEveryNMinutes>'
        "</Scheduler><IsReadOnly>false</IsReadOnly></QBWCXML>"
    )


@pytest.fixture
def quickbooks(tmp_path: Path) -> SimulatedQuickBooks:
    company = sample_company("Test Liquors")
    company.path = tmp_path / "company.json"
    return SimulatedQuickBooks(company)


@pytest.fixture
def qwc(gateway: FakeGateway) -> QwcFile:
    return QwcFile.parse(qwc_text(gateway.url))


@pytest.fixture
def make_qwc() -> Callable[..., str]:
    """Builds .qwc text for a URL, with fields overridden (None leaves a field out)."""
    return qwc_text
