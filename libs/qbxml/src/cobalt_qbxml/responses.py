"""Parsing QuickBooks' answers into typed results."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TypeAlias

from lxml import etree

from cobalt_qbxml.safe_xml import UnsafeXml, parse

Element: TypeAlias = etree._Element
AMOUNT_TAGS = ("Amount", "AmountDue", "CreditAmount", "DepositTotal", "TotalAmount")


@dataclass(frozen=True)
class Status:
    """The status QuickBooks gave one request."""

    code: int
    severity: str
    message: str

    @property
    def ok(self) -> bool:
        """Succeeded (0) or a query that matched nothing (1): neither is an error."""
        return self.code in (0, 1) and self.severity != "Error"


@dataclass(frozen=True)
class Ret:
    """The fields the product needs from one `*Ret` (a transaction or a list object)."""

    tag: str
    txn_id: str | None = None
    list_id: str | None = None
    edit_sequence: str | None = None
    txn_number: str | None = None
    ref_number: str | None = None
    external_guid: str | None = None
    txn_date: str | None = None
    name: str | None = None
    full_name: str | None = None
    account_type: str | None = None
    account_number: str | None = None
    is_active: bool | None = None
    amount: Decimal | None = None
    open_amount: Decimal | None = None
    entity_name: str | None = None


@dataclass(frozen=True)
class ErrorRecovery:
    """What an earlier message set created, as QuickBooks remembers it."""

    txn_id: str | None
    list_id: str | None
    edit_sequence: str | None
    external_guid: str | None


@dataclass(frozen=True)
class Response:
    """One `*Rs`: its request id, status, results and iterator state."""

    tag: str
    request_id: str | None
    status: Status
    rets: list[Ret] = field(default_factory=list)
    error_recovery: ErrorRecovery | None = None
    iterator_id: str | None = None
    iterator_remaining: int | None = None
    ret_count: int | None = None

    @property
    def kind(self) -> str:
        """The request kind, e.g. 'BillAdd' for a BillAddRs."""
        return self.tag.removesuffix("Rs")


@dataclass(frozen=True)
class ResponseSet:
    """A whole QBXMLMsgsRs."""

    responses: list[Response]
    message_set_status_code: int | None = None
    new_message_set_id: str | None = None
    error_recovery: ErrorRecovery | None = None

    def by_request_id(self) -> dict[str, Response]:
        return {r.request_id: r for r in self.responses if r.request_id is not None}


class ResponseError(ValueError):
    """A response document we cannot read."""


def parse_response(document: bytes | str) -> ResponseSet:
    """Parse QuickBooks' response document (safely: no entities, no DTD, bounded)."""
    try:
        root = parse(document)
    except UnsafeXml as exc:
        raise ResponseError(str(exc)) from None
    msgs = root.find("QBXMLMsgsRs") if root.tag == "QBXML" else None
    if msgs is None:
        raise ResponseError("not a qbXML response: no QBXML/QBXMLMsgsRs element")
    responses = []
    recovery = None
    for child in msgs:
        if child.tag == "ErrorRecovery":
            recovery = _recovery(child)
        elif str(child.tag).endswith("Rs"):
            responses.append(_response(child))
    code = msgs.get("messageSetStatusCode")
    return ResponseSet(
        responses=responses,
        message_set_status_code=int(code) if code and code.lstrip("-").isdigit() else None,
        new_message_set_id=msgs.get("newMessageSetID"),
        error_recovery=recovery,
    )


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.strip().lstrip("-").isdigit() else None


def _response(rs: Element) -> Response:
    code = _int(rs.get("statusCode"))
    status = Status(
        code=code if code is not None else -1,
        severity=rs.get("statusSeverity", "Error"),
        message=rs.get("statusMessage", ""),
    )
    rets = [_ret(c) for c in rs if str(c.tag).endswith("Ret")]
    recovery = rs.find("ErrorRecovery")
    return Response(
        tag=str(rs.tag),
        request_id=rs.get("requestID"),
        status=status,
        rets=rets,
        error_recovery=_recovery(recovery) if recovery is not None else None,
        iterator_id=rs.get("iteratorID"),
        iterator_remaining=_int(rs.get("iteratorRemainingCount")),
        ret_count=_int(rs.get("retCount")),
    )


def _text(el: Element, path: str) -> str | None:
    found = el.find(path)
    return found.text if found is not None else None


def _money(el: Element, tag: str) -> Decimal | None:
    text = _text(el, tag)
    try:
        return Decimal(text) if text is not None else None
    except InvalidOperation:
        return None


def _ret(ret: Element) -> Ret:
    active = _text(ret, "IsActive")
    amount = next((m for t in AMOUNT_TAGS if (m := _money(ret, t)) is not None), None)
    entity = next(
        (
            _text(ret, f"{t}/FullName")
            for t in ("VendorRef", "PayeeEntityRef")
            if ret.find(t) is not None
        ),
        None,
    )
    return Ret(
        tag=str(ret.tag),
        txn_id=_text(ret, "TxnID"),
        list_id=_text(ret, "ListID"),
        edit_sequence=_text(ret, "EditSequence"),
        txn_number=_text(ret, "TxnNumber"),
        ref_number=_text(ret, "RefNumber"),
        external_guid=_text(ret, "ExternalGUID"),
        txn_date=_text(ret, "TxnDate"),
        name=_text(ret, "Name"),
        full_name=_text(ret, "FullName"),
        account_type=_text(ret, "AccountType"),
        account_number=_text(ret, "AccountNumber"),
        is_active=None if active is None else active == "true",
        amount=amount,
        open_amount=_money(ret, "OpenAmount"),
        entity_name=entity,
    )


def _recovery(el: Element) -> ErrorRecovery:
    return ErrorRecovery(
        txn_id=_text(el, "TxnID"),
        list_id=_text(el, "ListID"),
        edit_sequence=_text(el, "EditSequence"),
        external_guid=_text(el, "ExternalGUID"),
    )
