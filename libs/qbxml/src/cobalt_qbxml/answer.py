"""QuickBooks' answers as typed values (parsing them is `responses.parse_response`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property


@dataclass(frozen=True)
class Status:
    """The status QuickBooks gave one request."""

    code: int
    severity: str
    message: str

    @property
    def ok(self) -> bool:
        """Succeeded (0) or a query that matched nothing (1): neither is an error."""
        return self.code in (0, 1) and self.severity != "Error"


@dataclass(frozen=True)
class Linked:
    """A transaction linked to one in an answer (a payment that paid a bill, say)."""

    txn_id: str
    txn_type: str
    txn_date: str
    amount: Decimal


@dataclass(frozen=True)
class Ret:
    """The fields the product needs from one `*Ret` (a transaction or a list object)."""

    tag: str
    txn_id: str | None = None
    list_id: str | None = None
    edit_sequence: str | None = None
    txn_number: str | None = None
    ref_number: str | None = None
    external_guid: str | None = None
    txn_date: str | None = None
    name: str | None = None
    full_name: str | None = None
    account_type: str | None = None
    account_number: str | None = None
    is_active: bool | None = None
    amount: Decimal | None = None
    open_amount: Decimal | None = None
    entity_name: str | None = None
    time_modified: str | None = None
    time_deleted: str | None = None  # a TxnDeletedRet: when it was deleted
    txn_type: str | None = None  # a TxnDeletedRet: Bill, VendorCredit...
    is_paid: bool | None = None
    linked: tuple[Linked, ...] = ()


@dataclass(frozen=True)
class ErrorRecovery:
    """What an earlier message set created, as QuickBooks remembers it."""

    txn_id: str | None
    list_id: str | None
    edit_sequence: str | None
    external_guid: str | None


@dataclass(frozen=True)
class Response:
    """One `*Rs`: its request id, status, results and iterator state."""

    tag: str
    request_id: str | None
    status: Status
    rets: list[Ret] = field(default_factory=list)
    error_recovery: ErrorRecovery | None = None
    iterator_id: str | None = None
    iterator_remaining: int | None = None
    ret_count: int | None = None
    # This response alone, as an answer document: what an entry keeps of QuickBooks' answer
    # (the whole set's answer, kept by each of its entries, made a set of 125 write 125 times
    # the whole answer).
    document: str = ""

    @property
    def kind(self) -> str:
        """The request kind, e.g. 'BillAdd' for a BillAddRs."""
        return self.tag.removesuffix("Rs")


@dataclass(frozen=True)
class ResponseSet:
    """A whole QBXMLMsgsRs."""

    responses: list[Response]
    message_set_status_code: int | None = None
    new_message_set_id: str | None = None
    error_recovery: ErrorRecovery | None = None

    def by_request_id(self) -> dict[str, Response]:
        return dict(self._by_request_id)

    @cached_property
    def _by_request_id(self) -> dict[str, Response]:
        # Built once: each entry of a set looks up its own answer.
        return {r.request_id: r for r in self.responses if r.request_id is not None}

    def for_request(self, request_id: str) -> Response | None:
        """The answer to one request, if it came."""
        return self._by_request_id.get(request_id)
