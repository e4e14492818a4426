"""Stream and subject names: lower-case dot paths owned by the publishing service."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class StreamSpec:
    """A JetStream stream owned by one service."""

    name: str
    subjects: tuple[str, ...]
    description: str


ORDERS_STREAM = StreamSpec("ORDERS", ("orders.>",), "Events published by the orders service")
PAYABLES_STREAM = StreamSpec("PAYABLES", ("payables.>",), "Events and commands from payables")
COA_STREAM = StreamSpec("COA", ("coa.>",), "Chart-of-accounts events and commands")
REPORTING_STREAM = StreamSpec("REPORTING", ("reporting.>",), "Sales and close events")
GATEWAY_STREAM = StreamSpec("QBWC", ("qbwc.>",), "Accounting results from the gateway")

STREAM_BY_SERVICE = {
    "orders": ORDERS_STREAM,
    "payables": PAYABLES_STREAM,
    "coa": COA_STREAM,
    "reporting": REPORTING_STREAM,
    "qbwc-gateway": GATEWAY_STREAM,
}


def order_received(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's order-received events."""
    return f"orders.event.{merchant_id}.order-received"


ORDER_RECEIVED_ALL = "orders.event.*.order-received"
ORDER_RECEIVED_DOC = "orders.event.{merchant_id}.order-received"


def connection_changed(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's QuickBooks connection events."""
    return f"qbwc.event.{merchant_id}.connection-changed"


CONNECTION_CHANGED_ALL = "qbwc.event.*.connection-changed"
CONNECTION_CHANGED_DOC = "qbwc.event.{merchant_id}.connection-changed"


def post_to_quickbooks(service: str, merchant_id: uuid.UUID | str) -> str:
    """Subject of a service's accounting commands for one merchant."""
    return f"{service}.command.{merchant_id}.post-to-quickbooks"


ACCOUNTING_COMMAND_SOURCES = (PAYABLES_STREAM, REPORTING_STREAM)


def account_mapped(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's account-mapping events."""
    return f"coa.event.{merchant_id}.account-mapped"


ACCOUNT_MAPPED_ALL = "coa.event.*.account-mapped"


def entry_result(merchant_id: uuid.UUID | str, owner: str) -> str:
    """Subject of a merchant's QuickBooks entry results for the service that owns them."""
    return f"qbwc.event.{merchant_id}.entry-result.{subject_token(owner)}"


def entry_results_for(owner: str) -> str:
    """Every merchant's entry results owned by one service (what it subscribes to)."""
    return f"qbwc.event.*.entry-result.{subject_token(owner)}"


ENTRY_RESULT_DOC = "qbwc.event.{merchant_id}.entry-result.{owner}"


def subject_token(text: str) -> str:
    """A service name as one subject token: lower case, letters, digits and '-' only."""
    token = "".join(c if c.isalnum() or c == "-" else "-" for c in text.strip().lower())
    return token or "unknown"


def refresh_accounts(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's requests to read the QuickBooks chart of accounts."""
    return f"coa.command.{merchant_id}.refresh-accounts"


REFRESH_ACCOUNTS_ALL = "coa.command.*.refresh-accounts"


def accounts_listed(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's QuickBooks chart of accounts as the gateway read it."""
    return f"qbwc.event.{merchant_id}.accounts-listed"


ACCOUNTS_LISTED_ALL = "qbwc.event.*.accounts-listed"


def pos_sales(merchant_id: uuid.UUID | str) -> str:
    """Subject a POS publishes a merchant's sales batches on (kept in the REPORTING stream)."""
    return f"reporting.inbound.{merchant_id}.sales"


POS_SALES_ALL = "reporting.inbound.*.sales"


def card_settlement(merchant_id: uuid.UUID | str) -> str:
    """Where a POS or card processor reports a merchant's settlement batch."""
    return f"reporting.inbound.{merchant_id}.card-settlement"


CARD_SETTLEMENTS_ALL = "reporting.inbound.*.card-settlement"


def categories_seen(merchant_id: uuid.UUID | str) -> str:
    """Subject of a merchant's newly seen sales categories."""
    return f"reporting.event.{merchant_id}.categories-seen"


CATEGORIES_SEEN_ALL = "reporting.event.*.categories-seen"


def relay_wake(service: str) -> str:
    """Core NATS (no stream): an API's commit added outbox rows; its worker's relay wakes."""
    return f"wake.{service}"
