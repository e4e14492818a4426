"""Use cases: sales in, days closed (by themselves or on demand), QuickBooks postings out,
and the reports. Entry ids derive from the merchant and the day (or the card batch), so a
day closed twice, or a batch sent twice, is one QuickBooks entry."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from cobalt_reporting.adapters.repository import NewPosting
from cobalt_reporting.adapters.uow import ReportingUnitOfWork
from cobalt_reporting.domain.close import Adjustment, DaySummary, EndOfDayClose, days_due
from cobalt_reporting.domain.sales import (
    ZERO,
    CloseSchedule,
    DayFigures,
    LineTax,
    Sale,
    SaleLine,
    Tender,
    Tip,
    figures,
    figures_of_totals,
    sales_journal,
    total_lines,
)
from cobalt_reporting.domain.settlement import CardSettlement, ClearingDay, card_clearing
from cobalt_reporting.domain.tieout import TieLine, tie_out
from cobalt_shared.accounts import OPERATING_ACCOUNT, category_key
from cobalt_shared.amounts import MoneyError, parse_money
from cobalt_shared.contracts import (
    PosSale,
    PostToQuickBooks,
    QuickBooksEntryResult,
    SalesCategoriesSeen,
    utcnow,
)
from cobalt_shared.contracts.accounting import AccountLine
from cobalt_shared.contracts.subjects import categories_seen, post_to_quickbooks
from cobalt_shared.errors import Conflict, DomainError, InvalidInput
from cobalt_shared.names import name_key

log = logging.getLogger(__name__)
SOURCE = "reporting"
CLOSED_PERIOD = "3171"  # QuickBooks: dated on or before the company's closing date
CLOSES_PER_TRANSACTION = 20  # short: a close transaction holds SQLite's write lock


@dataclass
class IngestResult:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)


def _parse(merchant_id: uuid.UUID, raw: PosSale) -> Sale:
    try:
        sold_at = datetime.fromisoformat(raw.sold_at)
    except ValueError:
        raise InvalidInput(f"time {raw.sold_at!r} is not an ISO 8601 time") from None
    try:
        lines = tuple(
            SaleLine(
                ln.category,
                parse_money(ln.amount),
                parse_money(ln.tax),
                parse_money(ln.discount),
                tuple(LineTax(t.name, parse_money(t.amount)) for t in ln.taxes),
            )
            for ln in raw.lines
        )
        tenders = tuple(Tender(t.type, parse_money(t.amount)) for t in raw.tenders)
        tips = tuple(Tip(t.tender, parse_money(t.amount)) for t in raw.tips)
        gift_cards = parse_money(raw.gift_cards_sold)
        total = None if raw.total is None else parse_money(raw.total)
    except MoneyError as exc:
        raise InvalidInput(f"amount {exc}") from None
    return Sale(
        raw.sale_id, merchant_id, sold_at, lines, tenders, raw.refund_of, tips, gift_cards, total
    )


async def ingest_sales(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, batch: Sequence[PosSale]
) -> IngestResult:
    """Keep every good sale once (by sale id); report each bad one by its id. Refunds must
    name a sale already known or in the same batch. The caller commits."""
    result = IngestResult()
    now = utcnow()
    if not await uow.schedules.has_schedule(merchant_id):
        await uow.schedules.set_schedule(merchant_id, CloseSchedule(), now)
    schedule = await uow.schedules.schedule(merchant_id)
    parsed: list[Sale] = []  # (a batch adds to its days' running totals as it is stored)
    for raw in batch:
        try:
            parsed.append(_parse(merchant_id, raw).validated(now))
        except DomainError as exc:
            result.rejected.append({"sale_id": raw.sale_id, "error": exc.message})
    in_batch = {s.sale_id for s in parsed if not s.refund_of}
    # Only a refund needs a stored sale looked up (its original, when not in this batch); a
    # sale stored before is found by the insert itself, which skips it.
    known = await uow.sales.known_sales(
        merchant_id, sorted({s.refund_of for s in parsed if s.refund_of} - in_batch)
    )
    seen: set[str] = set()
    names: dict[str, str] = {}
    tax_names: dict[str, str] = {}
    keep: list[Sale] = []
    for sale in sorted(parsed, key=lambda s: s.refund_of is not None):  # sales before refunds
        if sale.sale_id in seen:
            result.duplicates.append(sale.sale_id)
            continue
        seen.add(sale.sale_id)
        if sale.refund_of and sale.refund_of not in known and sale.refund_of not in in_batch:
            problem = f"refund of unknown sale {sale.refund_of!r}"
            result.rejected.append({"sale_id": sale.sale_id, "error": problem})
            continue
        keep.append(sale)
    stored = await uow.sales.add_sales(
        [(sale, schedule.business_day(sale.sold_at)) for sale in keep], now
    )
    by_day: dict[date, list[Sale]] = defaultdict(list)
    for sale in keep:
        if sale.sale_id not in stored:
            result.duplicates.append(sale.sale_id)
            continue
        result.accepted.append(sale.sale_id)
        by_day[schedule.business_day(sale.sold_at)].append(sale)
        for line in sale.lines:
            names.setdefault(category_key(line.category), line.category)
            for tax in line.taxes:
                tax_names.setdefault(name_key(tax.name), tax.name)
    await uow.sales.add_totals(
        merchant_id, {day: total_lines(figures(day_sales)) for day, day_sales in by_day.items()}
    )
    fresh = await uow.sales.new_categories(merchant_id, names)
    fresh_taxes = await uow.sales.new_tax_names(merchant_id, tax_names)
    if fresh or fresh_taxes:
        seen_now = SalesCategoriesSeen(
            merchant_id=merchant_id, categories=fresh, tax_names=fresh_taxes
        )
        await uow.outbox.add(categories_seen(merchant_id), seen_now)
    return result


def _entry_id(merchant_id: uuid.UUID, name: str) -> uuid.UUID:
    return uuid.uuid5(merchant_id, f"reporting:{name}")


async def _post(uow: ReportingUnitOfWork, new: Sequence[NewPosting]) -> None:
    """Record the postings and send their commands, in one statement each. A posting
    `movable_to` a later day is sent again, dated that day, should QuickBooks refuse its own
    date (its books closed)."""
    await uow.closes.add_postings(new)
    await uow.outbox.add_many(
        [(post_to_quickbooks(SOURCE, p.command.merchant_id), p.command) for p in new]
    )


async def settle_cards(
    uow: ReportingUnitOfWork,
    merchant_id: uuid.UUID,
    settlement: CardSettlement,
) -> tuple[bool, list[date]]:
    """A card settlement batch, once: one deposit of its net into the operating account that
    relieves Card Clearing of the gross and expenses the fees and chargebacks. A batch naming
    days not closed yet is kept and waits for them (their card sales are not in Card Clearing
    yet); the close of the last one posts it. The same batch again changes nothing; with other
    figures it is refused. Returns (new, the days it waits for)."""
    existing = await uow.settlements.card_batch(merchant_id, settlement.batch_id)
    if existing is not None:
        if not existing.same_figures(settlement):
            raise Conflict(
                f"card batch {settlement.batch_id} was already recorded with other figures"
            )
        closed = await uow.closes.closed_days(merchant_id, existing.days)
        return False, existing.waiting_for(closed)
    closed = await uow.closes.closed_days(merchant_id, settlement.days)
    waiting = settlement.waiting_for(closed)
    await uow.settlements.add_card_batch(merchant_id, settlement, utcnow(), posted=not waiting)
    if not waiting:
        await _post_settlement(uow, merchant_id, settlement)
    return True, waiting


async def _post_settlement(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, settlement: CardSettlement
) -> None:
    lines = [
        AccountLine(
            account=ln.account,
            amount=ln.amount,
            memo=ln.memo,
            side="credit" if ln.direction == "out" else None,
        )
        for ln in settlement.deposit_lines()
    ]
    command = PostToQuickBooks(
        merchant_id=merchant_id,
        entry_id=_entry_id(merchant_id, f"card-batch:{settlement.batch_id}"),
        kind="deposit",
        txn_date=settlement.settled_on,
        bank_account=OPERATING_ACCOUNT,
        memo=f"Card settlement {settlement.batch_id} (gross {settlement.gross}, fees "
        f"{settlement.fees}, chargebacks {settlement.chargebacks})",
        lines=lines,
        source=SOURCE,
    )
    description = f"Card deposit, batch {settlement.batch_id} (net of fees)"
    await _post(uow, [NewPosting(command, settlement.settled_on, description, settlement.net)])


async def _release_settlements(uow: ReportingUnitOfWork, merchant_id: uuid.UUID) -> None:
    """Settlements that waited for days now all closed are posted (each once)."""
    for batch in await uow.settlements.waiting_batches(merchant_id):
        closed = await uow.closes.closed_days(merchant_id, batch.days)
        if not batch.waiting_for(closed):
            await uow.settlements.mark_batch_posted(merchant_id, batch.batch_id)
            await _post_settlement(uow, merchant_id, batch)


async def close_day(
    uow: ReportingUnitOfWork,
    merchant_id: uuid.UUID,
    day: date,
    *,
    counted_cash: Decimal | None = None,
    early: bool = False,
    now: datetime | None = None,
) -> tuple[EndOfDayClose, bool]:
    """Close a business day once: the sales journal entry and the day's cash deposit go to
    QuickBooks. Late sales of days already closed ride along as labelled adjustments.
    Returns (the close, whether it was closed now). The caller commits."""
    now = now or utcnow()
    existing = await uow.closes.close(merchant_id, day)
    if existing is not None:
        if counted_cash is not None and existing.counted_cash != counted_cash:
            raise Conflict(
                f"{day.isoformat()} is closed and cannot be changed (counted cash was "
                f"{existing.counted_cash}); a late sale is posted with the next close"
            )
        return existing, False
    if counted_cash is not None and counted_cash < 0:
        raise InvalidInput("counted cash must not be negative")
    schedule = await uow.schedules.schedule(merchant_id)
    closes_at = schedule.closes_at(day)
    if now < closes_at and not early:
        local = closes_at.strftime("%Y-%m-%d %H:%M %Z")
        raise InvalidInput(
            f"{day.isoformat()} closes at {local}; to close it before then, ask for an early close"
        )
    # The day is claimed first (once): a worker closing it meanwhile takes nothing.
    if not await uow.closes.claim(merchant_id, day, counted_cash, now):
        closed = await uow.closes.close(merchant_id, day)  # closed meanwhile by another worker
        assert closed is not None
        return closed, False
    writes = _Writes()
    open_days = (await uow.sales.open_days([merchant_id], day))[merchant_id]
    close = await _close(uow, merchant_id, day, closes_at, counted_cash, now, open_days, writes)
    await writes.flush(uow)
    await _release_settlements(uow, merchant_id)  # batches that waited for this day
    return close, True


@dataclass
class _Writes:
    """What closes write once their transaction's closes are done, with one statement for
    each kind: the closes' figures, their postings and commands."""

    closes: list[EndOfDayClose] = field(default_factory=list)
    postings: list[NewPosting] = field(default_factory=list)

    async def flush(self, uow: ReportingUnitOfWork) -> None:
        await uow.closes.save(*self.closes)
        await _post(uow, self.postings)


