"""Reporting persistence."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_reporting.adapters.codec import close_json, close_of, figures_json, figures_of
from cobalt_reporting.adapters.orm import (
    card_batches,
    closes,
    day_totals,
    late_adjustments,
    postings,
    sales,
    sales_categories,
    sales_taxes,
    schedules,
)
from cobalt_reporting.domain.close import Adjustment, EndOfDayClose, Posting
from cobalt_reporting.domain.sales import (
    CloseSchedule,
    LineTax,
    Sale,
    SaleLine,
    Tender,
    Tip,
    TotalLine,
)
from cobalt_reporting.domain.settlement import ZERO, CardSettlement
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.db.statements import PerDialect

NOT_CLOSED = date(1, 1, 1)  # day_totals.closed_in of totals no close has posted yet
TOTAL_COLUMNS = ("merchant_id", "business_day", "closed_in", "line", "key", "name", "amount")
SALES_PER_INSERT = 400  # rows per multi-row insert (7 values each: within SQLite's limit)


@dataclass(frozen=True, slots=True)
class NewPosting:
    """A posting to record with its command: kept in full only when `movable_to` a later day
    (it may be sent again, dated that day)."""

    command: PostToQuickBooks
    day: date
    description: str
    amount: Decimal
    movable_to: date | None = None


class _Repository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    def _upsert(self) -> Any:
        return pg_insert if self._db.dialect.name == "postgresql" else sqlite_insert


class ScheduleRepository(_Repository):
    """When each merchant's business day ends."""

    async def schedule(self, merchant_id: uuid.UUID) -> CloseSchedule:
        row = (await self._db.execute(_SCHEDULE, {"merchant": merchant_id})).first()
        if row is None:
            return CloseSchedule()
        return CloseSchedule(row.timezone, time.fromisoformat(row.close_time))

    async def has_schedule(self, merchant_id: uuid.UUID) -> bool:
        query = select(schedules.c.merchant_id).where(schedules.c.merchant_id == merchant_id)
        return (await self._db.execute(query)).first() is not None

    async def set_schedule(
        self, merchant_id: uuid.UUID, schedule: CloseSchedule, now: datetime
    ) -> None:
        close_time = schedule.close_time.strftime("%H:%M")
        values = {"timezone": schedule.timezone, "close_time": close_time, "updated_at": now}
        await self._db.execute(
            self._upsert()(schedules)
            .values(merchant_id=merchant_id, **values)
            .on_conflict_do_update(index_elements=["merchant_id"], set_=values)
        )

    async def scheduled_merchants(self) -> list[tuple[uuid.UUID, CloseSchedule]]:
        rows = await self._db.execute(select(schedules))
        return [
            (r.merchant_id, CloseSchedule(r.timezone, time.fromisoformat(r.close_time)))
            for r in rows
        ]


def _add_totals(insert_: Any) -> Any:
    statement = insert_(day_totals)
    return statement.on_conflict_do_update(
        index_elements=["merchant_id", "business_day", "closed_in", "line", "key"],
        set_={"amount": day_totals.c.amount + statement.excluded.amount},
    )


# Ingest's two inserts, built once per dialect, their rows passed as
# parameters: SQLAlchemy sends them as one multi-row statement. Rows written into the statement
# (`.values(rows)`) are never cached, so each batch compiled an INSERT of 3,500 parameters anew:
# half of ingest's time.
_ADD_SALES = PerDialect(
    lambda insert_: insert_(sales).on_conflict_do_nothing().returning(sales.c.sale_id)
)
_ADD_TOTALS = PerDialect(_add_totals)


