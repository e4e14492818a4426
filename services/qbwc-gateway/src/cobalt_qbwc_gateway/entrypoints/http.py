"""HTTP API of the gateway: connections (support), the merchant's connection status."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
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
    set_contact_email,
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
from cobalt_qbwc_gateway.application.monitor import Watch, health_of
from cobalt_qbwc_gateway.application.signin import clear_lock
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.entry import Entry, EntryEvent, EntryState, Tone
from cobalt_qbwc_gateway.domain.facts import VendorLink
from cobalt_qbwc_gateway.domain.health import Health, HealthState
from cobalt_qbwc_gateway.domain.posting import EntryKind, vendor_of
from cobalt_qbwc_gateway.domain.qwc import QwcSettings
from cobalt_qbxml.safe_xml import pretty
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
    contact_email: str | None = Field(
        None,
        max_length=254,
        description="Where alert e-mails go (the merchant can change it); omitted: kept",
        examples=["owner@demo-liquors.example"],
    )


class ContactEmailIn(BaseModel):
    """The address the merchant's QuickBooks alerts go to (null or empty: none)."""

    contact_email: str | None = Field(None, max_length=254, examples=["owner@store.example"])


class ProblemOut(BaseModel):
    reason: str
    fix: str
    page: str = Field(description="The web app's page that shows and fixes it (#/...).")


class HealthOut(BaseModel):
    """The connection's one health state, its reason and what fixes it."""

    state: HealthState
    reason: str
    fix: str | None = None
    problems: list[ProblemOut] = Field(description="Everything wrong now, the main one first.")

    @classmethod
    def of(cls, health: Health) -> HealthOut:
        return cls(
            state=health.state,
            reason=health.reason,
            fix=health.fix,
            problems=[ProblemOut(reason=p.reason, fix=p.fix, page=p.page) for p in health.problems],
        )


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
    contact_email: str | None = Field(None, description="Where alert e-mails go.")
    health: HealthOut

    @classmethod
    def of(cls, view: ConnectionView, health: Health) -> ConnectionOut:
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
        return cls(
            message=message,
            signin=signin,
            set_up=view.status != "not set up",
            health=HealthOut.of(health),
            **fields,
        )


def _now(request: Request) -> datetime:
    clock: Clock = request.app.state.clock
    return clock()


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _watch(request: Request) -> Watch:
    watch: Watch = request.app.state.watch
    return watch


async def _connection_out(
    tx: GatewayUnitOfWork, merchant_id: uuid.UUID, request: Request
) -> ConnectionOut:
    now = _now(request)
    view = await connection_status(tx, merchant_id, _settings(request).run_every_minutes, now)
    health = await health_of(tx, merchant_id, now, _watch(request))
    return ConnectionOut.of(view, health)


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
        merchant_id,
        body.qbwc_user,
        body.password,
        body.start_date,
        body.qbxml_version,
        body.company_file,
        contact_email=body.contact_email,
        set_contact_email="contact_email" in body.model_fields_set,
    )
    async with uow as tx:
        _, created = await set_up_connection(cmd, tx, _passwords(request), _now(request))
        out = await _connection_out(tx, merchant_id, request)
        await tx.commit()
    response.status_code = 201 if created else 200
    return out


@router.get("/connections/{merchant_id}", dependencies=support)
async def get_connection(merchant_id: uuid.UUID, uow: Uow, request: Request) -> ConnectionOut:
    """A merchant's connection and its health (support only)."""
    async with uow as tx:
        return await _connection_out(tx, merchant_id, request)


@router.post("/connections/{merchant_id}/signin/unlock", dependencies=support)
async def unlock_signin(merchant_id: uuid.UUID, uow: Uow, request: Request) -> ConnectionOut:
    """Clear a connection's sign-in lock after too many failed attempts (support only)."""
    async with uow as tx:
        connection = await require_connection(tx, merchant_id)
        await clear_lock(tx, connection)
        out = await _connection_out(tx, merchant_id, request)
        await tx.commit()
    return out


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
    """The signed-in merchant's QuickBooks connection and its health, or how to get it set
    up."""
    async with uow as tx:
        return await _connection_out(tx, scope.merchant_id, request)


