"""HTTP API of the reporting service: sales in, card settlements, closes, reports."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.application.reporting import (
    card_clearing_report,
    close_day,
    day_status,
    day_tie_out,
    ingest_sales,
    sales_report,
    settle_cards,
)
from cobalt_reporting.domain.close import DaySummary, EndOfDayClose
from cobalt_reporting.domain.sales import UNNAMED_TAX, CloseSchedule, DayFigures
from cobalt_reporting.domain.settlement import CardSettlement
from cobalt_shared.api_contract import IsoDate
from cobalt_shared.auth import Merchant
from cobalt_shared.contracts import PosSale, utcnow
from cobalt_shared.errors import Conflict, InvalidInput
from cobalt_shared.http import unit_of_work
from cobalt_shared.money import Money

router = APIRouter(tags=["reporting"])

Uow = Annotated[ReportingUnitOfWork, Depends(unit_of_work)]
MAX_BATCH = 5000
ZERO_MONEY = Decimal("0.00")


class SalesBatch(BaseModel):
    sales: list[PosSale] = Field(max_length=MAX_BATCH)


class IngestOut(BaseModel):
    """Each sale is accepted, a duplicate (already counted), or rejected with its reason."""

    accepted: int
    duplicates: list[str]
    rejected: list[dict[str, str]]


SUMMARY_LINES = (
    ("Discounts", "discounts"),
    ("Refunds", "refunded"),
    ("Net sales", "net_sales"),
    ("Tips", "tips"),
    ("Gift cards sold", "gift_cards_sold"),
    ("Gift cards redeemed", "gift_cards_redeemed"),
    ("Rounding", "rounding"),
)


class ScheduleIn(BaseModel):
    """When the merchant's business day ends, in its own time zone."""

    timezone: str = Field(
        examples=["America/New_York"],
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$",
        description="IANA time zone name.",
    )
    close_time: str = Field(
        examples=["23:59"],
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="Local time the business day ends (HH:MM).",
    )

    def closing(self) -> time:
        return time.fromisoformat(self.close_time)


class SettlementIn(BaseModel):
    """A card settlement batch as the processor reports it."""

    batch_id: str = Field(examples=["B-20261124"])
    settled_on: IsoDate
    gross: Money = Field(description="The batch's card sales.")
    fees: Money | None = Field(None, description="Processing fees kept by the processor.")
    chargebacks: Money | None = Field(
        None, description="Chargebacks and adjustments withheld from the batch."
    )
    net: Money | None = Field(
        None, description="What the bank received; when given it must add up (422 otherwise)."
    )
    days: list[IsoDate] = Field(
        default_factory=list,
        max_length=31,
        description="The business days whose card sales it settles: it waits until they are "
        "closed (their card sales are in Card Clearing), then it is posted.",
    )


class SettlementOut(BaseModel):
    batch_id: str
    status: str = Field(description="recorded, already recorded, or waiting for days to close")
    waiting_for: list[IsoDate] = Field(description="Days not closed yet that it waits for.")


class CategoryAmount(BaseModel):
    category: str
    amount: Money


class TaxAmount(BaseModel):
    name: str = Field(description="The tax rate or agency; 'Sales tax' for unnamed tax.")
    amount: Money


