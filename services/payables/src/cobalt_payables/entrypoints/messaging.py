"""Messages the payables service consumes."""

from __future__ import annotations

from typing import Annotated

from fast_depends import Depends
from faststream.nats import NatsRouter

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.application.payables import apply_entry_results, record_received_orders
from cobalt_shared.contracts import OrderReceived, QuickBooksEntryResults
from cobalt_shared.contracts.subjects import (
    GATEWAY_STREAM,
    ORDER_RECEIVED_ALL,
    ORDERS_STREAM,
    PAYABLES_STREAM,
    entry_results_for,
)
from cobalt_shared.inbox import InboxConfig, current_unit_of_work, durable_subscriber, inbox_router

Uow = Annotated[PayablesUnitOfWork, Depends(current_unit_of_work)]


def build_consumers(config: InboxConfig) -> NatsRouter:
    """Subscribers of the payables worker, each behind the inbox."""
    router = inbox_router(config)

    @durable_subscriber(
        router,
        ORDER_RECEIVED_ALL,
        stream=ORDERS_STREAM,
        durable="payables-order-received",
        owner=PAYABLES_STREAM,
        description="A received vendor order opens a bill (and a vendor credit for its "
        "credits) and asks the gateway to post them to QuickBooks.",
        together=True,
    )
    async def on_order_received(events: list[OrderReceived], uow: Uow) -> None:
        await record_received_orders(events, uow)

    @durable_subscriber(
        router,
        entry_results_for("payables"),
        stream=GATEWAY_STREAM,
        durable="payables-own-entry-results",
        owner=PAYABLES_STREAM,
        description="What became of bills, credits and payments in QuickBooks (a message "
        "tells a gateway transaction's results at once); a synced payment reduces the balances "
        "it applies to.",
        together=True,
    )
    async def on_entry_results(events: list[QuickBooksEntryResults], uow: Uow) -> None:
        await apply_entry_results([r for event in events for r in event.results], uow)

    return router
