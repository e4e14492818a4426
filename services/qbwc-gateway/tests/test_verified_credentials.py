# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""The remembered-sign-in cache: bound to the connection and its password hash, forgotten on
failure, expired by its clock, bounded in size; it never holds a password."""

from __future__ import annotations

import uuid
from datetime import timedelta

from cobalt_qbwc_gateway.adapters.passwords import VerifiedCredentials

CONNECTION = uuid.uuid4()


class Ticking:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_remembered_sign_in_holds_only_for_its_password_hash_and_time():
    clock = Ticking()
    cache = VerifiedCredentials(timedelta(minutes=15), clock=clock)
    cache.remember("store", "the password 1", CONNECTION, "$argon2id$one")
    assert cache.holds("store", "the password 1", CONNECTION, "$argon2id$one")
    assert not cache.holds("store", "the password 2", CONNECTION, "$argon2id$one")
    assert not cache.holds("other", "the password 1", CONNECTION, "$argon2id$one")
    assert not cache.holds("store", "the password 1", uuid.uuid4(), "$argon2id$one")
    cache.remember("store", "the password 1", CONNECTION, "$argon2id$one")
    assert not cache.holds("store", "the password 1", CONNECTION, "$argon2id$two")  # rotated
    assert len(cache) == 0
    cache.remember("store", "the password 1", CONNECTION, "$argon2id$one")
    clock.now += 15 * 60 + 1
    assert not cache.holds("store", "the password 1", CONNECTION, "$argon2id$one")


def test_forgetting_a_connection_and_the_size_bound():
    cache = VerifiedCredentials(timedelta(minutes=15), max_entries=3)
    other = uuid.uuid4()
    cache.remember("store", "password one", CONNECTION, "h")
    cache.remember("store", "password two", CONNECTION, "h")
    cache.remember("else", "password three", other, "g")
    cache.forget(CONNECTION)
    assert len(cache) == 1
    assert cache.holds("else", "password three", other, "g")
    for n in range(5):
        cache.remember(f"u{n}", "password", uuid.uuid4(), "h")
    assert len(cache) == 3
    assert not cache.holds("else", "password three", other, "g")  # the oldest went first
    assert b"password" not in repr(cache.__dict__).encode()


def test_a_zero_lifetime_never_remembers():
    cache = VerifiedCredentials(timedelta(0))
    cache.remember("store", "the password 1", CONNECTION, "h")
    assert not cache.holds("store", "the password 1", CONNECTION, "h")
