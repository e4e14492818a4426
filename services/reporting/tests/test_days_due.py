"""Which business days a merchant has to close now (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from cobalt_reporting.domain.close import MAX_CATCH_UP_DAYS, days_due
from cobalt_reporting.domain.sales import CloseSchedule
from cobalt_shared.errors import InvalidInput

NEW_YORK = CloseSchedule("America/New_York", time(23, 0))
NOON_25TH = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # 12:00 in New York


def test_the_days_after_the_last_close_whose_time_has_passed_in_order():
    assert days_due(NEW_YORK, date(2026, 11, 21), None, NOON_25TH) == [
        date(2026, 11, 22),
        date(2026, 11, 23),
        date(2026, 11, 24),
    ]


def test_a_merchant_never_closed_starts_at_its_first_day_with_sales():
    assert days_due(NEW_YORK, None, date(2026, 11, 24), NOON_25TH) == [date(2026, 11, 24)]
    assert days_due(NEW_YORK, None, None, NOON_25TH) == []  # no sales, nothing to close


def test_nothing_is_due_before_the_close_time_or_twice():
    assert days_due(NEW_YORK, date(2026, 11, 24), None, NOON_25TH) == []
    evening = datetime(2026, 11, 26, 3, 59, tzinfo=UTC)  # 22:59 on the 25th in New York
    assert days_due(NEW_YORK, date(2026, 11, 24), None, evening) == []
    closed = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # 23:00
    assert days_due(NEW_YORK, date(2026, 11, 24), None, closed) == [date(2026, 11, 25)]


def test_a_long_gap_is_caught_up_a_month_per_pass():
    due = days_due(NEW_YORK, date(2026, 8, 1), None, NOON_25TH)
    assert len(due) == MAX_CATCH_UP_DAYS
    assert due[0] == date(2026, 8, 2)
    assert due[-1] == date(2026, 9, 1)


def test_an_unknown_zone_is_an_error_for_that_merchant():
    with pytest.raises(InvalidInput, match="unknown time zone"):
        days_due(CloseSchedule("Mars/Olympus_Mons"), date(2026, 11, 20), None, NOON_25TH)
