# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Health, alerts and the sync history's records, decided without a database: a fixed clock,
a connection and the facts gathered about it."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from cobalt_qbwc_gateway.domain.alerts import (
    AlertItem,
    DigestKind,
    Mailing,
    next_digest,
    validate_email,
)
from cobalt_qbwc_gateway.domain.connection import CONTACT_GRAIN, Connection
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.health import Facts, HealthState, assess
from cobalt_shared.errors import InvalidInput

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
POLL = 600.0  # ten minutes
MAILING = Mailing(web_url="https://app.example", window=timedelta(hours=1))
MERCHANT = uuid.uuid4()


def _connection(contacted: datetime | None = NOW - timedelta(minutes=3)) -> Connection:
    made = Connection.set_up(
        merchant_id=MERCHANT,
        qbwc_user="corner",
        password_hash="x",
        start_date=date(2026, 11, 1),
        qbxml_version="13.0",
        company_file=None,
        now=NOW - timedelta(days=3),
    )
    return replace(made, last_contact_at=contacted, contact_email="o@store.example")


def _contact(outcome: Outcome, at: datetime = NOW - timedelta(minutes=3), **extra) -> Contact:
    return Contact.knock(at, "corner", "203.0.113.5", outcome, MERCHANT, uuid.uuid4(), **extra)


def test_not_set_up_healthy_and_waiting_for_the_first_update():
    assert assess(Facts(None, None), NOW, POLL).state is HealthState.NOT_SET_UP
    healthy = assess(Facts(_connection(), _contact(Outcome.UPDATED)), NOW, POLL)
    assert healthy.state is HealthState.HEALTHY
    assert healthy.problems == ()
    fresh = replace(_connection(None), created_at=NOW - timedelta(minutes=5))
    first = assess(Facts(fresh, None), NOW, POLL)
    assert first.state is HealthState.HEALTHY
    assert "first update" in first.reason


def test_overdue_by_the_clock_after_two_intervals_and_never_contacted_says_so():
    last = _contact(Outcome.UPDATED, NOW - timedelta(minutes=19))
    connection = _connection(NOW - timedelta(minutes=19))
    assert assess(Facts(connection, last), NOW, POLL).state is HealthState.HEALTHY
    later = NOW + timedelta(minutes=2)  # nothing happened; only the clock moved
    overdue = assess(Facts(connection, last), later, POLL)
    assert overdue.state is HealthState.OVERDUE
    assert "No Web Connector update since" in overdue.reason
    assert "Web Connector" in (overdue.fix or "")
    never = assess(Facts(_connection(None), None), NOW, POLL)
    assert never.state is HealthState.OVERDUE
    assert "never called" in never.reason


@pytest.mark.parametrize(
    ("outcome", "says"),
    [
        (Outcome.WRONG_PASSWORD, "password in the Web Connector does not match"),
        (Outcome.SIGNIN_PAUSED, "paused after repeated wrong passwords"),
        (Outcome.WRONG_COMPANY, "different company file"),
        (Outcome.CONNECTION_ERROR, "could not open QuickBooks"),
        (Outcome.ABANDONED, "stopped in the middle of an update"),
        (Outcome.ERROR, "could not finish the update"),
    ],
)
def test_a_problem_contact_needs_attention_with_its_reason_and_fix(outcome, says):
    health = assess(Facts(_connection(), _contact(outcome)), NOW, POLL)
    assert health.state is HealthState.NEEDS_ATTENTION
    assert says in health.reason
    assert health.fix


def test_failed_and_long_waiting_entries_need_attention_each_with_its_page():
    facts = Facts(
        _connection(),
        _contact(Outcome.UPDATED),
        failed_entries=2,
        newest_failure_at=NOW,
        long_waiting=1,
        long_waiting_accounts=("purchases:snacks",),
        oldest_waiting_at=NOW - timedelta(days=2),
    )
    health = assess(facts, NOW, POLL)
    assert health.state is HealthState.NEEDS_ATTENTION
    assert [p.page for p in health.problems] == ["#/entries?state=failed", "#/coa"]
    assert "2 entries could not be put in QuickBooks" in health.reason
    assert "purchases:snacks is not mapped" in health.problems[1].reason


def test_the_same_problem_at_every_poll_is_one_event_and_a_new_failure_is_another():
    def keys(facts: Facts) -> list[str]:
        return [p.key for p in assess(facts, NOW, POLL).problems]

    good = NOW - timedelta(hours=2)
    first = Facts(_connection(), _contact(Outcome.WRONG_PASSWORD), last_good_at=good)
    again = Facts(
        _connection(),
        _contact(Outcome.WRONG_PASSWORD, NOW - timedelta(minutes=1)),
        last_good_at=good,
    )
    assert keys(first) == keys(again)
    failed = Facts(
        _connection(), _contact(Outcome.UPDATED), failed_entries=1, newest_failure_at=NOW
    )
    more = replace(failed, failed_entries=2, newest_failure_at=NOW + timedelta(minutes=1))
    assert keys(failed) != keys(more)


