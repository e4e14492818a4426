# mypy: allow-untyped-defs, allow-untyped-calls
"""QBWC's progress bar: how far the update is, from what was waiting when it began."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_qbwc_gateway.domain.session import WebConnectorSession
from cobalt_qbwc_gateway.testing import seed_entries
from cobalt_qbxml import MessageSet, VendorAdd
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine

PASSWORD = "correct horse battery"
NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _session(waiting_at_start, synced=0, failed=0):
    return WebConnectorSession(
        ticket_hash="t",
        connection_id=uuid.uuid4(),
        created_at=NOW,
        last_seen_at=NOW,
        expires_at=NOW + timedelta(hours=1),
        synced=synced,
        failed=failed,
        waiting_at_start=waiting_at_start,
    )


@pytest.mark.parametrize(
    ("waiting_at_start", "synced", "failed", "more", "percent"),
    [
        (300, 0, 0, True, 1),  # a lookup first: nothing settled yet, but under way
        (300, 125, 0, True, 41),
        (300, 240, 10, True, 83),  # failed entries are settled too
        (300, 300, 0, True, 99),  # all of them, and a read-back still to go
        (300, 300, 0, False, 100),  # nothing more: QBWC stops
        (300, 0, 0, False, 100),  # nothing could go (a busy QuickBooks): stop, not 0%
        (100, 150, 0, True, 99),  # entries came during the update: never 100 too early
        (None, 50, 0, True, 98),  # a session from before this was kept: nearly done
        (0, 0, 0, True, 1),
    ],
)
def test_percent_done_is_the_share_of_the_update_settled(
    waiting_at_start, synced, failed, more, percent
):
    assert _session(waiting_at_start, synced, failed).percent_done(more) == percent


def test_the_bar_moves_by_the_share_of_the_update_each_set_settles(queue_gateway, http):
    """300 bills in sets of 125: the bar moves 41 points a set. Before, each answer was
    measured against what was still waiting at that moment, so the second set showed 71%
    (and a set of 50 of a 5,000-entry backlog 1%, 1%, 1%...); it also cost a count of the
    whole backlog at every answer."""
    merchant = uuid.uuid4()
    body = {"qbwc_user": f"u{merchant.hex[:10]}", "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{queue_gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=queue_gateway.support()).is_success
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=queue_gateway.support()).content)
    line = AccountLine(account="purchases:beer", amount="10.00")
    bills = [
        PostToQuickBooks(
            merchant_id=merchant,
            entry_id=uuid.uuid4(),
            kind="bill",
            txn_date=date(2026, 11, 24),
            ref_number=f"INV-{i}",
            vendor_name="Acme Beverage",
            source="payables",
            lines=[line],
        )
        for i in range(300)
    ]
    asyncio.run(
        seed_entries(queue_gateway.database_url, merchant, bills, now=queue_gateway.clock())
    )
    quickbooks = SimulatedQuickBooks(sample_company())
    quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    result = SimulatedWebConnector(qwc, PASSWORD, quickbooks).update()
    assert result.outcome == "done", result
    assert result.message == "OK: 300 entries synced"
    # The vendor looked up, two sets of 125, the last 50, then Accounts Payable's read-back.
    assert result.percents == [1, 41, 83, 99, 100]
