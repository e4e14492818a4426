# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Intuit's qbXML schema is for checking in tests and the simulated QuickBooks: the gateway
itself never needs it, and a clone without it still runs the demo (checking visibly off)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from datetime import date

import pytest

import cobalt_qbxml.schema
from cobalt_devstack.demo import schema_present
from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_qbwc_gateway.testing import seed_entries
from cobalt_qbxml import MessageSet, VendorAdd
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine

PASSWORD = "correct horse battery"


def test_the_gateway_syncs_without_the_schema(queue_gateway, http, monkeypatch):
    def no_schema():
        raise cobalt_qbxml.schema.SchemaNotFound("the gateway must not need the schema")

    monkeypatch.setattr(cobalt_qbxml.schema, "load_schema", no_schema)
    merchant = uuid.uuid4()
    body = {"qbwc_user": f"u{merchant.hex[:10]}", "password": PASSWORD, "start_date": "2026-11-01"}
    url = f"{queue_gateway.url}/connections/{merchant}"
    assert http.put(url, json=body, headers=queue_gateway.support()).is_success
    qwc = QwcFile.parse(http.get(f"{url}/qwc", headers=queue_gateway.support()).content)
    bill = PostToQuickBooks(
        merchant_id=merchant,
        entry_id=uuid.uuid4(),
        kind="bill",
        txn_date=date(2026, 11, 24),
        ref_number="NS-1",
        vendor_name="Acme Beverage",
        source="payables",
        lines=[AccountLine(account="purchases:beer", amount="10.00")],
    )
    asyncio.run(seed_entries(queue_gateway.database_url, merchant, [bill]))
    quickbooks = SimulatedQuickBooks(sample_company(), check_schema=False)
    quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    for _ in range(3):
        if SimulatedWebConnector(qwc, PASSWORD, quickbooks).update().outcome == "no work":
            break
    assert quickbooks.company.count_by_external_guid() == {
        "{" + str(bill.entry_id).upper() + "}": 1
    }


def test_a_clone_without_the_schema_is_told_what_is_missing_and_where_it_comes_from(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("COBALT_QBXML_SCHEMA_DIR", str(tmp_path))
    said: list[str] = []
    assert schema_present(said.append) is False
    [message] = said
    assert "does NOT check requests" in message
    assert "QuickBooks Desktop SDK" in message
    assert "COBALT_QBXML_SCHEMA_DIR" in message
    with pytest.raises(cobalt_qbxml.schema.SchemaNotFound):
        cobalt_qbxml.schema.schema_dir()  # the test suite fails loudly without it


def test_the_simulated_company_answers_with_checking_off(tmp_path):
    request = tmp_path / "request.xml"
    request.write_text(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
    company = str(tmp_path / "c.json")
    command = ["--company", company, "--no-schema-check", "process", str(request)]
    done = subprocess.run(
        [sys.executable, "-m", "cobalt_qbsim.cli", *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"COBALT_QBXML_SCHEMA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert 'statusCode="0"' in done.stdout
    assert "request checking is OFF" in done.stderr
