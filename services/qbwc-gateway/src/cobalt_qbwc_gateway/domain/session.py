"""A Web Connector session: one ticket, and which call the protocol expects next."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

# After authenticate the Web Connector sends requests (or reports it could not open
# QuickBooks); after sendRequestXML it must post the response or ask for the error.
AFTER = {
    "authenticate": ("sendRequestXML", "connectionError", "closeConnection"),
    "sendRequestXML": ("receiveResponseXML", "getLastError"),
    "receiveResponseXML": ("sendRequestXML", "getLastError", "closeConnection"),
    "getLastError": ("sendRequestXML", "closeConnection"),
    "connectionError": ("closeConnection", "sendRequestXML", "getLastError"),
}


@dataclass(frozen=True)
class WebConnectorSession:
    ticket_hash: str
    connection_id: uuid.UUID
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    expected_next: str = "authenticate"
    closed_at: datetime | None = None
    last_error: str | None = None
    synced: int = 0
    failed: int = 0
    qbxml_version: str | None = None  # chosen on the first sendRequestXML; kept across restarts
    contact_id: uuid.UUID | None = None  # its record in the sync history
    # Entries not yet in QuickBooks when the update began (None: a session from before it was
    # kept): how far the update is, in QBWC's progress bar.
    waiting_at_start: int | None = None

    def is_live(self, now: datetime, silence: timedelta) -> bool:
        """Open, unexpired and heard from recently: a crashed Web Connector stops counting."""
        return (
            self.closed_at is None and now < self.expires_at and now - self.last_seen_at < silence
        )

    def usable(self, now: datetime) -> bool:
        return self.closed_at is None and now < self.expires_at

    def called(self, method: str, now: datetime) -> tuple[WebConnectorSession, bool]:
        """Record a call; the bool says whether the protocol expected it."""
        expected = method in AFTER.get(self.expected_next, ()) or method == "getLastError"
        return replace(self, expected_next=method, last_seen_at=now), expected

    def with_error(self, message: str | None) -> WebConnectorSession:
        return replace(self, last_error=message)

    def closed(self, now: datetime) -> WebConnectorSession:
        return replace(self, closed_at=now, expected_next="closed", last_seen_at=now)

    def percent_done(self, more: bool) -> int:
        """QBWC's percent done after an answer: 100 when nothing more can go now (the Web
        Connector then stops); otherwise the share of the entries waiting when the update
        began that are settled since (synced or failed), from 1 to 99. Entries that came
        during the update count as they are settled, so the bar never passes 99 too early."""
        if not more:
            return 100
        done = self.synced + self.failed
        of = max(self.waiting_at_start or 0, done + 1)
        return max(1, min(99, 100 * done // of))

    def summary(self) -> str:
        """closeConnection's line in the Web Connector: what this update did."""
        text = f"OK: {self.synced} {'entry' if self.synced == 1 else 'entries'} synced"
        if self.failed:
            text += f", {self.failed} {'needs' if self.failed == 1 else 'need'} attention"
        return text
