"""What can happen to an entry: each event of its life, as a value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cobalt_qbwc_gateway.domain.facts import Facts


@dataclass(frozen=True)
class MappingChanged:
    facts: Facts


@dataclass(frozen=True)
class PrerequisiteChanged:
    """A prerequisite was synced, failed or cancelled."""

    facts: Facts


@dataclass(frozen=True)
class StartDateChanged:
    facts: Facts


@dataclass(frozen=True)
class Sent:
    request_xml: str
    message_set_id: str


@dataclass(frozen=True)
class Made:
    """QuickBooks has it: from its answer, its error recovery, or a verification query."""

    txn_id: str | None
    edit_sequence: str | None
    response_xml: str | None
    detail: str = "In QuickBooks."


@dataclass(frozen=True)
class Refused:
    code: str
    explanation: str
    response_xml: str | None


@dataclass(frozen=True)
class Busy:
    """A refusal that passes (a lock, a record in use): sent again in a later session."""

    reason: str
    not_before: datetime


@dataclass(frozen=True)
class NameTaken:
    """QuickBooks already has a record of this name: check whether it is the vendor."""

    response_xml: str | None


@dataclass(frozen=True)
class Stale:
    """A correction met a newer EditSequence (3200): what it changes is read again."""

    response_xml: str | None


@dataclass(frozen=True)
class Reread:
    """What a correction changes, read again: its current EditSequence."""

    edit_sequence: str | None
    response_xml: str | None


@dataclass(frozen=True)
class AnswerLost:
    """QuickBooks certainly did not make it (not in its set's answer, or not found)."""

    reason: str


@dataclass(frozen=True)
class SetForgotten:
    """QuickBooks no longer remembers the set it was in: a query must settle it."""


@dataclass(frozen=True)
class RefusedWhole:
    """QuickBooks refused the whole document it was in; `alone` when it was the only entry."""

    explanation: str
    code: str
    alone: bool


@dataclass(frozen=True)
class FoundBeforeStart:
    txn_id: str | None
    edit_sequence: str | None
    response_xml: str | None


@dataclass(frozen=True)
class NotFoundBeforeStart:
    response_xml: str | None


@dataclass(frozen=True)
class CheckFailed:
    """A read-only query about it failed: asked again at a later update."""

    reason: str
    not_before: datetime


@dataclass(frozen=True)
class Unbuildable:
    """Its request cannot be written (a value QuickBooks would refuse)."""

    code: str
    explanation: str


@dataclass(frozen=True)
class ReadAll:
    """A read-only entry (the chart of accounts) has read everything it asked for."""

    detail: str
    response_xml: str | None


@dataclass(frozen=True)
class Retried:
    facts: Facts


@dataclass(frozen=True)
class Cancelled:
    """The service that asked for it withdrew it before it was sent."""

    reason: str


Reevaluation = MappingChanged | PrerequisiteChanged | StartDateChanged | Retried
Event = (
    Reevaluation
    | Sent
    | Made
    | Refused
    | Busy
    | NameTaken
    | Stale
    | Reread
    | AnswerLost
    | SetForgotten
    | RefusedWhole
    | FoundBeforeStart
    | NotFoundBeforeStart
    | CheckFailed
    | Unbuildable
    | ReadAll
    | Cancelled
)
EVENTS: tuple[type, ...] = (
    MappingChanged,
    PrerequisiteChanged,
    StartDateChanged,
    Sent,
    Made,
    Refused,
    Busy,
    NameTaken,
    Stale,
    Reread,
    AnswerLost,
    SetForgotten,
    RefusedWhole,
    FoundBeforeStart,
    NotFoundBeforeStart,
    CheckFailed,
    Unbuildable,
    ReadAll,
    Retried,
    Cancelled,
)
