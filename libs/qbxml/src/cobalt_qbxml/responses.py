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


# The Ret fields kept as QuickBooks wrote them, by the tag that holds each.
_TEXT_FIELDS = {
    "TxnID": "txn_id",
    "ListID": "list_id",
    "EditSequence": "edit_sequence",
    "TxnNumber": "txn_number",
    "RefNumber": "ref_number",
    "ExternalGUID": "external_guid",
    "TxnDate": "txn_date",
    "Name": "name",
    "FullName": "full_name",
    "AccountType": "account_type",
    "AccountNumber": "account_number",
    "TimeModified": "time_modified",
    "TimeDeleted": "time_deleted",
    "TxnDelType": "txn_type",
}
_ENTITY_TAGS = ("VendorRef", "PayeeEntityRef")
_BOOLEAN_TAGS = {"IsActive": "is_active", "IsPaid": "is_paid"}


def _ret(ret: Element) -> Ret:
    """One pass over the Ret's children (a set's answer holds hundreds of them): the first of
    a repeated tag counts, as `find` gives it."""
    fields: dict[str, object] = {}
    amounts: dict[str, Element] = {}
    entities: dict[str, Element] = {}
    linked: list[Linked] = []
    for child in ret:
        tag = child.tag
        if not isinstance(tag, str):  # comments and processing instructions have none
            continue
        name = _TEXT_FIELDS.get(tag)
        if name is not None:
            fields.setdefault(name, child.text)
        elif tag in AMOUNT_TAGS:
            amounts.setdefault(tag, child)
        elif tag == "OpenAmount":
            fields.setdefault("open_amount", _decimal(child.text))
        elif tag in _ENTITY_TAGS:
            entities.setdefault(tag, child)
        elif tag in _BOOLEAN_TAGS:
            text = child.text
            fields.setdefault(_BOOLEAN_TAGS[tag], None if text is None else text == "true")
        elif tag == "LinkedTxn":
            linked.append(_linked(child))
    amount = next(
        (m for t in AMOUNT_TAGS if t in amounts and (m := _decimal(amounts[t].text)) is not None),
        None,
    )
    entity = next((_text(entities[t], "FullName") for t in _ENTITY_TAGS if t in entities), None)
    return Ret(
        tag=str(ret.tag),
        amount=amount,
        entity_name=entity,
        linked=tuple(linked),
        **fields,  # type: ignore[arg-type]
    )


def _linked(link: Element) -> Linked:
    return Linked(
        txn_id=_text(link, "TxnID") or "",
        txn_type=_text(link, "TxnType") or "",
        txn_date=_text(link, "TxnDate") or "",
        amount=_money(link, "Amount") or Decimal("0"),
    )


def _recovery(el: Element) -> ErrorRecovery:
    return ErrorRecovery(
        txn_id=_text(el, "TxnID"),
        list_id=_text(el, "ListID"),
        edit_sequence=_text(el, "EditSequence"),
        external_guid=_text(el, "ExternalGUID"),
    )
