"""Reading the merchant's QuickBooks chart of accounts when the chart-of-accounts service asks.

A refresh is an entry of its own (kind "account-query"), so it waits for the next Web
Connector update like everything else and shows on the QB Entries page. It only reads, so a
lost answer is simply asked again. Large charts are read a page at a time by name.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, Entry, EntryState
from cobalt_qbwc_gateway.domain.events import ReadAll
from cobalt_qbwc_gateway.domain.lifecycle import apply
from cobalt_qbwc_gateway.domain.posting import ChartRead, EntryKind, QuickBooksAccount
from cobalt_qbxml.answer import Response
from cobalt_shared.contracts import QuickBooksAccount as AccountOut
from cobalt_shared.contracts import QuickBooksAccountsListed, RefreshQuickBooksAccounts
from cobalt_shared.contracts.subjects import accounts_listed


async def request_refresh(
    cmd: RefreshQuickBooksAccounts, uow: GatewayUnitOfWork, now: datetime
) -> Entry:
    """Queue a read of the chart of accounts, once per request id."""
    entry = chart_read(cmd.merchant_id, cmd.request_id, now)
    await uow.entries.add_if_new(entry)
    return entry


def chart_read(merchant_id: uuid.UUID, request_id: uuid.UUID, now: datetime) -> Entry:
    return Entry(
        id=request_id,
        merchant_id=merchant_id,
        kind=EntryKind.ACCOUNT_QUERY,
        txn_date=now.date(),
        payload=ChartRead(),
        state=EntryState.READY,
        detail=READY_DETAIL,
        created_at=now,
        updated_at=now,
    )


def next_page(read: ChartRead, rs: Response, page_size: int) -> tuple[ChartRead, bool]:
    """The read with this page added, and whether it was the last page."""
    seen = {a.list_id: a for a in read.accounts}
    for ret in rs.rets:
        if ret.list_id and ret.full_name:
            seen[ret.list_id] = QuickBooksAccount(
                list_id=ret.list_id,
                name=ret.name or ret.full_name.split(":")[-1],
                full_name=ret.full_name,
                number=ret.account_number,
                account_type=ret.account_type or "",
                is_active=ret.is_active is not False,
            )
    more = len(rs.rets) >= page_size  # maybe more: the next page starts at the last name
    from_name = rs.rets[-1].full_name if more and rs.rets else None
    return ChartRead(from_name, tuple(seen.values())), not more


async def apply_page(
    uow: GatewayUnitOfWork,
    entry: Entry,
    rs: Response | None,
    page_size: int,
    now: datetime,
) -> None:
    """Record one page; publish the whole chart after the last page."""
    if rs is None or not rs.status.ok:
        return  # asked again at the next request
    read = entry.payload
    assert isinstance(read, ChartRead)
    following, last = next_page(read, rs, page_size)
    if not last:
        await uow.entries.save(replace(entry, payload=following, updated_at=now), was=entry)
        return
    accounts = [
        AccountOut(
            list_id=a.list_id,
            name=a.name,
            full_name=a.full_name,
            number=a.number,
            account_type=a.account_type,
            is_active=a.is_active,
        )
        for a in following.accounts
    ]
    await uow.outbox.add(
        accounts_listed(entry.merchant_id),
        QuickBooksAccountsListed(
            merchant_id=entry.merchant_id, request_id=entry.id, accounts=accounts
        ),
    )
    done = ReadAll(f"Read {len(accounts)} QuickBooks accounts.", rs.document)
    await uow.entries.save(apply(replace(entry, payload=following), done, now), was=entry)
