# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Password guessing at the Web Connector's sign-in is throttled per connection and per source,
without telling whether a user exists and without spending Argon2 on a guesser."""

from __future__ import annotations

import uuid

import httpx

from cobalt_qbsim.soap import SoapClient

PASSWORD = "correct horse battery"


def _connect(gateway, http, user):
    merchant = uuid.uuid4()
    body = {"qbwc_user": user, "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=gateway.support()).is_success
    return url


def _sign_in(gateway, user, password, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    with httpx.Client(timeout=30, headers=headers) as http:
        soap = SoapClient(f"{gateway.url}/qbwc", http=http)
        return soap.result_strings("authenticate", strUserName=user, strPassword=password)[1]


def test_twenty_guesses_lock_sign_in_and_stop_costing_argon2(gateway, http):
    url = _connect(gateway, http, "guessed-store")
    before = gateway.passwords.checks
    answers = [_sign_in(gateway, "guessed-store", f"wrong guess {n}") for n in range(20)]
    assert set(answers) == {"nvu"}
    assert gateway.passwords.checks - before == 5  # only until the lock
    assert _sign_in(gateway, "guessed-store", PASSWORD) == "nvu"  # the right one, locked out
    history = http.get(f"{url}/history", headers=gateway.support()).json()["contacts"]
    outcomes = [c["outcome"] for c in history]  # (one instant: the test's clock stands still)
    assert outcomes.count("sign-in paused") == 16  # 15 guesses and the right one, locked out
    assert outcomes.count("wrong password") == 5
    paused = next(c for c in history if c["outcome"] == "sign-in paused")
    assert "unlock" in paused["fix"]
    shown = http.get(url, headers=gateway.support()).json()["signin"]
    assert shown["failures"] == 5
    assert shown["locked"] is True
    assert shown["last_source"] == "127.0.0.1"
    assert shown["last_failed_at"]
    gateway.clock.advance(61)  # the first lock lasts a minute
    assert _sign_in(gateway, "guessed-store", PASSWORD) == "none"
    assert http.get(url, headers=gateway.support()).json()["signin"]["failures"] == 0


def test_each_failure_past_the_limit_doubles_the_lock(gateway, http):
    _connect(gateway, http, "slow-down")
    for n in range(5):
        _sign_in(gateway, "slow-down", f"nope {n}")
    gateway.clock.advance(61)
    assert _sign_in(gateway, "slow-down", "still wrong") == "nvu"  # the sixth: two minutes
    gateway.clock.advance(61)
    assert _sign_in(gateway, "slow-down", PASSWORD) == "nvu"
    gateway.clock.advance(61)
    assert _sign_in(gateway, "slow-down", PASSWORD) == "none"


def test_unknown_users_are_throttled_by_source_and_answered_alike(gateway, http):
    url = _connect(gateway, http, "real-store")
    before = gateway.passwords.checks
    for n in range(5):  # through a proxy (on loopback) that names the real client
        assert _sign_in(gateway, f"nobody-{n}", "whatever it is", "203.0.113.9") == "nvu"
    assert gateway.passwords.checks - before == 5  # equal timing: Argon2 ran for unknown users
    # That address is locked, whatever user it tries; other addresses are not.
    assert _sign_in(gateway, "real-store", PASSWORD, "203.0.113.9") == "nvu"
    assert gateway.passwords.checks - before == 5
    assert http.get(url, headers=gateway.support()).json()["signin"]["failures"] == 0
    assert _sign_in(gateway, "real-store", PASSWORD, "198.51.100.7") == "none"


def test_support_sees_the_attempts_and_clears_the_lock(gateway, http):
    url = _connect(gateway, http, "typo-store")
    for n in range(6):
        _sign_in(gateway, "typo-store", f"typo {n}")
    assert http.get(url, headers=gateway.support()).json()["signin"]["locked"] is True
    refused = http.post(f"{url}/signin/unlock", headers=gateway.merchant(uuid.uuid4()))
    assert refused.status_code == 403
    cleared = http.post(f"{url}/signin/unlock", headers=gateway.support())
    assert cleared.status_code == 200
    assert cleared.json()["signin"]["locked"] is False
    assert _sign_in(gateway, "typo-store", PASSWORD) == "none"


def test_a_polling_web_connector_costs_one_argon2_check_until_its_password_changes(gateway, http):
    url = _connect(gateway, http, "polling-store")
    before = gateway.passwords.checks
    answers = [_sign_in(gateway, "polling-store", PASSWORD) for _ in range(6)]
    assert set(answers) == {"none"}
    assert gateway.passwords.checks - before == 1  # verified once, remembered after
    # A wrong password costs a full check and ends the remembered sign-in.
    assert _sign_in(gateway, "polling-store", "a wrong password!") == "nvu"
    assert gateway.passwords.checks - before == 2
    assert _sign_in(gateway, "polling-store", PASSWORD) == "none"
    assert gateway.passwords.checks - before == 3
    # Support sets a new password: the old one, though remembered, no longer signs in.
    body = {
        "qbwc_user": "polling-store",
        "password": "a brand new password",
        "start_date": "2026-11-01",
    }
    assert http.put(url, json=body, headers=gateway.support()).is_success
    assert _sign_in(gateway, "polling-store", PASSWORD) == "nvu"
    assert _sign_in(gateway, "polling-store", "a brand new password") == "none"
