"""qbXML 13.0 for CobaltConnect: builders, message sets, responses, status catalogue.

Names are loaded on first use, so pure modules (`values`, `node`, `requests`) can be imported
by domain code without pulling in lxml, which only parsing (`responses`, `safe_xml`,
`schema`) needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cobalt_qbxml.message_set import MessageSet, choose_version
    from cobalt_qbxml.requests import (
        AccountQuery,
        AppliedCredit,
        AppliedToTxn,
        BillAdd,
        BillMod,
        BillPaymentCheckAdd,
        DepositAdd,
        DepositLine,
        ExpenseLine,
        JournalEntryAdd,
        JournalLine,
        Ref,
        Request,
        TxnDeletedQuery,
        TxnQuery,
        TxnVoid,
        VendorAdd,
        VendorCreditAdd,
        VendorCreditMod,
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
    "BillMod",
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
    "TxnDeletedQuery",
    "TxnQuery",
    "TxnVoid",
    "VendorAdd",
    "VendorCreditAdd",
    "VendorCreditMod",
    "VendorQuery",
    "choose_version",
    "explain_hresult",
    "explain_status",
    "parse_response",
]
_WHERE = {
    "MessageSet": "message_set",
    "choose_version": "message_set",
    "ResponseSet": "responses",
    "parse_response": "responses",
    "explain_hresult": "status",
    "explain_status": "status",
    "QbxmlValueError": "values",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name, "requests" if name in __all__ else None)
    if module is None:
        raise AttributeError(f"module 'cobalt_qbxml' has no attribute {name!r}")
    return getattr(importlib.import_module(f"cobalt_qbxml.{module}"), name)
