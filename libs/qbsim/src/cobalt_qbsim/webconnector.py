"""A simulated QuickBooks Web Connector: one update session at a time, or on a schedule.

It calls the gateway over real HTTP in QBWC 2.x's order (serverVersion, clientVersion,
authenticate, then sendRequestXML/receiveResponseXML until done, closeConnection), hands each
request document to the simulated QuickBooks, and honours every answer the protocol allows.
Faults can be injected to prove the gateway never loses or duplicates an entry.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from cobalt_qbsim.processor import QuickBooksError, SimulatedQuickBooks
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.soap import SoapClient, SoapFault

log = logging.getLogger(__name__)
CLIENT_VERSION = "2.3.0.215"
MAX_NOOPS = 12
MAX_CONNECTION_RETRIES = 2


@dataclass
class Faults:
    """What can go wrong on the merchant's PC. Each fault fires as described, then stays off
    unless `persistent` is set."""

    # QuickBooks processes the Nth request document (1-based) but the gateway never hears
    # back: the Web Connector dies before receiveResponseXML.
    lose_response_of_document: int | None = None
    # The Web Connector dies right after this call returns (e.g. "sendRequestXML").
    die_after: str | None = None
    quickbooks_not_running: bool = False
    slow_quickbooks_seconds: float = 0.0
    # Another company file is open (its FileID differs from the .qwc's).
    other_company_file: bool = False
    persistent: bool = False


@dataclass
class UpdateResult:
    """How one update session ended, as QBWC's status column would show it."""

    outcome: str  # done, no work, busy, invalid user, error, died, client refused
    message: str = ""
    documents: int = 0
    postpone_seconds: int | None = None
    calls: list[str] = field(default_factory=list)
    percents: list[int] = field(default_factory=list)  # receiveResponseXML's answers, in order


class _Died(Exception):
    pass


