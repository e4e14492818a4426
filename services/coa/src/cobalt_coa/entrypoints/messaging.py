"""Messages the chart-of-accounts service consumes and publishes."""

from __future__ import annotations

from typing import Annotated

from fast_depends import Depends
from faststream.nats import NatsRouter

from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.application.coa import (
    on_accounts_listed,
    on_connection_changed,
    on_order_received,
    on_sales_categories,
)
from cobalt_shared.contracts import (
    AccountMapped,
    OrderReceived,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
    RefreshQuickBooksAccounts,
    SalesCategoriesSeen,
)
from cobalt_shared.contracts.subjects import (
    ACCOUNTS_LISTED_ALL,
    CATEGORIES_SEEN_ALL,
    COA_STREAM,
    CONNECTION_CHANGED_ALL,
    GATEWAY_STREAM,
    ORDER_RECEIVED_ALL,
    ORDERS_STREAM,
    REPORTING_STREAM,
)
from cobalt_shared.inbox import InboxConfig, current_unit_of_work, durable_subscriber, inbox_router
from cobalt_shared.messaging import document_publication

Uow = Annotated[CoaUnitOfWork, Depends(current_unit_of_work)]


def build_consumers(config: InboxConfig) -> NatsRouter:
    router = inbox_router(config)

    @durable_subscriber(
        router, ORDER_RECEIVED_ALL, stream=ORDERS_STREAM, durable="coa-order-received",
        owner=COA_STREAM,
        description="A category seen for the first time gets its purchases and sales accounts.",
    )  # fmt: skip
    async def on_order(event: OrderReceived, uow: Uow) -> None:
        await on_order_received(event, uow)

    @durable_subscriber(
        router, CATEGORIES_SEEN_ALL, stream=REPORTING_STREAM, durable="coa-sales-categories",
        owner=COA_STREAM,
        description="A sales category seen for the first time gets its accounts.",
    )  # fmt: skip
    async def on_categories(event: SalesCategoriesSeen, uow: Uow) -> None:
        await on_sales_categories(event, uow)

    @durable_subscriber(
        router, CONNECTION_CHANGED_ALL, stream=GATEWAY_STREAM, durable="coa-connections",
        owner=COA_STREAM,
        description="Whether the merchant's QuickBooks integration is set up.",
    )  # fmt: skip
    async def on_connection(event: QuickBooksConnectionChanged, uow: Uow) -> None:
        await on_connection_changed(event, uow)

    @durable_subscriber(
        router, ACCOUNTS_LISTED_ALL, stream=GATEWAY_STREAM, durable="coa-accounts-listed",
        owner=COA_STREAM,
        description="The QuickBooks chart of accounts as read; mappings are checked against it.",
    )  # fmt: skip
    async def on_listed(event: QuickBooksAccountsListed, uow: Uow) -> None:
        await on_accounts_listed(event, uow)

    document_publication(
        router,
        "coa.event.{merchant_id}.account-mapped",
        AccountMapped,
        "A CobaltConnect account was mapped to a QuickBooks account, or unmapped.",
    )
    document_publication(
        router,
        "coa.command.{merchant_id}.refresh-accounts",
        RefreshQuickBooksAccounts,
        "Ask the gateway to read the merchant's QuickBooks chart of accounts.",
    )
    return router
