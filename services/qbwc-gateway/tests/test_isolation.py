# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Poison beside good data: every bad entry fails alone with its reason, every good one syncs
in the same Web Connector session, and nothing ever becomes a SOAP fault or an HTTP 500."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, timedelta
from decimal import Decimal

import httpx

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_qbwc_gateway.testing import MAPPINGS, seed_entries
from cobalt_qbxml import MessageSet, VendorAdd
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine, AppliedBill

DAY = date(2026, 11, 24)
PASSWORD = "correct horse battery"


def _bill(merchant, ref, vendor="Acme Beverage", account="purchases:beer", amount="10.00"):
    return PostToQuickBooks(
        merchant_id=merchant,
        entry_id=uuid.uuid4(),
        kind="bill",
        txn_date=DAY,
        ref_number=ref,
        vendor_name=vendor,
        source="payables",
        lines=[AccountLine(account=account, amount=amount)],
    )


def _commands(merchant):
    good = [
        _bill(merchant, "GOOD-1"),
        _bill(merchant, "GOOD-2", vendor="Łódź Vodka Import"),  # added in its qbXML form
        _bill(merchant, "GOOD-3", amount="999999999999.99"),  # the largest a command carries
        PostToQuickBooks(
            merchant_id=merchant,
            entry_id=uuid.uuid4(),
            kind="deposit",
            txn_date=DAY,
            bank_account="operating-account",
            source="reporting",
            lines=[AccountLine(account="card-clearing", amount="250.00")],
        ),
    ]
    bad = {
        # 41 characters typed; 42 once "Œ" is written "OE" for QuickBooks
        "a name too long once made Latin-1": _bill(
            merchant, "BAD-1", vendor="Œnologie Vins & Spiritueux des Côtes d'Or"
        ),
        "a character with no Latin-1 form": _bill(merchant, "BAD-2", vendor="東京 Sake Imports"),
        # Past intake's own limit too: as an older or foreign producer could still send it.
        "an amount past QuickBooks' limit": _bill(merchant, "BAD-3").model_copy(
            update={
                "lines": [
                    AccountLine.model_construct(
                        account="purchases:beer", amount=Decimal("10000000000000.00")
                    )
                ]
            }
        ),
        "a mapping to a deleted account": _bill(merchant, "BAD-4", account="purchases:deleted"),
        "a vendor whose name another kind of record holds": _bill(
            merchant, "BAD-5", vendor="Walk-in Customer"
        ),
        "a reference to a bill that will never exist": PostToQuickBooks(
            merchant_id=merchant,
            entry_id=uuid.uuid4(),
            kind="bill-payment",
            txn_date=DAY,
            vendor_name="Acme Beverage",
            bank_account="operating-account",
            source="payables",
            applied=[AppliedBill(bill_entry_id=uuid.uuid4(), amount="5.00")],
        ),
    }
    return good, bad


EXPLAINED = {
    "a name too long once made Latin-1": "is 42 characters; QuickBooks allows 41",
    "a character with no Latin-1 form": "has characters QuickBooks cannot store (東, 京)",
    "an amount past QuickBooks' limit": "has more than 13 digits",
    "a mapping to a deleted account": "renamed, deleted or made inactive",
    "a vendor whose name another kind of record holds": "possibly by another kind of record",
    "a reference to a bill that will never exist": "never sent to QuickBooks",
}


def test_every_kind_of_bad_data_fails_alone_and_the_good_data_syncs(queue_gateway, http):
    merchant = uuid.uuid4()
    body = {"qbwc_user": f"u{merchant.hex[:10]}", "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{queue_gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=queue_gateway.support()).is_success
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=queue_gateway.support()).content)
    good, bad = _commands(merchant)
    mappings = {**MAPPINGS, "purchases:deleted": "Purchases:Deleted Long Ago"}
    now = queue_gateway.clock()
    asyncio.run(
        seed_entries(queue_gateway.database_url, merchant, [*good, *bad.values()], mappings, now)
    )
    quickbooks = SimulatedQuickBooks(sample_company())
    quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    quickbooks.company.other_names["Walk-in Customer"] = "Customer"

    answers: list[httpx.Response] = []
    with httpx.Client(timeout=30, event_hooks={"response": [answers.append]}) as soap_http:
        connector = SimulatedWebConnector(qwc, PASSWORD, quickbooks, http=soap_http)
        first = connector.update()
        assert first.outcome == "done", first
        headers = queue_gateway.merchant(merchant)
        states = {
            c.entry_id: http.get(
                f"{queue_gateway.url}/entries/{c.entry_id}", headers=headers
            ).json()["state"]
            for c in good
        }
        assert set(states.values()) == {"synced"}  # in the same session as the bad ones
        # The payment's bill never arrives: after a grace period it fails, saying so.
        queue_gateway.clock.advance(timedelta(minutes=11).total_seconds())
        for _ in range(3):
            if connector.update().outcome == "no work":
                break
        for answer in answers:
            answer.read()
    assert {a.status_code for a in answers} == {200}
    assert not [a for a in answers if b"Fault>" in a.content]

    counts = quickbooks.company.count_by_external_guid()
    for command in good:
        shown = http.get(f"{queue_gateway.url}/entries/{command.entry_id}", headers=headers)
        assert shown.json()["state"] == "synced", shown.json()
        assert counts["{" + str(command.entry_id).upper() + "}"] == 1
    for what, command in bad.items():
        shown = http.get(f"{queue_gateway.url}/entries/{command.entry_id}", headers=headers).json()
        assert shown["state"] == "failed", (what, shown)
        assert EXPLAINED[what] in shown["detail"], (what, shown["detail"])
        assert "{" + str(command.entry_id).upper() + "}" not in counts
    assert "GOOD" in str([t.ref_number for t in quickbooks.company.transactions("Bill")])
    vendors = sorted(v.name for v in quickbooks.company.vendors.values())
    assert vendors == ["Acme Beverage", "Lódz Vodka Import"]
    assert "need attention" in first.message