async def _close(
    uow: ReportingUnitOfWork,
    merchant_id: uuid.UUID,
    day: date,
    closes_at: datetime,
    counted_cash: Decimal | None,
    now: datetime,
    open_days: set[date],
    writes: _Writes,
) -> EndOfDayClose:
    """Close a day this transaction has claimed: take its totals and those of late sales of
    days closed before, and leave its figures and postings to `writes`. `open_days` are the
    merchant's days with totals no close has taken (those taken here leave it)."""
    earlier = [d for d in open_days if d < day]
    closed_earlier = sorted(await uow.closes.closed_days(merchant_id, earlier))
    taken = await uow.sales.take_totals(merchant_id, [day, *closed_earlier], day)
    open_days.difference_update([day, *closed_earlier])
    close = EndOfDayClose.of(
        merchant_id,
        day,
        figures_of_totals(taken.get(day, ())),
        {d: figures_of_totals(taken[d]) for d in closed_earlier if d in taken},
        counted_cash,
        now,
        closes_at,
    )
    writes.closes.append(close)
    new = writes.postings
    lines, deposit = sales_journal(day, close.figures, counted_cash)
    if lines:
        total = sum((ln.amount for ln in lines if ln.side == "debit"), ZERO)
        command = PostToQuickBooks(
            merchant_id=merchant_id, entry_id=_entry_id(merchant_id, f"close:{day}:journal"),
            kind="journal-entry", txn_date=day, memo=f"CobaltConnect sales summary {day}",
            lines=[AccountLine(account=ln.account, amount=ln.amount, side=ln.side, memo=ln.memo)
                   for ln in lines],
            source=SOURCE,
        )  # fmt: skip
        new.append(NewPosting(command, day, "Sales summary journal entry", total))
    if deposit > 0:
        command = PostToQuickBooks(
            merchant_id=merchant_id, entry_id=_entry_id(merchant_id, f"close:{day}:cash"),
            kind="deposit", txn_date=day, bank_account=OPERATING_ACCOUNT,
            memo=f"Cash deposit for {day}",
            lines=[AccountLine(account="cash-drawer", amount=deposit, memo=f"Cash {day}")],
            source=SOURCE,
        )  # fmt: skip
        new.append(NewPosting(command, day, "Cash deposit (the whole day)", deposit))
    for late in close.late:
        await uow.closes.add_adjustment(merchant_id, late.day, Adjustment(day, late.figures))
        new.extend(_late_postings(merchant_id, late.day, day, late.figures))
    return close


