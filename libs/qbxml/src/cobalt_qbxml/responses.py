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
_ANSWER_OPEN = '<?xml version="1.0" ?><QBXML><QBXMLMsgsRs>'
_ANSWER_CLOSE = "</QBXMLMsgsRs></QBXML>"
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
    alone = etree.tostring(rs, encoding="unicode", with_tail=False)
    return Response(
        tag=str(rs.tag),
        request_id=rs.get("requestID"),
        status=status,
        rets=rets,
        error_recovery=_recovery(recovery) if recovery is not None else None,
        iterator_id=rs.get("iteratorID"),
        iterator_remaining=_int(rs.get("iteratorRemainingCount")),
        ret_count=_int(rs.get("retCount")),
        document=f"{_ANSWER_OPEN}{alone}{_ANSWER_CLOSE}",
    )


def _text(el: Element, path: str) -> str | None:
    found = el.find(path)
    return found.text if found is not None else None


def _money(el: Element, tag: str) -> Decimal | None:
    return _decimal(_text(el, tag))


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text is not None else None
    except InvalidOperation:
        return None


def _children(el: Element) -> dict[str, Element]:
    """Each direct child by its tag (the first of a repeated one, as `find` gives it): a Ret
    is read field by field, and one pass over its children beats a search per field."""
    found: dict[str, Element] = {}
    for child in el:
        if isinstance(child.tag, str):  # comments and processing instructions have none
            found.setdefault(child.tag, child)
    return found


def _of(children: dict[str, Element], tag: str) -> str | None:
    found = children.get(tag)
    return found.text if found is not None else None


def _ret(ret: Element) -> Ret:
    fields = _children(ret)
    active = _of(fields, "IsActive")
    paid = _of(fields, "IsPaid")
    amount = next((m for t in AMOUNT_TAGS if (m := _decimal(_of(fields, t))) is not None), None)
    entity = next(
        (
            _text(ref, "FullName")
            for t in ("VendorRef", "PayeeEntityRef")
            if (ref := fields.get(t)) is not None
        ),
        None,
    )
    return Ret(
        tag=str(ret.tag),
        txn_id=_of(fields, "TxnID"),
        list_id=_of(fields, "ListID"),
        edit_sequence=_of(fields, "EditSequence"),
        txn_number=_of(fields, "TxnNumber"),
        ref_number=_of(fields, "RefNumber"),
        external_guid=_of(fields, "ExternalGUID"),
        txn_date=_of(fields, "TxnDate"),
        name=_of(fields, "Name"),
        full_name=_of(fields, "FullName"),
        account_type=_of(fields, "AccountType"),
        account_number=_of(fields, "AccountNumber"),
        is_active=None if active is None else active == "true",
        amount=amount,
        open_amount=_decimal(_of(fields, "OpenAmount")),
        entity_name=entity,
        time_modified=_of(fields, "TimeModified"),
        time_deleted=_of(fields, "TimeDeleted"),
        txn_type=_of(fields, "TxnDelType"),
        is_paid=None if paid is None else paid == "true",
        linked=tuple(
            Linked(
                txn_id=_text(link, "TxnID") or "",
                txn_type=_text(link, "TxnType") or "",
                txn_date=_text(link, "TxnDate") or "",
                amount=_money(link, "Amount") or Decimal("0"),
            )
            for link in ret.iterchildren("LinkedTxn")
        ),
    )


def _recovery(el: Element) -> ErrorRecovery:
    return ErrorRecovery(
        txn_id=_text(el, "TxnID"),
        list_id=_text(el, "ListID"),
        edit_sequence=_text(el, "EditSequence"),
        external_guid=_text(el, "ExternalGUID"),
    )
