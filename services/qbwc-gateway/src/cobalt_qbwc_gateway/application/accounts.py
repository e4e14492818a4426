"""Reading the merchant's QuickBooks chart of accounts when the chart-of-accounts service asks.

A refresh is an entry of its own (kind "account-query"), so it waits for the next Web
Connector update like everything else and shows on the QB Entries page. It only reads, so a
lost answer is simply asked again. Large charts are read a page at a time by name.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, Entry, EntryState
from cobalt_qbxml import AccountQuery
from cobalt_qbxml.responses import ResponseSet
from cobalt_shared.contracts import (
    QuickBooksAccount,
    QuickBooksAccountsListed,
    RefreshQuickBooksAccounts,
    utcnow,
)
from cobalt_shared.contracts.subjects import accounts_listed

KIND = "account-query"
REQUEST_PREFIX = "accounts:"


async def request_refresh(cmd: RefreshQuickBooksAccounts, uow: GatewayUnitOfWork) -> Entry:
    """Queue a read of the chart of accounts, once per request id."""
    now = utcnow()
    entry = Entry(
        id=cmd.request_id, merchant_id=cmd.merchant_id, kind=KIND, txn_date=now.date(),
        accounts=(), command=json.dumps({"from_name": None, "accounts": []}),
        state=EntryState.READY, detail=READY_DETAIL, created_at=now, updated_at=now,
    )  # fmt: skip
    await uow.entries.add_if_new(entry)
    return entry


def query_for(entry: Entry, page_size: int) -> tuple[str, AccountQuery]:
    command = json.loads(entry.command)
    query = AccountQuery(max_returned=page_size, from_name=command.get("from_name"))
    return REQUEST_PREFIX + str(entry.id), query


async def apply_accounts(
    uow: GatewayUnitOfWork, entry: Entry, answer: ResponseSet, response: str, page_size: int
) -> bool:
    """Record one page; publish the whole chart after the last page. True when finished."""
    rs = answer.by_request_id().get(REQUEST_PREFIX + str(entry.id))
    if rs is None or not rs.status.ok:
        return False  # asked again at the next request
    command: dict[str, Any] = json.loads(entry.command)
    seen = {a["list_id"]: a for a in command["accounts"]}
    for ret in rs.rets:
        if ret.list_id and ret.full_name:
            seen[ret.list_id] = {
                "list_id": ret.list_id, "name": ret.name or ret.full_name.split(":")[-1],
                "full_name": ret.full_name, "number": ret.account_number,
                "account_type": ret.account_type or "", "is_active": ret.is_active is not False,
            }  # fmt: skip
    now = utcnow()
    if len(rs.rets) >= page_size:  # maybe more: the next page starts at the last name
        last = rs.rets[-1].full_name
        following = json.dumps({"from_name": last, "accounts": list(seen.values())})
        await uow.entries.save(replace(entry, command=following, updated_at=now))
        return False
    accounts = [QuickBooksAccount(**a) for a in seen.values()]
    await uow.outbox.add(
        accounts_listed(entry.merchant_id),
        QuickBooksAccountsListed(
            merchant_id=entry.merchant_id, request_id=entry.id, accounts=accounts
        ),
    )
    done = entry.synced(None, None, response, now)
    await uow.entries.save(replace(done, detail=f"Read {len(accounts)} QuickBooks accounts."))
    return True