class SimulatedWebConnector:
    """The Web Connector on one merchant PC, registered with one .qwc file."""

    def __init__(
        self,
        qwc: QwcFile,
        password: str,
        quickbooks: SimulatedQuickBooks,
        *,
        http: httpx.Client | None = None,
        faults: Faults | None = None,
        noop_wait_seconds: float = 5.0,
        company_file_path: str = r"C:\Users\Public\Documents\Intuit\QuickBooks\Company.QBW",
        client_version: str = CLIENT_VERSION,
    ) -> None:
        self.qwc = qwc
        self.password = password
        self.quickbooks = quickbooks
        self.faults = faults or Faults()
        self.noop_wait_seconds = noop_wait_seconds
        self.company_file_path = company_file_path
        self.client_version = client_version
        self.soap = SoapClient(qwc.app_url, http)
        self.history: list[UpdateResult] = []
        self._documents_sent = 0
        self._other_file_id = "{" + str(uuid.uuid4()).upper() + "}"

    # ----------------------------------------------------------------- one session
    def update(self) -> UpdateResult:
        """One update, as when the user presses "Update Selected"."""
        start = len(self.soap.calls)
        try:
            result = self._session()
        except _Died:
            result = UpdateResult("died", "the Web Connector stopped mid-update")
        except (SoapFault, httpx.HTTPError) as exc:
            result = UpdateResult("error", f"QBWC could not talk to the service: {exc}")
        result.calls = [c.method for c in self.soap.calls[start:]]
        if not self.faults.persistent and result.outcome == "died":
            self.faults = Faults()
        self.history.append(result)
        log.info("update finished: %s %s", result.outcome, result.message)
        return result

    def _call_text(self, method: str, **params: str | int) -> str:
        text = self.soap.result_text(method, **params)
        self._maybe_die(method)
        return text

    def _maybe_die(self, method: str) -> None:
        if self.faults.die_after == method:
            raise _Died

    def _session(self) -> UpdateResult:
        self._call_text("serverVersion")
        answer = self._call_text("clientVersion", strVersion=self.client_version)
        if answer.startswith("E:"):
            return UpdateResult("client refused", answer[2:])
        if answer.startswith("O:"):
            return UpdateResult("client refused", f"version {answer[2:]} or later is required")
        if answer.startswith("W:"):
            log.warning("service warns: %s (the user chose to go on)", answer[2:])
        auth = self.soap.result_strings(
            "authenticate", strUserName=self.qwc.user_name, strPassword=self.password
        )
        self._maybe_die("authenticate")
        ticket = auth[0] if auth else ""
        status = auth[1] if len(auth) > 1 else ""
        postpone = int(auth[2]) if len(auth) > 2 and auth[2].strip().isdigit() else None
        if status == "nvu":
            return UpdateResult("invalid user", "the user name or password is not valid")
        if status == "none":
            return UpdateResult("no work", "no data to exchange", postpone_seconds=postpone)
        if status == "busy":
            return UpdateResult("busy", "the service is busy", postpone_seconds=postpone)
        company_path = status or self.company_file_path
        if not self._open_quickbooks(ticket):
            return UpdateResult("error", "QuickBooks could not be opened")
        return self._exchange(ticket, company_path)

    def _open_quickbooks(self, ticket: str) -> bool:
        """Open QuickBooks; on failure tell the service, which may name a file to retry."""
        for _ in range(MAX_CONNECTION_RETRIES + 1):
            if not self.faults.quickbooks_not_running:
                return True
            answer = self._call_text(
                "connectionError",
                ticket=ticket,
                hresult="0x80040408",
                message="Could not start QuickBooks.",
            )
            if answer == "done":
                break
        self._call_text("closeConnection", ticket=ticket)
        return False

    def _exchange(self, ticket: str, company_path: str) -> UpdateResult:
        hcp = self._hcp_response()
        first = True
        documents = 0
        noops = 0
        percents: list[int] = []
        major, minor = self._qbxml_version()
        while True:
            request = self._call_text(
                "sendRequestXML",
                ticket=ticket,
                strHCPResponse=hcp if first else "",
                strCompanyFileName=company_path,
                qbXMLCountry="US",
                qbXMLMajorVers=major,
                qbXMLMinorVers=minor,
            )
            first = False
            if request == "":
                error = self._call_text("getLastError", ticket=ticket)
                if error == "NoOp" and noops < MAX_NOOPS:
                    noops += 1
                    time.sleep(self.noop_wait_seconds)
                    continue
                message = self._call_text("closeConnection", ticket=ticket)
                outcome = "done" if error in ("", "NoOp") else "error"
                return UpdateResult(outcome, error or message, documents, percents=percents)
            response, hresult, message = self._quickbooks(request)
            documents += 1
            self._documents_sent += 1
            if self.faults.lose_response_of_document == self._documents_sent:
                raise _Died  # QuickBooks did the work; the service never hears of it
            percent = self.soap.result_int(
                "receiveResponseXML",
                ticket=ticket,
                response=response,
                hresult=hresult,
                message=message,
            )
            self._maybe_die("receiveResponseXML")
            percents.append(percent)
            if percent < 0:
                error = self._call_text("getLastError", ticket=ticket)
                self._call_text("closeConnection", ticket=ticket)
                return UpdateResult("error", error, documents, percents=percents)
            if percent >= 100:
                closing = self._call_text("closeConnection", ticket=ticket)
                return UpdateResult("done", closing, documents, percents=percents)

    def _quickbooks(self, request: str) -> tuple[str, str, str]:
        if self.faults.slow_quickbooks_seconds:
            time.sleep(self.faults.slow_quickbooks_seconds)
        try:
            return self.quickbooks.process(request), "", ""
        except QuickBooksError as exc:
            return "", exc.hresult, exc.message

    def _qbxml_version(self) -> tuple[str, str]:
        return "16", "0"  # the highest qbXML version this QuickBooks supports

    def _hcp_response(self) -> str:
        """HostQuery, CompanyQuery (with the FileID stored for our OwnerID) as QBWC sends them."""
        company = self.quickbooks.company
        owner = self.qwc.owner_id.upper()
        if self.faults.other_company_file:
            stored = self._other_file_id
        else:
            # QBWC writes the .qwc's FileID into the company file on first connect.
            stored = company.data_ext.setdefault(owner, self.qwc.file_id)
            company.save()
        document = (
            '<?xml version="1.0" ?><?qbxml version="13.0"?>'
            '<QBXML><QBXMLMsgsRq onError="stopOnError">'
            '<HostQueryRq requestID="0"/>'
            f'<CompanyQueryRq requestID="1"><OwnerID>{owner}</OwnerID></CompanyQueryRq>'
            "</QBXMLMsgsRq></QBXML>"
        )
        if self.faults.other_company_file:
            saved = dict(company.data_ext)
            company.data_ext[owner] = stored
            try:
                return self.quickbooks.process(document)
            finally:
                company.data_ext.clear()
                company.data_ext.update(saved)
        return self.quickbooks.process(document)

    # ----------------------------------------------------------------- schedule
    def run(
        self,
        stop: threading.Event,
        interval_seconds: float | None = None,
        wake: threading.Event | None = None,
        report: Callable[[UpdateResult], None] = lambda _r: None,
    ) -> None:
        """Update on the .qwc schedule (or every `interval_seconds`) until `stop` is set; `wake`
        set from outside forces an update at once (as "Update Selected" does)."""
        interval = interval_seconds or 60.0 * (self.qwc.run_every_minutes or 10)
        wake = wake or threading.Event()
        while not stop.is_set():
            report(self.update())
            wait = max(interval, float(self.history[-1].postpone_seconds or 0))
            wake.wait(wait)
            wake.clear()
