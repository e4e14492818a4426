"""The Web Connector SOAP service (spyne), served inside the gateway's FastAPI app.

Each operation only translates: it takes the parameters QBWC sends, calls one use case of
WebConnectorService (async, reached from spyne's worker thread), and returns its answer.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlparse
from xml.sax.saxutils import escape

import anyio.from_thread
import spyne.const
from fastapi import APIRouter, Request, Response
from lxml import etree
from spyne import Application, Array, Integer32, ServiceBase, Unicode, rpc
from spyne.protocol.soap import Soap11
from spyne.server.wsgi import WsgiApplication
from starlette.concurrency import run_in_threadpool

from cobalt_qbwc_gateway.application.web_connector import WebConnectorService
from cobalt_qbxml.safe_xml import UnsafeXml, parse

# spyne runs a full gc.collect() after a call whenever a second has passed since the last one
# (to hand back file descriptors of attachments, which this service never has). In a busy
# gateway that was a quarter of the server time of a message set: left to Python's own GC.
spyne.const.MIN_GC_INTERVAL = float("inf")

log = logging.getLogger(__name__)

INTUIT_NS = "http://developer.intuit.com/"
SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/"
MAX_SOAP_BYTES = 20 * 1024 * 1024
SERVICE_KEY = "cobalt.web_connector"
SOURCE_KEY = "cobalt.source"  # the address the call came from (for sign-in throttling)
ArrayOfString = Array(Unicode, type_name="ArrayOfString")
T = TypeVar("T")


def _call(ctx: Any, use_case: Callable[[WebConnectorService], Coroutine[Any, Any, T]]) -> T:
    service: WebConnectorService = ctx.transport.req_env[SERVICE_KEY]
    return anyio.from_thread.run(use_case, service)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class QBWebConnectorSvc(ServiceBase):  # type: ignore[misc]
    """The eight operations of Intuit's QBWebConnectorSvc WSDL."""

    @rpc(_returns=Unicode)  # type: ignore[untyped-decorator]
    def serverVersion(ctx: Any) -> str:
        return _call(ctx, _server_version)

    @rpc(Unicode, _returns=Unicode)  # type: ignore[untyped-decorator]
    def clientVersion(ctx: Any, strVersion: str | None) -> str:
        source = str(ctx.transport.req_env.get(SOURCE_KEY, "unknown"))
        return _call(ctx, lambda s: s.client_version(_text(strVersion), source))

    @rpc(Unicode, Unicode, _returns=ArrayOfString)  # type: ignore[untyped-decorator]
    def authenticate(ctx: Any, strUserName: str | None, strPassword: str | None) -> list[str]:
        source = str(ctx.transport.req_env.get(SOURCE_KEY, "unknown"))
        return _call(ctx, lambda s: s.authenticate(_text(strUserName), _text(strPassword), source))

    @rpc(Unicode, Unicode, Unicode, Unicode, Integer32, Integer32, _returns=Unicode)  # type: ignore[untyped-decorator]
    def sendRequestXML(
        ctx: Any,
        ticket: str | None,
        strHCPResponse: str | None,
        strCompanyFileName: str | None,
        qbXMLCountry: str | None,
        qbXMLMajorVers: int | None,
        qbXMLMinorVers: int | None,
    ) -> str:
        return _call(
            ctx,
            lambda s: s.send_request_xml(
                _text(ticket),
                _text(strHCPResponse),
                _text(strCompanyFileName),
                _text(qbXMLMajorVers),
                _text(qbXMLMinorVers),
            ),
        )

    @rpc(Unicode, Unicode, Unicode, Unicode, _returns=Integer32)  # type: ignore[untyped-decorator]
    def receiveResponseXML(
        ctx: Any, ticket: str | None, response: str | None, hresult: str | None, message: str | None
    ) -> int:
        return _call(
            ctx,
            lambda s: s.receive_response_xml(
                _text(ticket), _text(response), _text(hresult), _text(message)
            ),
        )

    @rpc(Unicode, Unicode, Unicode, _returns=Unicode)  # type: ignore[untyped-decorator]
    def connectionError(
        ctx: Any, ticket: str | None, hresult: str | None, message: str | None
    ) -> str:
        return _call(
            ctx, lambda s: s.connection_error(_text(ticket), _text(hresult), _text(message))
        )

    @rpc(Unicode, _returns=Unicode)  # type: ignore[untyped-decorator]
    def getLastError(ctx: Any, ticket: str | None) -> str:
        return _call(ctx, lambda s: s.get_last_error(_text(ticket)))

    @rpc(Unicode, _returns=Unicode)  # type: ignore[untyped-decorator]
    def closeConnection(ctx: Any, ticket: str | None) -> str:
        return _call(ctx, lambda s: s.close_connection(_text(ticket)))


