"""Names as people type them: spacing tidied, and compared as QuickBooks compares them."""

from __future__ import annotations

from cobalt_qbxml.values import name_key as qbxml_name_key


def tidy(name: str) -> str:
    """Leading, trailing and repeated spaces removed."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """The comparison key of a vendor or category name: case and spacing ignored."""
    return tidy(name).casefold()


def vendor_key(name: str) -> str:
    """The comparison key of a vendor name: as QuickBooks tells vendors apart (the name's
    qbXML form, case ignored), so 'Łódź Vodka' and 'LÓDZ VODKA' are one vendor everywhere."""
    return qbxml_name_key(name)