@router.put("/connection/contact")
async def my_contact_email(
    body: ContactEmailIn, scope: Merchant, uow: Uow, request: Request
) -> ConnectionOut:
    """Where the merchant's QuickBooks alert e-mails go (422 when it is not an address)."""
    async with uow as tx:
        await set_contact_email(tx, scope.merchant_id, body.contact_email)
        out = await _connection_out(tx, scope.merchant_id, request)
        await tx.commit()
    return out


class ContactOut(BaseModel):
    """One Web Connector contact: a sign-in and, when it got in, its update."""

    id: uuid.UUID
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome
    problem: bool = Field(description="Something went wrong that someone must see.")
    reason: str | None = Field(description="What went wrong, in plain words.")
    fix: str | None = Field(description="What fixes it.")
    qbwc_user: str = Field(description="The user name the Web Connector gave.")
    source: str = Field(description="The address it called from.")
    requests: int = Field(description="Request sets sent to QuickBooks.")
    entries_sent: int
    synced: int
    failed: int
    recovery: bool = Field(description="A lost answer was settled by error recovery.")

    @classmethod
    def of(cls, contact: Contact) -> ContactOut:
        return cls(
            id=contact.id,
            started_at=contact.started_at,
            ended_at=contact.ended_at,
            outcome=contact.outcome,
            problem=contact.outcome.problem,
            reason=contact.reason,
            fix=contact.fix,
            qbwc_user=contact.qbwc_user,
            source=contact.source,
            requests=contact.requests,
            entries_sent=contact.entries_sent,
            synced=contact.synced,
            failed=contact.failed,
            recovery=contact.recovery,
        )


class SyncHistoryOut(BaseModel):
    """Web Connector contacts, newest first, a page at a time."""

    total: int
    limit: int
    offset: int
    contacts: list[ContactOut]

    @classmethod
    def of(cls, found: list[Contact], total: int, limit: int, offset: int) -> SyncHistoryOut:
        contacts = [ContactOut.of(c) for c in found]
        return cls(total=total, limit=limit, offset=offset, contacts=contacts)


class AlertEmailOut(BaseModel):
    """An alert e-mail to the merchant, and whether the mail server took it."""

    id: uuid.UUID
    kind: str
    to: str
    subject: str
    created_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str | None


Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/connection/history")
async def my_sync_history(
    scope: Merchant, uow: Uow, limit: Limit = 50, offset: Offset = 0
) -> SyncHistoryOut:
    """The merchant's sync history: every Web Connector contact, newest first."""
    async with uow as tx:
        found, total = await tx.contacts.page(
            merchant_id=scope.merchant_id, limit=limit, offset=offset
        )
    return SyncHistoryOut.of(found, total, limit, offset)


@router.get("/connection/alerts")
async def my_alert_emails(scope: Merchant, uow: Uow) -> list[AlertEmailOut]:
    """The alert e-mails of the merchant, newest first (sent, or waiting for the server)."""
    async with uow as tx:
        found = await tx.digests.of_merchant(scope.merchant_id)
    return [
        AlertEmailOut(
            id=d.id,
            kind=d.kind.value,
            to=d.to,
            subject=d.subject,
            created_at=d.created_at,
            sent_at=d.sent_at,
            attempts=d.attempts,
            last_error=d.last_error,
        )
        for d in found
    ]


@router.get("/connections/{merchant_id}/history", dependencies=support)
async def sync_history(
    merchant_id: uuid.UUID, uow: Uow, limit: Limit = 50, offset: Offset = 0
) -> SyncHistoryOut:
    """A merchant's sync history (support only)."""
    async with uow as tx:
        found, total = await tx.contacts.page(merchant_id=merchant_id, limit=limit, offset=offset)
    return SyncHistoryOut.of(found, total, limit, offset)


