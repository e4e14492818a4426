"""Web Connector passwords, kept only as Argon2id hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    """Hash and verify with Argon2id (a slow, memory-hard hash)."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    # Verified against when the user name is unknown, so both paths take as long.
    def burn(self, password: str) -> None:
        self.verify(_DUMMY, password)


_DUMMY = PasswordHasher().hash("not-a-real-password-used-for-timing")


class VerifiedCredentials:
    """Sign-ins verified lately, so a Web Connector that polls every few minutes does not cost
    an Argon2 verification per poll while passwords stay Argon2id at rest.

    An entry is an HMAC-SHA256 of the user name and password under a random key that lives only
    in this process's memory (never the password itself), bound to the connection and to the
    Argon2 hash it was verified against: a changed password (a new hash) no longer matches, and
    any failed sign-in of the connection drops its entries, so throttling is never bypassed.
    Entries expire after `ttl` and there are at most `max_entries` (the oldest go first). A wrong
    password always costs a full verification, as does an unknown user, so answers take no less
    time for a guesser; only a correct, recently verified password is answered faster.
    """

    def __init__(
        self,
        ttl: timedelta,
        max_entries: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl.total_seconds()
        self._max = max_entries
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._entries: OrderedDict[bytes, tuple[uuid.UUID, str, float]] = OrderedDict()
        self._by_connection: dict[uuid.UUID, set[bytes]] = {}

    def _digest(self, user_key: str, password: str) -> bytes:
        return hmac.new(self._key, f"{user_key}\0{password}".encode(), hashlib.sha256).digest()

    def holds(
        self, user_key: str, password: str, connection_id: uuid.UUID, password_hash: str
    ) -> bool:
        """This password was verified for this connection and hash within the ttl."""
        if self._ttl <= 0:
            return False
        digest = self._digest(user_key, password)
        entry = self._entries.get(digest)
        if entry is None:
            return False
        known_connection, known_hash, until = entry
        current = known_connection == connection_id and hmac.compare_digest(
            known_hash, password_hash
        )
        if not current or until < self._clock():
            self._drop(digest)
            return False
        return True

    def _drop(self, digest: bytes) -> None:
        entry = self._entries.pop(digest, None)
        if entry is not None:
            held = self._by_connection.get(entry[0])
            if held is not None:
                held.discard(digest)
                if not held:
                    del self._by_connection[entry[0]]

    def remember(
        self, user_key: str, password: str, connection_id: uuid.UUID, password_hash: str
    ) -> None:
        if self._ttl <= 0:
            return
        digest = self._digest(user_key, password)
        self._drop(digest)
        self._entries[digest] = (connection_id, password_hash, self._clock() + self._ttl)
        self._by_connection.setdefault(connection_id, set()).add(digest)
        while len(self._entries) > self._max:
            self._drop(next(iter(self._entries)))

    def forget(self, connection_id: uuid.UUID) -> None:
        """Drop every entry of the connection (a failed sign-in, a lock, a new password)."""
        for digest in list(self._by_connection.get(connection_id, ())):
            self._drop(digest)

    def __len__(self) -> int:
        return len(self._entries)
