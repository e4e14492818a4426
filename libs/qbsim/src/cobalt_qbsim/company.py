"""A QuickBooks company file: accounts, vendors and transactions, kept on disk as JSON."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ZERO = Decimal("0.00")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class Account:
    list_id: str
    full_name: str
    account_type: str
    number: str | None = None
    active: bool = True
    balance: Decimal = ZERO
    edit_sequence: str = "1"
    time_created: str = field(default_factory=_now)

    @property
    def name(self) -> str:
        return self.full_name.rsplit(":", 1)[-1]

    @property
    def sublevel(self) -> int:
        return self.full_name.count(":")


@dataclass
class Vendor:
    list_id: str
    name: str
    active: bool = True
    company_name: str | None = None
    name_on_check: str | None = None
    external_guid: str | None = None
    edit_sequence: str = "1"
    time_created: str = field(default_factory=_now)


@dataclass
class Line:
    account_id: str
    amount: Decimal
    memo: str | None = None
    side: str | None = None  # "debit" / "credit" on journal entries
    entity_id: str | None = None
    line_id: str = ""


@dataclass
class Applied:
    bill_id: str
    payment: Decimal
    credits: list[tuple[str, Decimal]] = field(default_factory=list)


@dataclass
class Txn:
    txn_id: str
    kind: str  # Bill, VendorCredit, BillPaymentCheck, Deposit, JournalEntry
    txn_number: int
    txn_date: str
    amount: Decimal
    ref_number: str | None = None
    memo: str | None = None
    external_guid: str | None = None
    vendor_id: str | None = None
    ap_account_id: str | None = None
    bank_account_id: str | None = None
    due_date: str | None = None
    open_amount: Decimal | None = None
    lines: list[Line] = field(default_factory=list)
    applied: list[Applied] = field(default_factory=list)
    to_be_printed: bool = False
    edit_sequence: str = "1"
    time_created: str = field(default_factory=_now)
    time_modified: str | None = None  # None: as created

    def touched(self) -> None:
        """Changed in the company (a payment applied to it, say): a new edit sequence."""
        self.time_modified = _now()
        self.edit_sequence = str(int(self.edit_sequence) + 1)


@dataclass
class Company:
    """The whole company file. `save()` writes it atomically when it has a path."""

    name: str
    accounts: dict[str, Account] = field(default_factory=dict)
    vendors: dict[str, Vendor] = field(default_factory=dict)
    txns: dict[str, Txn] = field(default_factory=dict)
    # Transactions deleted in QuickBooks, as TxnDeletedQuery reports them.
    deleted: list[dict[str, str | None]] = field(default_factory=list)
    closing_date: str | None = None
    # Names held by other kinds of list records (customers, employees, other names): QuickBooks
    # keeps one name space, so a vendor cannot take one of them. {name: kind}
    other_names: dict[str, str] = field(default_factory=dict)
    # What QBWC stored in the file for an application: {OwnerID: FileID}.
    data_ext: dict[str, str] = field(default_factory=dict)
    # Outcome of each message set sent with newMessageSetID: {id: [response xml, ...]}.
    message_sets: dict[str, list[str]] = field(default_factory=dict)
    next_number: int = 1
    path: Path | None = None

    # ----------------------------------------------------------------- ids
    def new_id(self) -> str:
        """An id shaped like QuickBooks' own: hex sequence, dash, 10-digit timestamp."""
        number = self.next_number
        self.next_number += 1
        return f"{number:X}-{int(datetime.now(UTC).timestamp()):010d}"

    # ----------------------------------------------------------------- lookups
    def account_named(self, full_name: str) -> Account | None:
        key = full_name.strip().casefold()
        return next((a for a in self.accounts.values() if a.full_name.casefold() == key), None)

    def vendor_named(self, name: str) -> Vendor | None:
        key = name.strip().casefold()
        return next((v for v in self.vendors.values() if v.name.casefold() == key), None)

    def name_in_use(self, name: str) -> bool:
        """Any list record (vendor or other) already has this name (case ignored)."""
        key = name.strip().casefold()
        taken = any(other.casefold() == key for other in self.other_names)
        return taken or self.vendor_named(name) is not None

    def add_account(self, full_name: str, account_type: str, number: str | None = None) -> Account:
        account = Account(self.new_id(), full_name, account_type, number)
        self.accounts[account.list_id] = account
        return account

    # ----------------------------------------------------------------- inspection
    def transactions(self, kind: str | None = None) -> list[Txn]:
        """Transactions in the order they were entered."""
        return [t for t in self.txns.values() if kind is None or t.kind == kind]

    def count_by_external_guid(self) -> Counter[str]:
        """How many transactions carry each ExternalGUID: any count above 1 is a duplicate."""
        return Counter(t.external_guid.upper() for t in self.txns.values() if t.external_guid)

    def bill_balances(self) -> dict[str, Decimal]:
        """Open balance of every bill, by TxnID."""
        return {t.txn_id: t.open_amount or ZERO for t in self.transactions("Bill")}

    def vendor_balance(self, vendor_name: str) -> Decimal:
        """What the store owes a vendor: open bills minus open credits."""
        vendor = self.vendor_named(vendor_name)
        if vendor is None:
            return ZERO
        total = ZERO
        for txn in self.txns.values():
            if txn.vendor_id == vendor.list_id and txn.open_amount is not None:
                sign = 1 if txn.kind == "Bill" else -1 if txn.kind == "VendorCredit" else 0
                total += sign * txn.open_amount
        return total

    # ----------------------------------------------------------------- persistence
    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = self._to_json()
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".company-", suffix=".json")
        with os.fdopen(fd, "w") as out:
            json.dump(data, out, default=str, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)

    def _to_json(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies everything and made each save O(company) slow.
        txns = {}
        for txn_id, txn in self.txns.items():
            raw = dict(vars(txn))
            raw["lines"] = [vars(line) for line in txn.lines]
            raw["applied"] = [vars(applied) for applied in txn.applied]
            txns[txn_id] = raw
        return {
            "name": self.name,
            "accounts": {k: vars(v) for k, v in self.accounts.items()},
            "vendors": {k: vars(v) for k, v in self.vendors.items()},
            "txns": txns,
            "closing_date": self.closing_date,
            "deleted": self.deleted,
            "other_names": self.other_names,
            "data_ext": self.data_ext,
            "message_sets": self.message_sets,
            "next_number": self.next_number,
        }

    @classmethod
    def load(cls, path: Path) -> Company:
        data: dict[str, Any] = json.loads(path.read_text())
        company = cls(
            name=data["name"],
            closing_date=data.get("closing_date"),
            deleted=data.get("deleted", []),
            other_names=data.get("other_names", {}),
            data_ext=data.get("data_ext", {}),
            message_sets=data.get("message_sets", {}),
            next_number=data.get("next_number", 1),
            path=path,
        )
        for raw in data["accounts"].values():
            raw["balance"] = Decimal(raw["balance"])
            company.accounts[raw["list_id"]] = Account(**raw)
        for raw in data["vendors"].values():
            company.vendors[raw["list_id"]] = Vendor(**raw)
        for raw in data["txns"].values():
            raw["amount"] = Decimal(raw["amount"])
            if raw.get("open_amount") is not None:
                raw["open_amount"] = Decimal(raw["open_amount"])
            raw["lines"] = [Line(**{**ln, "amount": Decimal(ln["amount"])}) for ln in raw["lines"]]
            raw["applied"] = [
                Applied(
                    a["bill_id"],
                    Decimal(a["payment"]),
                    [(c, Decimal(amt)) for c, amt in a["credits"]],
                )
                for a in raw["applied"]
            ]
            company.txns[raw["txn_id"]] = Txn(**raw)
        return company

    @classmethod
    def open(cls, path: Path, name: str = "Demo Liquors") -> Company:
        """The company at `path`, or a new sample company saved there."""
        if path.exists():
            return cls.load(path)
        from cobalt_qbsim.chart import sample_company

        company = sample_company(name)
        company.path = path
        company.save()
        return company


def today() -> date:
    return datetime.now(UTC).date()


def new_guid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"