class DayFiguresOut(BaseModel):
    """A business day's summary: what the journal entry posts, line by line."""

    sales_by_category: list[CategoryAmount] = Field(
        description="Sales per category before discounts (refunds are apart)."
    )
    discounts: Money = Field(ZERO_MONEY, description="Discounts given.")
    refunded: Money = Field(ZERO_MONEY, description="Refunded sales, before tax.")
    net_sales: Money = Field(description="Category sales less discounts and refunds.")
    tax: Money = Field(description="All sales tax collected (net of refunds).")
    taxes: list[TaxAmount] = Field(default_factory=list, description="Tax by rate or agency.")
    tips: Money = Field(ZERO_MONEY, description="Tips (owed to the staff).")
    gift_cards_sold: Money = Field(ZERO_MONEY)
    gift_cards_redeemed: Money = Field(ZERO_MONEY)
    rounding: Money = Field(ZERO_MONEY, description="POS totals less the sum of their lines.")
    tenders: dict[str, Money] = Field(
        description="Totals per tender: card, cash, gift-card, other."
    )
    sales: int = Field(description="Sales counted.")
    refunds: int = Field(description="Refunds counted.")

    @classmethod
    def of(cls, fig: DayFigures) -> DayFiguresOut:
        return DayFiguresOut(
            sales_by_category=[
                CategoryAmount(category=fig.category_names[k], amount=v)
                for k, v in sorted(fig.sales_by_category.items())
            ],
            discounts=fig.discounts,
            refunded=fig.refunds,
            net_sales=fig.net_sales,
            tax=fig.tax,
            taxes=[
                TaxAmount(name=fig.tax_names.get(k) or UNNAMED_TAX, amount=v)
                for k, v in sorted(fig.taxes.items())
            ],
            tips=fig.tips,
            gift_cards_sold=fig.gift_cards_sold,
            gift_cards_redeemed=fig.gift_cards_redeemed,
            rounding=fig.rounding,
            tenders=dict(fig.tenders),
            sales=fig.sales,
            refunds=fig.refund_count,
        )


class SalesRow(DayFiguresOut):
    """One business day of the sales report."""

    day: IsoDate

    @classmethod
    def of_day(cls, day: date, fig: DayFigures) -> SalesRow:
        return cls(day=day, **DayFiguresOut.of(fig).model_dump())


class LateDayOut(DayFiguresOut):
    """Sales of an earlier, already closed day that arrived late and rode on this close."""

    day: IsoDate


class CloseFiguresOut(DayFiguresOut):
    """What a close counted, deposited and posted."""

    counted_cash: Money | None = Field(None, description="Cash counted in the drawer, if entered.")
    over_short: Money = Field(description="Deposit less the cash taken (negative: short).")
    cash_deposit: Money = Field(description="The day's cash deposit.")
    late: list[LateDayOut] = Field(
        default_factory=list, description="Late sales of closed days, posted with it."
    )
    closed_early: bool = Field(False, description="Closed before its close time, on request.")

    @classmethod
    def of_close(cls, close: EndOfDayClose) -> CloseFiguresOut:
        return cls(
            **DayFiguresOut.of(close.figures).model_dump(),
            counted_cash=close.counted_cash,
            over_short=close.over_short,
            cash_deposit=close.cash_deposit,
            late=[
                LateDayOut(day=late.day, **DayFiguresOut.of(late.figures).model_dump())
                for late in close.late
            ],
            closed_early=close.closed_early,
        )


Tone = Literal["pending", "waiting", "failed", "synced", "neutral"]
_TONES: dict[str, Tone] = {
    "synced": "synced",
    "in QuickBooks before the start date": "synced",
    "failed": "failed",
    "waiting": "waiting",
    "cancelled": "neutral",
}


class DayEntryOut(BaseModel):
    """A QuickBooks entry the day made (its sales journal entry, its cash deposit)."""

    entry_id: str
    kind: str
    description: str
    amount: Money
    state: str = Field(description="As the gateway last said: pending, waiting, synced...")
    tone: Tone
    txn_id: str | None
    detail: str | None
    link: str = Field(description="The entry on the QB Entries page.")


class AdjustmentOut(BaseModel):
    closed_with: IsoDate = Field(description="The close that posted it.")
    figures: DayFiguresOut


