"""Persistence of what watches the connections: Web Connector contacts (the sync history),
alert items and the e-mail digests."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_qbwc_gateway.adapters.codec import aware
from cobalt_qbwc_gateway.adapters.orm import (
    account_mappings,
    alert_items,
    connections,
    contacts,
    digests,
    entries,
)
from cobalt_qbwc_gateway.domain.alerts import AlertItem, Digest, DigestKind
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.entry import EntryState
from cobalt_shared.db.statements import in_lists

_CONTACT_FIELDS = list(Contact.__dataclass_fields__)
# A Web Connector call reads and updates its contact: both statements built once.
_CONTACT = select(contacts).where(contacts.c.id == bindparam("contact"))
_UPDATE_CONTACT = (
    update(contacts)
    .where(contacts.c.id == bindparam("_id"))
    .values({k: bindparam(k) for k in _CONTACT_FIELDS if k != "id"})
)
_DIGEST_FIELDS = list(Digest.__dataclass_fields__)


class ContactRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, contact: Contact) -> None:
        await self._db.execute(insert(contacts).values(**_contact_values(contact)))

    async def save(self, contact: Contact) -> None:
        values = _contact_values(contact)
        values["_id"] = values.pop("id")
        await self._db.execute(_UPDATE_CONTACT, values)

    async def get(self, contact_id: uuid.UUID) -> Contact | None:
        row = (await self._db.execute(_CONTACT, {"contact": contact_id})).first()
        return _contact(row._mapping) if row else None

    async def page(
        self,
        *,
        merchant_id: uuid.UUID | None,
        unattributed: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Contact], int]:
        """Newest first: one merchant's contacts, or those no merchant could be named for
        (unknown users, refused Web Connector versions), or all."""
        where: list[Any] = []
        if merchant_id is not None:
            where.append(contacts.c.merchant_id == merchant_id)
        elif unattributed:
            where.append(contacts.c.merchant_id.is_(None))
        total = (
            await self._db.execute(select(func.count()).select_from(contacts).where(*where))
        ).scalar_one()
        rows = await self._db.execute(
            select(contacts)
            .where(*where)
            .order_by(contacts.c.started_at.desc(), contacts.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [_contact(r._mapping) for r in rows], int(total)

    async def latest(self, merchant_id: uuid.UUID) -> Contact | None:
        """The newest contact that says something (a busy answer says nothing new)."""
        row = (
            await self._db.execute(
                select(contacts)
                .where(contacts.c.merchant_id == merchant_id, contacts.c.outcome != Outcome.BUSY)
                .order_by(contacts.c.started_at.desc())
                .limit(1)
            )
        ).first()
        return _contact(row._mapping) if row else None

    async def last_good_at(self, merchant_id: uuid.UUID) -> datetime | None:
        row = (
            await self._db.execute(
                select(func.max(contacts.c.started_at)).where(
                    contacts.c.merchant_id == merchant_id,
                    contacts.c.outcome.in_([Outcome.UPDATED, Outcome.NOTHING_TO_DO]),
                )
            )
        ).scalar_one()
        return aware(row)

    async def open_before(self, cutoff: datetime) -> list[Contact]:
        """Contacts still in progress whose session went silent before `cutoff`."""
        rows = await self._db.execute(
            select(contacts).where(
                contacts.c.outcome == Outcome.IN_PROGRESS, contacts.c.started_at < cutoff
            )
        )
        return [_contact(r._mapping) for r in rows]


class AlertRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add_new(self, items: Sequence[AlertItem]) -> int:
        """Store items not seen before (by merchant and key); how many were new."""
        added = 0
        for item in items:
            known = (
                await self._db.execute(
                    select(alert_items.c.key).where(
                        alert_items.c.merchant_id == item.merchant_id,
                        alert_items.c.key == item.key,
                    )
                )
            ).first()
            if known is None:
                await self._db.execute(insert(alert_items).values(**_item_values(item)))
                added += 1
        return added

    async def waiting(self, merchant_id: uuid.UUID) -> list[AlertItem]:
        rows = await self._db.execute(
            select(alert_items)
            .where(alert_items.c.merchant_id == merchant_id, alert_items.c.digest_id.is_(None))
            .order_by(alert_items.c.created_at)
        )
        return [AlertItem(**r._mapping) for r in rows]

    async def include(self, items: Sequence[AlertItem], digest_id: uuid.UUID) -> None:
        for item in items:
            await self._db.execute(
                update(alert_items)
                .where(
                    alert_items.c.merchant_id == item.merchant_id,
                    alert_items.c.key == item.key,
                    alert_items.c.digest_id.is_(None),
                )
                .values(digest_id=digest_id)
            )

    async def drop_waiting_except(self, merchant_id: uuid.UUID, keys: Sequence[str]) -> None:
        """Problems that went away before any mail carried them are not news any more."""
        await self._db.execute(
            update(alert_items)
            .where(
                alert_items.c.merchant_id == merchant_id,
                alert_items.c.digest_id.is_(None),
                alert_items.c.key.not_in(list(keys)),
            )
            .values(digest_id=_RESOLVED)
        )


_RESOLVED = uuid.UUID(int=0)  # the digest id of items resolved before they were mailed


class DigestRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, digest: Digest) -> None:
        await self._db.execute(insert(digests).values(**_digest_values(digest)))

    async def save(self, digest: Digest) -> None:
        values = _digest_values(digest)
        await self._db.execute(
            update(digests).where(digests.c.id == values.pop("id")).values(values)
        )

    async def last(self, merchant_id: uuid.UUID) -> Digest | None:
        row = (
            await self._db.execute(
                select(digests)
                .where(digests.c.merchant_id == merchant_id)
                .order_by(digests.c.created_at.desc())
                .limit(1)
            )
        ).first()
        return _digest(row._mapping) if row else None

    async def claim_due(self, now: datetime, until: datetime, limit: int = 20) -> list[Digest]:
        """Unsent digests due now, claimed until `until` (another mail worker skips them)."""
        rows = await self._db.execute(
            select(digests.c.id)
            .where(
                digests.c.sent_at.is_(None),
                or_(digests.c.next_attempt_at.is_(None), digests.c.next_attempt_at <= now),
                or_(digests.c.claimed_until.is_(None), digests.c.claimed_until < now),
            )
            .order_by(digests.c.created_at)
            .limit(limit)
        )
        claimed: list[Digest] = []
        for (digest_id,) in rows.all():
            done = await self._db.execute(
                update(digests)
                .where(
                    digests.c.id == digest_id,
                    digests.c.sent_at.is_(None),
                    or_(digests.c.claimed_until.is_(None), digests.c.claimed_until < now),
                )
                .values(claimed_until=until)
            )
            if done.rowcount == 1:
                row = (
                    await self._db.execute(select(digests).where(digests.c.id == digest_id))
                ).one()
                claimed.append(_digest(row._mapping))
        return claimed

    async def release(self, digest: Digest) -> None:
        """Save what the attempt did and let the digest be claimed again (when unsent)."""
        values = _digest_values(digest)
        await self._db.execute(
            update(digests)
            .where(digests.c.id == values.pop("id"))
            .values(claimed_until=None, **values)
        )

    async def of_merchant(self, merchant_id: uuid.UUID, limit: int = 20) -> list[Digest]:
        rows = await self._db.execute(
            select(digests)
            .where(digests.c.merchant_id == merchant_id)
            .order_by(digests.c.created_at.desc())
            .limit(limit)
        )
        return [_digest(r._mapping) for r in rows]

    async def unsent_count(self) -> int:
        return int(
            (
                await self._db.execute(
                    select(func.count()).select_from(digests).where(digests.c.sent_at.is_(None))
                )
            ).scalar_one()
        )


@dataclass
class Fleet:
    """What health is decided from, for every merchant at once (a handful of grouped queries
    instead of several per merchant): the monitor's first look at the whole fleet."""

    failed: dict[uuid.UUID, tuple[int, datetime | None]] = field(default_factory=dict)
    waiting: dict[uuid.UUID, list[tuple[tuple[str, ...], datetime]]] = field(default_factory=dict)
    mapped: dict[uuid.UUID, set[str]] = field(default_factory=dict)
    latest: dict[uuid.UUID, Contact] = field(default_factory=dict)
    last_good: dict[uuid.UUID, datetime] = field(default_factory=dict)
    last_digest: dict[uuid.UUID, DigestKind] = field(default_factory=dict)
    unmailed: set[uuid.UUID] = field(default_factory=set)  # alert items waiting for a digest