# What every close runs, built once (SQLAlchemy then skips building and keying each statement).
_SCHEDULE = select(schedules).where(schedules.c.merchant_id == bindparam("merchant"))
_OPEN_DAYS = (
    select(day_totals.c.merchant_id, day_totals.c.business_day)
    .where(
        day_totals.c.merchant_id.in_(bindparam("merchants", expanding=True)),
        day_totals.c.closed_in == NOT_CLOSED,
        day_totals.c.business_day <= bindparam("through"),
    )
    .distinct()
)
_TAKE_TOTALS = (
    update(day_totals)
    .where(
        day_totals.c.merchant_id == bindparam("merchant"),
        day_totals.c.closed_in == NOT_CLOSED,
        day_totals.c.business_day.in_(bindparam("days", expanding=True)),
    )
    .values(closed_in=bindparam("closed_in"))
    .returning(
        day_totals.c.business_day,
        day_totals.c.line,
        day_totals.c.key,
        day_totals.c.name,
        day_totals.c.amount,
    )
)
_CLAIM_CLOSE = PerDialect(lambda insert_: insert_(closes).on_conflict_do_nothing())
_CLAIM_CLOSES = PerDialect(
    lambda insert_: (
        insert_(closes).on_conflict_do_nothing().returning(closes.c.merchant_id, closes.c.day)
    )
)
_SAVE_CLOSE = (
    update(closes)
    .where(closes.c.merchant_id == bindparam("merchant"), closes.c.day == bindparam("_day"))
    .values(figures=bindparam("figures"), closed_at=bindparam("closed_at"))
)
_CLOSE = select(closes).where(
    closes.c.merchant_id == bindparam("merchant"), closes.c.day == bindparam("_day")
)
_ADD_POSTING = PerDialect(lambda insert_: insert_(postings).on_conflict_do_nothing())
_WAITING_BATCHES = (
    select(card_batches)
    .where(card_batches.c.merchant_id == bindparam("merchant"), card_batches.c.posted.is_(False))
    .order_by(card_batches.c.received_at, card_batches.c.batch_id)
)

_MERCHANTS_WAITING = (
    select(card_batches.c.merchant_id)
    .where(
        card_batches.c.merchant_id.in_(bindparam("merchants", expanding=True)),
        card_batches.c.posted.is_(False),
    )
    .distinct()
)


class SaleRepository(_Repository):
    """POS sales and refunds, the categories and taxes seen."""

    async def add_sales(self, sales_by_day: Sequence[tuple[Sale, date]], now: datetime) -> set[str]:
        """Store many sales with one multi-row insert per chunk (one prebuilt statement, the
        rows its parameters), each unless its id is known; returns the ids stored now."""
        stored: set[str] = set()
        for start in range(0, len(sales_by_day), SALES_PER_INSERT):
            chunk = sales_by_day[start : start + SALES_PER_INSERT]
            rows = [
                {
                    "merchant_id": sale.merchant_id,
                    "sale_id": sale.sale_id,
                    "sold_at": sale.sold_at,
                    "business_day": day,
                    "refund_of": sale.refund_of,
                    "body": json.dumps(_sale_body(sale)),
                    "received_at": now,
                }
                for sale, day in chunk
            ]
            result = await self._db.execute(_ADD_SALES.for_(self._db), rows)
            stored.update(r[0] for r in result)
        return stored

    async def known_sales(self, merchant_id: uuid.UUID, sale_ids: list[str]) -> set[str]:
        if not sale_ids:
            return set()
        rows = await self._db.execute(
            select(sales.c.sale_id).where(
                sales.c.merchant_id == merchant_id, sales.c.sale_id.in_(sale_ids)
            )
        )
        return {r[0] for r in rows}

    async def add_totals(
        self, merchant_id: uuid.UUID, by_day: Mapping[date, Sequence[TotalLine]]
    ) -> None:
        """Add a batch's figures to each day's running totals (not closed yet), in one
        statement: each row adds its amount to the row already there."""
        rows = [
            dict(zip(TOTAL_COLUMNS, (merchant_id, day, NOT_CLOSED, *line), strict=True))
            for day, lines in by_day.items()
            for line in lines
        ]
        if not rows:
            return
        await self._db.execute(_ADD_TOTALS.for_(self._db), rows)

    async def open_days(
        self, merchant_ids: Sequence[uuid.UUID], through: date
    ) -> dict[uuid.UUID, set[date]]:
        """Each merchant's days up to `through` with sales no close has posted yet (one
        query)."""
        if not merchant_ids:
            return {}
        parameters = {"merchants": list(merchant_ids), "through": through}
        found: dict[uuid.UUID, set[date]] = {m: set() for m in merchant_ids}
        for merchant_id, day in await self._db.execute(_OPEN_DAYS, parameters):
            found[merchant_id].add(day)
        return found

    async def take_totals(
        self, merchant_id: uuid.UUID, days: Sequence[date], closed_in: date
    ) -> dict[date, list[TotalLine]]:
        """Move these days' totals not posted yet to the close of `closed_in`, and return what
        was moved (one statement): a sale stored meanwhile waits for the next close."""
        if not days:
            return {}
        parameters = {"merchant": merchant_id, "days": list(days), "closed_in": closed_in}
        rows = await self._db.execute(_TAKE_TOTALS, parameters)
        taken: dict[date, list[TotalLine]] = {}
        for r in rows:
            taken.setdefault(r.business_day, []).append((r.line, r.key, r.name, r.amount))
        return taken

    async def totals_between(
        self, merchant_id: uuid.UUID, start: date, end: date
    ) -> dict[date, list[TotalLine]]:
        """Every day's totals in the range, posted or not (what the POS reports)."""
        rows = await self._db.execute(
            select(
                day_totals.c.business_day,
                day_totals.c.line,
                day_totals.c.key,
                func.min(day_totals.c.name),
                func.sum(day_totals.c.amount),
            )
            .where(
                day_totals.c.merchant_id == merchant_id,
                day_totals.c.business_day >= start,
                day_totals.c.business_day <= end,
            )
            .group_by(day_totals.c.business_day, day_totals.c.line, day_totals.c.key)
        )
        found: dict[date, list[TotalLine]] = {}
        for day, line, key, name, amount in rows:
            found.setdefault(day, []).append((line, key, name, Decimal(amount)))
        return found

    async def earliest_open_days(self) -> dict[uuid.UUID, date]:
        """Each merchant's first business day with sales not yet closed, in one query."""
        rows = await self._db.execute(
            select(day_totals.c.merchant_id, func.min(day_totals.c.business_day).label("day"))
            .where(day_totals.c.closed_in == NOT_CLOSED)
            .group_by(day_totals.c.merchant_id)
        )
        return {row.merchant_id: row.day for row in rows}

    async def new_categories(self, merchant_id: uuid.UUID, names: dict[str, str]) -> list[str]:
        """Record categories (key -> name); returns the names not seen before."""
        return await self._new_names(sales_categories, merchant_id, names)

    async def new_tax_names(self, merchant_id: uuid.UUID, names: dict[str, str]) -> list[str]:
        """Record tax rates or agencies (key -> name); returns the names not seen before."""
        return await self._new_names(sales_taxes, merchant_id, names)

    async def _new_names(
        self, table: Table, merchant_id: uuid.UUID, names: dict[str, str]
    ) -> list[str]:
        if not names:
            return []
        rows = await self._db.execute(
            select(table.c.key).where(table.c.merchant_id == merchant_id, table.c.key.in_(names))
        )
        known = {r[0] for r in rows}
        fresh = {k: v for k, v in names.items() if k not in known}
        if fresh:
            await self._db.execute(
                insert(table),
                [{"merchant_id": merchant_id, "key": k, "name": v} for k, v in fresh.items()],
            )
        return list(fresh.values())


