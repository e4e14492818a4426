"""How fast the simulated QuickBooks answers, so later benchmarks know it is not the bottleneck.

Run: .venv/bin/python tests/benchmarks/bench_qbsim.py [--documents 200] [--batch 10]
Baseline in the same run: parsing plus schema validation of the same documents alone.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbxml import BillAdd, ExpenseLine, MessageSet, Ref, VendorAdd
from cobalt_qbxml.schema import schema_errors


def documents(count: int, batch: int) -> list[str]:
    docs = []
    for d in range(count):
        requests = [
            (
                f"b{i}",
                BillAdd(
                    vendor=Ref("Acme Beverage"),
                    txn_date=date(2026, 11, 24),
                    ref_number=f"INV-{d}-{i}",
                    external_guid=uuid.uuid4(),
                    expense_lines=[ExpenseLine(Ref("Purchases:Beer"), Decimal("12.34"))],
                ),
            )
            for i in range(batch)
        ]
        docs.append(MessageSet(requests, new_message_set_id=f"s{d}").to_xml())
    return docs


def main(count: int, batch: int) -> None:
    docs = documents(count, batch)
    started = time.perf_counter()
    for doc in docs:
        schema_errors(doc)
    baseline = count * batch / (time.perf_counter() - started)
    print(f"{count} documents of {batch} BillAdd requests each")
    print(f"{'path':<52} {'requests/s':>11} {'vs baseline':>12}")
    print(f"{'parse + schema-validate only (baseline)':<52} {baseline:>11,.0f} {1.0:>11.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        for persist in (False, True):
            company = sample_company()
            company.path = Path(tmp) / "company.json" if persist else None
            quickbooks = SimulatedQuickBooks(company)
            quickbooks.process(MessageSet([("v", VendorAdd("Acme Beverage"))]).to_xml())
            started = time.perf_counter()
            for doc in docs:
                quickbooks.process(doc)
            rate = count * batch / (time.perf_counter() - started)
            name = "simulated QuickBooks, " + (
                "saved to disk each document" if persist else "in memory"
            )
            print(f"{name:<52} {rate:>11,.0f} {rate / baseline:>11.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--batch", type=int, default=10)
    args = parser.parse_args()
    main(args.documents, args.batch)