class DayOut(BaseModel):
    """A business day: open (and when it closes, store time) or closed, with its entries."""

    day: IsoDate
    status: Literal["open", "closed"]
    closes_at: str = Field(description="When the day closes, in the store's time zone (ISO).")
    closed_at: str | None
    figures: CloseFiguresOut | None
    adjustments: list[AdjustmentOut] = Field(
        default_factory=list,
        description="Late sales of this day that arrived after it closed, each posted as an "
        "adjustment dated this day by a later close.",
    )
    total: DayFiguresOut | None = Field(
        None, description="With adjustments: the day's figures with them (the POS's report)."
    )
    entries: list[DayEntryOut]

    @classmethod
    def of(cls, summary: DaySummary) -> DayOut:
        close = summary.close
        return cls(
            day=summary.day,
            status=summary.status,
            closes_at=summary.closes_at.isoformat(),
            closed_at=close.closed_at.isoformat() if close else None,
            figures=CloseFiguresOut.of_close(close) if close else None,
            adjustments=[
                AdjustmentOut(closed_with=a.closed_with, figures=DayFiguresOut.of(a.figures))
                for a in summary.adjustments
            ],
            total=DayFiguresOut.of(summary.total) if summary.total else None,
            entries=[
                DayEntryOut(
                    entry_id=str(p.entry_id),
                    kind=p.kind,
                    description=p.description,
                    amount=p.amount,
                    state=p.state,
                    tone=_TONES.get(p.state, "pending"),
                    txn_id=p.txn_id,
                    detail=p.detail,
                    link=f"/entries/{p.entry_id}",
                )
                for p in summary.postings
            ],
        )


class TieLineOut(BaseModel):
    label: str
    pos: Money = Field(description="What the POS (or CobaltConnect) says.")
    books: Money = Field(description="What the books (QuickBooks) say.")
    ties: bool
    why: str | None = Field(None, description="When it does not tie: why, and what to do.")


class TieOutOut(BaseModel):
    """A closed day's tie-out: a red line wherever a figure does not tie, with the reason."""

    day: IsoDate
    ties: bool = Field(description="Every line ties.")
    lines: list[TieLineOut]


class CloseIn(BaseModel):
    counted_cash: Money | None = Field(None, description="Cash counted in the drawer.")
    early: bool = Field(False, description="Close before the close time.")


@router.post("/sales")
async def post_sales(body: SalesBatch, scope: Merchant, uow: Uow) -> IngestOut:
    """A batch of POS sales and refunds; a sale id sent again counts once."""
    async with uow as tx:
        result = await ingest_sales(tx, scope.merchant_id, body.sales)
        await tx.commit()
    return IngestOut(
        accepted=len(result.accepted), duplicates=result.duplicates, rejected=result.rejected
    )


@router.get("/schedule")
async def get_schedule(scope: Merchant, uow: Uow) -> ScheduleIn:
    async with uow as tx:
        schedule = await tx.schedules.schedule(scope.merchant_id)
    return ScheduleIn(timezone=schedule.timezone, close_time=schedule.close_time.strftime("%H:%M"))


@router.put("/schedule")
async def put_schedule(body: ScheduleIn, scope: Merchant, uow: Uow) -> ScheduleIn:
    """When the merchant's business day ends, in its own time zone."""
    schedule = CloseSchedule(body.timezone, body.closing())
    schedule.zone()  # an unknown zone is refused here
    async with uow as tx:
        await tx.schedules.set_schedule(scope.merchant_id, schedule, utcnow())
        await tx.commit()
    return body


@router.post(
    "/card-settlements",
    status_code=201,
    responses={
        200: {
            "model": SettlementOut,
            "description": "The same batch again: what it made the first time.",
        }
    },
)
async def post_settlement(
    body: SettlementIn, scope: Merchant, uow: Uow, response: Response
) -> SettlementOut:
    """A card settlement batch: one deposit of its net into the operating account that clears
    the gross from Card Clearing and puts fees and chargebacks in their expense accounts. One
    naming business days not closed yet waits for them, and says so."""
    settlement = CardSettlement.of(
        body.batch_id,
        body.settled_on,
        body.gross,
        body.fees,
        body.chargebacks,
        body.net,
        tuple(body.days),
    )
    async with uow as tx:
        new, waiting = await settle_cards(tx, scope.merchant_id, settlement)
        await tx.commit()
    if not new:
        response.status_code = 200
    if waiting:
        days = ", ".join(d.isoformat() for d in waiting)
        when = "it closes" if len(waiting) == 1 else "they close"
        status = f"waiting for {days} to close; posted when {when}"
    else:
        status = "recorded" if new else "already recorded"
    return SettlementOut(batch_id=settlement.batch_id, status=status, waiting_for=waiting)


