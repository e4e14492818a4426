"""One health state per connection, with its reason and its fix, decided by the clock.

`healthy` means the books are updating; anything else says why not. Pure: the caller gathers
the facts (the connection, its last Web Connector contact, failed and long-waiting entries)
and passes the time; overdue is decided here by the clock, never on the next contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome


class HealthState(StrEnum):
    HEALTHY = "healthy"
    NEEDS_ATTENTION = "needs attention"
    OVERDUE = "overdue"
    NOT_SET_UP = "not set up"


@dataclass(frozen=True)
class Problem:
    """One thing wrong, as the merchant reads it: what, what fixes it, and where."""

    key: str  # the event's identity: the same problem seen again is not news
    reason: str
    fix: str
    page: str  # the web app's page that shows (and fixes) it, e.g. "/entries?state=failed"


@dataclass(frozen=True)
class Facts:
    """What health is decided from, gathered by the caller."""

    connection: Connection | None
    last_contact: Contact | None  # the newest Web Connector contact of this connection
    last_good_at: datetime | None = None  # when the last contact went well (a problem's
    # streak starts after it: the same problem seen at every poll is one event)
    failed_entries: int = 0
    newest_failure_at: datetime | None = None
    long_waiting: int = 0  # entries waiting on the merchant (a mapping) past the threshold
    long_waiting_accounts: tuple[str, ...] = ()
    oldest_waiting_at: datetime | None = None


@dataclass(frozen=True)
class Health:
    state: HealthState
    reason: str
    fix: str | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def healthy(self) -> bool:
        return self.state is HealthState.HEALTHY


def overdue_after(poll_seconds: float) -> timedelta:
    """No contact for twice the polling interval: the QuickBooks PC may be off."""
    return timedelta(seconds=2 * poll_seconds)


def assess(facts: Facts, now: datetime, poll_seconds: float) -> Health:
    """The connection's one state: not set up, needs attention, overdue or healthy."""
    connection = facts.connection
    if connection is None:
        return Health(
            HealthState.NOT_SET_UP,
            "QuickBooks is not connected yet.",
            "CobaltConnect support sets up the connection and sends the Web Connector file.",
        )
    problems = [*_contact_problems(connection, facts), *_entry_problems(facts)]
    late = _overdue(connection, facts.last_contact, now, poll_seconds)
    if late is not None:
        problems.insert(0, late)
    if not problems:
        if connection.last_contact_at is None:
            reason = "Waiting for the Web Connector's first update."
        else:
            reason = "QuickBooks is updating."
        return Health(HealthState.HEALTHY, reason)
    first = problems[0]
    state = HealthState.OVERDUE if first is late else HealthState.NEEDS_ATTENTION
    return Health(state, first.reason, first.fix, tuple(problems))


def _overdue(
    connection: Connection, last: Contact | None, now: datetime, poll_seconds: float
) -> Problem | None:
    since = connection.last_contact_at or connection.created_at
    if last is not None:
        since = max(since, last.ended_at or last.started_at)
    if now - since <= overdue_after(poll_seconds):
        return None
    if connection.last_contact_at is None and last is None:
        return Problem(
            key=f"never-contacted:{connection.created_at.isoformat()}",
            reason="The Web Connector has never called since QuickBooks was set up.",
            fix="On the QuickBooks computer, add CobaltConnect to the Web Connector with the "
            ".qwc file support sent, enter its password and press Update Selected.",
            page="#/sync",
        )
    return Problem(
        key=f"overdue:{since.isoformat()}",
        reason=f"No Web Connector update since {since:%Y-%m-%d %H:%M} UTC: the QuickBooks "
        "computer may be off, or the Web Connector closed.",
        fix="Turn on the QuickBooks computer, open QuickBooks with the store's company file "
        "and start the Web Connector (its Auto-Run box checked for CobaltConnect).",
        page="#/sync",
    )


def _contact_problems(connection: Connection, facts: Facts) -> list[Problem]:
    problems: list[Problem] = []
    last = facts.last_contact
    streak = facts.last_good_at.isoformat() if facts.last_good_at else "never"
    if last is not None and last.outcome.problem and last.reason and last.fix:
        problems.append(
            Problem(
                key=f"contact:{last.outcome.name.lower()}:{streak}",
                reason=last.reason,
                fix=last.fix,
                page="#/sync",
            )
        )
    elif connection.last_error and (last is None or last.outcome is not Outcome.UPDATED):
        problems.append(
            Problem(
                key=f"connection:{streak}",
                reason=connection.last_error,
                fix="Open the store's own company file in QuickBooks, then update again.",
                page="#/sync",
            )
        )
    return problems


def _entry_problems(facts: Facts) -> list[Problem]:
    problems: list[Problem] = []
    if facts.failed_entries:
        n = facts.failed_entries
        when = facts.newest_failure_at.isoformat() if facts.newest_failure_at else ""
        problems.append(
            Problem(
                key=f"failed:{n}:{when}",
                reason=f"{n} {'entry' if n == 1 else 'entries'} could not be put in QuickBooks.",
                fix="Open QB Entries, read each failed entry's reason and fix, then press "
                "Retry (or Retry all failed).",
                page="#/entries?state=failed",
            )
        )
    if facts.long_waiting:
        n = facts.long_waiting
        accounts = ", ".join(facts.long_waiting_accounts) or "an account"
        since = facts.oldest_waiting_at.isoformat() if facts.oldest_waiting_at else ""
        problems.append(
            Problem(
                key=f"waiting:{accounts}:{since}",
                reason=f"{n} {'entry waits' if n == 1 else 'entries wait'} for you: "
                f"{accounts} {'is' if ', ' not in accounts else 'are'} not mapped to a "
                "QuickBooks account.",
                fix="Open Chart of Accounts and map each account to a QuickBooks account; "
                "the entries go at the next update.",
                page="#/coa",
            )
        )
    return problems
