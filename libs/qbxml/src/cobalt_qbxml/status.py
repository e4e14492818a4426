"""What QuickBooks' status codes and HRESULTs mean to a merchant, and what fixes them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """A status in plain words: what happened, whether retrying can help, what to do."""

    code: str
    title: str
    explanation: str
    retry_helps: bool
    fix: str

    def render(self, **context: str) -> str:
        """The explanation and fix with names filled in (missing names read 'the ...')."""
        fields = _Defaults(context)
        return f"{self.explanation.format_map(fields)} {self.fix.format_map(fields)}".strip()


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return {
            "qb_account": "the QuickBooks account",
            "cobalt_account": "a CobaltConnect account",
            "vendor": "the vendor",
            "closing_date": "the closing date",
            "qb_message": "",
        }.get(key, f"the {key.replace('_', ' ')}")


def _e(code: str, title: str, explanation: str, retry: bool, fix: str) -> Explanation:
    return Explanation(code, title, explanation, retry, fix)


STATUS_CODES: dict[int, Explanation] = {
    0: _e("0", "OK", "QuickBooks did it.", False, ""),
    1: _e("1", "Nothing matched", "QuickBooks found nothing that matches.", False, ""),
    500: _e(
        "500",
        "Partly done",
        "QuickBooks answered only part of a query.",
        True,
        "It is asked again automatically.",
    ),
    3000: _e(
        "3000",
        "Unknown id",
        "QuickBooks does not know a record id we sent: the "
        "record was probably deleted in QuickBooks.",
        False,
        "Check the record in QuickBooks, then retry the entry to send it again.",
    ),
    3020: _e(
        "3020",
        "Invalid date",
        "QuickBooks refused a date in this entry.",
        False,
        "Correct the date in CobaltConnect and retry.",
    ),
    3100: _e(
        "3100",
        "Name already in use",
        "A name in this entry ({vendor}) is already used "
        "in QuickBooks, possibly by another kind of record (customer, employee).",
        False,
        "We link to the existing record; if it is not a vendor, rename one of them in "
        "QuickBooks and retry.",
    ),
    3120: _e(
        "3120",
        "Record not found",
        "A record this entry refers to was deleted or renamed in QuickBooks.",
        False,
        "Restore or re-create it in QuickBooks, or change the mapping, then retry.",
    ),
    3140: _e(
        "3140",
        "Invalid reference",
        "The QuickBooks account '{qb_account}' that "
        "{cobalt_account} is mapped to was renamed, deleted or made inactive.",
        False,
        "Remap {cobalt_account} to an active QuickBooks account in Chart of Accounts, then retry.",
    ),
    3170: _e(
        "3170",
        "Record in use",
        "Someone is editing this record in QuickBooks right now.",
        True,
        "It is retried at the next Web Connector update.",
    ),
    3171: _e(
        "3171",
        "Closed period",
        "The entry is dated on or before the closing date set in QuickBooks.",
        False,
        "Ask your accountant to move the closing date in QuickBooks (Company > Set "
        "Closing Date), or date the entry after it, then retry.",
    ),
    3175: _e(
        "3175",
        "Locked",
        "QuickBooks could not lock a record it needs.",
        True,
        "It is retried at the next Web Connector update.",
    ),
    3176: _e(
        "3176",
        "Locked",
        "QuickBooks could not lock a record it needs.",
        True,
        "It is retried at the next Web Connector update.",
    ),
    3180: _e(
        "3180",
        "Could not save",
        "QuickBooks could not save the entry: {qb_message}",
        False,
        "Fix what QuickBooks names, then retry.",
    ),
    3200: _e(
        "3200",
        "Changed meanwhile",
        "The record was changed in QuickBooks after we read it.",
        True,
        "It is read again and retried automatically.",
    ),
    3210: _e(
        "3210",
        "Amount not allowed",
        "QuickBooks refused an amount: {qb_message} "
        "(for a payment: it is more than the bill's open balance in QuickBooks).",
        False,
        "Check the bill in QuickBooks (it may already be paid there), adjust the "
        "payment, then retry.",
    ),
    3231: _e(
        "3231",
        "Not processed",
        "QuickBooks skipped this entry because an earlier entry sent with it failed.",
        True,
        "It is sent again once the earlier entry is fixed.",
    ),
    3250: _e(
        "3250",
        "Feature off",
        "This needs a QuickBooks feature that is turned off "
        "(for example multiple currencies or class tracking).",
        False,
        "Turn it on in QuickBooks preferences, then retry.",
    ),
    3260: _e(
        "3260",
        "No permission",
        "The QuickBooks user the Web Connector signs in as may not do this.",
        False,
        "In QuickBooks, give that user rights to enter bills, payments, deposits and "
        "journal entries, then retry.",
    ),
    3261: _e(
        "3261",
        "Application not allowed",
        "QuickBooks does not allow CobaltConnect to do this.",
        False,
        "In QuickBooks: Edit > Preferences > Integrated Applications, allow "
        "CobaltConnect with access to personal data, then retry.",
    ),
}

HRESULTS: dict[str, Explanation] = {
    "0x80040400": _e(
        "0x80040400",
        "QuickBooks could not read the request",
        "QuickBooks could not read what we sent (an error in the request format).",
        False,
        "Contact support: this is our error, and nothing was written.",
    ),
    "0x80040401": _e(
        "0x80040401",
        "QuickBooks not reachable",
        "The Web Connector could not reach QuickBooks.",
        True,
        "Make sure QuickBooks is installed and can open the company file.",
    ),
    "0x80040408": _e(
        "0x80040408",
        "QuickBooks did not start",
        "QuickBooks could not be started.",
        True,
        "Open QuickBooks once by hand; then run the Web Connector again.",
    ),
    "0x80040422": _e(
        "0x80040422",
        "Single-user mode needed",
        "QuickBooks must be in single-user mode for this.",
        True,
        "Switch QuickBooks to single-user mode (File menu) during the update.",
    ),
    "0x80040418": _e(
        "0x80040418",
        "Company file not open",
        "The company file QuickBooks should use is not open or is a different one.",
        True,
        "Open the right company file in QuickBooks, then update again.",
    ),
}

UNKNOWN = _e(
    "unknown",
    "Unexpected QuickBooks error",
    "QuickBooks answered with an error we do not recognise: {qb_message}",
    False,
    "Contact support with this message.",
)


def explain_status(code: int) -> Explanation:
    """The plain-language explanation of a qbXML statusCode."""
    return STATUS_CODES.get(code, UNKNOWN)


def explain_hresult(hresult: str) -> Explanation:
    """The plain-language explanation of an HRESULT (e.g. '0x80040400')."""
    key = hresult.strip().lower()
    if not key.startswith("0x") and key.lstrip("-").isdigit():
        key = hex(int(key) & 0xFFFFFFFF)
    return HRESULTS.get(key, UNKNOWN)