class CloseRepository(_Repository):
    """End-of-day closes, the late sales they carried, and the QuickBooks entries each day
    made."""

    async def claim(
        self, merchant_id: uuid.UUID, day: date, counted: Decimal | None, now: datetime
    ) -> bool:
        """Claim the day's close (its row, figures to come) unless it is closed already."""
        result = await self._db.execute(
            _CLAIM_CLOSE.for_(self._db),
            {
                "merchant_id": merchant_id,
                "day": day,
                "closed_at": now,
                "counted_cash": counted,
                "figures": "{}",
            },
        )
        return bool(result.rowcount == 1)

    async def claim_many(
        self, days: Sequence[tuple[uuid.UUID, date]], now: datetime
    ) -> set[tuple[uuid.UUID, date]]:
        """`claim` of many merchants' days (no counted cash) in one statement; returns those
        claimed now. In one order, so two workers claiming at once cannot deadlock."""
        if not days:
            return set()
        rows = [
            {"merchant_id": m, "day": d, "closed_at": now, "counted_cash": None, "figures": "{}"}
            for m, d in sorted(set(days))
        ]
        claimed = await self._db.execute(_CLAIM_CLOSES.for_(self._db), rows)
        return {(r[0], r[1]) for r in claimed}

    async def save(self, *claimed: EndOfDayClose) -> None:
        """Claimed closes with their figures (one statement)."""
        if not claimed:
            return
        rows = [
            {
                "merchant": close.merchant_id,
                "_day": close.day,
                "figures": close_json(close),
                "closed_at": close.closed_at,
            }
            for close in claimed
        ]
        await self._db.execute(_SAVE_CLOSE, rows[0] if len(rows) == 1 else rows)

    async def close(self, merchant_id: uuid.UUID, day: date) -> EndOfDayClose | None:
        row = (await self._db.execute(_CLOSE, {"merchant": merchant_id, "_day": day})).first()
        if row is None:
            return None
        return close_of(merchant_id, row.day, row.closed_at, row.counted_cash, row.figures)

    async def closed_days(self, merchant_id: uuid.UUID, days: Sequence[date]) -> set[date]:
        if not days:
            return set()
        rows = await self._db.execute(
            select(closes.c.day).where(
                closes.c.merchant_id == merchant_id, closes.c.day.in_(list(days))
            )
        )
        return {r[0] for r in rows}

    async def last_closed_days(self) -> dict[uuid.UUID, date]:
        """Each merchant's last closed business day, in one query."""
        rows = await self._db.execute(
            select(closes.c.merchant_id, func.max(closes.c.day).label("day")).group_by(
                closes.c.merchant_id
            )
        )
        return {row.merchant_id: row.day for row in rows}

    async def closes_between(
        self, merchant_id: uuid.UUID, start: date, end: date
    ) -> list[EndOfDayClose]:
        rows = await self._db.execute(
            select(closes)
            .where(closes.c.merchant_id == merchant_id, closes.c.day >= start, closes.c.day <= end)
            .order_by(closes.c.day)
        )
        return [close_of(merchant_id, r.day, r.closed_at, r.counted_cash, r.figures) for r in rows]

    async def add_posting(self, posting: NewPosting) -> bool:
        """Record a posting once (by entry id); True when new."""
        result = await self._db.execute(_ADD_POSTING.for_(self._db), _posting_row(posting))
        return bool(result.rowcount == 1)

    async def add_postings(self, new: Sequence[NewPosting]) -> None:
        """Record postings once each (by entry id), with one statement for them all."""
        if new:
            await self._db.execute(_ADD_POSTING.for_(self._db), [_posting_row(p) for p in new])

    async def movable_posting(
        self, merchant_id: uuid.UUID, entry_id: uuid.UUID
    ) -> tuple[PostToQuickBooks, date, date, Decimal, str] | None:
        """A posting that may move to a later day: (its command, its day, the later day, its
        amount and description)."""
        row = (
            await self._db.execute(
                select(
                    postings.c.command,
                    postings.c.day,
                    postings.c.movable_to,
                    postings.c.amount,
                    postings.c.description,
                ).where(
                    postings.c.merchant_id == merchant_id,
                    postings.c.entry_id == entry_id,
                    postings.c.movable_to.is_not(None),
                )
            )
        ).first()
        if row is None or row.command is None:
            return None
        command = PostToQuickBooks.model_validate_json(row.command)
        return command, row.day, row.movable_to, row.amount, row.description

    async def add_adjustment(
        self, merchant_id: uuid.UUID, day: date, adjustment: Adjustment
    ) -> None:
        await self._db.execute(
            insert(late_adjustments).values(
                merchant_id=merchant_id,
                day=day,
                closed_in=adjustment.closed_with,
                figures=json.dumps(figures_json(adjustment.figures)),
            )
        )

    async def adjustments(self, merchant_id: uuid.UUID, day: date) -> list[Adjustment]:
        """Late sales of `day` posted after it closed, by the close that carried them."""
        rows = await self._db.execute(
            select(late_adjustments.c.closed_in, late_adjustments.c.figures)
            .where(late_adjustments.c.merchant_id == merchant_id, late_adjustments.c.day == day)
            .order_by(late_adjustments.c.closed_in)
        )
        return [Adjustment(r.closed_in, figures_of(json.loads(r.figures))) for r in rows]

    async def update_posting(
        self, merchant_id: uuid.UUID, entry_id: uuid.UUID, state: str, txn_id: str | None,
        detail: str | None,
    ) -> None:  # fmt: skip
        await self._db.execute(
            update(postings)
            .where(postings.c.merchant_id == merchant_id, postings.c.entry_id == entry_id)
            .values(state=state, txn_id=txn_id, detail=detail)
        )

    async def postings(self, merchant_id: uuid.UUID, day: date) -> list[Posting]:
        rows = await self._db.execute(
            select(postings)
            .where(postings.c.merchant_id == merchant_id, postings.c.day == day)
            .order_by(postings.c.kind)
        )
        return [
            Posting(r.entry_id, r.kind, r.description, r.amount, r.state, r.txn_id, r.detail)
            for r in rows
        ]


