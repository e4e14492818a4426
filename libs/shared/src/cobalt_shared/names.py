"""Names as people type them: spacing tidied, and compared as QuickBooks compares them."""

from __future__ import annotations


def tidy(name: str) -> str:
    """Leading, trailing and repeated spaces removed."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """The comparison key of a vendor or category name: case and spacing ignored."""
    return tidy(name).casefold()
