"""Use cases of the chart of accounts: accounts appear as categories do, the QuickBooks chart
is read on request, and mappings are checked, stored and announced to the gateway.

A use case that reads a merchant's accounts and writes them back holds the merchant first
(`lock_merchants`): a mapping the merchant chooses while the worker follows a rename in
QuickBooks is not written over by the worker's older read."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cobalt_coa.adapters.repository import ConnectionState
from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.domain.account import (
    CoaAccount,
    QbAccount,
    bank_accounts,
    category_account,
    system_accounts,
    tax_payable_account,
)
from cobalt_coa.domain.suggestions import Suggestion, suggest
from cobalt_shared.accounts import BANK, OPERATING_ACCOUNT, can_pay_from
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
    taxes: Sequence[str] = (),
) -> None:
    """The system accounts, an account per category seen and one per tax rate or agency seen,
    exist (created once)."""
    now = utcnow()
    for account in system_accounts(merchant_id, now):
        await uow.accounts.add_if_new(account)
    for kind, categories in (("purchases", purchases), ("sales", sales)):
        for category in categories:
            if category.strip():
                await uow.accounts.add_if_new(category_account(merchant_id, kind, category, now))
    for name in taxes:
        if name.strip():
            await uow.accounts.add_if_new(tax_payable_account(merchant_id, name, now))


async def on_order_received(event: OrderReceived, uow: CoaUnitOfWork) -> None:
    categories = [c.category for c in event.categories]
    # A category seen in an order or a sale gets both its purchases and its sales account.
    await ensure_accounts(uow, event.merchant_id, purchases=categories, sales=categories)


async def on_sales_categories(event: SalesCategoriesSeen, uow: CoaUnitOfWork) -> None:
    await ensure_accounts(
        uow,
        event.merchant_id,
        purchases=event.categories,
        sales=event.categories,
        taxes=event.tax_names,
    )


async def on_connection_changed(event: QuickBooksConnectionChanged, uow: CoaUnitOfWork) -> None:
    """Follow the connection's state; once it is set up, the QuickBooks chart is read at the
    first Web Connector contact (so the first visit to the page already has it)."""
    await uow.lock_merchants([event.merchant_id])
    await uow.connections.set_status(event.merchant_id, event.status, utcnow())
    await ensure_accounts(uow, event.merchant_id)
    state = await uow.connections.get(event.merchant_id)
    if (
        event.status != "not set up"
        and state is not None
        and state.refreshed_at is None
        and state.refresh_requested_id is None
    ):
        await request_refresh(uow, event.merchant_id)


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
    await uow.lock_merchants([merchant_id])
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
    await uow.lock_merchants([merchant])
    chart = [
        QbAccount(a.list_id, a.name, a.full_name, a.number, a.account_type, a.is_active)
        for a in event.accounts
    ]
    await uow.qb_accounts.replace_all(merchant, chart)
    by_id = {a.list_id: a for a in chart}
    now = utcnow()
    for bank in bank_accounts(merchant, chart, now):
        if await uow.accounts.add_if_new(bank):
            await uow.history.add(bank, now)
            await _announce(uow, bank)
    for account in await uow.accounts.all(merchant):
        checked = account.checked_against(by_id)
        if checked == account:
            continue
        await uow.accounts.save(checked)
        if checked.qb_full_name != account.qb_full_name and not checked.problem:
            await _announce(uow, checked)  # renamed in QuickBooks: entries use the new name
    await uow.connections.mark(merchant, refreshed_at=utcnow(), refresh_requested_id=None)


async def map_account(
    uow: CoaUnitOfWork,
    merchant_id: uuid.UUID,
    key: str,
    qb_list_id: str,
    by: str | None = None,
    field: str = "qb_list_id",
) -> CoaAccount:
    await uow.lock_merchants([merchant_id])
    await require_connection(uow, merchant_id)
    account = await _account(uow, merchant_id, key)
    qb = await uow.qb_accounts.get(merchant_id, qb_list_id)
    if qb is None:
        raise InvalidInput(
            f"QuickBooks account {qb_list_id} is not in the list read from QuickBooks; "
            "refresh the list and choose again",
            field=field,
        )
    now = utcnow()
    try:
        mapped = account.mapped_to(qb, by, now)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field=field) from None
    if mapped != account:
        await uow.accounts.save(mapped)
        await uow.history.add(mapped, now)
        await _announce(uow, mapped)
    return mapped


async def map_accounts(
    uow: CoaUnitOfWork, merchant_id: uuid.UUID, choices: Sequence[tuple[str, str]], by: str | None
) -> list[CoaAccount]:
    """Map several accounts at once (confirmed suggestions): all of them, or none (the first
    problem is refused, naming the line)."""
    if len({key for key, _ in choices}) != len(choices):
        raise InvalidInput("an account is listed twice", field="mappings")
    return [
        await map_account(uow, merchant_id, key, list_id, by, field=f"mappings.{i}")
        for i, (key, list_id) in enumerate(choices)
    ]


async def unmap_account(
    uow: CoaUnitOfWork, merchant_id: uuid.UUID, key: str, by: str | None = None
) -> CoaAccount:
    await uow.lock_merchants([merchant_id])
    await require_connection(uow, merchant_id)
    account = await _account(uow, merchant_id, key)
    if account.qb_list_id is None:
        return account
    now = utcnow()
    unmapped = account.unmapped(by, now)
    await uow.accounts.save(unmapped)
    await uow.history.add(unmapped, now)
    await _announce(uow, unmapped)
    return unmapped


async def suggestions(uow: CoaUnitOfWork, merchant_id: uuid.UUID) -> list[Suggestion]:
    """Suggested QuickBooks accounts for the accounts not yet mapped."""
    accounts = await list_accounts(uow, merchant_id)
    return suggest(accounts, await uow.qb_accounts.all(merchant_id))


async def pay_from_accounts(uow: CoaUnitOfWork, merchant_id: uuid.UUID) -> list[CoaAccount]:
    """The accounts bills can be paid from, mapped to an active QuickBooks bank account: the
    operating account first (the default), then each other bank account."""
    accounts = await list_accounts(uow, merchant_id)
    usable = [
        a
        for a in accounts
        if can_pay_from(a.key) and a.qb_account_type == BANK and a.state == "mapped"
    ]
    operating = next((a for a in usable if a.key == OPERATING_ACCOUNT), None)
    others = [a for a in usable if a.key != OPERATING_ACCOUNT]
    if operating is not None:
        others = [a for a in others if a.qb_list_id != operating.qb_list_id]
        return [operating, *others]
    return others


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
