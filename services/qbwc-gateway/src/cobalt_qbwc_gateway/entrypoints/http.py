"""HTTP API of the gateway: connections (support), the merchant's connection status."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from cobalt_qbwc_gateway.adapters.codec import payload_json
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import (
    ConnectionView,
    SetUpConnection,
    connection_status,
    qwc_file,
    require_connection,
    set_up_connection,
)
from cobalt_qbwc_gateway.application.entries import (
    EntryFilter,
    entry_counts,
    get_entry,
    list_entries,
    retry_entry,
    retry_failed,
)
from cobalt_qbwc_gateway.application.signin import clear_lock
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState, Tone
from cobalt_qbwc_gateway.domain.facts import VendorLink
from cobalt_qbwc_gateway.domain.posting import EntryKind, vendor_of
from cobalt_qbwc_gateway.domain.qwc import QwcSettings
from cobalt_shared.api_contract import IsoDate
from cobalt_shared.auth import Merchant, Role, require_role
from cobalt_shared.clock import Clock
from cobalt_shared.contracts.gateway import NOT_SET_UP
from cobalt_shared.http import unit_of_work

router = APIRouter(tags=["QuickBooks connection"])
support = [require_role(Role.SUPPORT)]
Uow = Annotated[GatewayUnitOfWork, Depends(unit_of_work)]


class ConnectionIn(BaseModel):
    """What support enters to connect a merchant's QuickBooks."""

    qbwc_user: str = Field(min_length=1, max_length=64, examples=["demo-liquors"])
    password: str | None = Field(
        None, min_length=12, max_length=256, description="Set or rotate; never returned"
    )
    start_date: IsoDate = Field(description="Nothing dated before it is sent to QuickBooks")
    qbxml_version: str = Field("13.0", examples=["13.0"])
    company_file: str | None = Field(None, examples=[r"C:\QuickBooks\Demo Liquors.QBW"])


class SignInOut(BaseModel):
    """Failed Web Connector sign-ins of a connection (support sees them; Unlock clears)."""

    failures: int = Field(description="Failed sign-ins in a row.")
    last_failed_at: datetime | None = None
    last_source: str | None = Field(None, description="The address of the last failure.")
    locked: bool = Field(description="Sign-in is locked: every answer is nvu for now.")
    locked_until: datetime | None = None


class ConnectionOut(BaseModel):
    """A connection's state, as support and the merchant's pages show it."""

    status: str
    set_up: bool = Field(description="Support has set up the connection.")
    message: str | None = None
    qbwc_user: str | None = None
    file_id: str | None = None
    start_date: IsoDate | None = None
    qbxml_version: str | None = None
    company_file: str | None = None
    last_contact_at: datetime | None = None
    overdue: bool = False
    last_error: str | None = None
    entries_waiting: int = 0
    oldest_waiting_since: datetime | None = None

    signin: SignInOut | None = None

    @classmethod
    def of(cls, view: ConnectionView) -> ConnectionOut:
        message = NOT_SET_UP if view.status == "not set up" else None
        fields = {
            k: getattr(view, k)
            for k in ConnectionView.__dataclass_fields__
            if k not in ("signin", "signin_locked")
        }
        signin = None
        if view.signin is not None:
            signin = SignInOut(
                failures=view.signin.failures,
                last_failed_at=view.signin.last_failed_at,
                last_source=view.signin.last_source,
                locked=view.signin_locked,
                locked_until=view.signin.locked_until if view.signin_locked else None,
            )
        return cls(message=message, signin=signin, set_up=view.status != "not set up", **fields)


def _now(request: Request) -> datetime:
    clock: Clock = request.app.state.clock
    return clock()


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


