"""qbXML 13.0 for CobaltConnect: builders, message sets, responses, status catalogue."""

from cobalt_qbxml.message_set import MessageSet, choose_version
from cobalt_qbxml.requests import (
    AccountQuery,
    AppliedCredit,
    AppliedToTxn,
    BillAdd,
    BillPaymentCheckAdd,
    DepositAdd,
    DepositLine,
    ExpenseLine,
    JournalEntryAdd,
    JournalLine,
    Ref,
    Request,
    TxnQuery,
    VendorAdd,
    VendorCreditAdd,
    VendorQuery,
)
from cobalt_qbxml.responses import ResponseSet, parse_response
from cobalt_qbxml.status import explain_hresult, explain_status
from cobalt_qbxml.values import QbxmlValueError

__all__ = [
    "AccountQuery",
    "AppliedCredit",
    "AppliedToTxn",
    "BillAdd",
    "BillPaymentCheckAdd",
    "DepositAdd",
    "DepositLine",
    "ExpenseLine",
    "JournalEntryAdd",
    "JournalLine",
    "MessageSet",
    "QbxmlValueError",
    "Ref",
    "Request",
    "ResponseSet",
    "TxnQuery",
    "VendorAdd",
    "VendorCreditAdd",
    "VendorQuery",
    "choose_version",
    "explain_hresult",
    "explain_status",
    "parse_response",
]
