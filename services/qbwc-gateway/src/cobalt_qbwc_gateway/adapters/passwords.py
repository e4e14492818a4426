"""Web Connector passwords, kept only as Argon2id hashes."""

from __future__ import annotations

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