@router.put(
    "/connections/{merchant_id}",
    dependencies=support,
    responses={201: {"model": ConnectionOut, "description": "Set up (a new connection)."}},
)
async def put_connection(
    merchant_id: uuid.UUID, body: ConnectionIn, uow: Uow, request: Request, response: Response
) -> ConnectionOut:
    """Create or update a merchant's QuickBooks connection (support only)."""
    cmd = SetUpConnection(
        merchant_id, body.qbwc_user, body.password, body.start_date, body.qbxml_version,
        body.company_file,
    )  # fmt: skip
    async with uow as tx:
        now = _now(request)
        _, created = await set_up_connection(cmd, tx, _passwords(request), now)
        view = await connection_status(tx, merchant_id, _settings(request).run_every_minutes, now)
        await tx.commit()
    response.status_code = 201 if created else 200
    return ConnectionOut.of(view)


@router.get("/connections/{merchant_id}", dependencies=support)
async def get_connection(merchant_id: uuid.UUID, uow: Uow, request: Request) -> ConnectionOut:
    """A merchant's connection and its health (support only)."""
    async with uow as tx:
        minutes = _settings(request).run_every_minutes
        view = await connection_status(tx, merchant_id, minutes, _now(request))
    return ConnectionOut.of(view)


@router.post("/connections/{merchant_id}/signin/unlock", dependencies=support)
async def unlock_signin(merchant_id: uuid.UUID, uow: Uow, request: Request) -> ConnectionOut:
    """Clear a connection's sign-in lock after too many failed attempts (support only)."""
    async with uow as tx:
        connection = await require_connection(tx, merchant_id)
        await clear_lock(tx, connection)
        minutes = _settings(request).run_every_minutes
        view = await connection_status(tx, merchant_id, minutes, _now(request))
        await tx.commit()
    return ConnectionOut.of(view)


@router.get("/connections/{merchant_id}/qwc", dependencies=support)
async def download_qwc(merchant_id: uuid.UUID, uow: Uow, request: Request) -> Response:
    """The .qwc file the merchant opens in the Web Connector (support only)."""
    settings = _settings(request)
    qwc_settings = QwcSettings(
        settings.app_name, settings.app_url, settings.owner_id, settings.run_every_minutes
    )
    async with uow as tx:
        text = await qwc_file(tx, merchant_id, qwc_settings)
    return Response(
        text,
        media_type="application/xml",
        headers={"Content-Disposition": 'attachment; filename="cobaltconnect.qwc"'},
    )


@router.get("/connection")
async def my_connection(scope: Merchant, uow: Uow, request: Request) -> ConnectionOut:
    """The signed-in merchant's QuickBooks connection, or how to get it set up."""
    async with uow as tx:
        minutes = _settings(request).run_every_minutes
        view = await connection_status(tx, scope.merchant_id, minutes, _now(request))
    return ConnectionOut.of(view)


@router.get("/support", response_class=HTMLResponse, include_in_schema=False)
async def app_support() -> str:
    """The Web Connector's AppSupport page (it must answer 200)."""
    return (
        "<html><body><h1>CobaltConnect for QuickBooks Desktop</h1>"
        "<p>Questions about the Web Connector? Contact CobaltConnect support.</p></body></html>"
    )


entries_router = APIRouter(prefix="/entries", tags=["QB entries"])


class EntryOut(BaseModel):
    """An entry as the QB Entries page shows it."""

    id: uuid.UUID
    kind: EntryKind
    description: str = Field(description="What it is: 'bill INV-77 from Acme Beverage'.")
    accounts: list[str] = Field(description="The CobaltConnect accounts it posts to.")
    txn_date: IsoDate
    state: EntryState
    tone: Tone = Field(description="How the state reads at a glance.")
    retryable: bool = Field(description="Retry can send it again (it failed).")
    detail: str
    txn_id: str | None
    error_code: str | None
    created_at: datetime
    updated_at: datetime
    retried_by: str | None = Field(None, description="Who last pressed Retry on it.")
    retried_at: datetime | None = None

    @classmethod
    def of(cls, entry: Entry) -> EntryOut:
        return cls(
            id=entry.id,
            kind=entry.kind,
            description=entry.describe(),
            accounts=list(entry.accounts),
            txn_date=entry.txn_date,
            state=entry.state,
            tone=entry.state.tone,
            retryable=entry.state is EntryState.FAILED,
            detail=entry.detail,
            txn_id=entry.txn_id,
            error_code=entry.error_code,
            created_at=entry.created_at,
            updated_at=entry.updated_at,
            retried_by=entry.retried_by,
            retried_at=entry.retried_at,
        )