class SettlementRepository(_Repository):
    """Card settlement batches."""

    async def add_card_batch(
        self, merchant_id: uuid.UUID, batch: CardSettlement, now: datetime, *, posted: bool
    ) -> bool:
        result = await self._db.execute(
            self._upsert()(card_batches)
            .values(
                merchant_id=merchant_id,
                batch_id=batch.batch_id,
                settled_on=batch.settled_on,
                gross=batch.gross,
                fees=batch.fees,
                chargebacks=batch.chargebacks,
                days=json.dumps([d.isoformat() for d in batch.days]),
                posted=posted,
                received_at=now,
            )
            .on_conflict_do_nothing()
        )
        return bool(result.rowcount == 1)

    async def merchants_waiting(self, merchant_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these merchants have a settlement waiting for days to close."""
        if not merchant_ids:
            return set()
        rows = await self._db.execute(_MERCHANTS_WAITING, {"merchants": list(merchant_ids)})
        return {r[0] for r in rows}

    async def waiting_batches(self, merchant_id: uuid.UUID) -> list[CardSettlement]:
        """Settlements recorded but not posted: some of their days were not closed yet."""
        rows = await self._db.execute(_WAITING_BATCHES, {"merchant": merchant_id})
        return [_batch(dict(r._mapping)) for r in rows]

    async def mark_batch_posted(self, merchant_id: uuid.UUID, batch_id: str) -> None:
        await self._db.execute(
            update(card_batches)
            .where(card_batches.c.merchant_id == merchant_id, card_batches.c.batch_id == batch_id)
            .values(posted=True)
        )

    async def card_batches_until(self, merchant_id: uuid.UUID, end: date) -> list[CardSettlement]:
        """Settlements posted to QuickBooks, settled on or before `end`."""
        rows = await self._db.execute(
            select(card_batches)
            .where(
                card_batches.c.merchant_id == merchant_id,
                card_batches.c.settled_on <= end,
                card_batches.c.posted.is_(True),
            )
            .order_by(card_batches.c.settled_on, card_batches.c.batch_id)
        )
        return [_batch(dict(r._mapping)) for r in rows]

    async def card_batch(self, merchant_id: uuid.UUID, batch_id: str) -> CardSettlement | None:
        row = (
            await self._db.execute(
                select(card_batches).where(
                    card_batches.c.merchant_id == merchant_id, card_batches.c.batch_id == batch_id
                )
            )
        ).first()
        return _batch(dict(row._mapping)) if row else None


def _sale_body(sale: Sale) -> dict[str, Any]:
    """A sale's lines, tenders and extras as stored (JSON); extras only when present."""
    lines = []
    for ln in sale.lines:
        line: dict[str, Any] = {
            "category": ln.category,
            "amount": str(ln.amount),
            "tax": str(ln.tax),
        }
        if ln.discount:
            line["discount"] = str(ln.discount)
        if ln.taxes:
            line["taxes"] = [{"name": t.name, "amount": str(t.amount)} for t in ln.taxes]
        lines.append(line)
    body: dict[str, Any] = {
        "lines": lines,
        "tenders": [{"type": t.type, "amount": str(t.amount)} for t in sale.tenders],
    }
    if sale.tips:
        body["tips"] = [{"tender": t.tender, "amount": str(t.amount)} for t in sale.tips]
    if sale.gift_cards_sold:
        body["gift_cards_sold"] = str(sale.gift_cards_sold)
    if sale.pos_total is not None:
        body["total"] = str(sale.pos_total)
    return body


def sale_of_row(row: Any) -> Sale:
    """A sale as stored (its JSON body and columns)."""
    body = json.loads(row["body"])
    lines = tuple(
        SaleLine(
            ln["category"],
            Decimal(ln["amount"]),
            Decimal(ln["tax"]),
            Decimal(ln.get("discount", "0.00")),
            tuple(LineTax(t["name"], Decimal(t["amount"])) for t in ln.get("taxes", ())),
        )
        for ln in body["lines"]
    )
    total = body.get("total")
    return Sale(
        sale_id=row["sale_id"],
        merchant_id=row["merchant_id"],
        sold_at=row["sold_at"],
        lines=lines,
        tenders=tuple(Tender(t["type"], Decimal(t["amount"])) for t in body["tenders"]),
        refund_of=row["refund_of"],
        tips=tuple(Tip(t["tender"], Decimal(t["amount"])) for t in body.get("tips", ())),
        gift_cards_sold=Decimal(body.get("gift_cards_sold", "0.00")),
        pos_total=None if total is None else Decimal(total),
    )


def _batch(row: dict[str, Any]) -> CardSettlement:
    return CardSettlement(
        batch_id=row["batch_id"],
        settled_on=row["settled_on"],
        gross=row["gross"],
        fees=row["fees"] or ZERO,
        chargebacks=row["chargebacks"] or ZERO,
        days=tuple(date.fromisoformat(d) for d in json.loads(row.get("days") or "[]")),
    )


def _posting_row(posting: NewPosting) -> dict[str, Any]:
    command = posting.command
    return {
        "entry_id": command.entry_id,
        "merchant_id": command.merchant_id,
        "day": posting.day,
        "kind": command.kind,
        "description": posting.description,
        "amount": posting.amount,
        "state": "pending",
        "command": command.model_dump_json() if posting.movable_to else None,
        "movable_to": posting.movable_to,
    }
