"""Messages of the gateway: it consumes accounting commands and mappings, and publishes
connection events."""

from __future__ import annotations

from typing import Annotated

from fast_depends import Depends
from faststream.nats import NatsRouter

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.accounts import request_refresh
from cobalt_qbwc_gateway.application.entries import record_commands
from cobalt_qbwc_gateway.application.mappings import apply_mapping
from cobalt_shared.clock import Clock, system_clock
from cobalt_shared.contracts import (
    AccountMapped,
    PostToQuickBooks,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
    QuickBooksEntryResults,
    RefreshQuickBooksAccounts,
)
from cobalt_shared.contracts.subjects import (
    ACCOUNT_MAPPED_ALL,
    ACCOUNTING_COMMAND_SOURCES,
    COA_STREAM,
    CONNECTION_CHANGED_DOC,
    ENTRY_RESULT_DOC,
    GATEWAY_STREAM,
    REFRESH_ACCOUNTS_ALL,
)
from cobalt_shared.inbox import InboxConfig, current_unit_of_work, durable_subscriber, inbox_router
from cobalt_shared.messaging import document_publication

Uow = Annotated[GatewayUnitOfWork, Depends(current_unit_of_work)]


def build_consumers(config: InboxConfig, clock: Clock = system_clock) -> NatsRouter:
    """One durable consumer per service that sends accounting commands."""
    router = inbox_router(config)
    for source in ACCOUNTING_COMMAND_SOURCES:
        prefix = source.subjects[0].removesuffix(">")

        async def on_commands(commands: list[PostToQuickBooks], uow: Uow) -> None:
            await record_commands(commands, uow, clock())

        durable_subscriber(
            router,
            f"{prefix}command.*.post-to-quickbooks",
            stream=source,
            durable=f"qbwc-gateway-{source.name.lower()}-commands",
            owner=GATEWAY_STREAM,
            description=f"Entries to put in QuickBooks, from {source.name.lower()}.",
            together=True,
        )(on_commands)

    @durable_subscriber(
        router,
        ACCOUNT_MAPPED_ALL,
        stream=COA_STREAM,
        durable="qbwc-gateway-mappings",
        owner=GATEWAY_STREAM,
        description="Chart-of-accounts mappings: release entries waiting for them.",
    )
    async def on_account_mapped(event: AccountMapped, uow: Uow) -> None:
        await apply_mapping(event, uow, clock())

    @durable_subscriber(
        router,
        REFRESH_ACCOUNTS_ALL,
        stream=COA_STREAM,
        durable="qbwc-gateway-account-refresh",
        owner=GATEWAY_STREAM,
        description="Read the merchant's QuickBooks chart of accounts at the next update.",
    )
    async def on_refresh_accounts(command: RefreshQuickBooksAccounts, uow: Uow) -> None:
        await request_refresh(command, uow, clock())

    document_publication(
        router,
        "qbwc.event.{merchant_id}.accounts-listed",
        QuickBooksAccountsListed,
        "The merchant's QuickBooks chart of accounts, as read at the last update.",
    )
    document_publication(
        router,
        ENTRY_RESULT_DOC,
        QuickBooksEntryResults,
        "What became of entries in QuickBooks (synced with its TxnID, failed with why, "
        "cancelled, or found before the start date), for the service they came from: one "
        "message per gateway transaction, merchant and service.",
    )
    document_publication(
        router,
        CONNECTION_CHANGED_DOC,
        QuickBooksConnectionChanged,
        "A merchant's QuickBooks integration was set up or changed state.",
    )
    return router