class QuickBooksVendorOut(BaseModel):
    """The QuickBooks vendor an entry's vendor name is linked to."""

    name: str = Field(description="The vendor's name as the merchant typed it.")
    quickbooks_name: str | None = Field(description="The name QuickBooks has for it.")
    list_id: str | None
    state: str


class EntryDetail(EntryOut):
    """One entry with what was sent and what QuickBooks answered."""

    payload: str = Field(description="What the entry must make in QuickBooks (JSON).")
    request_xml: str | None
    response_xml: str | None
    quickbooks_vendor: QuickBooksVendorOut | None = None

    @classmethod
    def with_vendor(cls, entry: Entry, link: VendorLink | None) -> EntryDetail:
        vendor = None
        if link is not None:
            vendor = QuickBooksVendorOut(
                name=link.name,
                quickbooks_name=link.qb_name,
                list_id=link.list_id,
                state=link.state.value,
            )
        return cls(
            **EntryOut.of(entry).model_dump(),
            payload=payload_json(entry.payload),
            request_xml=entry.request_xml,
            response_xml=entry.response_xml,
            quickbooks_vendor=vendor,
        )


class RetriedOut(BaseModel):
    """What Retry all failed did."""

    retried: int
    entries: list[EntryOut]


@entries_router.get("")
async def entries_list(
    scope: Merchant,
    uow: Uow,
    state: EntryState | None = None,
    kind: EntryKind | None = None,
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[EntryOut]:
    """The merchant's QuickBooks entries, newest first, filtered by state, kind and date."""
    filters = EntryFilter(
        state.value if state else None, kind.value if kind else None, date_from, date_to, limit
    )
    async with uow as tx:
        found = await list_entries(tx, scope.merchant_id, filters)
    return [EntryOut.of(e) for e in found]


@entries_router.get("/counts")
async def entries_counts(scope: Merchant, uow: Uow) -> dict[str, int]:
    """How many entries are in each state."""
    async with uow as tx:
        return await entry_counts(tx, scope.merchant_id)


@entries_router.get("/{entry_id}")
async def entries_show(entry_id: uuid.UUID, scope: Merchant, uow: Uow) -> EntryDetail:
    """One entry with its explanation, request and response."""
    async with uow as tx:
        entry = await get_entry(tx, scope.merchant_id, entry_id)
        vendor = vendor_of(entry.payload)
        link = await tx.vendors.get(scope.merchant_id, vendor) if vendor else None
    return EntryDetail.with_vendor(entry, link)


@entries_router.post("/retry-failed")
async def entries_retry_failed(scope: Merchant, uow: Uow, request: Request) -> RetriedOut:
    """Retry every failed entry: each goes again once what it waits for is there."""
    async with uow as tx:
        retried = await retry_failed(
            tx, scope.merchant_id, _now(request), scope.principal.display_name
        )
        await tx.commit()
    return RetriedOut(retried=len(retried), entries=[EntryOut.of(e) for e in retried])


@entries_router.post("/{entry_id}/retry")
async def entries_retry(
    entry_id: uuid.UUID, scope: Merchant, uow: Uow, request: Request
) -> EntryOut:
    """Send a failed entry again once its cause is fixed (409 with the reason otherwise)."""
    async with uow as tx:
        entry = await retry_entry(
            tx, scope.merchant_id, entry_id, _now(request), scope.principal.display_name
        )
        await tx.commit()
    return EntryOut.of(entry)