@router.post("/days/{day}/close")
async def close(day: IsoDate, body: CloseIn, scope: Merchant, uow: Uow) -> DayOut:
    """Close a business day now (it also closes by itself at the close time)."""
    async with uow as tx:
        await close_day(tx, scope.merchant_id, day, counted_cash=body.counted_cash,
                        early=body.early)  # fmt: skip
        await tx.commit()
        return DayOut.of(await day_status(tx, scope.merchant_id, day))


@router.get("/days")
async def list_days(
    scope: Merchant,
    uow: Uow,
    start: Annotated[IsoDate, Query(alias="from")],
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
) -> list[DayOut]:
    """Each day's close status, figures and QuickBooks entries, for a range of days."""
    last = end or start
    if last < start or (last - start).days > 92:
        raise InvalidInput("a range of days runs forward and covers at most 93 days")
    async with uow as tx:
        return [
            DayOut.of(await day_status(tx, scope.merchant_id, start + timedelta(days=n)))
            for n in range((last - start).days + 1)
        ]


@router.get("/days/{day}")
async def get_day(day: IsoDate, scope: Merchant, uow: Uow) -> DayOut:
    """A day's close status, figures and QuickBooks entries with their state."""
    async with uow as tx:
        return DayOut.of(await day_status(tx, scope.merchant_id, day))


class ClearingRow(BaseModel):
    """One day of the Card Clearing account."""

    day: IsoDate
    card_sales: Money = Field(description="Card sales of the day's close (late ones included).")
    settled: Money = Field(description="Gross of the batches settled that day.")
    fees: Money
    chargebacks: Money
    deposited: Money = Field(description="What the bank received for those batches.")
    in_clearing: Money = Field(description="Card sales not yet settled, at the end of the day.")


@router.get("/reports/card-clearing")
async def card_clearing(
    scope: Merchant,
    uow: Uow,
    start: Annotated[IsoDate, Query(alias="from")],
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
) -> list[ClearingRow]:
    """Card sales, settlements, fees and what is still in Card Clearing, per day."""
    async with uow as tx:
        days = await card_clearing_report(tx, scope.merchant_id, start, end or start)
    return [ClearingRow(**vars(d)) for d in days]


@router.get(
    "/reports/sales-by-category",
    response_model=None,
    responses={
        200: {
            "description": "JSON rows, or CSV with format=csv.",
            "model": list[SalesRow],
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    },
)
async def sales_by_category(
    scope: Merchant,
    uow: Uow,
    start: Annotated[IsoDate, Query(alias="from")],
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> list[SalesRow] | Response:
    """Sales by category per business day, net of refunds, with tax and tenders."""
    async with uow as tx:
        rows = await sales_report(tx, scope.merchant_id, start, end or start)
    report = [SalesRow.of_day(day, fig) for day, fig in rows]
    if fmt == "json":
        return report
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "line", "amount"])
    for row in report:
        shown = row.model_dump(mode="json")
        day = shown["day"]
        for line in shown["sales_by_category"]:
            writer.writerow([day, line["category"], line["amount"]])
        for label, key in SUMMARY_LINES:
            writer.writerow([day, label, shown[key]])
        for tax in shown["taxes"]:
            writer.writerow([day, f"Tax: {tax['name']}", tax["amount"]])
        for tender, amount in shown["tenders"].items():
            writer.writerow([day, f"Tender: {tender}", amount])
    filename = f"sales-by-category-{start}-{end or start}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/days/{day}/tie-out")
async def get_tie_out(day: IsoDate, scope: Merchant, uow: Uow) -> TieOutOut:
    """Tenders = journal entry = deposits + clearing, with tax, fees, over/short and
    adjustments; a line that does not tie says why. 409 while the day is open."""
    async with uow as tx:
        closed, lines = await day_tie_out(tx, scope.merchant_id, day)
    if not closed:
        raise Conflict(f"{day.isoformat()} is not closed yet: its tie-out comes with its close")
    return TieOutOut(
        day=day,
        ties=all(line.ties for line in lines),
        lines=[
            TieLineOut(label=x.label, pos=x.left, books=x.right, ties=x.ties, why=x.why)
            for x in lines
        ],
    )
