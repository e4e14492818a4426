"""A vendor order: what the store bought, what the vendor credited, and when it arrived."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from cobalt_qbxml.values import name_problem
from cobalt_shared.accounts import category_key
from cobalt_shared.amounts import round_money
from cobalt_shared.errors import Conflict, InvalidInput
from cobalt_shared.names import tidy, vendor_key

MAX_VENDOR_NAME = 41  # QuickBooks' limit on a vendor name, in the form QuickBooks stores it
MAX_INVOICE_NUMBER = 20  # QuickBooks' RefNumber limit for bills
MAX_CATEGORY = 100
MAX_DESCRIPTION = 200
MAX_QUANTITY_PLACES = 3
CREDIT_REASONS = ("return", "breakage", "allowance", "deposit refund")  # as in OrderCredit


@dataclass(frozen=True)
class OrderLine:
    category: str
    description: str
    quantity: Decimal
    unit_cost: Decimal

    @property
    def amount(self) -> Decimal:
        return round_money(self.quantity * self.unit_cost)


@dataclass(frozen=True)
class Credit:
    reason: str
    amount: Decimal
    category: str | None = None
    memo: str | None = None


@dataclass(frozen=True)
class Order:
    """A vendor order of one merchant; received once its goods arrived."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    order_date: date
    due_date: date | None
    lines: tuple[OrderLine, ...]
    credits: tuple[Credit, ...]
    recorded_at: datetime
    received_on: date | None = None
    recorded_by: str | None = None  # who entered it (from their sign-in)
    revision: int = 0  # corrections announced after it was received (its bill follows each)
    cancelled_on: date | None = None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def credit_total(self) -> Decimal:
        return sum((c.amount for c in self.credits), Decimal("0.00"))

    def category_totals(self) -> list[tuple[str, Decimal]]:
        """Totals per category, categories compared ignoring case and spacing, first spelling
        kept, in the order they first appear."""
        totals: dict[str, tuple[str, Decimal]] = {}
        for line in self.lines:
            key = category_key(line.category)
            name, amount = totals.get(key, (line.category, Decimal("0.00")))
            totals[key] = (name, amount + line.amount)
        return list(totals.values())

    @classmethod
    def record(
        cls,
        *,
        merchant_id: uuid.UUID,
        vendor_name: str,
        invoice_number: str,
        order_date: date,
        due_date: date | None,
        lines: list[OrderLine],
        credits: list[Credit],
        stated_total: Decimal | None,
        now: datetime,
    ) -> Order:
        """Validate a new order, with a message a merchant can act on for each rule."""
        vendor = tidy(vendor_name)
        invoice = invoice_number.strip()
        if not vendor:
            raise InvalidInput("vendor name is required")
        problem = name_problem(vendor, "vendor name", MAX_VENDOR_NAME)
        if problem:
            raise InvalidInput(problem, field="vendor_name")
        if not invoice:
            raise InvalidInput("vendor invoice number is required")
        if len(invoice) > MAX_INVOICE_NUMBER:
            raise InvalidInput(
                f"invoice number is longer than {MAX_INVOICE_NUMBER} characters (QuickBooks' "
                "limit for a bill's reference number)"
            )
        problem = name_problem(invoice, "invoice number", MAX_INVOICE_NUMBER)
        if problem:
            raise InvalidInput(problem, field="invoice_number")
        if due_date is not None and due_date < order_date:
            raise InvalidInput("due date is before the order date")
        if not lines:
            raise InvalidInput("an order needs at least one line")
        clean_lines = tuple(_line(i + 1, line) for i, line in enumerate(lines))
        clean_credits = tuple(_credit(i + 1, credit) for i, credit in enumerate(credits))
        order = cls(
            uuid.uuid4(), merchant_id, vendor, invoice, order_date, due_date,
            clean_lines, clean_credits, now,
        )  # fmt: skip
        if stated_total is not None and stated_total != order.total:
            raise InvalidInput(
                f"total {stated_total} does not match the lines, which add up to {order.total}"
            )
        if order.credit_total > order.total:
            raise InvalidInput(
                f"credits ({order.credit_total}) are more than the order total ({order.total})"
            )
        return order

    @property
    def corrects_bill(self) -> bool:
        """An edit now is a correction of a bill already sent (announced, bill follows)."""
        return self.received_on is not None

    def edited(self, changed: Order) -> Order:
        """This order as corrected (`changed` was validated by `record`). Once received, a
        correction is announced with the next revision and its bill follows in QuickBooks;
        the vendor then stays (a bill belongs to one vendor), and a cancelled order stays
        cancelled."""
        self._not_cancelled("corrected")
        same = replace(
            changed, id=self.id, recorded_at=self.recorded_at, recorded_by=self.recorded_by
        )
        if self.received_on is None:
            return same
        if vendor_key(changed.vendor_name) != vendor_key(self.vendor_name):
            raise Conflict(
                f"order {self.invoice_number} was received and its bill sent to QuickBooks as "
                f"{self.vendor_name}'s: its vendor cannot change. Cancel it and record the "
                "order again under the right vendor",
                field="vendor_name",
                code="already_received",
            )
        if changed.order_date > self.received_on:
            raise InvalidInput(
                "the order date is after the day it was received", field="order_date"
            )
        return replace(
            same,
            vendor_name=self.vendor_name,
            received_on=self.received_on,
            revision=self.revision + 1,
        )

    def cancel(self, on: date) -> Order:
        """Cancelled: a received order's bill (and credit) are voided in QuickBooks, announced
        with the next revision; cancelled again, it is announced again (its first day stays).
        An order never received has nothing to announce: cancelling it again changes nothing."""
        if self.received_on is None:
            return self if self.cancelled_on is not None else replace(self, cancelled_on=on)
        return replace(self, cancelled_on=self.cancelled_on or on, revision=self.revision + 1)

    def _not_cancelled(self, what: str) -> None:
        if self.cancelled_on is not None:
            raise Conflict(
                f"order {self.invoice_number} was cancelled on {self.cancelled_on.isoformat()}, "
                f"so it cannot be {what}; record a new order instead",
                field="cancelled_on",
                code="cancelled",
            )

    def receive(self, received_on: date) -> Order:
        self._not_cancelled("received")
        if received_on < self.order_date:
            raise InvalidInput("received date is before the order date")
        return replace(self, received_on=received_on)


