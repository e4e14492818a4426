# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""The entry's state table, cell by cell: no database, no NATS, no clock but a fixed one."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from cobalt_qbwc_gateway.domain.entry import FINAL, Entry, EntryState, NotAllowed
from cobalt_qbwc_gateway.domain.events import (
    EVENTS,
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
from cobalt_qbwc_gateway.domain.facts import Facts, Prerequisite, VendorLink, VendorState
from cobalt_qbwc_gateway.domain.lifecycle import TABLE, apply
from cobalt_qbwc_gateway.domain.posting import (
    BillPaid,
    EntryKind,
    Posting,
    PostingLine,
)
from cobalt_qbwc_gateway.domain.waiting import BEFORE_START, PREREQUISITE_GRACE, derive

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
MERCHANT = uuid.uuid4()
S = EntryState

FACTS = Facts(
    now=NOW,
    account_names={"purchases:beer": "Purchases:Beer", "operating-account": "Operating Account"},
    vendors={"acme": VendorLink("Acme", VendorState.LINKED, "80000001-1", "Acme")},
    start_date=date(2026, 11, 1),
)
SAMPLES: dict[type, Event] = {
    MappingChanged: MappingChanged(FACTS),
    PrerequisiteChanged: PrerequisiteChanged(FACTS),
    StartDateChanged: StartDateChanged(FACTS),
    Sent: Sent("<BillAddRq/>", "set-1"),
    Made: Made("TXN-1", "1", "<answer/>"),
    Refused: Refused("3140", "The account is gone. Remap it, then retry.", "<answer/>"),
    Busy: Busy("record in use", NOW + timedelta(minutes=1)),
    NameTaken: NameTaken("<answer/>"),
    Stale: Stale("<answer/>"),
    Reread: Reread("7", "<answer/>"),
    AnswerLost: AnswerLost("QuickBooks did not process it"),
    SetForgotten: SetForgotten(),
    RefusedWhole: RefusedWhole("The request was malformed.", "0x80040400", False),
    FoundBeforeStart: FoundBeforeStart("TXN-OLD", "3", "<answer/>"),
    NotFoundBeforeStart: NotFoundBeforeStart("<answer/>"),
    CheckFailed: CheckFailed("QuickBooks is busy", NOW + timedelta(minutes=1)),
    Unbuildable: Unbuildable("invalid", "QuickBooks would refuse it: too long."),
    ReadAll: ReadAll("Read 12 QuickBooks accounts.", "<answer/>"),
    Retried: Retried(FACTS),
    Cancelled: Cancelled("The order was cancelled."),
}

# The whole table as a reader should see it: each event (rows), each state (columns), where
# it goes; "-" is refused with a reason. The entry is a mapped bill of a linked vendor, dated
# after the start date.
TABLE_TEXT = """
event                 WM   WP   R    SE   CH   LU   SY   IB   FA   CA
MappingChanged        R    R    R    -    -    -    -    -    -    -
PrerequisiteChanged   R    R    R    -    -    -    -    -    -    -
StartDateChanged      R    R    R    -    -    R    -    -    FA   R
Sent                  -    -    SE   -    -    -    -    -    -    -
Made                  -    -    -    SY   SY   -    -    -    -    -
Refused               -    -    -    FA   FA   -    -    -    -    -
Busy                  -    -    -    R    -    -    -    -    -    -
NameTaken             -    -    -    CH   -    -    -    -    -    -
Stale                 -    -    -    CH   -    -    -    -    -    -
Reread                -    -    -    -    R    -    -    -    -    -
AnswerLost            -    -    -    R    R    -    -    -    -    -
SetForgotten          -    -    -    CH   -    -    -    -    -    -
RefusedWhole          -    -    -    R    -    -    -    -    -    -
FoundBeforeStart      -    -    -    -    -    IB   -    -    -    -
NotFoundBeforeStart   -    -    -    -    -    CA   -    -    -    -
CheckFailed           -    -    -    -    CH   LU   -    -    -    -
Unbuildable           FA   FA   FA   -    -    FA   -    -    -    -
ReadAll               -    -    SY   -    -    -    -    -    -    -
Retried               -    -    -    -    -    -    -    -    R    -
Cancelled             CA   CA   CA   -    -    CA   -    -    CA   -
"""
ABBREVIATIONS = {
    "WM": S.WAITING_FOR_MAPPING,
    "WP": S.WAITING_FOR_PREREQUISITE,
    "R": S.READY,
    "SE": S.SENT,
    "CH": S.CHECKING,
    "LU": S.LOOKING_UP,
    "SY": S.SYNCED,
    "IB": S.IN_QUICKBOOKS_BEFORE_START,
    "FA": S.FAILED,
    "CA": S.CANCELLED,
}
X = "-"


def _expected() -> dict[type, dict[EntryState, EntryState | str]]:
    header, *rows = [line.split() for line in TABLE_TEXT.strip().splitlines()]
    states = [ABBREVIATIONS[h] for h in header[1:]]
    by_name = {e.__name__: e for e in EVENTS}
    return {
        by_name[name]: {
            state: (ABBREVIATIONS[cell] if cell != X else X)
            for state, cell in zip(states, cells, strict=True)
        }
        for name, *cells in rows
    }


EXPECTED = _expected()


def _bill(state: EntryState, **changes: object) -> Entry:
    posting = Posting(
        kind=EntryKind.BILL,
        txn_date=date(2026, 11, 24),
        source="payables",
        ref_number="INV-77",
        vendor_name="Acme",
        lines=(PostingLine("purchases:beer", Decimal("10.00")),),
    )
    entry = Entry(
        id=uuid.uuid4(),
        merchant_id=MERCHANT,
        kind=EntryKind.BILL,
        txn_date=posting.txn_date,
        payload=posting,
        state=state,
        detail="as it was",
        created_at=NOW,
        updated_at=NOW,
        error_code=BEFORE_START if state is S.CANCELLED else None,
    )
    return replace(entry, **changes)  # type: ignore[arg-type]


def test_the_table_names_every_event_and_state():
    assert set(EXPECTED) == set(EVENTS) == set(SAMPLES)
    assert all(set(row) == set(EntryState) for row in EXPECTED.values())


@pytest.mark.parametrize("event_type", EVENTS, ids=lambda e: e.__name__)
@pytest.mark.parametrize("state", list(EntryState), ids=str)
def test_every_cell_moves_to_its_state_or_is_refused_with_a_reason(state, event_type):
    entry = _bill(state)
    expected = EXPECTED[event_type][state]
    if expected == X:
        with pytest.raises(NotAllowed) as refused:
            apply(entry, SAMPLES[event_type], NOW)
        assert len(str(refused.value)) > 20  # a reason a person can read
        assert (state, event_type) not in TABLE
        return
    after = apply(entry, SAMPLES[event_type], NOW)
    assert after.state is expected
    assert after.detail  # every state says why it is there


def test_from_every_state_a_final_state_can_be_reached():
    """Nothing strands an entry: some sequence of events leads each state to synced,
    in QuickBooks before the start date, or cancelled; failed leads on through Retry."""
    edges: dict[EntryState, set[EntryState]] = {s: set() for s in EntryState}
    for row in EXPECTED.values():
        for state, target in row.items():
            if target != X:
                edges[state].add(target)  # type: ignore[arg-type]
    for state in EntryState:
        seen, todo = {state}, [state]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert seen & FINAL, f"{state} can never reach a final state"
        if state not in FINAL:
            assert edges[state] - {state}, f"no event moves an entry out of {state}"


def test_retry_re_derives_from_current_facts_not_from_the_old_reason():
    failed = _bill(S.FAILED, detail="closing date", error_code="3171")
    assert apply(failed, Retried(FACTS), NOW).state is S.READY
    unmapped = replace(FACTS, account_names={})
    waiting = apply(failed, Retried(unmapped), NOW)
    assert waiting.state is S.WAITING_FOR_MAPPING
    assert "purchases:beer" in waiting.detail
    assert waiting.error_code is None


def test_a_refused_set_sends_each_entry_alone_then_fails_only_the_culprit():
    sent = _bill(S.SENT)
    alone = apply(sent, SAMPLES[RefusedWhole], NOW)
    assert (alone.state, alone.send_alone) == (S.READY, True)
    failed = apply(replace(alone, state=S.SENT), SAMPLES[RefusedWhole], NOW)
    assert failed.state is S.FAILED
    assert failed.error_code == "0x80040400"


def test_a_start_date_change_revives_only_what_the_start_date_cancelled():
    withdrawn = _bill(S.CANCELLED, error_code=None)
    with pytest.raises(NotAllowed, match="withdrawn"):
        apply(withdrawn, StartDateChanged(FACTS), NOW)
    cut_over = _bill(S.CANCELLED)
    assert apply(cut_over, StartDateChanged(FACTS), NOW).state is S.READY
    later = replace(FACTS, start_date=date(2026, 12, 1))
    assert apply(_bill(S.READY), StartDateChanged(later), NOW).state is S.LOOKING_UP


def _payment(*bills: uuid.UUID, created: datetime = NOW) -> Entry:
    posting = Posting(
        kind=EntryKind.BILL_PAYMENT,
        txn_date=date(2026, 11, 25),
        source="payables",
        vendor_name="Acme",
        bank_account="operating-account",
        applied=tuple(BillPaid(b, Decimal("5.00")) for b in bills),
    )
    waiting = _bill(S.WAITING_FOR_PREREQUISITE)
    return replace(waiting, kind=posting.kind, payload=posting, created_at=created)


def _needed(entry_id: uuid.UUID, state: EntryState, detail: str = "") -> Prerequisite:
    txn = "TXN-B" if state in (S.SYNCED, S.IN_QUICKBOOKS_BEFORE_START) else None
    return Prerequisite(entry_id, EntryKind.BILL, "bill INV-77 from Acme", state, detail, txn)


@pytest.mark.parametrize(
    ("prerequisite", "state", "says"),
    [
        (S.SYNCED, S.READY, "Ready"),
        (S.IN_QUICKBOOKS_BEFORE_START, S.READY, "Ready"),
        (S.READY, S.WAITING_FOR_PREREQUISITE, "Waiting for bill INV-77 from Acme to be in"),
        (
            S.FAILED,
            S.WAITING_FOR_PREREQUISITE,
            "Waiting for bill INV-77 from Acme, which failed: closing date. It goes by itself "
            "once that bill is fixed",
        ),
        (S.CANCELLED, S.FAILED, "It pays bill INV-77 from Acme, which is not in QuickBooks"),
    ],
)
def test_a_payment_says_what_its_bill_is_doing(prerequisite, state, says):
    bill_id = uuid.uuid4()
    facts = replace(FACTS, prerequisites={bill_id: _needed(bill_id, prerequisite, "closing date.")})
    derived = derive(_payment(bill_id), facts)
    assert derived.state is state
    assert says in derived.detail


def test_a_bill_never_seen_is_waited_for_a_while_then_failed_with_why():
    missing = uuid.uuid4()
    assert derive(_payment(missing), FACTS).state is S.WAITING_FOR_PREREQUISITE
    old = _payment(missing, created=NOW - PREREQUISITE_GRACE - timedelta(seconds=1))
    derived = derive(old, FACTS)
    assert derived.state is S.FAILED
    assert str(missing) in derived.detail


@pytest.mark.parametrize(
    ("vendor", "link", "state", "says"),
    [
        ("Acme", VendorState.LINKED, S.READY, "Ready"),
        ("Acme", VendorState.UNKNOWN, S.READY, "found in QuickBooks (or added) first"),
        ("Acme", VendorState.FAILED, S.FAILED, "could not be put in QuickBooks: it broke"),
        (
            "Œnologie Vins & Spiritueux des Côtes d'Or",
            None,
            S.FAILED,
            "(as QuickBooks stores it: 'OEnologie Vins & Spiritueux des Côtes d'Or') is 42",
        ),
    ],
)
def test_a_bill_says_what_its_vendor_is_doing(vendor, link, state, says):
    entry = _bill(S.WAITING_FOR_MAPPING)
    entry = replace(entry, payload=replace(entry.payload, vendor_name=vendor))
    vendors = {} if link is None else {"acme": VendorLink("Acme", link, detail="it broke.")}
    derived = derive(entry, replace(FACTS, vendors=vendors))
    assert derived.state is state
    assert says in derived.detail
