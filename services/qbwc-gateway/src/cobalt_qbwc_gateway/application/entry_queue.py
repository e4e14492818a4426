"""The entry queue as the Web Connector conversation sees it (the `Work` port).

Never duplicate: before anything is written again, a message set whose answer never came is
settled with qbXML error recovery (a set carrying only `oldMessageSetID`). Entries QuickBooks
made become synced from their ErrorRecovery aggregate; entries it certainly did not make go
back to ready; only then are new sets built. When QuickBooks no longer remembers the set
(messageSetStatusCode not 0), a read-only query per entry looks for our ExternalGUID: found
means synced, absent means it never arrived and goes again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from typing import Any

from cobalt_qbwc_gateway.adapters.repository import VendorLink
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application import accounts
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, Entry, EntryState
from cobalt_qbxml import (
    AppliedCredit,
    AppliedToTxn,
    BillAdd,
    BillPaymentCheckAdd,
    DepositAdd,
    DepositLine,
    ExpenseLine,
    JournalEntryAdd,
    JournalLine,
    MessageSet,
    QbxmlValueError,
    Ref,
    TxnQuery,
    VendorAdd,
    VendorCreditAdd,
    VendorQuery,
    explain_hresult,
    explain_status,
    parse_response,
)
from cobalt_qbxml.requests import Request, TxnKind
from cobalt_qbxml.responses import ResponseError, ResponseSet
from cobalt_shared.contracts import QuickBooksEntryResult, utcnow
from cobalt_shared.contracts.subjects import entry_result
from cobalt_shared.names import name_key as vendor_key

VENDOR_QUERY_ID = "vendor-query"
VERIFY_PREFIX = "verify:"  # requestID of a verification query: verify:<entry id>
NEEDS_VENDOR = ("bill", "vendor-credit", "bill-payment")
RETRYABLE = {500, 3170, 3175, 3176, 3200}
SENDABLE = (
    EntryState.READY,
    EntryState.WAITING_FOR_PREREQUISITE,
)  # QuickBooks was busy: try at a later update
RETRY_DELAY = timedelta(minutes=1)


class EntryQueue:
    """Builds message sets from ready entries and records what QuickBooks answered."""

    def __init__(
        self, batch_size: int = 50, max_bytes: int = 1_000_000, account_page_size: int = 500
    ) -> None:
        self.batch_size = batch_size
        self.max_bytes = max_bytes
        self.account_page_size = account_page_size

    async def has_ready(self, uow: GatewayUnitOfWork, connection: Connection) -> bool:
        """Something to send (or to settle) now: otherwise QuickBooks is not even opened."""
        return await self._sendable(uow, connection) > 0

    async def next_request(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> str | None:
        unsettled = await uow.entries.in_states(connection.merchant_id, (EntryState.SENT,))
        recover = [e for e in unsettled if not e.verifying]
        if recover:
            # Ask what became of the oldest unanswered set before writing anything.
            set_id = recover[0].message_set_id or ""
            return MessageSet([], old_message_set_id=set_id, version=version).to_xml()
        if unsettled:
            # QuickBooks could not say: look for our ExternalGUID before writing again.
            return MessageSet(
                [(VERIFY_PREFIX + str(e.id), _verification(e)) for e in unsettled[:50]],
                version=version,
            ).to_xml()
        reads = [e for e in await uow.entries.in_states(connection.merchant_id, (EntryState.READY,))
                 if e.kind == accounts.KIND]  # fmt: skip
        if reads:
            # Read-only: the merchant's chart of accounts, a page at a time.
            return MessageSet(
                [accounts.query_for(reads[0], self.account_page_size)], version=version
            ).to_xml()
        await self._register_vendors(uow, connection)
        unknown = await uow.vendors.in_state(connection.merchant_id, "unknown")
        if unknown:
            # Read-only, so safe to repeat: which of these vendors exist in QuickBooks?
            query = VendorQuery(full_names=[v.name for v in unknown[:50]])
            return MessageSet([(VENDOR_QUERY_ID, query)], version=version).to_xml()
        await self._add_missing_vendors(uow, connection)
        return await self._next_set(uow, connection, version)

    async def _register_vendors(self, uow: GatewayUnitOfWork, connection: Connection) -> None:
        """Every vendor a ready entry needs is known, or queued to be looked up."""
        now = utcnow()
        known = await uow.vendors.all(connection.merchant_id)
        for entry in await uow.entries.in_states(connection.merchant_id, SENDABLE):
            if entry.kind in NEEDS_VENDOR:
                name = json.loads(entry.command)["vendor_name"]
                if vendor_key(name) not in known:
                    known[vendor_key(name)] = VendorLink(name, "unknown")
                    await uow.vendors.set(connection.merchant_id, known[vendor_key(name)], now)

    async def _add_missing_vendors(self, uow: GatewayUnitOfWork, connection: Connection) -> None:
        """A vendor QuickBooks does not have becomes an entry of its own (a VendorAdd)."""
        now = utcnow()
        for vendor in await uow.vendors.in_state(connection.merchant_id, "missing"):
            entry_id = uuid.uuid5(connection.merchant_id, f"vendor:{vendor_key(vendor.name)}")
            entry = Entry(
                id=entry_id, merchant_id=connection.merchant_id, kind="vendor",
                txn_date=now.date(), accounts=(), command=json.dumps({"vendor_name": vendor.name}),
                state=EntryState.READY, detail=READY_DETAIL, created_at=now, updated_at=now,
            )  # fmt: skip
            await uow.entries.add_if_new(entry)

    async def _next_set(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> str | None:
        ready = await uow.entries.in_states(connection.merchant_id, SENDABLE)
        names = await uow.mappings.full_names(connection.merchant_id)
        known = await uow.vendors.all(connection.merchant_id)
        now = utcnow()
        chosen: list[tuple[Entry, Request]] = []
        for entry in ready:
            if len(chosen) >= self.batch_size:
                break
            if not entry.due(now) or entry.kind == accounts.KIND:
                continue
            try:
                request = await self._request(uow, entry, names, known)
            except QbxmlValueError as exc:
                await uow.entries.save(
                    entry.failed("invalid", f"{exc}. Correct it, then retry.", None, now)
                )
                continue
            if isinstance(request, str):
                waiting = entry.waiting_on(request, now)
                if waiting is not entry:
                    await uow.entries.save(waiting)
            else:
                chosen.append((entry, request))
        if not chosen:
            return None
        set_id = uuid.uuid4().hex[:20]
        document = ""
        while chosen:
            document = MessageSet(
                [(str(e.id), r) for e, r in chosen], new_message_set_id=set_id, version=version
            ).to_xml()
            if len(document) <= self.max_bytes or len(chosen) == 1:
                break
            chosen = chosen[: len(chosen) // 2]
        for entry, _ in chosen:
            await uow.entries.save(entry.sent(document, set_id, now))
        return document

    async def _request(
        self,
        uow: GatewayUnitOfWork,
        entry: Entry,
        names: dict[str, str],
        known: dict[str, VendorLink],
    ) -> Request | str:
        """The request for an entry, or why it must wait (its vendor, the bill it pays)."""
        command: dict[str, Any] = json.loads(entry.command)
        guid = entry.id
        lines = command.get("lines", [])

        def account(key: str) -> Ref:
            return Ref(names[key])

        kind = entry.kind
        if kind == "vendor":
            return VendorAdd(name=command["vendor_name"], external_guid=guid)
        vendor_id: str | None = None
        if kind in NEEDS_VENDOR:
            link = known.get(vendor_key(command["vendor_name"]))
            if link is not None and link.state == "conflict":
                raise QbxmlValueError(
                    "vendor",
                    explain_status(3100).render(vendor=command["vendor_name"]),
                )
            if link is None or link.state != "linked":
                return f"Waiting for the vendor '{command['vendor_name']}' to be in QuickBooks."
            vendor_id = link.list_id
        if kind in ("bill", "vendor-credit"):
            expense = [
                ExpenseLine(account(ln["account"]), Decimal(ln["amount"]), ln.get("memo"))
                for ln in lines
            ]
            vendor = Ref(command["vendor_name"], list_id=vendor_id)
            if kind == "bill":
                return BillAdd(
                    vendor=vendor, txn_date=entry.txn_date, ref_number=command["ref_number"],
                    external_guid=guid, expense_lines=expense, memo=command.get("memo"),
                    due_date=_date(command.get("due_date")),
                )  # fmt: skip
            return VendorCreditAdd(
                vendor=vendor, txn_date=entry.txn_date, ref_number=command["ref_number"],
                external_guid=guid, expense_lines=expense, memo=command.get("memo"),
            )  # fmt: skip
        if kind == "deposit":
            return DepositAdd(
                deposit_to=account(command["bank_account"]),
                txn_date=entry.txn_date,
                external_guid=guid,
                memo=command.get("memo"),
                lines=[
                    DepositLine(account(ln["account"]), Decimal(ln["amount"]), ln.get("memo"))
                    for ln in lines
                ],
            )
        if kind == "journal-entry":
            return JournalEntryAdd(
                txn_date=entry.txn_date,
                external_guid=guid,
                memo=command.get("memo"),
                ref_number=command.get("ref_number"),
                lines=[
                    JournalLine(
                        ln["side"], account(ln["account"]), Decimal(ln["amount"]), ln.get("memo")
                    )
                    for ln in lines
                ],
            )
        if kind == "bill-payment":
            applied = []
            for bill in command.get("applied", []):
                txn = await self._synced_txn(uow, entry, bill["bill_entry_id"])
                credits = []
                for credit in bill.get("credits", []):
                    credit_txn = await self._synced_txn(uow, entry, credit["credit_entry_id"])
                    if credit_txn is None:
                        return "Waiting for the vendor credit it uses to be in QuickBooks."
                    credits.append(AppliedCredit(credit_txn, Decimal(credit["amount"])))
                if txn is None:
                    return "Waiting for the bill it pays to be in QuickBooks."
                applied.append(AppliedToTxn(txn, Decimal(bill["amount"]), credits))
            return BillPaymentCheckAdd(
                payee=Ref(command["vendor_name"], list_id=vendor_id),
                bank_account=account(command["bank_account"]),
                txn_date=entry.txn_date,
                external_guid=guid,
                memo=command.get("memo"),
                applied=applied,
            )
        raise QbxmlValueError("kind", f"unknown entry kind {kind!r}")

    async def _sendable(self, uow: GatewayUnitOfWork, connection: Connection) -> int:
        """Entries that can still go this session (a payment only once its bills are in)."""
        states = (*SENDABLE, EntryState.SENT)
        count = 0
        now = utcnow()
        known = await uow.vendors.all(connection.merchant_id)
        for entry in await uow.entries.in_states(connection.merchant_id, states):
            if not entry.due(now):
                continue
            if entry.kind in NEEDS_VENDOR and entry.state is not EntryState.SENT:
                link = known.get(vendor_key(json.loads(entry.command)["vendor_name"]))
                if link is not None and link.state == "conflict":
                    continue
                if link is None or link.state != "linked":
                    count += 1  # its vendor is to be looked up or added first
                    continue
            if entry.kind != "bill-payment" or entry.state is EntryState.SENT:
                count += 1
                continue
            command = json.loads(entry.command)
            needed = [b["bill_entry_id"] for b in command.get("applied", [])] + [
                c["credit_entry_id"]
                for b in command.get("applied", [])
                for c in b.get("credits", [])
            ]
            if all([await self._synced_txn(uow, entry, other) for other in needed]):
                count += 1
        return count

    async def _synced_txn(self, uow: GatewayUnitOfWork, entry: Entry, other_id: str) -> str | None:
        other = await uow.entries.get(entry.merchant_id, uuid.UUID(other_id))
        return other.txn_id if other is not None and other.state is EntryState.SYNCED else None

    async def apply_response(
        self, uow: GatewayUnitOfWork, connection: Connection, response: str, hresult: str,
        message: str,
    ) -> tuple[int, int, int, str | None]:  # fmt: skip
        if response and f'requestID="{VENDOR_QUERY_ID}"' in response:
            return await self._apply_vendor_query(uow, connection, response)
        if response and f'requestID="{accounts.REQUEST_PREFIX}' in response:
            return await self._apply_accounts(uow, connection, response)
        if response and f'requestID="{VERIFY_PREFIX}' in response:
            return await self._apply_verification(uow, connection, response)
        sent = await uow.entries.in_states(connection.merchant_id, (EntryState.SENT,))
        if not sent:
            return -1, 0, 0, "An answer arrived for entries that were not sent; it was ignored."
        now = utcnow()
        set_id = sent[0].message_set_id
        in_set = [e for e in sent if e.message_set_id == set_id]
        if not response:
            # QuickBooks refused the whole document: nothing in it was written.
            explanation = explain_hresult(hresult).render(qb_message=message)
            for entry in in_set:
                refused = entry.failed(hresult or "unknown", explanation, None, now)
                await uow.entries.save(refused)
                await self._publish(uow, refused)
            return -1, 0, len(in_set), explanation
        try:
            answer = parse_response(response)
        except ResponseError as exc:
            # Change nothing: the set stays unsettled and error recovery settles it later.
            return (
                -1,
                0,
                0,
                f"The Web Connector's answer was not a qbXML response ({exc}); "
                "nothing was recorded.",
            )
        synced, failed = await self._record(uow, in_set, answer, response, now)
        remaining = await self._sendable(uow, connection)
        handled = synced + failed
        percent = 100 if not remaining else max(1, min(99, 100 * handled // (handled + remaining)))
        return percent, synced, failed, None

    async def _apply_vendor_query(
        self, uow: GatewayUnitOfWork, connection: Connection, response: str
    ) -> tuple[int, int, int, str | None]:
        try:
            answer = parse_response(response)
        except ResponseError as exc:
            return -1, 0, 0, f"The vendor lookup came back unreadable ({exc})."
        found = {
            vendor_key(ret.name or ""): ret.list_id
            for rs in answer.responses
            for ret in rs.rets
            if rs.request_id == VENDOR_QUERY_ID
        }
        now = utcnow()
        merchant = connection.merchant_id
        for vendor in await uow.vendors.in_state(merchant, "unknown"):
            list_id = found.get(vendor_key(vendor.name))
            added = await uow.entries.get(
                merchant, uuid.uuid5(merchant, f"vendor:{vendor_key(vendor.name)}")
            )
            if list_id:
                await uow.vendors.set(merchant, VendorLink(vendor.name, "linked", list_id), now)
                if added is not None and added.state is EntryState.FAILED:
                    # Its add met an existing vendor (3100): linked to that one instead.
                    await uow.entries.save(added.synced(list_id, None, response, now))
                continue
            # Its add was refused as a duplicate name, yet no vendor has it: another kind of
            # QuickBooks record (customer, employee) owns the name.
            state = "conflict" if added is not None and added.error_code == "3100" else "missing"
            await uow.vendors.set(merchant, VendorLink(vendor.name, state), now)
        await self._release(uow, merchant, now)
        remaining = await self._sendable(uow, connection)
        return (100 if not remaining else 1), 0, 0, None

    async def _apply_accounts(
        self, uow: GatewayUnitOfWork, connection: Connection, response: str
    ) -> tuple[int, int, int, str | None]:
        try:
            answer = parse_response(response)
        except ResponseError as exc:
            return -1, 0, 0, f"The chart of accounts came back unreadable ({exc})."
        ready = await uow.entries.in_states(connection.merchant_id, (EntryState.READY,))
        for entry in ready:
            if entry.kind == accounts.KIND:
                await accounts.apply_accounts(uow, entry, answer, response, self.account_page_size)
        remaining = await self._sendable(uow, connection)
        return (100 if not remaining else 1), 0, 0, None

    async def _apply_verification(
        self, uow: GatewayUnitOfWork, connection: Connection, response: str
    ) -> tuple[int, int, int, str | None]:
        try:
            answer = parse_response(response)
        except ResponseError as exc:
            return -1, 0, 0, f"The check of earlier entries came back unreadable ({exc})."
        by_id = answer.by_request_id()
        now = utcnow()
        synced = 0
        merchant = connection.merchant_id
        for entry in await uow.entries.in_states(merchant, (EntryState.SENT,)):
            rs = by_id.get(VERIFY_PREFIX + str(entry.id))
            if not entry.verifying or rs is None:
                continue
            if not rs.status.ok:
                continue  # the query itself failed: ask again at the next request
            ret = next((r for r in rs.rets if _guid(r.external_guid) == entry.id), None)
            if entry.kind == "vendor" and ret is None and rs.rets:
                ret = rs.rets[0]  # the name is in QuickBooks: link it, never add it twice
            if ret is None:
                await uow.entries.save(entry.requeued("QuickBooks has no record of it", now))
                continue
            if entry.kind == "vendor":
                name = json.loads(entry.command)["vendor_name"]
                await uow.vendors.set(merchant, VendorLink(name, "linked", ret.list_id), now)
            done = entry.synced(ret.txn_id or ret.list_id, ret.edit_sequence, response, now)
            await uow.entries.save(done)
            await self._publish(uow, done)
            synced += 1
        if synced:
            await self._release(uow, merchant, now)
        remaining = await self._sendable(uow, connection)
        return (100 if not remaining else 1), synced, 0, None

    async def _record(
        self,
        uow: GatewayUnitOfWork,
        in_set: Sequence[Entry],
        answer: ResponseSet,
        response: str,
        now: Any,
    ) -> tuple[int, int]:
        by_id = answer.by_request_id()
        recovering = answer.message_set_status_code is not None
        synced = failed = 0
        for entry in in_set:
            rs = by_id.get(str(entry.id))
            if recovering and answer.message_set_status_code != 0:
                # QuickBooks does not remember that set: it may never have reached it, or its
                # memory of it is gone. A query for our ExternalGUID settles it.
                await uow.entries.save(entry.unverified(now))
                continue
            if rs is None:
                await uow.entries.save(entry.requeued("QuickBooks did not process it", now))
                continue
            if entry.kind == "vendor" and rs.status.code == 3100:
                # The name is taken: look it up again and link it, never add it twice.
                name = json.loads(entry.command)["vendor_name"]
                await uow.vendors.set(entry.merchant_id, VendorLink(name, "unknown"), now)
                explanation = explain_status(3100).render(vendor=name)
                await uow.entries.save(entry.failed("3100", explanation, response, now))
                continue
            if rs.status.ok:
                recovery = rs.error_recovery
                ret = rs.rets[0] if rs.rets else None
                txn_id = (recovery.txn_id or recovery.list_id if recovery else None) or (
                    (ret.txn_id or ret.list_id) if ret else None
                )
                if entry.kind == "vendor":
                    name = json.loads(entry.command)["vendor_name"]
                    await uow.vendors.set(
                        entry.merchant_id, VendorLink(name, "linked", txn_id), now
                    )
                edit = (rs.error_recovery.edit_sequence if rs.error_recovery else None) or (
                    rs.rets[0].edit_sequence if rs.rets else None
                )
                done = entry.synced(txn_id, edit, response, now)
                synced += 1
            elif rs.status.code in RETRYABLE:
                await uow.entries.save(entry.requeued(rs.status.message, now, now + RETRY_DELAY))
                continue
            else:
                explanation = explain_status(rs.status.code).render(qb_message=rs.status.message)
                done = entry.failed(str(rs.status.code), explanation, response, now)
                failed += 1
            await uow.entries.save(done)
            await self._publish(uow, done)
        if synced:
            await self._release(uow, in_set[0].merchant_id, now)
        return synced, failed

    async def _release(self, uow: GatewayUnitOfWork, merchant_id: uuid.UUID, now: Any) -> None:
        """Something arrived in QuickBooks: entries waiting on a prerequisite try again."""
        waiting = (EntryState.WAITING_FOR_PREREQUISITE,)
        for entry in await uow.entries.in_states(merchant_id, waiting):
            await uow.entries.save(entry.released(now))

    async def _publish(self, uow: GatewayUnitOfWork, entry: Entry) -> None:
        await uow.outbox.add(
            entry_result(entry.merchant_id),
            QuickBooksEntryResult(
                merchant_id=entry.merchant_id,
                entry_id=entry.id,
                state=entry.state.value,
                txn_id=entry.txn_id,
                error_code=entry.error_code,
                explanation=None if entry.state is EntryState.SYNCED else entry.detail,
            ),
        )


QUERY_KIND: dict[str, TxnKind] = {
    "bill": "Bill",
    "vendor-credit": "VendorCredit",
    "bill-payment": "BillPaymentCheck",
    "deposit": "Deposit",
    "journal-entry": "JournalEntry",
}


def _verification(entry: Entry) -> Request:
    """A read-only query whose answer holds the entry if QuickBooks made it: by name for a
    vendor, by RefNumber for bills and credits, by date (and payee) for the rest."""
    command: dict[str, Any] = json.loads(entry.command)
    if entry.kind == "vendor":
        return VendorQuery(full_names=[command["vendor_name"]])
    kind = QUERY_KIND[entry.kind]
    if kind in ("Bill", "VendorCredit") and command.get("ref_number"):
        return TxnQuery(kind=kind, ref_numbers=[command["ref_number"]])
    payee = Ref(command["vendor_name"]) if kind == "BillPaymentCheck" else None
    return TxnQuery(kind=kind, date_from=entry.txn_date, date_to=entry.txn_date, entity=payee)


def _guid(text: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID((text or "").strip("{}"))
    except ValueError:
        return None


def _date(value: str | None) -> Any:
    from datetime import date

    return date.fromisoformat(value) if value else None