def _late_postings(
    merchant_id: uuid.UUID, original: date, carried_by: date, fig: DayFigures
) -> list[NewPosting]:
    """Late sales of a closed day: their own journal entry and cash deposit adjustment, dated
    their own business day and labelled as adjustments. Should QuickBooks refuse that date
    (its books closed), each moves to the day of the close that carried them (see
    apply_entry_result)."""
    new: list[NewPosting] = []
    label = f"Adjustment: late sales of {original}"
    lines, cash = sales_journal(original, fig, None, label=label)
    name = f"close:{carried_by}:late:{original}"
    note = f"(arrived after the day closed; posted with the close of {carried_by})"
    if lines:
        total = sum((ln.amount for ln in lines if ln.side == "debit"), ZERO)
        command = PostToQuickBooks(
            merchant_id=merchant_id,
            entry_id=_entry_id(merchant_id, f"{name}:journal"),
            kind="journal-entry",
            txn_date=original,
            memo=f"CobaltConnect {label.lower()} {note}",
            lines=[
                AccountLine(account=ln.account, amount=ln.amount, side=ln.side, memo=ln.memo)
                for ln in lines
            ],
            source=SOURCE,
        )
        what = "Adjustment: late sales journal entry"
        new.append(NewPosting(command, original, what, total, movable_to=carried_by))
    if cash > 0:
        command = PostToQuickBooks(
            merchant_id=merchant_id,
            entry_id=_entry_id(merchant_id, f"{name}:cash"),
            kind="deposit",
            txn_date=original,
            bank_account=OPERATING_ACCOUNT,
            memo=f"Cash deposit adjustment: late sales of {original} {note}",
            lines=[AccountLine(account="cash-drawer", amount=cash, memo=f"{label}: cash")],
            source=SOURCE,
        )
        what = "Adjustment: late sales cash deposit"
        new.append(NewPosting(command, original, what, cash, movable_to=carried_by))
    return new