async def fleet(db: AsyncConnection, waiting_since: datetime) -> Fleet:
    """Every connected merchant's failed and long-waiting entries, newest contact, last good
    contact, last digest and unmailed alert items, in a few queries for the whole fleet. Each
    reads a merchant's newest facts by index, never the history behind them: every poll
    leaves a contact (144 a day a store), and entries stay once they are in QuickBooks."""
    found = Fleet()
    rows = await db.execute(_FAILED)
    found.failed = {r[0]: (int(r[1]), aware(r[2])) for r in rows}
    rows = await db.execute(_WAITING, {"since": waiting_since})
    for merchant, accounts, created in rows:
        found.waiting.setdefault(merchant, []).append(
            (tuple(json.loads(accounts)), aware(created) or waiting_since)
        )
    if found.waiting:
        rows = await db.execute(
            select(account_mappings.c.merchant_id, account_mappings.c.account).where(
                account_mappings.c.merchant_id.in_(list(found.waiting)),
                account_mappings.c.qb_full_name.is_not(None),
            )
        )
        for merchant, account in rows:
            found.mapped.setdefault(merchant, set()).add(account)
    latest: list[uuid.UUID] = []
    for merchant, contact_id, good_at, digest_kind, unmailed in await db.execute(_NEWEST):
        if contact_id is not None:
            latest.append(contact_id)
        if (at := aware(good_at)) is not None:
            found.last_good[merchant] = at
        if digest_kind is not None:
            found.last_digest[merchant] = DigestKind(digest_kind)
        if unmailed:
            found.unmailed.add(merchant)
    for some in in_lists(latest):
        for row in await db.execute(select(contacts).where(contacts.c.id.in_(some))):
            contact = _contact(row._mapping)
            assert contact.merchant_id is not None
            found.latest[contact.merchant_id] = contact
    return found


