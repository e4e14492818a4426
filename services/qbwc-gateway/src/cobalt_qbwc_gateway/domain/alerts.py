"""E-mail alerts: problems become alert items (one per event, by key), items are grouped into a
digest (at most one per merchant per window), and a recovery mail follows a problem mail once
the connection is healthy again. Pure: what to send and when; the mail worker sends."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from cobalt_qbwc_gateway.domain.health import Health, Problem
from cobalt_shared.errors import InvalidInput

_EMAIL = re.compile(
    r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def validate_email(address: str | None) -> str | None:
    """A contact address (trimmed), None to have none; anything else is refused, saying why."""
    if address is None or not address.strip():
        return None
    address = address.strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise InvalidInput(
            f"{address!r} is not an e-mail address (expected something like owner@store.example)",
            field="contact_email",
        )
    return address


class MailError(Exception):
    """The mail server refused the message or could not be reached."""


class DigestKind(StrEnum):
    PROBLEMS = "problems"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class AlertItem:
    """One problem event of a merchant, waiting for (or included in) a digest."""

    merchant_id: uuid.UUID
    key: str
    reason: str
    fix: str
    page: str
    created_at: datetime
    digest_id: uuid.UUID | None = None

    @classmethod
    def of(cls, merchant_id: uuid.UUID, problem: Problem, now: datetime) -> AlertItem:
        return cls(merchant_id, problem.key[:300], problem.reason, problem.fix, problem.page, now)


@dataclass(frozen=True)
class Digest:
    """One e-mail to a merchant's contact address, kept until the mail server took it."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    kind: DigestKind
    to: str
    subject: str
    body: str
    created_at: datetime
    sent_at: datetime | None = None
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None

    def failed(self, now: datetime, error: str) -> Digest:
        """The mail server refused it or was down: it waits and goes later."""
        delay = min(timedelta(seconds=5) * (2 ** min(self.attempts, 10)), timedelta(minutes=15))
        return replace(
            self,
            attempts=self.attempts + 1,
            next_attempt_at=now + delay,
            last_error=error[:500],
        )

    def sent(self, now: datetime) -> Digest:
        return replace(self, sent_at=now, attempts=self.attempts + 1, last_error=None)


@dataclass(frozen=True)
class Mailing:
    """Where the mails point and what they are signed with."""

    web_url: str  # the merchant's app, e.g. https://app.cobaltconnect.example
    window: timedelta  # at most one digest per merchant per window


def next_digest(
    *,
    merchant_id: uuid.UUID,
    to: str | None,
    label: str,
    health: Health,
    waiting: list[AlertItem],
    last: Digest | None,
    now: datetime,
    mailing: Mailing,
) -> Digest | None:
    """The digest to queue now, if any: the waiting items once the window since the last
    digest has passed; or, healthy again after a problem mail, the recovery mail."""
    if to is None:
        return None
    if last is not None and now - last.created_at < mailing.window:
        return None
    if waiting:
        subject, body = _problems(label, health, waiting, mailing.web_url)
        kind = DigestKind.PROBLEMS
    elif health.healthy and last is not None and last.kind is DigestKind.PROBLEMS:
        subject, body = _recovery(label, mailing.web_url)
        kind = DigestKind.RECOVERY
    else:
        return None
    return Digest(uuid.uuid4(), merchant_id, kind, to, subject, body, now, next_attempt_at=now)


def _problems(label: str, health: Health, items: list[AlertItem], web_url: str) -> tuple[str, str]:
    n = len(items)
    subject = (
        f"QuickBooks {health.state.value}: {n} {'problem' if n == 1 else 'problems'} ({label})"
    )
    lines = [
        f"CobaltConnect could not keep {label}'s QuickBooks up to date.",
        "",
        f"Now: {health.state.value}. {health.reason}",
        "",
    ]
    for number, item in enumerate(sorted(items, key=lambda i: i.created_at), start=1):
        lines += [
            f"{number}. {item.reason}",
            f"   What to do: {item.fix}",
            f"   Open: {_link(web_url, item.page)}",
            "",
        ]
    lines += [
        "You get at most one of these e-mails in a while; a short note follows when QuickBooks "
        "is updating again.",
        f"Sync history: {_link(web_url, '#/sync')}",
    ]
    return subject, "\n".join(lines) + "\n"


def _recovery(label: str, web_url: str) -> tuple[str, str]:
    subject = f"QuickBooks is updating again ({label})"
    body = (
        f"Good news: {label}'s QuickBooks is updating again and nothing needs your attention.\n"
        f"\nSync history: {_link(web_url, '#/sync')}\n"
    )
    return subject, body


def _link(web_url: str, page: str) -> str:
    return web_url.rstrip("/") + "/" + page
