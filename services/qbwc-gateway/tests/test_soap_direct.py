# mypy: allow-untyped-defs
"""The two calls of every exchange (sendRequestXML, receiveResponseXML) are answered from the
tree parsed for safety, without spyne: with the same arguments to the use case and the same
bytes back as spyne gives; anything but the plain form still goes to spyne."""

from __future__ import annotations

import io
from typing import Any

import anyio.to_thread
import pytest

from cobalt_qbwc_gateway.entrypoints import soap
from cobalt_qbxml.safe_xml import parse

ENV = "http://schemas.xmlsoap.org/soap/envelope/"
ACTION = '"http://developer.intuit.com/{}"'


class Recording:
    """Stands in for WebConnectorService: records each call and returns a set answer."""

    def __init__(self, result: str | int) -> None:
        self.result = result
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    async def send_request_xml(self, *args: str) -> str | int:
        self.calls.append(("send", args))
        return self.result

    async def receive_response_xml(self, *args: str) -> str | int:
        self.calls.append(("receive", args))
        return self.result


def _envelope(operation: str, params: str, header: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<soap:Envelope xmlns:soap="{ENV}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{header}<soap:Body><{operation} xmlns="http://developer.intuit.com/">{params}'
        f"</{operation}></soap:Body></soap:Envelope>"
    ).encode()


def _by_spyne(body: bytes, action: str, result: str | int) -> tuple[bytes, list[Any]]:
    stub = Recording(result)
    wsgi = soap.soap_application()
    env = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": "/qbwc",
        "QUERY_STRING": "",
        "CONTENT_TYPE": "text/xml; charset=utf-8",
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "HTTP_SOAPACTION": action,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        soap.SERVICE_KEY: stub,
        soap.SOURCE_KEY: "127.0.0.1",
    }
    status: list[str] = []
    answer = b"".join(wsgi(env, lambda s, _headers, *_: status.append(s)))
    assert status == ["200 OK"], (status, answer)
    return answer, stub.calls


async def _directly(body: bytes, action: str, result: str | int) -> tuple[bytes, list[Any]]:
    stub = Recording(result)
    headers = {"content-type": "text/xml; charset=utf-8", "soapaction": action}
    call = soap.direct_call(parse(body), headers)
    assert call is not None, "not answered directly"
    answer = await soap.answer_directly(stub, call)  # type: ignore[arg-type]
    return answer, stub.calls


SEND = (
    "<ticket>{ticket}</ticket><strHCPResponse>{hcp}</strHCPResponse>"
    "<strCompanyFileName>C:\\Books\\Store.qbw</strCompanyFileName><qbXMLCountry>US</qbXMLCountry>"
    "<qbXMLMajorVers>{major}</qbXMLMajorVers><qbXMLMinorVers>0</qbXMLMinorVers>"
)
HCP = (
    '<?xml version="1.0" ?>\n'
    '<QBXML><QBXMLMsgsRs><HostQueryRs statusCode="0"/></QBXMLMsgsRs></QBXML>'
)
ANSWER = (
    '<?xml version="1.0" ?>\r\n<QBXML><QBXMLMsgsRs><BillAddRs requestID="1" statusCode="0">'
    "<BillRet><TxnID>1-1</TxnID><RefNumber>A&amp;B é ü 中</RefNumber></BillRet></BillAddRs>"
    "</QBXMLMsgsRs></QBXML>\n  "
)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CASES = [
    pytest.param(
        "sendRequestXML", SEND.format(ticket="t" * 40, hcp="", major="13"), "", id="send-nothing"
    ),
    pytest.param(
        "sendRequestXML",
        SEND.format(ticket=" padded ", hcp=_escaped(HCP), major="013"),
        '<?xml version="1.0" encoding="utf-8"?>\n<QBXML><A>&amp;#233; "\'\r\n\t</A></QBXML>',
        id="send-a-set-with-hcp",
    ),
    pytest.param(
        "sendRequestXML",
        SEND.format(ticket="t", hcp=f"<![CDATA[{HCP}]]>", major="-12"),
        "x",
        id="send-cdata-hcp-negative",
    ),
    pytest.param("sendRequestXML", "<ticket>t</ticket>", "", id="send-only-a-ticket"),
    pytest.param(
        "sendRequestXML",
        "<ticket/><strHCPResponse></strHCPResponse><qbXMLMajorVers>2147483647</qbXMLMajorVers>",
        "",
        id="send-empty-elements",
    ),
    pytest.param(
        "receiveResponseXML",
        f"<ticket>t</ticket><response>{_escaped(ANSWER)}</response><hresult/><message/>",
        42,
        id="receive-an-answer",
    ),
    pytest.param(
        "receiveResponseXML",
        "<ticket>t</ticket><response></response><hresult>0x80040400</hresult>"
        "<message>QuickBooks found an error &lt;here&gt;</message>",
        -1,
        id="receive-an-error",
    ),
    pytest.param("receiveResponseXML", "", 100, id="receive-no-parameters"),
]


