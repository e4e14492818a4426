"""`cobalt-qbsim`: run a simulated QuickBooks company and its Web Connector by hand."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from cobalt_qbsim.company import Company
from cobalt_qbsim.processor import QuickBooksError, SimulatedQuickBooks
from cobalt_qbsim.qwc import QwcError, QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector, UpdateResult

DEFAULT_COMPANY = Path(".local/qbsim/company.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cobalt-qbsim", description=__doc__)
    parser.add_argument("--company", type=Path, default=DEFAULT_COMPANY,
                        help=f"company file (JSON; made with a liquor-store chart if missing; "
                        f"default {DEFAULT_COMPANY})")  # fmt: skip
    parser.add_argument(
        "--no-schema-check",
        action="store_true",
        help="run without Intuit's qbXML schema: requests are not checked as QuickBooks does",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    connect = commands.add_parser("connect", help="run the Web Connector against a service")
    source = connect.add_mutually_exclusive_group(required=True)
    source.add_argument("--qwc", type=Path, help="the .qwc file from the service")
    source.add_argument("--url", help="the service's AppURL, when there is no .qwc file")
    connect.add_argument("--user", default="", help="user name (with --url)")
    connect.add_argument("--password", required=True)
    connect.add_argument("--interval", type=float, help="seconds between updates "
                         "(default: the .qwc's RunEveryNMinutes)")  # fmt: skip
    connect.add_argument("--once", action="store_true", help="one update, then exit")
    connect.add_argument("--noop-wait", type=float, default=5.0)

    process = commands.add_parser("process", help="answer one qbXML request file")
    process.add_argument("request", type=Path)

    commands.add_parser("inspect", help="list accounts, vendors, transactions, duplicates")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    company = Company.open(args.company)
    quickbooks = SimulatedQuickBooks(company, check_schema=not args.no_schema_check)
    if args.no_schema_check:
        logging.warning("qbXML request checking is OFF: Intuit's schema was not found")
    if args.command == "process":
        try:
            print(quickbooks.process(args.request.read_bytes()))
        except QuickBooksError as exc:
            print(f"HRESULT {exc.hresult}: {exc.message}", file=sys.stderr)
            return 1
        return 0
    if args.command == "inspect":
        print(inspect(company))
        return 0
    return _connect(args, quickbooks)


def _connect(args: argparse.Namespace, quickbooks: SimulatedQuickBooks) -> int:
    try:
        if args.qwc:
            qwc = QwcFile.parse(args.qwc.read_bytes())
        else:
            qwc = QwcFile(
                app_name="cobalt-qbsim",
                app_url=args.url,
                app_support=args.url,
                user_name=args.user,
                owner_id="{00000000-0000-0000-0000-000000000001}",
                file_id="{00000000-0000-0000-0000-000000000002}",
                qb_type="QBFS",
                run_every_minutes=None,
                is_read_only=False,
            )
    except (QwcError, OSError) as exc:
        print(f"cobalt-qbsim: {exc}", file=sys.stderr)
        return 2
    connector = SimulatedWebConnector(
        qwc, args.password, quickbooks, noop_wait_seconds=args.noop_wait
    )
    if args.once:
        result = connector.update()
        print(f"{result.outcome}: {result.message} ({result.documents} request documents)")
        return 0 if result.outcome in ("done", "no work") else 1
    stop, wake = threading.Event(), threading.Event()

    def halt(*_: object) -> None:
        stop.set()
        wake.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, halt)
    signal.signal(signal.SIGUSR1, lambda *_: wake.set())  # "Update Selected": update now
    print(f"Web Connector for {quickbooks.company.name} -> {qwc.app_url} (Ctrl-C stops; "
          "SIGUSR1 updates at once)", flush=True)  # fmt: skip

    def report(result: UpdateResult) -> None:
        print(f"update: {result.outcome}: {result.message}", flush=True)

    connector.run(stop, args.interval, wake, report)
    return 0


def inspect(company: Company) -> str:
    """A plain-text look inside the company file."""
    lines = [f"Company: {company.name}", "", "Accounts (non-zero balances):"]
    for account in sorted(company.accounts.values(), key=lambda a: a.full_name):
        if account.balance:
            lines.append(
                f"  {account.full_name:<32} {account.account_type:<22} {account.balance:>12}"
            )
    lines += ["", "Vendors:"]
    for vendor in company.vendors.values():
        lines.append(f"  {vendor.name:<41} owed {company.vendor_balance(vendor.name):>12}")
    lines += ["", "Transactions:"]
    for txn in company.transactions():
        open_part = f" open {txn.open_amount}" if txn.open_amount is not None else ""
        lines.append(
            f"  {txn.txn_date} {txn.kind:<17} {txn.ref_number or '':<20} {txn.amount:>12}"
            f"{open_part}  {txn.external_guid or ''}"
        )
    duplicates = {g: n for g, n in company.count_by_external_guid().items() if n > 1}
    lines += ["", f"Duplicates by ExternalGUID: {duplicates or 'none'}"]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
