"""Parsed QuickBooks answer -> what happened to each entry: pure, one event per entry."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from cobalt_qbwc_gateway.domain.entry import Entry
from cobalt_qbwc_gateway.domain.events import (
    AnswerLost,
    Busy,
    CheckFailed,
    Event,
    FoundBeforeStart,
    Made,
    NameTaken,
    NotFoundBeforeStart,
    Refused,
    RefusedWhole,
    Reread,
    SetForgotten,
    Stale,
)
from cobalt_qbwc_gateway.domain.posting import CHANGES, EntryKind
from cobalt_qbxml.answer import Response, ResponseSet
from cobalt_qbxml.status import explain_hresult, explain_status
from cobalt_qbxml.values import name_key

RETRY_DELAY = timedelta(minutes=1)
STALE = 3200  # EditSequence out of date: the record changed after it was read
NOT_PROCESSED = 3231  # an earlier request of the set failed, so QuickBooks skipped this one


def written(entry: Entry, answer: ResponseSet, now: datetime) -> Event:
    """What became of an entry sent in a write set (or asked about by error recovery)."""
    if answer.message_set_status_code not in (None, 0):
        # QuickBooks does not remember that set: it may never have reached it, or its memory
        # of it is gone. A query for our ExternalGUID settles it before anything is resent.
        return SetForgotten()
    rs = answer.for_request(str(entry.id))
    if rs is None or rs.status.code == NOT_PROCESSED:
        return AnswerLost("QuickBooks did not process it")
    if rs.status.ok:
        recovery = rs.error_recovery
        ret = rs.rets[0] if rs.rets else None
        txn_id = (recovery.txn_id or recovery.list_id if recovery else None) or (
            (ret.txn_id or ret.list_id) if ret else None
        )
        edit = (recovery.edit_sequence if recovery else None) or (
            ret.edit_sequence if ret else None
        )
        return Made(txn_id, edit, rs.document)
    if entry.kind is EntryKind.VENDOR and rs.status.code == 3100:
        return NameTaken(rs.document)
    if entry.kind in CHANGES and rs.status.code == STALE:
        if entry.edit_sequence is None:  # sent at the EditSequence known before: read again
            return Stale(rs.document)
        return Refused(  # read again once already, and still changed meanwhile
            str(STALE),
            f"{explain_status(STALE).title}: the {entry.kind.label.removesuffix(' correction')} "
            "was changed in QuickBooks again while CobaltConnect was correcting it. Press Retry "
            "to read it again and send the correction.",
            rs.document,
        )
    explained = explain_status(rs.status.code)
    if explained.retry_helps:
        return Busy(rs.status.message or explained.title, now + RETRY_DELAY)
    return Refused(
        str(rs.status.code),
        explained.render(qb_message=rs.status.message, vendor=_vendor(entry)),
        rs.document,
    )


def refused_whole(hresult: str, message: str, set_size: int) -> RefusedWhole:
    """QuickBooks refused the whole document: nothing in it was written."""
    explained = explain_hresult(hresult)
    return RefusedWhole(explained.render(qb_message=message), hresult or "unknown", set_size == 1)


def checked(entry: Entry, rs: Response | None, now: datetime) -> Event:
    """The answer to a verification query: found by our ExternalGUID, or certainly absent."""
    if rs is None or not rs.status.ok:
        reason = rs.status.message if rs is not None else "no answer to the query"
        return CheckFailed(reason or "QuickBooks refused the query", now + RETRY_DELAY)
    if entry.kind in CHANGES:  # what it changes, read again by TxnID
        if not rs.rets:
            what = entry.kind.label.removesuffix(" correction")
            return Refused(
                "missing",
                f"The {what} it corrects is no longer in QuickBooks (deleted there), so it "
                "cannot be corrected. Record the order again if it is still owed.",
                rs.document,
            )
        return Reread(rs.rets[0].edit_sequence, rs.document)
    ret = next((r for r in rs.rets if _guid(r.external_guid) == entry.id), None)
    if entry.kind is EntryKind.VENDOR and ret is None and rs.rets:
        ret = rs.rets[0]  # the name is a vendor in QuickBooks: link it, never add it twice
    if ret is not None:
        return Made(ret.txn_id or ret.list_id, ret.edit_sequence, rs.document)
    if entry.kind is EntryKind.VENDOR and entry.error_code == "3100":
        # Its add met an existing name, yet no vendor has it: another kind of record does.
        explanation = explain_status(3100).render(vendor=_vendor(entry))
        return Refused("3100", explanation, rs.document)
    return AnswerLost("QuickBooks has no record of it")


def looked_up(entry: Entry, rs: Response | None, now: datetime) -> Event:
    """Before the start date: is this bill or credit (vendor + invoice number) in QuickBooks?"""
    if rs is None or not rs.status.ok:
        reason = rs.status.message if rs is not None else "no answer to the lookup"
        return CheckFailed(reason or "QuickBooks refused the lookup", now + RETRY_DELAY)
    vendor = name_key(_vendor(entry))
    for ret in rs.rets:
        if name_key(ret.entity_name or "") == vendor:
            return FoundBeforeStart(ret.txn_id, ret.edit_sequence, rs.document)
    return NotFoundBeforeStart(rs.document)


def vendors_found(rs: Response | None) -> dict[str, tuple[str, str]] | None:
    """Vendor lookup: name key -> (ListID, the name QuickBooks has); None if it failed."""
    if rs is None or not rs.status.ok:
        return None
    return {
        name_key(ret.name or ret.full_name or ""): (ret.list_id, ret.name or ret.full_name or "")
        for ret in rs.rets
        if ret.list_id
    }


def _vendor(entry: Entry) -> str:
    payload = entry.payload
    return str(getattr(payload, "vendor_name", None) or "the vendor")


def _guid(text: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID((text or "").strip("{}"))
    except ValueError:
        return None
