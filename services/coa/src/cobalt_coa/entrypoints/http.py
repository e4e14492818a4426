"""HTTP API of the chart-of-accounts module: the left-hand list, the QuickBooks accounts, and
mapping one to the other."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.application.coa import (
    list_accounts,
    map_account,
    request_refresh,
    require_connection,
    unmap_account,
)
from cobalt_coa.domain.account import CoaAccount, QbAccount
from cobalt_shared.auth import Merchant
from cobalt_shared.http import unit_of_work

router = APIRouter(prefix="/coa", tags=["chart of accounts"])

Uow = Annotated[CoaUnitOfWork, Depends(unit_of_work)]


class MappingOut(BaseModel):
    qb_list_id: str
    qb_full_name: str | None
    qb_account_type: str | None


class AccountOut(BaseModel):
    """A CobaltConnect account and its QuickBooks account, if chosen."""

    key: str = Field(examples=["purchases:beer"])
    name: str = Field(examples=["Purchases: Beer"])
    kind: str = Field(examples=["purchases"])
    allowed_types: list[str] = Field(description="QuickBooks account types it may map to.")
    state: Literal["unmapped", "mapped", "needs attention"]
    mapping: MappingOut | None
    problem: str | None

    @classmethod
    def of(cls, account: CoaAccount) -> AccountOut:
        mapping = None
        if account.qb_list_id:
            mapping = MappingOut(
                qb_list_id=account.qb_list_id,
                qb_full_name=account.qb_full_name,
                qb_account_type=account.qb_account_type,
            )
        return cls(
            key=account.key, name=account.name, kind=account.kind,
            allowed_types=list(account.allowed_types), state=account.state,
            mapping=mapping, problem=account.problem,
        )  # fmt: skip


class QbAccountOut(BaseModel):
    list_id: str
    name: str
    full_name: str
    number: str | None
    account_type: str
    is_active: bool

    @classmethod
    def of(cls, qb: QbAccount) -> QbAccountOut:
        return cls(**qb.__dict__)


class QbChartOut(BaseModel):
    """The merchant's QuickBooks accounts as last read, and whether a refresh is on its way."""

    refreshed_at: datetime | None
    refresh_pending: bool
    accounts: list[QbAccountOut]


class RefreshOut(BaseModel):
    request_id: str
    message: str


class MapIn(BaseModel):
    qb_list_id: str = Field(min_length=1, max_length=40, description="From the QuickBooks list.")


@router.get("/accounts")
async def accounts(
    scope: Merchant,
    uow: Uow,
    state: Annotated[
        Literal["unmapped", "mapped", "needs attention"] | None,
        Query(description="Only accounts in this mapping state"),
    ] = None,
) -> list[AccountOut]:
    """The CobaltConnect accounts (system accounts, then a purchases and a sales account per
    category) with their mapping state."""
    async with uow as tx:
        found = await list_accounts(tx, scope.merchant_id, state)
        await tx.commit()
    return [AccountOut.of(a) for a in found]


@router.put("/accounts/{key:path}/mapping")
async def map_one(key: str, body: MapIn, scope: Merchant, uow: Uow) -> AccountOut:
    """Map a CobaltConnect account to a QuickBooks account of a fitting type."""
    async with uow as tx:
        account = await map_account(tx, scope.merchant_id, key, body.qb_list_id)
        await tx.commit()
    return AccountOut.of(account)


@router.delete("/accounts/{key:path}/mapping")
async def unmap_one(key: str, scope: Merchant, uow: Uow) -> AccountOut:
    """Remove a mapping: entries using the account wait until it is mapped again."""
    async with uow as tx:
        account = await unmap_account(tx, scope.merchant_id, key)
        await tx.commit()
    return AccountOut.of(account)


@router.get("/quickbooks-accounts")
async def quickbooks_accounts(scope: Merchant, uow: Uow) -> QbChartOut:
    """The merchant's QuickBooks accounts (managed in QuickBooks; never created here)."""
    async with uow as tx:
        state = await require_connection(tx, scope.merchant_id)
        chart = await tx.qb_accounts.all(scope.merchant_id)
    return QbChartOut(
        refreshed_at=state.refreshed_at,
        refresh_pending=state.refresh_requested_id is not None,
        accounts=[QbAccountOut.of(a) for a in chart],
    )


@router.post("/quickbooks-accounts/refresh", status_code=202)
async def refresh(scope: Merchant, uow: Uow) -> RefreshOut:
    """Read the QuickBooks chart of accounts again at the next Web Connector update."""
    async with uow as tx:
        request_id = await request_refresh(tx, scope.merchant_id)
        await tx.commit()
    return RefreshOut(
        request_id=str(request_id),
        message="The QuickBooks accounts are read at the next Web Connector update.",
    )
