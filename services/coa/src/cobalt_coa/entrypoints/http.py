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
    map_accounts,
    pay_from_accounts,
    request_refresh,
    require_connection,
    suggestions,
    unmap_account,
)
from cobalt_coa.domain.account import TYPE_NAMES, CoaAccount, QbAccount
from cobalt_shared.accounts import OPERATING_ACCOUNT
from cobalt_shared.auth import Merchant
from cobalt_shared.http import unit_of_work

router = APIRouter(prefix="/coa", tags=["chart of accounts"])

Uow = Annotated[CoaUnitOfWork, Depends(unit_of_work)]


_TONES: dict[str, Literal["waiting", "synced", "failed"]] = {
    "mapped": "synced",
    "unmapped": "waiting",
    "needs attention": "failed",
}


class MappingOut(BaseModel):
    qb_list_id: str
    qb_full_name: str | None
    qb_account_type: str | None


class AccountOut(BaseModel):
    """A CobaltConnect account and its QuickBooks account, if chosen."""

    key: str = Field(examples=["purchases:beer"])
    name: str = Field(examples=["Purchases: Beer"])
    kind: Literal["system", "bank", "purchases", "sales", "tax"] = Field(examples=["purchases"])
    allowed_types: list[str] = Field(description="QuickBooks account types it may map to.")
    allowed_type_names: list[str] = Field(description="The same, as QuickBooks shows them.")
    state: Literal["unmapped", "mapped", "needs attention"]
    tone: Literal["waiting", "synced", "failed"] = Field(
        description="How the state reads: mapped (synced), unmapped (waiting), needs attention."
    )
    mapping: MappingOut | None
    problem: str | None
    mapped_by: str | None = Field(None, description="Who chose the mapping (or removed it).")
    mapped_at: datetime | None = None

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
            allowed_types=list(account.allowed_types),
            allowed_type_names=[TYPE_NAMES.get(t, t) for t in account.allowed_types],
            state=account.state, tone=_TONES[account.state],
            mapping=mapping, problem=account.problem, mapped_by=account.mapped_by,
            mapped_at=account.mapped_at,
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


class MappingIn(MapIn):
    key: str = Field(min_length=1, max_length=120, examples=["purchases:beer"])


class MappingsIn(BaseModel):
    """Several mappings confirmed at once (suggestions the merchant accepted)."""

    mappings: list[MappingIn] = Field(min_length=1, max_length=500)


class SuggestionOut(BaseModel):
    """A QuickBooks account suggested for an unmapped CobaltConnect account, and why."""

    key: str
    name: str
    qb_list_id: str
    qb_full_name: str
    qb_account_type: str
    reason: str = Field(examples=["same name; Cost of Goods Sold account"])


class PayFromOut(BaseModel):
    """An account bills can be paid from."""

    key: str = Field(description="Send it as the payment's pay_from.")
    name: str
    qb_full_name: str | None
    default: bool = Field(description="The operating account: chosen unless another is picked.")


class MappingChangeOut(BaseModel):
    """One change of a mapping: who mapped the account to what, or removed the mapping."""

    key: str
    at: datetime
    by: str | None
    qb_full_name: str | None = Field(description="None when the mapping was removed.")


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
        account = await map_account(
            tx, scope.merchant_id, key, body.qb_list_id, scope.principal.display_name
        )
        await tx.commit()
    return AccountOut.of(account)


@router.delete("/accounts/{key:path}/mapping")
async def unmap_one(key: str, scope: Merchant, uow: Uow) -> AccountOut:
    """Remove a mapping: entries using the account wait until it is mapped again."""
    async with uow as tx:
        account = await unmap_account(tx, scope.merchant_id, key, scope.principal.display_name)
        await tx.commit()
    return AccountOut.of(account)


@router.post("/mappings")
async def map_many(body: MappingsIn, scope: Merchant, uow: Uow) -> list[AccountOut]:
    """Map several accounts at once, all or none: a problem names its line
    (`field`: mappings.<index>) and nothing is mapped."""
    choices = [(m.key, m.qb_list_id) for m in body.mappings]
    async with uow as tx:
        mapped = await map_accounts(tx, scope.merchant_id, choices, scope.principal.display_name)
        await tx.commit()
    return [AccountOut.of(a) for a in mapped]


@router.get("/suggestions")
async def suggested(scope: Merchant, uow: Uow) -> list[SuggestionOut]:
    """For each account not yet mapped, the QuickBooks account most likely meant (by name and
    by the account type it needs). Nothing is mapped until the merchant confirms."""
    async with uow as tx:
        found = await suggestions(tx, scope.merchant_id)
        await tx.commit()
    return [
        SuggestionOut(
            key=s.key,
            name=s.name,
            qb_list_id=s.qb.list_id,
            qb_full_name=s.qb.full_name,
            qb_account_type=s.qb.account_type,
            reason=s.reason,
        )
        for s in found
    ]


@router.get("/bank-accounts")
async def bank_accounts(scope: Merchant, uow: Uow) -> list[PayFromOut]:
    """The accounts bills can be paid from: the operating account (the default) and every
    other QuickBooks bank account."""
    async with uow as tx:
        found = await pay_from_accounts(tx, scope.merchant_id)
        await tx.commit()
    return [
        PayFromOut(
            key=a.key,
            name=a.name,
            qb_full_name=a.qb_full_name,
            default=a.key == OPERATING_ACCOUNT,
        )
        for a in found
    ]


@router.get("/mapping-history")
async def mapping_history(
    scope: Merchant,
    uow: Uow,
    key: Annotated[str | None, Query(max_length=120)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[MappingChangeOut]:
    """Who mapped what, newest first (one account's with `key`)."""
    async with uow as tx:
        await require_connection(tx, scope.merchant_id)
        changes = await tx.history.recent(scope.merchant_id, key, limit)
    return [
        MappingChangeOut(key=c.key, at=c.at, by=c.by, qb_full_name=c.qb_full_name) for c in changes
    ]


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
