"""Parsing QuickBooks' answers into typed results."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeAlias

from lxml import etree

from cobalt_qbxml.answer import ErrorRecovery, Linked, Response, ResponseSet, Ret, Status
from cobalt_qbxml.safe_xml import UnsafeXml, parse

__all__ = [
    "ErrorRecovery",
    "Response",
    "ResponseError",
    "ResponseSet",
    "Ret",
    "Status",
    "parse_response",
]

Element: TypeAlias = etree._Element
AMOUNT_TAGS = ("Amount", "AmountDue", "CreditAmount", "DepositTotal", "TotalAmount")


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
    if not rets and rs.find("TxnID") is not None:  # a TxnVoidRs holds its Ret's fields itself
        rets = [_ret(rs)]
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
        time_modified=_text(ret, "TimeModified"),
        time_deleted=_text(ret, "TimeDeleted"),
        txn_type=_text(ret, "TxnDelType"),
        is_paid=None if (paid := _text(ret, "IsPaid")) is None else paid == "true",
        linked=tuple(
            Linked(
                txn_id=_text(link, "TxnID") or "",
                txn_type=_text(link, "TxnType") or "",
                txn_date=_text(link, "TxnDate") or "",
                amount=_money(link, "Amount") or Decimal("0"),
            )
            for link in ret.findall("LinkedTxn")
        ),
    )


def _recovery(el: Element) -> ErrorRecovery:
    return ErrorRecovery(
        txn_id=_text(el, "TxnID"),
        list_id=_text(el, "ListID"),
        edit_sequence=_text(el, "EditSequence"),
        external_guid=_text(el, "ExternalGUID"),
    )