async def close_due_days(
    new_uow: Callable[[], ReportingUnitOfWork], now: datetime | None = None
) -> int:
    """Close every business day whose close time has passed. What is due is found with a few
    grouped queries; the closes go many merchants to a transaction. When one of them fails,
    that transaction's merchants are closed again one by one, so one merchant's trouble never
    stops the others' closes. Returns how many days were closed."""
    now = now or utcnow()
    async with new_uow() as uow:
        schedules = await uow.schedules.scheduled_merchants()
        last_closed = await uow.closes.last_closed_days()
        earliest_open = await uow.sales.earliest_open_days()
    due: list[tuple[uuid.UUID, CloseSchedule, list[date]]] = []
    for merchant_id, schedule in schedules:
        try:
            days = days_due(
                schedule, last_closed.get(merchant_id), earliest_open.get(merchant_id), now
            )
        except DomainError:  # e.g. a time zone this machine no longer knows
            log.exception("the days of merchant %s cannot be closed", merchant_id)
            continue
        if days:
            due.append((merchant_id, schedule, days))
    closed = 0
    for start in range(0, len(due), CLOSES_PER_TRANSACTION):
        group = due[start : start + CLOSES_PER_TRANSACTION]
        try:
            closed += await _close_days(new_uow, group, now)
        except Exception:
            log.warning("a batch of closes failed; closing its merchants one by one")
            for one in group:
                try:
                    closed += await _close_days(new_uow, [one], now)
                except Exception:
                    log.exception("closing the days of merchant %s failed", one[0])
    return closed


async def _close_days(
    new_uow: Callable[[], ReportingUnitOfWork],
    due: Sequence[tuple[uuid.UUID, CloseSchedule, Sequence[date]]],
    now: datetime,
) -> int:
    """Close these merchants' days in order, in one transaction: the days are claimed, the
    merchants' open days and waiting settlements read, the closes' figures, postings and
    commands written, each with one statement for all. A day another worker closed first is
    left to it. (A close never adds a waiting settlement: those found first are all.)"""
    async with new_uow() as uow:
        claimed = await uow.closes.claim_many([(m, d) for m, _, days in due for d in days], now)
        if not claimed:
            return 0
        merchants = sorted({m for m, _ in claimed})
        through = max(d for _, d in claimed)
        open_days = await uow.sales.open_days(merchants, through)
        waiting = await uow.settlements.merchants_waiting(merchants)
        writes = _Writes()
        for merchant_id, schedule, days in due:
            for day in days:
                if (merchant_id, day) in claimed:
                    closes_at = schedule.closes_at(day)
                    opened = open_days[merchant_id]
                    await _close(uow, merchant_id, day, closes_at, None, now, opened, writes)
        await writes.flush(uow)
        for merchant_id in merchants:
            if merchant_id in waiting:
                await _release_settlements(uow, merchant_id)  # batches that waited for these
        await uow.commit()
    return len(claimed)