@pytest.mark.parametrize(("operation", "params", "result"), CASES)
async def test_a_plain_call_gets_what_spyne_gives_and_the_use_case_what_spyne_passes(
    operation: str, params: str, result: str | int
) -> None:
    body = _envelope(operation, params)
    action = ACTION.format(operation)
    expected = await anyio.to_thread.run_sync(_by_spyne, body, action, result)
    assert await _directly(body, action, result) == expected


@pytest.mark.parametrize(
    ("operation", "params", "header", "headers"),
    [
        pytest.param(
            "sendRequestXML", "<strHCPResponse/><ticket>t</ticket>", "", {}, id="out-of-order"
        ),
        pytest.param(
            "sendRequestXML", "<ticket>t</ticket><ticket>u</ticket>", "", {}, id="repeated"
        ),
        pytest.param("sendRequestXML", "<ticket>t</ticket><extra>1</extra>", "", {}, id="unknown"),
        pytest.param("sendRequestXML", '<ticket xsi:nil="true"/>', "", {}, id="nil"),
        pytest.param("sendRequestXML", "<ticket><b>t</b></ticket>", "", {}, id="not-text"),
        pytest.param(
            "sendRequestXML", "<qbXMLMajorVers>13.0</qbXMLMajorVers>", "", {}, id="not-int"
        ),
        pytest.param(
            "sendRequestXML", "<qbXMLMajorVers> 13</qbXMLMajorVers>", "", {}, id="int-space"
        ),
        pytest.param(
            "sendRequestXML", "<qbXMLMajorVers>2147483648</qbXMLMajorVers>", "", {}, id="past-int32"
        ),
        pytest.param(
            "sendRequestXML",
            "<qbXMLMajorVers>-2147483648</qbXMLMajorVers>",
            "",
            {},
            id="eleven-long",
        ),
        pytest.param("sendRequestXML", "<ticket>t</ticket>", "<soap:Header/>", {}, id="header"),
        pytest.param(
            "sendRequestXML",
            "<ticket>t</ticket>",
            "",
            {"soapaction": ACTION.format("receiveResponseXML")},
            id="other-action",
        ),
        pytest.param(
            "sendRequestXML",
            "<ticket>t</ticket>",
            "",
            {"content-type": "application/soap+xml"},
            id="soap-1.2",
        ),
        pytest.param("getLastError", "<ticket>t</ticket>", "", {}, id="other-operation"),
        pytest.param("authenticate", "<strUserName>u</strUserName>", "", {}, id="sign-in"),
    ],
)
def test_anything_but_the_plain_form_is_left_to_spyne(
    operation: str, params: str, header: str, headers: dict[str, str]
) -> None:
    sent = {
        "content-type": "text/xml; charset=utf-8",
        "soapaction": ACTION.format(operation),
        **headers,
    }
    assert soap.direct_call(parse(_envelope(operation, params, header)), sent) is None


def test_the_plain_form_with_no_soap_action_is_answered_directly():
    body = _envelope("receiveResponseXML", "<ticket>t</ticket>")
    call = soap.direct_call(parse(body), {"content-type": "text/xml"})
    assert call == soap.DirectCall(
        "receiveResponseXML", {"ticket": "t", "response": "", "hresult": "", "message": ""}
    )


def test_spyne_still_answers_what_is_left_to_it(gateway, http):
    """A call with its parameters out of order reaches spyne and its schema validation."""
    body = _envelope("sendRequestXML", "<strHCPResponse/><ticket>t</ticket>")
    headers = {
        "Content-Type": "text/xml; charset=utf-8",
        "SOAPAction": ACTION.format("sendRequestXML"),
    }
    answer = http.post(f"{gateway.url}/qbwc", content=body, headers=headers)
    assert answer.status_code == 500
    assert b"Fault" in answer.content


async def test_an_answer_xml_cannot_carry_is_a_soap_fault_not_a_json_error():
    import httpx
    from fastapi import FastAPI

    app = FastAPI()
    app.include_router(soap.soap_router("/qbwc", "http://localhost/qbwc", Recording("\x01")))  # type: ignore[arg-type]
    body = _envelope("sendRequestXML", "<ticket>t</ticket>")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        answer = await c.post("/qbwc", content=body, headers={"Content-Type": "text/xml"})
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("text/xml")
    assert b"<faultstring>the answer to sendRequestXML could not be written" in answer.content