# The fleet look's statements. Entries are read for connected merchants only, by the index
# on (merchant, state, ...): without the merchant, a state is found by reading the whole index.
_CONNECTED = select(connections.c.merchant_id)
_FAILED = (
    select(entries.c.merchant_id, func.count(), func.max(entries.c.updated_at))
    .where(entries.c.merchant_id.in_(_CONNECTED), entries.c.state == EntryState.FAILED)
    .group_by(entries.c.merchant_id)
)
_WAITING = select(entries.c.merchant_id, entries.c.accounts, entries.c.created_at).where(
    entries.c.merchant_id.in_(_CONNECTED),
    entries.c.state == EntryState.WAITING_FOR_MAPPING,
    entries.c.created_at <= bindparam("since"),
)


def _newest_of_connection() -> Select[Any]:
    """Per connection: its newest contact that says something (a busy answer says nothing
    new), when it last got through, its last digest's kind, and whether alert items wait for
    a digest; each the newest by its (merchant, time) index, as the one-merchant look has it."""
    said = contacts.alias("said")
    good = contacts.alias("good")
    merchant = connections.c.merchant_id
    newest_contact = (
        select(said.c.id)
        .where(said.c.merchant_id == merchant, said.c.outcome != Outcome.BUSY)
        .order_by(said.c.started_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    last_good = (
        select(good.c.started_at)
        .where(
            good.c.merchant_id == merchant,
            good.c.outcome.in_([Outcome.UPDATED, Outcome.NOTHING_TO_DO]),
        )
        .order_by(good.c.started_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    last_digest = (
        select(digests.c.kind)
        .where(digests.c.merchant_id == merchant)
        .order_by(digests.c.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    unmailed = (
        select(alert_items.c.merchant_id)
        .where(alert_items.c.merchant_id == merchant, alert_items.c.digest_id.is_(None))
        .exists()
    )
    return select(merchant, newest_contact, last_good, last_digest, unmailed)


_NEWEST = _newest_of_connection()


async def failed_entries(
    db: AsyncConnection, merchant_id: uuid.UUID
) -> tuple[int, datetime | None]:
    row = (
        await db.execute(
            select(func.count(), func.max(entries.c.updated_at)).where(
                entries.c.merchant_id == merchant_id, entries.c.state == EntryState.FAILED
            )
        )
    ).one()
    return int(row[0]), aware(row[1])


def _contact_values(contact: Contact) -> dict[str, Any]:
    values = {k: getattr(contact, k) for k in _CONTACT_FIELDS}
    values["outcome"] = contact.outcome.value
    return values


def _contact(row: Any) -> Contact:
    values = {k: row[k] for k in _CONTACT_FIELDS}
    values["outcome"] = Outcome(row["outcome"])
    values["recovery"] = bool(row["recovery"])
    return Contact(**values)


def _item_values(item: AlertItem) -> dict[str, Any]:
    return {k: getattr(item, k) for k in AlertItem.__dataclass_fields__}


def _digest_values(digest: Digest) -> dict[str, Any]:
    values = {k: getattr(digest, k) for k in _DIGEST_FIELDS}
    values["kind"] = digest.kind.value
    return values


def _digest(row: Any) -> Digest:
    values = {k: row[k] for k in _DIGEST_FIELDS}
    values["kind"] = DigestKind(row["kind"])
    return Digest(**values)
