# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Every Web Connector contact is recorded with its reason and fix, through real SOAP over
HTTP: unknown users and refused versions (for support), a company file that is not the
store's, QuickBooks that would not open, an update abandoned mid-way; and the health the
merchant sees follows, by the clock."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.soap import SoapClient
from cobalt_qbsim.webconnector import Faults, SimulatedWebConnector
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.app import watch_of
from cobalt_qbwc_gateway.application.monitor import watch_once
from cobalt_shared.db import create_engine

PASSWORD = "correct horse battery"
DOCUMENT = (
    '<?xml version="1.0"?><?qbxml version="13.0"?>'
    '<QBXML><QBXMLMsgsRq onError="continueOnError"/></QBXML>'
)


def _connect(gateway, http, user):
    merchant = uuid.uuid4()
    body = {"qbwc_user": user, "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=gateway.support()).is_success
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=gateway.support()).content)
    return merchant, qwc


def _history(gateway, http, merchant):
    answer = http.get(f"{gateway.url}/connection/history", headers=gateway.merchant(merchant))
    assert answer.status_code == 200, answer.text
    return answer.json()["contacts"]


def _health(gateway, http, merchant):
    return http.get(f"{gateway.url}/connection", headers=gateway.merchant(merchant)).json()[
        "health"
    ]


def test_unknown_users_and_refused_versions_are_kept_for_support_with_their_fix(gateway, http):
    merchant, _ = _connect(gateway, http, "known-store")
    soap = SoapClient(f"{gateway.url}/qbwc", http=http)
    assert soap.result_text("clientVersion", strVersion="1.5.0.0").startswith("O:")
    answer = soap.result_strings("authenticate", strUserName="who-is-this", strPassword="x" * 12)
    assert answer[1] == "nvu"
    shown = http.get(
        f"{gateway.url}/contacts", params={"unattributed": True}, headers=gateway.support()
    ).json()
    outcomes = {c["outcome"]: c for c in shown["contacts"]}
    assert outcomes["unknown user"]["qbwc_user"] == "who-is-this"
    assert ".qwc file" in outcomes["unknown user"]["fix"]
    assert "1.5.0.0 is older than" in outcomes["Web Connector too old"]["reason"]
    assert outcomes["Web Connector too old"]["source"] == "127.0.0.1"
    assert _history(gateway, http, merchant) == []  # not the merchant's business
    merchant_call = http.get(f"{gateway.url}/contacts", headers=gateway.merchant(merchant))
    assert merchant_call.status_code == 403


def test_a_company_file_not_the_stores_and_quickbooks_not_opening_need_attention(gateway, http):
    merchant, qwc = _connect(gateway, http, "corner-store")
    quickbooks = SimulatedQuickBooks(sample_company())
    wc = SimulatedWebConnector(qwc, PASSWORD, quickbooks, http=http)
    gateway.work.documents = [DOCUMENT]
    wc.faults = Faults(other_company_file=True)
    wc.update()
    [wrong] = _history(gateway, http, merchant)
    assert wrong["outcome"] == "wrong company file"
    assert wrong["ended_at"]
    assert "company file" in wrong["reason"]
    assert _health(gateway, http, merchant)["state"] == "needs attention"

    gateway.clock.advance(60)
    wc.faults = Faults(quickbooks_not_running=True)
    gateway.work.documents = [DOCUMENT]
    assert wc.update().outcome == "error"
    latest = _history(gateway, http, merchant)[0]
    assert latest["outcome"] == "QuickBooks could not be opened"
    assert "Could not start QuickBooks" in latest["reason"]
    health = _health(gateway, http, merchant)
    assert health["state"] == "needs attention"
    assert "open QuickBooks" in health["fix"]

    gateway.clock.advance(60)
    wc.faults = Faults()
    gateway.work.documents = [DOCUMENT]
    assert wc.update().outcome == "done"
    latest = _history(gateway, http, merchant)[0]
    assert latest["outcome"] == "updated"
    assert latest["requests"] == 1
    assert _health(gateway, http, merchant)["state"] == "healthy"


def test_an_update_abandoned_mid_way_is_recorded_and_silence_turns_overdue(gateway, http):
    merchant, qwc = _connect(gateway, http, "sleepy-store")
    wc = SimulatedWebConnector(qwc, PASSWORD, SimulatedQuickBooks(sample_company()), http=http)
    gateway.work.documents = [DOCUMENT]
    wc.faults = Faults(die_after="sendRequestXML")
    assert wc.update().outcome == "died"
    [open_one] = _history(gateway, http, merchant)
    assert open_one["outcome"] == "in progress"
    # The worker's watch closes it once it has been silent long enough.
    gateway.clock.advance(901)
    engine = create_engine(gateway.settings.database_url)

    async def watch() -> None:
        try:
            await watch_once(
                lambda: GatewayUnitOfWork(engine), gateway.clock(), watch_of(gateway.settings)
            )
        finally:
            await engine.dispose()

    asyncio.run(watch())
    [abandoned] = _history(gateway, http, merchant)
    assert abandoned["outcome"] == "stopped mid-update"
    assert abandoned["requests"] == 1
    assert "Nothing is lost" in abandoned["fix"]
    assert _health(gateway, http, merchant)["state"] == "needs attention"
    # Nobody calls for twice the interval: overdue, by the clock alone.
    gateway.clock.advance(timedelta(minutes=21).total_seconds())
    health = _health(gateway, http, merchant)
    assert health["state"] == "overdue"
    assert "computer may be off" in health["reason"]