def _category(where: str, name: str | None) -> str:
    category = tidy(name or "")
    if not category:
        raise InvalidInput(f"{where}: a category name is required")
    if len(category) > MAX_CATEGORY:
        raise InvalidInput(f"{where}: category name is longer than {MAX_CATEGORY} characters")
    return category


def _line(n: int, line: OrderLine) -> OrderLine:
    where = f"line {n}"
    category = _category(where, line.category)
    if line.quantity < 0:
        raise InvalidInput(f"{where}: quantity must not be negative")
    exponent = line.quantity.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_QUANTITY_PLACES:
        raise InvalidInput(f"{where}: quantity has more than {MAX_QUANTITY_PLACES} decimal places")
    if line.unit_cost < 0:
        raise InvalidInput(f"{where}: unit cost must not be negative")
    if len(line.description) > MAX_DESCRIPTION:
        raise InvalidInput(f"{where}: description is longer than {MAX_DESCRIPTION} characters")
    return replace(line, category=category, description=line.description.strip())


def _credit(n: int, credit: Credit) -> Credit:
    where = f"credit {n}"
    if credit.reason not in CREDIT_REASONS:
        raise InvalidInput(f"{where}: reason must be one of {', '.join(CREDIT_REASONS)}")
    if credit.amount <= 0:
        raise InvalidInput(f"{where}: amount must be positive")
    category = None if credit.category is None else _category(where, credit.category)
    return replace(credit, category=category)


@dataclass(frozen=True)
class OrderChange:
    """One line of an order's history: recorded, edited or received, by whom."""

    order_id: uuid.UUID
    at: datetime
    by: str | None
    action: str  # recorded, edited, received, corrected, cancelled
    summary: str


def describe_changes(before: Order, after: Order) -> str:
    """What an edit changed, in a bookkeeper's words ('total 204.00 -> 212.50; ...')."""
    said = []
    for label, old, new in (
        ("vendor", before.vendor_name, after.vendor_name),
        ("invoice", before.invoice_number, after.invoice_number),
        ("order date", before.order_date, after.order_date),
        ("due date", before.due_date, after.due_date),
        ("total", before.total, after.total),
        ("credits", before.credit_total, after.credit_total),
        ("lines", len(before.lines), len(after.lines)),
    ):
        if old != new:
            said.append(f"{label} {_shown(old)} -> {_shown(new)}")
    if not said and before.lines != after.lines:
        said.append("line details")
    return "; ".join(said) or "no change"


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
