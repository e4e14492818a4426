"""What an unsent entry waits for, derived from current facts only (never from an old reason).

Receiving a command, a mapping, a prerequisite's result, a start-date change and Retry all
ask the same question, so an entry can never be stranded by a stale explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, Entry, EntryState, waiting_for
from cobalt_qbwc_gateway.domain.facts import Facts, VendorState
from cobalt_qbwc_gateway.domain.posting import Posting
from cobalt_qbxml.values import name_problem, qbxml_name

# A payment can reach the gateway a moment before the bill it pays (replicas consume in
# parallel); after this long, a prerequisite never seen is one that will never come.
PREREQUISITE_GRACE = timedelta(minutes=10)
MAX_VENDOR_NAME = 41
BEFORE_START = "before-start"  # error code of an entry cancelled by the start date


@dataclass(frozen=True)
class Derived:
    state: EntryState
    detail: str
    error_code: str | None = None


def derive(entry: Entry, facts: Facts) -> Derived:
    """The state an unsent entry belongs in now, with its reason."""
    posting = entry.posting
    if posting is None:
        return Derived(EntryState.READY, READY_DETAIL)
    if facts.start_date is not None and posting.txn_date < facts.start_date:
        return _before_start(entry, facts)
    # What can never work fails at once; then what the merchant must do; then what follows.
    never = _never(entry, posting, facts)
    if never is not None:
        return never
    missing = tuple(a for a in posting.accounts if a not in facts.account_names)
    if missing:
        return Derived(EntryState.WAITING_FOR_MAPPING, waiting_for(missing))
    return _vendor(posting, facts) or _prerequisites(posting, facts) or _ready()


def _ready() -> Derived:
    return Derived(EntryState.READY, READY_DETAIL)


def _before_start(entry: Entry, facts: Facts) -> Derived:
    start = facts.start_date.isoformat() if facts.start_date else ""
    dated = f"Dated {entry.txn_date.isoformat()}, before the QuickBooks start date {start}"
    if entry.kind.looked_up_before_start:
        return Derived(
            EntryState.LOOKING_UP,
            f"{dated}: looking for it in QuickBooks (same vendor and invoice number) at the "
            "next update; if it is there, payments can apply to it.",
        )
    return Derived(EntryState.CANCELLED, f"{dated}: it is not sent to QuickBooks.", BEFORE_START)


def vendor_name_problem(name: str) -> str | None:
    """Why QuickBooks cannot store this vendor name, with the fix; None when it can."""
    if not qbxml_name(name):
        return "The vendor name is empty. Record the order again with the vendor's name."
    problem = name_problem(name, "The vendor name", MAX_VENDOR_NAME)
    if problem is None:
        return None
    return (
        f"{problem}. Record the order again with a vendor name QuickBooks can store, or add "
        "the vendor in QuickBooks and use the name it has there."
    )


def _vendor(posting: Posting, facts: Facts) -> Derived | None:
    if not posting.kind.needs_vendor:
        return None
    name = posting.vendor_name or ""
    problem = vendor_name_problem(name)
    if problem:
        return Derived(EntryState.FAILED, problem, "vendor-name")
    link = facts.vendor(name)
    if link is not None and link.state is VendorState.LINKED:
        return None
    if link is not None and link.state is VendorState.FAILED:
        return Derived(
            EntryState.FAILED,
            f"The vendor '{name}' could not be put in QuickBooks: {link.detail} Then press Retry.",
            "vendor",
        )
    # Finding or adding the vendor is part of the next update itself: the entry is ready.
    return Derived(EntryState.READY, f"{READY_DETAIL} {vendor_first(name)}")


def vendor_first(name: str) -> str:
    return f"Its vendor '{name}' is found in QuickBooks (or added) first."


def _never(entry: Entry, posting: Posting, facts: Facts) -> Derived | None:
    """A prerequisite that will never be in QuickBooks: the entry can never be made."""
    for entry_id in posting.prerequisites:
        needed = facts.prerequisites.get(entry_id)
        if needed is None and facts.now - entry.created_at > PREREQUISITE_GRACE:
            return Derived(
                EntryState.FAILED,
                f"It applies to an entry CobaltConnect never sent to QuickBooks ({entry_id}), "
                "so it can never be made. Record this payment again from Accounts Payable.",
                "prerequisite",
            )
        if needed is not None and needed.state is EntryState.CANCELLED:
            return Derived(
                EntryState.FAILED,
                f"It pays {needed.description}, which is not in QuickBooks: {needed.detail} "
                "It cannot be paid through QuickBooks from CobaltConnect; record the payment "
                "in QuickBooks itself.",
                "prerequisite",
            )
    return None


def _prerequisites(posting: Posting, facts: Facts) -> Derived | None:
    waits: list[str] = []
    for entry_id in posting.prerequisites:
        needed = facts.prerequisites.get(entry_id)
        if needed is None:
            waits.append("Waiting for the bill it pays to reach the QuickBooks gateway.")
        elif needed.state is EntryState.FAILED:
            waits.append(
                f"Waiting for {needed.description}, which failed: {needed.detail} It goes by "
                f"itself once that {needed.kind.label} is fixed and in QuickBooks."
            )
        elif not needed.state.in_quickbooks:
            waits.append(f"Waiting for {needed.description} to be in QuickBooks ({needed.state}).")
    if waits:
        return Derived(EntryState.WAITING_FOR_PREREQUISITE, waits[0])
    return None
