"""Every time a Web Connector knocks: who, from where, what came of it, and (when something
went wrong) why in plain words and what fixes it. One record per contact is the sync history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum


class Outcome(StrEnum):
    IN_PROGRESS = "in progress"
    UPDATED = "updated"
    NOTHING_TO_DO = "nothing to do"
    BUSY = "another update was running"
    WRONG_PASSWORD = "wrong password"  # noqa: S105 (an outcome, not a password)
    UNKNOWN_USER = "unknown user"
    SIGNIN_PAUSED = "sign-in paused"
    WRONG_COMPANY = "wrong company file"
    VERSION_REFUSED = "Web Connector too old"
    CONNECTION_ERROR = "QuickBooks could not be opened"
    ABANDONED = "stopped mid-update"
    ERROR = "update failed"

    @property
    def problem(self) -> bool:
        """Something the merchant (or support) has to know about."""
        return self in PROBLEMS

    @property
    def signin(self) -> bool:
        return self in (Outcome.WRONG_PASSWORD, Outcome.UNKNOWN_USER, Outcome.SIGNIN_PAUSED)


PROBLEMS = frozenset(
    {
        Outcome.WRONG_PASSWORD,
        Outcome.UNKNOWN_USER,
        Outcome.SIGNIN_PAUSED,
        Outcome.WRONG_COMPANY,
        Outcome.VERSION_REFUSED,
        Outcome.CONNECTION_ERROR,
        Outcome.ABANDONED,
        Outcome.ERROR,
    }
)

_EXPLAINED: dict[Outcome, tuple[str, str]] = {
    Outcome.WRONG_PASSWORD: (
        "The password in the Web Connector does not match.",
        "Support can reset it; then enter it in the Web Connector's Password column for this "
        "application and update again.",
    ),
    Outcome.UNKNOWN_USER: (
        "A Web Connector signed in with a user name CobaltConnect does not know.",
        "Add the application from the .qwc file support sent for this store (it carries the "
        "right user name), and remove old CobaltConnect applications from the Web Connector.",
    ),
    Outcome.SIGNIN_PAUSED: (
        "Sign-in is paused after repeated wrong passwords.",
        "Check the password in the Web Connector's Password column; sign-in opens again by "
        "itself after the pause, or support can unlock it now.",
    ),
    Outcome.WRONG_COMPANY: (
        "QuickBooks had a different company file open.",
        "Open the store's own company file in QuickBooks (the one the .qwc file was made for), "
        "then update again.",
    ),
    Outcome.VERSION_REFUSED: (
        "The Web Connector is too old for CobaltConnect.",
        "Install the current QuickBooks Web Connector from Intuit, then update again.",
    ),
    Outcome.CONNECTION_ERROR: (
        "The Web Connector could not open QuickBooks.",
        "On the QuickBooks computer, open QuickBooks with the store's company file, close any "
        "dialog that waits for an answer, then update again.",
    ),
    Outcome.ABANDONED: (
        "The Web Connector stopped in the middle of an update (the computer slept, or the "
        "Web Connector was closed).",
        "Nothing is lost: what was sent is checked at the next update. Keep the QuickBooks "
        "computer awake while it updates.",
    ),
    Outcome.ERROR: (
        "CobaltConnect could not finish the update.",
        "It is tried again at the next update; if it keeps happening, contact support.",
    ),
    Outcome.BUSY: (
        "Another update of this store was still running, so this one did not start.",
        "Nothing to do: the Web Connector tries again at its next update.",
    ),
}


@dataclass(frozen=True)
class Contact:
    """One Web Connector contact (a sign-in and, when it got in, its update)."""

    id: uuid.UUID
    started_at: datetime
    qbwc_user: str
    source: str
    outcome: Outcome
    merchant_id: uuid.UUID | None = None
    connection_id: uuid.UUID | None = None
    ended_at: datetime | None = None
    detail: str | None = None  # what exactly went wrong, when the outcome needs it
    requests: int = 0  # message sets (requests) sent
    entries_sent: int = 0
    synced: int = 0
    failed: int = 0
    recovery: bool = False  # an answer was lost and recovery settled what it carried

    @classmethod
    def knock(
        cls,
        now: datetime,
        user: str,
        source: str,
        outcome: Outcome,
        merchant_id: uuid.UUID | None = None,
        connection_id: uuid.UUID | None = None,
        detail: str | None = None,
    ) -> Contact:
        ended = None if outcome is Outcome.IN_PROGRESS else now
        return cls(
            id=uuid.uuid4(),
            started_at=now,
            qbwc_user=user[:64],
            source=source[:64],
            outcome=outcome,
            merchant_id=merchant_id,
            connection_id=connection_id,
            ended_at=ended,
            detail=detail,
        )

    @property
    def reason(self) -> str | None:
        """Why it went wrong, in plain words (None when nothing did)."""
        explained = _EXPLAINED.get(self.outcome)
        if explained is None:
            return None
        if self.detail and self.outcome in (
            Outcome.WRONG_COMPANY,
            Outcome.CONNECTION_ERROR,
            Outcome.ERROR,
            Outcome.VERSION_REFUSED,
        ):
            return self.detail
        return explained[0]

    @property
    def fix(self) -> str | None:
        explained = _EXPLAINED.get(self.outcome)
        return explained[1] if explained else None

    def sent(self, entries: int, recovery: bool) -> Contact:
        return replace(
            self,
            requests=self.requests + 1,
            entries_sent=self.entries_sent + entries,
            recovery=self.recovery or recovery,
        )

    def answered(self, synced: int, failed: int) -> Contact:
        return replace(self, synced=self.synced + synced, failed=self.failed + failed)

    def ended(
        self, now: datetime, outcome: Outcome | None = None, detail: str | None = None
    ) -> Contact:
        """Closed: updated (or nothing to do) unless something went wrong on the way."""
        if self.outcome is not Outcome.IN_PROGRESS:
            return replace(self, ended_at=self.ended_at or now)
        if outcome is None:
            outcome = Outcome.UPDATED if self.requests else Outcome.NOTHING_TO_DO
        return replace(self, ended_at=now, outcome=outcome, detail=detail or self.detail)

    def went_wrong(self, outcome: Outcome, detail: str | None = None) -> Contact:
        """A problem on the way; the contact stays open until the Web Connector closes it."""
        return replace(self, outcome=outcome, detail=detail)
