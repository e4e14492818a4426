"""The Web Connector's side of SOAP 1.1: what QBWC 2.x puts on the wire, and reading answers."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from lxml import etree

from cobalt_qbxml.safe_xml import UnsafeXml, parse

INTUIT_NS = "http://developer.intuit.com/"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
# Operation -> parameters in the order of Intuit's WSDL.
OPERATIONS: dict[str, tuple[str, ...]] = {
    "serverVersion": (),
    "clientVersion": ("strVersion",),
    "authenticate": ("strUserName", "strPassword"),
    "sendRequestXML": ("ticket", "strHCPResponse", "strCompanyFileName", "qbXMLCountry",
                       "qbXMLMajorVers", "qbXMLMinorVers"),
    "receiveResponseXML": ("ticket", "response", "hresult", "message"),
    "connectionError": ("ticket", "hresult", "message"),
    "getLastError": ("ticket",),
    "closeConnection": ("ticket",),
}  # fmt: skip


class SoapFault(RuntimeError):
    """The service answered with a SOAP fault or something that is not a SOAP answer."""


@dataclass
class SoapCall:
    """One call as sent, kept for tests and the log."""

    method: str
    params: dict[str, str | int]


def envelope(method: str, params: dict[str, str | int]) -> bytes:
    """A SOAP 1.1 request envelope, document/literal wrapped, parameters in WSDL order."""
    expected = OPERATIONS[method]
    if set(params) != set(expected):
        raise ValueError(f"{method} takes {expected}, got {tuple(params)}")
    env = etree.Element(f"{{{SOAP_ENV}}}Envelope", nsmap={"soap": SOAP_ENV})
    body = etree.SubElement(env, f"{{{SOAP_ENV}}}Body")
    call = etree.SubElement(body, f"{{{INTUIT_NS}}}{method}", nsmap={None: INTUIT_NS})  # type: ignore[dict-item]
    for name in expected:
        etree.SubElement(call, f"{{{INTUIT_NS}}}{name}").text = str(params[name])
    return etree.tostring(env, xml_declaration=True, encoding="utf-8")


class SoapClient:
    """Calls a Web Connector service over real HTTP, exactly as QBWC does."""

    def __init__(self, url: str, http: httpx.Client | None = None, timeout: float = 30.0) -> None:
        self.url = url
        self._http = http or httpx.Client(timeout=timeout)
        self.calls: list[SoapCall] = []

    def call(self, method: str, **params: str | int) -> etree._Element:
        """POST one call; the element holding `<methodResult>` (or None when absent)."""
        self.calls.append(SoapCall(method, dict(params)))
        response = self._http.post(
            self.url,
            content=envelope(method, params),
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "SOAPAction": f'"{INTUIT_NS}{method}"',
            },
        )
        try:
            root = parse(response.content)
        except UnsafeXml as exc:
            raise SoapFault(
                f"{method}: HTTP {response.status_code}, response is not well-formed XML "
                f"(QBWC1041/1042): {exc}"
            ) from None
        fault = root.find(f"{{{SOAP_ENV}}}Body/{{{SOAP_ENV}}}Fault")
        if fault is not None or response.status_code >= 400:
            text = fault.findtext("faultstring") if fault is not None else response.text[:200]
            raise SoapFault(f"{method}: HTTP {response.status_code}: {text}")
        answer = root.find(f"{{{SOAP_ENV}}}Body/{{{INTUIT_NS}}}{method}Response")
        if answer is None:
            raise SoapFault(f"{method}: no {method}Response in the answer")
        return answer

    def result_text(self, method: str, **params: str | int) -> str:
        answer = self.call(method, **params)
        return answer.findtext(f"{{{INTUIT_NS}}}{method}Result") or ""

    def result_strings(self, method: str, **params: str | int) -> list[str]:
        answer = self.call(method, **params)
        result = answer.find(f"{{{INTUIT_NS}}}{method}Result")
        if result is None:
            return []
        return [s.text or "" for s in result.findall(f"{{{INTUIT_NS}}}string")]

    def result_int(self, method: str, **params: str | int) -> int:
        text = self.result_text(method, **params).strip()
        try:
            return int(text)
        except ValueError:
            raise SoapFault(f"{method}: result {text!r} is not an integer") from None

    def close(self) -> None:
        self._http.close()
