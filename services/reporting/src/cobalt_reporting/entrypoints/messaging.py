"""Messages of the reporting service: POS sales in, QuickBooks results in, commands out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Annotated, cast

from fast_depends import Depends
from faststream.nats import NatsRouter

from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.application.reporting import (
    apply_entry_result,
    close_due_days,
    ingest_sales,
)
from cobalt_shared.contracts import (
    PosSales,
    PostToQuickBooks,
    QuickBooksEntryResult,
    SalesCategoriesSeen,
)
from cobalt_shared.contracts.subjects import (
    GATEWAY_STREAM,
    POS_SALES_ALL,
    REPORTING_STREAM,
    entry_results_for,
)
from cobalt_shared.inbox import InboxConfig, current_unit_of_work, durable_subscriber, inbox_router
from cobalt_shared.messaging import document_publication
from cobalt_shared.worker import Job

log = logging.getLogger(__name__)
Uow = Annotated[ReportingUnitOfWork, Depends(current_unit_of_work)]


def build_consumers(config: InboxConfig) -> NatsRouter:
    router = inbox_router(config)

    @durable_subscriber(
        router, POS_SALES_ALL, stream=REPORTING_STREAM, durable="reporting-pos-sales",
        owner=REPORTING_STREAM,
        description="POS sales batches; each sale counts once by its id, bad ones are logged.",
    )  # fmt: skip
    async def on_sales(batch: PosSales, uow: Uow) -> None:
        result = await ingest_sales(uow, batch.merchant_id, batch.sales)
        for bad in result.rejected:
            log.warning("sale %s of merchant %s refused: %s", bad["sale_id"],
                        batch.merchant_id, bad["error"])  # fmt: skip

    @durable_subscriber(
        router,
        entry_results_for("reporting"),
        stream=GATEWAY_STREAM,
        durable="reporting-own-entry-results",
        owner=REPORTING_STREAM,
        description="What became of the journal entries and deposits in QuickBooks.",
    )
    async def on_result(event: QuickBooksEntryResult, uow: Uow) -> None:
        await apply_entry_result(event, uow)

    document_publication(
        router,
        "reporting.command.{merchant_id}.post-to-quickbooks",
        PostToQuickBooks,
        "Sales summary journal entries, the day's cash deposit and gross card deposits.",
    )
    document_publication(
        router,
        "reporting.event.{merchant_id}.categories-seen",
        SalesCategoriesSeen,
        "Sales categories seen for the first time (the chart of accounts adds their accounts).",
    )
    return router


def build_jobs(config: InboxConfig, interval: float) -> list[Job]:
    """The close scheduler: days close by themselves once their close time has passed."""
    new_uow = cast(Callable[[], ReportingUnitOfWork], config.new_uow)

    async def close_loop() -> None:
        while True:
            try:
                closed = await close_due_days(new_uow)
                if closed:
                    log.info("closed %d business day(s)", closed)
            except Exception:
                log.exception("the close scheduler failed; it tries again")
            await asyncio.sleep(interval)

    return [close_loop]
