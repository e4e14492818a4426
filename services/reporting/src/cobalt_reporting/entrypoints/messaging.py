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
    settle_cards,
)
from cobalt_reporting.domain.settlement import CardSettlement
from cobalt_shared.contracts import (
    CardSettlementReported,
    PosSales,
    PostToQuickBooks,
    QuickBooksEntryResults,
    SalesCategoriesSeen,
)
from cobalt_shared.contracts.subjects import (
    CARD_SETTLEMENTS_ALL,
    GATEWAY_STREAM,
    POS_SALES_ALL,
    REPORTING_STREAM,
    entry_results_for,
)
from cobalt_shared.errors import DomainError
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
        CARD_SETTLEMENTS_ALL,
        stream=REPORTING_STREAM,
        durable="reporting-card-settlements",
        owner=REPORTING_STREAM,
        description="Card settlement batches from the POS or processor; each batch counts once, "
        "one whose figures do not add up is logged with the field and changes nothing.",
    )
    async def on_settlement(report: CardSettlementReported, uow: Uow) -> None:
        try:
            settlement = CardSettlement.of(
                report.batch_id,
                report.settled_on,
                report.gross,
                report.fees,
                report.chargebacks,
                report.net,
                tuple(report.days),
            )
            await settle_cards(uow, report.merchant_id, settlement)
        except DomainError as exc:
            log.warning(
                "card settlement %s of merchant %s refused (%s): %s",
                report.batch_id,
                report.merchant_id,
                exc.field or "batch",
                exc.message,
            )

    @durable_subscriber(
        router,
        entry_results_for("reporting"),
        stream=GATEWAY_STREAM,
        durable="reporting-own-entry-results",
        owner=REPORTING_STREAM,
        description="What became of the journal entries and deposits in QuickBooks (a message "
        "tells a gateway transaction's results at once).",
    )
    async def on_results(event: QuickBooksEntryResults, uow: Uow) -> None:
        for result in event.results:
            await apply_entry_result(result, uow)

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
