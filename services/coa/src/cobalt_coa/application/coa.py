"""Use cases of the chart of accounts: accounts appear as categories do, the QuickBooks chart
is read on request, and mappings are checked, stored and announced to the gateway."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cobalt_coa.adapters.repository import ConnectionState
from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.domain.account import CoaAccount, QbAccount, category_account, system_accounts
from cobalt_shared.contracts import (
    AccountMapped,
    OrderReceived,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
    RefreshQuickBooksAccounts,
    SalesCategoriesSeen,
    utcnow,
)
from cobalt_shared.contracts.gateway import NOT_SET_UP
from cobalt_shared.contracts.subjects import account_mapped, refresh_accounts
from cobalt_shared.errors import Conflict, InvalidInput, NotFound


async def ensure_accounts(
    uow: CoaUnitOfWork,
    merchant_id: uuid.UUID,
    purchases: Sequence[str] = (),
    sales: Sequence[str] = (),
) -> None:
    """The system accounts, and an account per category seen, exist (created once)."""
    now = utcnow()
    for account in system_accounts(merchant_id, now):
        await uow.accounts.add_if_new(account)
    for kind, categories in (("purchases", purchases), ("sales", sales)):
        for category in categories:
            if category.strip():
                await uow.accounts.add_if_new(category_account(merchant_id, kind, category, now))


async def on_order_received(event: OrderReceived, uow: CoaUnitOfWork) -> None:
    categories = [c.category for c in event.categories]
    # A category seen in an order or a sale gets both its purchases and its sales account.
    await ensure_accounts(uow, event.merchant_id, purchases=categories, sales=categories)


async def on_sales_categories(event: SalesCategoriesSeen, uow: CoaUnitOfWork) -> None:
    await ensure_accounts(
        uow, event.merchant_id, purchases=event.categories, sales=event.categories
    )


async def on_connection_changed(event: QuickBooksConnectionChanged, uow: CoaUnitOfWork) -> None:
    await uow.connections.set_status(event.merchant_id, event.status, utcnow())
    await ensure_accounts(uow, event.merchant_id)


async def require_connection(uow: CoaUnitOfWork, merchant_id: uuid.UUID) -> ConnectionState:
    state = await uow.connections.get(merchant_id)
    if state is None or state.status == "not set up":
        raise Conflict(NOT_SET_UP, code="not_set_up")
    return state


async def list_accounts(
    uow: CoaUnitOfWork, merchant_id: uuid.UUID, state: str | None = None
) -> list[CoaAccount]:
    await require_connection(uow, merchant_id)
    await ensure_accounts(uow, merchant_id)
    accounts = await uow.accounts.all(merchant_id)
    return [a for a in accounts if state is None or a.state == state]


async def request_refresh(uow: CoaUnitOfWork, merchant_id: uuid.UUID) -> uuid.UUID:
    """Ask the gateway to read the QuickBooks chart of accounts at the next update."""
    await require_connection(uow, merchant_id)
    request_id = uuid.uuid4()
    await uow.connections.mark(
        merchant_id, refresh_requested_id=request_id, refresh_requested_at=utcnow()
    )
    await uow.outbox.add(
        refresh_accounts(merchant_id),
        RefreshQuickBooksAccounts(merchant_id=merchant_id, request_id=request_id),
    )
    return request_id


async def on_accounts_listed(event: QuickBooksAccountsListed, uow: CoaUnitOfWork) -> None:
    """Store the chart; flag mappings to accounts deleted or made inactive; follow renames."""
    merchant = event.merchant_id
    chart = [
        QbAccount(a.list_id, a.name, a.full_name, a.number, a.account_type, a.is_active)
        for a in event.accounts
    ]
    await uow.qb_accounts.replace_all(merchant, chart)
    by_id = {a.list_id: a for a in chart}
    for account in await uow.accounts.all(merchant):
        checked = account.checked_against(by_id)
        if checked == account:
            continue
        await uow.accounts.save(checked)
        if checked.qb_full_name != account.qb_full_name and not checked.problem:
            await _announce(uow, checked)  # renamed in QuickBooks: entries use the new name
    await uow.connections.mark(merchant, refreshed_at=utcnow(), refresh_requested_id=None)


async def map_account(
    uow: CoaUnitOfWork, merchant_id: uuid.UUID, key: str, qb_list_id: str
) -> CoaAccount:
    await require_connection(uow, merchant_id)
    account = await _account(uow, merchant_id, key)
    qb = await uow.qb_accounts.get(merchant_id, qb_list_id)
    if qb is None:
        raise InvalidInput(
            f"QuickBooks account {qb_list_id} is not in the list read from QuickBooks; "
            "refresh the list and choose again"
        )
    mapped = account.mapped_to(qb)
    if mapped != account:
        await uow.accounts.save(mapped)
        await _announce(uow, mapped)
    return mapped


async def unmap_account(uow: CoaUnitOfWork, merchant_id: uuid.UUID, key: str) -> CoaAccount:
    await require_connection(uow, merchant_id)
    account = await _account(uow, merchant_id, key)
    if account.qb_list_id is None:
        return account
    unmapped = account.unmapped()
    await uow.accounts.save(unmapped)
    await _announce(uow, unmapped)
    return unmapped


async def _account(uow: CoaUnitOfWork, merchant_id: uuid.UUID, key: str) -> CoaAccount:
    await ensure_accounts(uow, merchant_id)
    account = await uow.accounts.get(merchant_id, key)
    if account is None:
        raise NotFound(f"there is no CobaltConnect account {key!r}")
    return account


async def _announce(uow: CoaUnitOfWork, account: CoaAccount) -> None:
    await uow.outbox.add(
        account_mapped(account.merchant_id),
        AccountMapped(
            merchant_id=account.merchant_id,
            account=account.key,
            qb_full_name=account.qb_full_name,
            qb_list_id=account.qb_list_id,
            qb_account_type=account.qb_account_type,
        ),
    )