async def _server_version(service: WebConnectorService) -> str:
    return service.server_version()


async def _sync(value: T) -> T:
    return value


def soap_application() -> WsgiApplication:
    app = Application(
        [QBWebConnectorSvc],
        tns=INTUIT_NS,
        name="QBWebConnectorSvc",
        in_protocol=Soap11(validator="lxml"),
        out_protocol=Soap11(),
    )
    return WsgiApplication(app, max_content_length=MAX_SOAP_BYTES)


@dataclass(frozen=True)
class DirectCall:
    """A sendRequestXML or receiveResponseXML call, its parameters as spyne would pass them."""

    operation: str
    params: dict[str, str]


# The two calls of every exchange of a message set, each carrying or answering up to a megabyte
# of qbXML: answered from the tree already parsed for safety, on the event loop. Spyne's second
# parse, its dispatch and the two thread hops cost about a millisecond a call. Anything but
# the plain form QBWC sends goes to spyne, which answers it as before.
_DIRECT: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "sendRequestXML": (
        (
            "ticket",
            "strHCPResponse",
            "strCompanyFileName",
            "qbXMLCountry",
            "qbXMLMajorVers",
            "qbXMLMinorVers",
        ),
        frozenset({"qbXMLMajorVers", "qbXMLMinorVers"}),
    ),
    "receiveResponseXML": (("ticket", "response", "hresult", "message"), frozenset()),
}
_INT32 = re.compile(r"-?[0-9]{1,10}")


def direct_call(root: Any, headers: Mapping[str, str]) -> DirectCall | None:
    """The call, when the request is in the plain form (the envelope's body holds one call of
    `_DIRECT`, its parameters as WSDL elements in WSDL order, each text only, the integers
    plain Int32, the SOAPAction naming the same call or none); None for anything else."""
    if not headers.get("content-type", "").startswith("text/xml"):
        return None
    if root.tag != f"{{{SOAP_ENV_NS}}}Envelope" or len(root) != 1 or root.attrib:
        return None
    body = root[0]
    if body.tag != f"{{{SOAP_ENV_NS}}}Body" or len(body) != 1 or body.attrib:
        return None
    call = body[0]
    tag = call.tag if isinstance(call.tag, str) else ""
    namespace, _, operation = tag[1:].partition("}")
    if namespace != INTUIT_NS or operation not in _DIRECT or call.attrib:
        return None
    action = headers.get("soapaction", "").strip().strip('"')
    if action not in ("", INTUIT_NS + operation):
        return None
    names, integers = _DIRECT[operation]
    params = dict.fromkeys(names, "")
    at = 0
    for child in call:
        name = child.tag[len(INTUIT_NS) + 2 :] if isinstance(child.tag, str) else ""
        if not child.tag.startswith(f"{{{INTUIT_NS}}}") or name not in names[at:]:
            return None  # unknown, repeated or out of order: spyne's validation decides
        if len(child) or child.attrib:
            return None
        at = names.index(name) + 1
        text = child.text or ""
        if name in integers:
            # spyne refuses more than 10 characters, sign included
            if len(text) > 10 or not _INT32.fullmatch(text) or not -(2**31) <= int(text) < 2**31:
                return None
            text = str(int(text))
        params[name] = text
    return DirectCall(operation, params)