def _item(key: str, at: datetime = NOW) -> AlertItem:
    return AlertItem(MERCHANT, key, f"reason {key}", f"fix {key}", "#/sync", at)


def _next(health, waiting, last, now, to: str | None = "o@store.example"):
    return next_digest(
        merchant_id=MERCHANT,
        to=to,
        label="corner",
        health=health,
        waiting=waiting,
        last=last,
        now=now,
        mailing=MAILING,
    )


def test_a_digest_groups_the_waiting_items_once_per_window_and_recovery_follows():
    sick = assess(Facts(_connection(), _contact(Outcome.WRONG_PASSWORD)), NOW, POLL)
    waiting = [_item("a"), _item("b")]
    digest = _next(sick, waiting, None, NOW)
    assert digest is not None
    assert digest.kind is DigestKind.PROBLEMS
    assert "2 problems" in digest.subject
    assert "1. reason a" in digest.body
    assert "What to do: fix b" in digest.body
    assert "https://app.example/#/sync" in digest.body
    # Within the window nothing more goes, whatever waits.
    assert _next(sick, [_item("c")], digest, NOW + timedelta(minutes=30)) is None
    # Healthy again after the window: the recovery mail, once.
    well = assess(Facts(_connection(), _contact(Outcome.UPDATED)), NOW, POLL)
    later = NOW + timedelta(hours=2)
    recovery = _next(well, [], digest, later)
    assert recovery is not None
    assert recovery.kind is DigestKind.RECOVERY
    assert _next(well, [], recovery, later) is None
    # No address: nothing is mailed.
    assert _next(sick, waiting, None, NOW, to=None) is None


def test_a_refused_mail_waits_longer_each_time_and_sent_is_final():
    sick = assess(Facts(_connection(), _contact(Outcome.ERROR)), NOW, POLL)
    digest = next_digest(
        merchant_id=MERCHANT,
        to="o@store.example",
        label="corner",
        health=sick,
        waiting=[_item("x")],
        last=None,
        now=NOW,
        mailing=MAILING,
    )
    assert digest is not None
    once = digest.failed(NOW, "451 try later")
    twice = once.failed(NOW, "451 try later")
    assert once.next_attempt_at is not None
    assert twice.next_attempt_at is not None
    assert twice.next_attempt_at - NOW > once.next_attempt_at - NOW
    assert twice.attempts == 2
    assert twice.sent(NOW).sent_at == NOW


BAD_ADDRESSES = ["owner", "owner@", "@store.example", "a b@store.example", "owner@store"]


@pytest.mark.parametrize("address", [*BAD_ADDRESSES, "x" * 250 + "@s.example"])
def test_a_contact_address_that_is_not_one_is_refused_with_a_message(address):
    with pytest.raises(InvalidInput, match="is not an e-mail address"):
        validate_email(address)


def test_a_contact_address_is_trimmed_and_empty_means_none():
    assert validate_email("  owner@corner-liquors.example ") == "owner@corner-liquors.example"
    assert validate_email("") is None
    assert validate_email(None) is None


def test_a_contact_records_what_its_update_did_and_keeps_what_went_wrong():
    contact = _contact(Outcome.IN_PROGRESS)
    assert contact.ended_at is None
    done = contact.sent(3, recovery=False).answered(2, 1).sent(0, recovery=True).ended(NOW)
    assert (done.requests, done.entries_sent, done.synced, done.failed) == (2, 3, 2, 1)
    assert done.recovery
    assert done.outcome is Outcome.UPDATED
    idle = _contact(Outcome.IN_PROGRESS).ended(NOW)
    assert idle.outcome is Outcome.NOTHING_TO_DO
    wrong = _contact(Outcome.IN_PROGRESS).went_wrong(Outcome.WRONG_COMPANY, "File X is open")
    closed = wrong.ended(NOW)
    assert closed.outcome is Outcome.WRONG_COMPANY
    assert closed.reason == "File X is open"
    assert closed.ended_at == NOW


def test_a_contact_is_noted_when_never_noted_or_a_minute_after_the_last():
    """A session of many steps writes its connection's last contact once, not at each step;
    the health the merchant sees keeps minutes, and alerts look for hours."""
    assert _connection(contacted=None).contact_due(NOW)
    assert not _connection(contacted=NOW - timedelta(seconds=59)).contact_due(NOW)
    assert _connection(contacted=NOW - CONTACT_GRAIN).contact_due(NOW)
    assert timedelta(minutes=1) >= CONTACT_GRAIN
