"""Web Connector sign-in throttling: failures are counted per connection and per source; past
a few, answers come back "nvu" without checking the password, for a window that grows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SignInPolicy:
    max_failures: int = 5  # failures in a row before sign-in is locked
    lockout: timedelta = timedelta(minutes=1)  # the first lock; each further failure doubles it
    max_lockout: timedelta = timedelta(hours=1)
    forget_after: timedelta = timedelta(days=1)  # a quiet day starts the count over


@dataclass(frozen=True)
class SignInRecord:
    """Failed sign-ins of one connection, or from one source address."""

    failures: int = 0
    last_failed_at: datetime | None = None
    last_source: str | None = None
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def failed(self, now: datetime, source: str, policy: SignInPolicy) -> SignInRecord:
        """One more failure; a lock once there are too many (longer with each one after)."""
        stale = self.last_failed_at is not None and now - self.last_failed_at > policy.forget_after
        failures = 1 if stale else self.failures + 1
        locked_until = self.locked_until
        if failures >= policy.max_failures:
            extra = failures - policy.max_failures
            locked_until = now + min(policy.lockout * (2**extra), policy.max_lockout)
        return SignInRecord(failures, now, source, locked_until)

    def succeeded(self) -> SignInRecord:
        return replace(self, failures=0, locked_until=None)

    def cleared(self) -> SignInRecord:
        """Support cleared the lock: the record of the last attempt stays for reference."""
        return replace(self, failures=0, locked_until=None)