async def apply_entry_result(result: QuickBooksEntryResult, uow: ReportingUnitOfWork) -> None:
    """The gateway's word on one of our postings (others' entries are not ours: ignored). A
    late-sales adjustment refused for its date (QuickBooks' books closed) moves, once, to the
    day of the close that carried it, with a note naming its own day."""
    await uow.closes.update_posting(
        result.merchant_id, result.entry_id, result.state, result.txn_id,
        "In QuickBooks." if result.state == "synced" else result.explanation,
    )  # fmt: skip
    if result.state == "failed" and result.error_code == CLOSED_PERIOD:
        await _move_past_closing_date(uow, result.merchant_id, result.entry_id)


async def _move_past_closing_date(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, entry_id: uuid.UUID
) -> None:
    found = await uow.closes.movable_posting(merchant_id, entry_id)
    if found is None:
        return
    command, day, later, amount, description = found
    why = f"moved from {day} to {later}: QuickBooks' books are closed for {day}"
    replacement = command.model_copy(
        update={
            "message_id": uuid.uuid4(),
            "occurred_at": utcnow(),
            "entry_id": _entry_id(merchant_id, f"moved:{entry_id}"),
            "txn_date": later,
            "memo": f"{command.memo} ({why})",
            "replaces": entry_id,
        }
    )
    if await uow.closes.add_posting(NewPosting(replacement, day, f"{description}, {why}", amount)):
        await uow.outbox.add(post_to_quickbooks(SOURCE, merchant_id), replacement)


async def day_status(uow: ReportingUnitOfWork, merchant_id: uuid.UUID, day: date) -> DaySummary:
    """A day as the merchant sees it: open or closed, its figures, its adjustments, its entries."""
    schedule = await uow.schedules.schedule(merchant_id)
    close = await uow.closes.close(merchant_id, day)
    adjustments = tuple(await uow.closes.adjustments(merchant_id, day)) if close else ()
    total = None
    if adjustments:
        total = figures_of_totals(
            (await uow.sales.totals_between(merchant_id, day, day)).get(day, [])
        )
    return DaySummary(
        day=day,
        closes_at=schedule.closes_at(day),
        close=close,
        adjustments=adjustments,
        total=total,
        postings=tuple(await uow.closes.postings(merchant_id, day)),
    )


async def sales_report(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, start: date, end: date
) -> list[tuple[date, DayFigures]]:
    """Sales by category per business day (net of refunds), with tax and tender totals."""
    if end < start:
        raise InvalidInput("the end date is before the start date")
    if (end - start).days > 366:
        raise InvalidInput("a report covers at most 366 days")
    by_day = await uow.sales.totals_between(merchant_id, start, end)
    return [(day, figures_of_totals(by_day[day])) for day in sorted(by_day)]


async def card_clearing_report(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, start: date, end: date
) -> list[ClearingDay]:
    """Card Clearing per day: card sales of each day (late ones on their own day), batches settled,
    fees, chargebacks, deposits, and what is still in clearing."""
    if end < start:
        raise InvalidInput("the end date is before the start date")
    if (end - start).days > 366:
        raise InvalidInput("a report covers at most 366 days")
    card_sales: dict[date, Decimal] = defaultdict(lambda: ZERO)
    for close in await uow.closes.closes_between(merchant_id, date.min, end):
        for day, amount in close.card_sales_by_day().items():  # late ones on their own day
            card_sales[day] += amount
    batches = await uow.settlements.card_batches_until(merchant_id, end)
    return card_clearing(card_sales, batches, start, end)


async def day_tie_out(
    uow: ReportingUnitOfWork, merchant_id: uuid.UUID, day: date
) -> tuple[bool, list[TieLine]]:
    """A closed day's tie-out (whether it is closed, and its lines)."""
    close = await uow.closes.close(merchant_id, day)
    if close is None:
        return False, []
    postings = await uow.closes.postings(merchant_id, day)
    clearing = await card_clearing_report(uow, merchant_id, day, day)
    in_clearing = clearing[-1].in_clearing if clearing else ZERO
    return True, tie_out(close, postings, in_clearing)