async def answer_directly(service: WebConnectorService, call: DirectCall) -> bytes:
    """Run the call's use case and answer it as spyne does (the same bytes)."""
    p = call.params
    result: str | int
    if call.operation == "sendRequestXML":
        result = await service.send_request_xml(
            p["ticket"],
            p["strHCPResponse"],
            p["strCompanyFileName"],
            p["qbXMLMajorVers"],
            p["qbXMLMinorVers"],
        )
    else:
        result = await service.receive_response_xml(
            p["ticket"], p["response"], p["hresult"], p["message"]
        )
    envelope = etree.Element(
        f"{{{SOAP_ENV_NS}}}Envelope", nsmap={"soap11env": SOAP_ENV_NS, "tns": INTUIT_NS}
    )
    body = etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Body")
    answer = etree.SubElement(body, f"{{{INTUIT_NS}}}{call.operation}Response")
    etree.SubElement(answer, f"{{{INTUIT_NS}}}{call.operation}Result").text = str(result)
    document: bytes = etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")
    return document


def _fault(message: str, status: int = 500) -> Response:
    message = escape(message)
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        "<soap:Fault><faultcode>soap:Client</faultcode>"
        f"<faultstring>{message}</faultstring></soap:Fault></soap:Body></soap:Envelope>"
    )
    return Response(body, status_code=status, media_type="text/xml; charset=utf-8")


def soap_router(path: str, public_url: str, service: WebConnectorService) -> APIRouter:
    """GET and POST at exactly `path` (no redirect); the WSDL names `public_url`. The caller's
    address is the client's, as the server has it (behind a proxy the settings trust, from
    X-Forwarded-For: FORWARDED_ALLOW_IPS)."""
    wsgi = soap_application()
    public = urlparse(public_url)
    router = APIRouter(include_in_schema=False)

    def environ(request: Request, body: bytes) -> dict[str, Any]:
        return {
            "REQUEST_METHOD": request.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": public.path.rstrip("/") + path if public.path not in ("", "/") else path,
            "QUERY_STRING": request.url.query,
            "CONTENT_TYPE": request.headers.get("content-type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "SERVER_NAME": public.hostname or "localhost",
            "SERVER_PORT": str(public.port or (443 if public.scheme == "https" else 80)),
            "HTTP_HOST": public.netloc,
            "HTTP_SOAPACTION": request.headers.get("soapaction", ""),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": public.scheme,
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": io.StringIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            SERVICE_KEY: service,
            SOURCE_KEY: request.client.host if request.client else "unknown",
        }

    def run(env: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        result: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
            result["status"] = int(status.split(" ", 1)[0])
            result["headers"] = headers

        body = b"".join(wsgi(env, start_response))
        return result["status"], result["headers"], body

    async def forward(request: Request, body: bytes) -> Response:
        status, headers, content = await run_in_threadpool(run, environ(request, body))
        media = dict(headers).get("Content-Type", "text/xml; charset=utf-8")
        return Response(content, status_code=status, media_type=media)

    @router.get(path)
    async def describe(request: Request) -> Response:
        if "wsdl" in request.url.query.lower():
            return await forward(request, b"")
        return Response("CobaltConnect QuickBooks Web Connector service", media_type="text/plain")

    @router.post(path)
    async def call(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_SOAP_BYTES:
            return _fault(f"request larger than {MAX_SOAP_BYTES} bytes", 413)
        try:
            root = parse(body)  # refuse DTDs, entities and malformed XML before spyne sees them
        except UnsafeXml as exc:
            return _fault(f"malformed SOAP request: {exc}")
        direct = direct_call(root, request.headers)
        if direct is None:
            return await forward(request, body)
        try:
            answer = await answer_directly(service, direct)
        except ValueError:  # text XML cannot carry (lxml refuses it): a fault, as from spyne
            log.exception("the answer to %s could not be written", direct.operation)
            return _fault(f"the answer to {direct.operation} could not be written")
        return Response(answer, media_type="text/xml; charset=utf-8")

    return router
