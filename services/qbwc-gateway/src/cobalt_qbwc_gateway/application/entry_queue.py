"""The entry queue as the Web Connector conversation sees it (the `Work` port).

Never duplicate: before anything is written again, a message set whose answer never came is
settled with qbXML error recovery (a set carrying only `oldMessageSetID`). Entries QuickBooks
made become synced from their ErrorRecovery aggregate; entries it certainly did not make go
back to ready; only then are new sets built.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from typing import Any

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
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
    VendorCreditAdd,
    explain_hresult,
    explain_status,
    parse_response,
)
from cobalt_qbxml.requests import Request
from cobalt_qbxml.responses import ResponseError, ResponseSet
from cobalt_shared.contracts import QuickBooksEntryResult, utcnow
from cobalt_shared.contracts.subjects import entry_result

RETRYABLE = {500, 3170, 3175, 3176, 3200}  # QuickBooks was busy: try at a later update
RETRY_DELAY = timedelta(minutes=1)


class EntryQueue:
    """Builds message sets from ready entries and records what QuickBooks answered."""

    def __init__(self, batch_size: int = 50, max_bytes: int = 1_000_000) -> None:
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    async def has_ready(self, uow: GatewayUnitOfWork, connection: Connection) -> bool:
        """Something to send (or to settle) now: otherwise QuickBooks is not even opened."""
        return await self._sendable(uow, connection) > 0

    async def next_request(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> str | None:
        unsettled = await uow.entries.in_states(connection.merchant_id, (EntryState.SENT,))
        if unsettled:
            # Ask what became of the oldest unanswered set before writing anything.
            set_id = unsettled[0].message_set_id or ""
            return MessageSet([], old_message_set_id=set_id, version=version).to_xml()
        return await self._next_set(uow, connection, version)

    async def _next_set(
        self, uow: GatewayUnitOfWork, connection: Connection, version: str
    ) -> str | None:
        ready = await uow.entries.in_states(connection.merchant_id, (EntryState.READY,))
        names = await uow.mappings.full_names(connection.merchant_id)
        now = utcnow()
        chosen: list[tuple[Entry, Request]] = []
        for entry in ready:
            if len(chosen) >= self.batch_size:
                break
            if not entry.due(now):
                continue
            try:
                request = await self._request(uow, entry, names)
            except QbxmlValueError as exc:
                await uow.entries.save(
                    entry.failed("invalid", f"{exc}. Correct it, then retry.", None, now)
                )
                continue
            if request is not None:
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
        self, uow: GatewayUnitOfWork, entry: Entry, names: dict[str, str]
    ) -> Request | None:
        command: dict[str, Any] = json.loads(entry.command)
        guid = entry.id
        lines = command.get("lines", [])

        def account(key: str) -> Ref:
            return Ref(names[key])

        kind = entry.kind
        if kind in ("bill", "vendor-credit"):
            expense = [
                ExpenseLine(account(ln["account"]), Decimal(ln["amount"]), ln.get("memo"))
                for ln in lines
            ]
            vendor = Ref(command["vendor_name"])
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
                        return None
                    credits.append(AppliedCredit(credit_txn, Decimal(credit["amount"])))
                if txn is None:
                    return None  # waits until the bill is in QuickBooks
                applied.append(AppliedToTxn(txn, Decimal(bill["amount"]), credits))
            return BillPaymentCheckAdd(
                payee=Ref(command["vendor_name"]),
                bank_account=account(command["bank_account"]),
                txn_date=entry.txn_date,
                external_guid=guid,
                memo=command.get("memo"),
                applied=applied,
            )
        raise QbxmlValueError("kind", f"unknown entry kind {kind!r}")

    async def _sendable(self, uow: GatewayUnitOfWork, connection: Connection) -> int:
        """Entries that can still go this session (a payment only once its bills are in)."""
        states = (EntryState.READY, EntryState.SENT)
        count = 0
        now = utcnow()
        for entry in await uow.entries.in_states(connection.merchant_id, states):
            if not entry.due(now):
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
                # QuickBooks never saw that set: nothing in it exists; send it again.
                await uow.entries.save(entry.requeued("its earlier answer was lost", now))
                continue
            if rs is None:
                await uow.entries.save(entry.requeued("QuickBooks did not process it", now))
                continue
            if rs.status.ok:
                txn_id = (rs.error_recovery.txn_id if rs.error_recovery else None) or (
                    rs.rets[0].txn_id if rs.rets else None
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
        return synced, failed

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


def _date(value: str | None) -> Any:
    from datetime import date

    return date.fromisoformat(value) if value else None