@router.get("/contacts", dependencies=support)
async def all_contacts(
    uow: Uow, unattributed: bool = False, limit: Limit = 50, offset: Offset = 0
) -> SyncHistoryOut:
    """Every Web Connector contact (support only); `unattributed`: only those no merchant
    could be named for (unknown user names, refused Web Connector versions)."""
    async with uow as tx:
        found, total = await tx.contacts.page(
            merchant_id=None, unattributed=unattributed, limit=limit, offset=offset
        )
    return SyncHistoryOut.of(found, total, limit, offset)


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
    party: str | None = Field(None, description="The vendor (or payee) it is made with.")
    ref_number: str | None = Field(None, description="Invoice, credit or check number.")
    amount: Decimal | None = Field(None, description="Its total in QuickBooks.")
    origin: str | None = Field(
        None, description="Where it comes from: an order, a payment, a store day."
    )

    @classmethod
    def of(cls, entry: Entry) -> EntryOut:
        posting = entry.posting
        return cls(
            party=entry.party,
            ref_number=posting.ref_number if posting else None,
            amount=posting.amount if posting else None,
            origin=posting.origin if posting else None,
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


class EntryEventOut(BaseModel):
    """A state the entry took, when, and why."""

    at: datetime
    state: EntryState
    tone: Tone
    detail: str


class EntryDetail(EntryOut):
    """One entry with its history, what was sent and what QuickBooks answered."""

    payload: str = Field(description="What the entry must make in QuickBooks (JSON).")
    request_xml: str | None = Field(description="The qbXML request sent, indented.")
    response_xml: str | None = Field(description="QuickBooks' answer, indented.")
    quickbooks_vendor: QuickBooksVendorOut | None = None
    history: list[EntryEventOut] = Field(description="Each state it took, oldest first.")

    @classmethod
    def with_vendor(
        cls, entry: Entry, link: VendorLink | None, history: list[EntryEvent]
    ) -> EntryDetail:
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
            request_xml=pretty(entry.request_xml) if entry.request_xml else None,
            response_xml=pretty(entry.response_xml) if entry.response_xml else None,
            quickbooks_vendor=vendor,
            history=[
                EntryEventOut(at=e.at, state=e.state, tone=e.state.tone, detail=e.detail)
                for e in history
            ],
        )


class RetriedOut(BaseModel):
    """What Retry all failed did."""

    retried: int
    entries: list[EntryOut]


async def entry_filters(
    state: EntryState | None = None,
    kind: EntryKind | None = None,
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    q: Annotated[
        str | None, Query(max_length=100, description="Vendor, reference or amount.")
    ] = None,
) -> EntryFilter:
    """The QB Entries page's filters: state, kind, dates and a search."""
    return EntryFilter(
        state.value if state else None,
        kind.value if kind else None,
        date_from,
        date_to,
        text=q.strip() if q and q.strip() else None,
    )


Filters = Annotated[EntryFilter, Depends(entry_filters)]


@entries_router.get("")
async def entries_list(
    scope: Merchant,
    uow: Uow,
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[EntryOut]:
    """The merchant's QuickBooks entries, newest first (by date), filtered by state, kind,
    date and a search on vendor, reference number or amount."""
    filters = replace(query, limit=limit, offset=offset)
    async with uow as tx:
        found = await list_entries(tx, scope.merchant_id, filters)
    return [EntryOut.of(e) for e in found]


CSV_COLUMNS = (
    "txn_date",
    "kind",
    "description",
    "party",
    "ref_number",
    "amount",
    "state",
    "detail",
    "txn_id",
    "origin",
    "created_at",
    "updated_at",
    "id",
)


@entries_router.get(
    "/export.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The entries as CSV."}},
)
async def entries_export(scope: Merchant, uow: Uow, query: Filters) -> Response:
    """The entries the filters select (up to 20,000, newest first) as a CSV file."""
    filters = replace(query, limit=20_000)
    async with uow as tx:
        found = await list_entries(tx, scope.merchant_id, filters)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in found:
        row = EntryOut.of(entry).model_dump(mode="json")
        writer.writerow([_csv_cell(row.get(c)) for c in CSV_COLUMNS])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="quickbooks-entries.csv"'},
    )


def _csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text (never runs it as a formula)."""
    text = "" if value is None else str(value)
    if text[:1] not in ("=", "+", "-", "@", "\t", "\r"):
        return text
    try:
        Decimal(text)  # a negative amount stays a number
    except ArithmeticError:
        return "'" + text
    return text


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
        history = await tx.entries.history(entry.id)
    return EntryDetail.with_vendor(entry, link, history)


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
