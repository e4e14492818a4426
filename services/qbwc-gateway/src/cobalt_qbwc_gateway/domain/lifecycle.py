"""An entry's life as one table: every state x every event moves to a defined state or is
refused with a reason (`NotAllowed`). Tested cell by cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from cobalt_qbwc_gateway.domain.entry import (
    READY_DETAIL,
    UNSENT,
    Entry,
    EntryState,
    NotAllowed,
    refusal,
)
from cobalt_qbwc_gateway.domain.events import (
    AnswerLost,
    Busy,
    Cancelled,
    CheckFailed,
    Event,
    FoundBeforeStart,
    Made,
    MappingChanged,
    NameTaken,
    NotFoundBeforeStart,
    PrerequisiteChanged,
    ReadAll,
    Reevaluation,
    Refused,
    RefusedWhole,
    Reread,
    Retried,
    Sent,
    SetForgotten,
    Stale,
    StartDateChanged,
    Unbuildable,
)
from cobalt_qbwc_gateway.domain.outcomes import STALE
from cobalt_qbwc_gateway.domain.waiting import BEFORE_START, derive

Rule = Callable[[Entry, Event, datetime], Entry]


def apply(entry: Entry, event: Event, now: datetime) -> Entry:
    """The entry after `event`; NotAllowed (with the reason) when the table refuses it."""
    rule = TABLE.get((entry.state, type(event)))
    if rule is None:
        raise NotAllowed(refusal(entry.state, retry=isinstance(event, Retried)))
    return rule(entry, event, now)


# ----------------------------------------------------------------------------- rules
def _rederive(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Reevaluation)
    derived = derive(entry, event.facts)
    if (derived.state, derived.detail, derived.error_code) == (
        entry.state,
        entry.detail,
        entry.error_code,
    ):
        return entry
    return replace(
        entry,
        state=derived.state,
        detail=derived.detail,
        error_code=derived.error_code,
        updated_at=now,
        send_alone=False if isinstance(event, Retried) else entry.send_alone,
        # Retried, a correction reads what it changes afresh (an unsent entry has no other).
        edit_sequence=None if isinstance(event, Retried) else entry.edit_sequence,
    )


def _revive(entry: Entry, event: Event, now: datetime) -> Entry:
    """A start-date change: what was before it may no longer be, and the other way round."""
    if entry.state is EntryState.CANCELLED and entry.error_code != BEFORE_START:
        raise NotAllowed("the entry was withdrawn by the service that asked for it")
    assert isinstance(event, StartDateChanged)
    if entry.state is EntryState.FAILED:
        # A failure stays until Retry, unless the entry is now before the start date.
        before = derive(entry, event.facts).state
        if before not in (EntryState.LOOKING_UP, EntryState.CANCELLED):
            return entry
    return _rederive(entry, event, now)


def _sent(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Sent)
    return replace(
        entry,
        state=EntryState.SENT,
        detail="Sent to QuickBooks; waiting for its answer.",
        request_xml=event.request_xml,
        message_set_id=event.message_set_id,
        updated_at=now,
        not_before=None,
    )


def _made(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Made)
    return replace(
        entry,
        state=EntryState.SYNCED,
        detail=event.detail,
        txn_id=event.txn_id,
        edit_sequence=event.edit_sequence,
        response_xml=event.response_xml or entry.response_xml,
        error_code=None,
        not_before=None,
        updated_at=now,
    )


def _read(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, ReadAll)
    return replace(
        entry,
        state=EntryState.SYNCED,
        detail=event.detail,
        response_xml=event.response_xml,
        error_code=None,
        updated_at=now,
    )


def _failed(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Refused | Unbuildable | RefusedWhole)
    response = event.response_xml if isinstance(event, Refused) else entry.response_xml
    return replace(
        entry,
        state=EntryState.FAILED,
        detail=event.explanation,
        error_code=event.code,
        response_xml=response,
        updated_at=now,
    )


def _busy(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Busy)
    detail = f"QuickBooks was busy ({event.reason}); it is sent again at a later update."
    return replace(
        entry, state=EntryState.READY, detail=detail, not_before=event.not_before, updated_at=now
    )


def _lost(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, AnswerLost)
    detail = f"{READY_DETAIL} ({event.reason})"
    return replace(entry, state=EntryState.READY, detail=detail, updated_at=now)


def _check(entry: Entry, event: Event, now: datetime) -> Entry:
    detail = (
        "QuickBooks has no record of the message set it was sent in; checking whether it "
        "arrived before sending it again."
    )
    code = entry.error_code
    response = entry.response_xml
    if isinstance(event, NameTaken):
        detail = "QuickBooks already has a record of this name; checking whether it is a vendor."
        code, response = "3100", event.response_xml
    return replace(
        entry,
        state=EntryState.CHECKING,
        detail=detail,
        error_code=code,
        response_xml=response,
        updated_at=now,
    )


def _stale(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Stale)
    what = entry.kind.label.removesuffix(" correction")
    return replace(
        entry,
        state=EntryState.CHECKING,
        detail=f"The {what} was changed in QuickBooks after CobaltConnect read it; it is read "
        "again, then the correction is sent once more.",
        error_code=str(STALE),
        response_xml=event.response_xml,
        updated_at=now,
    )


def _reread(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Reread)
    return replace(
        entry,
        state=EntryState.READY,
        detail=f"{READY_DETAIL} (read again from QuickBooks for its current version)",
        edit_sequence=event.edit_sequence,
        response_xml=event.response_xml,
        not_before=None,
        updated_at=now,
    )


def _alone(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, RefusedWhole)
    if event.alone or entry.send_alone:
        return _failed(entry, event, now)
    detail = (
        f"QuickBooks refused the whole set it was in ({event.explanation}); it is sent again "
        "on its own, so only an entry QuickBooks refuses fails."
    )
    return replace(entry, state=EntryState.READY, detail=detail, send_alone=True, updated_at=now)


def _found(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, FoundBeforeStart)
    return replace(
        entry,
        state=EntryState.IN_QUICKBOOKS_BEFORE_START,
        detail="In QuickBooks before the start date: linked to that transaction (payments "
        "can apply to it).",
        txn_id=event.txn_id,
        edit_sequence=event.edit_sequence,
        response_xml=event.response_xml,
        error_code=None,
        not_before=None,
        updated_at=now,
    )


def _not_found(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, NotFoundBeforeStart)
    return replace(
        entry,
        state=EntryState.CANCELLED,
        detail=f"Not in QuickBooks (dated {entry.txn_date.isoformat()}, before the start date): "
        "it is not sent, and it cannot be paid through CobaltConnect.",
        error_code=BEFORE_START,
        response_xml=event.response_xml,
        updated_at=now,
    )


def _check_failed(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, CheckFailed)
    detail = f"{entry.detail.split(' The last check failed')[0]} The last check failed "
    detail += f"({event.reason}); it is asked again at a later update."
    return replace(entry, detail=detail, not_before=event.not_before, updated_at=now)


def _cancelled(entry: Entry, event: Event, now: datetime) -> Entry:
    assert isinstance(event, Cancelled)
    return replace(
        entry, state=EntryState.CANCELLED, detail=event.reason, error_code=None, updated_at=now
    )


WAIT = EntryState.WAITING_FOR_MAPPING, EntryState.WAITING_FOR_PREREQUISITE
TABLE: dict[tuple[EntryState, type], Rule] = {
    **{(s, MappingChanged): _rederive for s in UNSENT},
    **{(s, PrerequisiteChanged): _rederive for s in UNSENT},
    **{(s, StartDateChanged): _revive for s in (*UNSENT, EntryState.FAILED)},
    (EntryState.LOOKING_UP, StartDateChanged): _revive,
    (EntryState.CANCELLED, StartDateChanged): _revive,
    **{(s, Cancelled): _cancelled for s in (*UNSENT, EntryState.FAILED, EntryState.LOOKING_UP)},
    (EntryState.READY, Sent): _sent,
    (EntryState.READY, Unbuildable): _failed,
    (EntryState.READY, ReadAll): _read,
    **{(s, Unbuildable): _failed for s in WAIT},
    (EntryState.SENT, Made): _made,
    (EntryState.SENT, Refused): _failed,
    (EntryState.SENT, Busy): _busy,
    (EntryState.SENT, NameTaken): _check,
    (EntryState.SENT, Stale): _stale,
    (EntryState.CHECKING, Reread): _reread,
    (EntryState.SENT, AnswerLost): _lost,
    (EntryState.SENT, SetForgotten): _check,
    (EntryState.SENT, RefusedWhole): _alone,
    (EntryState.CHECKING, Made): _made,
    (EntryState.CHECKING, Refused): _failed,
    (EntryState.CHECKING, AnswerLost): _lost,
    (EntryState.CHECKING, CheckFailed): _check_failed,
    (EntryState.LOOKING_UP, FoundBeforeStart): _found,
    (EntryState.LOOKING_UP, NotFoundBeforeStart): _not_found,
    (EntryState.LOOKING_UP, CheckFailed): _check_failed,
    (EntryState.LOOKING_UP, Unbuildable): _failed,
    (EntryState.FAILED, Retried): _rederive,
}
