"""Messages the payables service consumes."""

from __future__ import annotations

from typing import Annotated

from fast_depends import Depends
from faststream.nats import NatsRouter

from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.application.record_bill import RecordBill, record_bill
from cobalt_shared.contracts import OrderReceived
from cobalt_shared.contracts.subjects import ORDER_RECEIVED_ALL, ORDERS_STREAM, PAYABLES_STREAM
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
        description="A received vendor order opens a bill in accounts payable.",
    )
    async def on_order_received(event: OrderReceived, uow: Uow) -> None:
        await record_bill(RecordBill.from_event(event), uow)

    return router
