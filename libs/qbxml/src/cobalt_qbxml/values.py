"""Values made safe for QuickBooks: text, amounts, dates, GUIDs.

The rule for text that does not fit:
- free text (memos) is cleaned and TRUNCATED to its limit, ending in "..." so a reader can
  see it was cut; nothing else depends on a memo's exact content;
- names and reference numbers (vendor and account names, RefNumber, check numbers) are
  REFUSED with a QbxmlValueError naming the field: shortening them would silently point at,
  or create, a different vendor/account, or hide the invoice number a merchant searches by.

Characters: XML escaping is lxml's job. Characters QuickBooks cannot store are changed here:
control characters are dropped; characters outside ISO-8859-1 are transliterated to ASCII
where a close form exists (e, ae, quotes, dashes) and become "?" otherwise (as QuickBooks
itself would show them). ISO-8859-1 characters are kept and sent as numeric character
references, since documents are serialized as ASCII.
"""

from __future__ import annotations

import functools
import unicodedata
import uuid
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TRUNCATION_MARK = "..."
MAX_INTEGER_DIGITS = 13  # QuickBooks amounts: at most 13 digits before the point

_SUBSTITUTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...",
    "\u2022": "*", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u0152": "OE", "\u0153": "oe", "\u0141": "L", "\u0142": "l", "\u0131": "i",
    "\u20ac": "EUR", "\u2122": "TM", "\u00df": "ss",
}  # fmt: skip


_DROPPED = ("Cc", "Cs", "Co", "Cn", "Cf")  # control, surrogate, private, unassigned, format


class QbxmlValueError(ValueError):
    """A value QuickBooks would reject, with the field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def clean_text(value: str) -> str:
    """Text QuickBooks can store: no control characters, nothing outside ISO-8859-1."""
    if value.isascii() and value.isprintable():
        return value  # most names and memos: nothing to drop or transliterate
    out: list[str] = []
    for ch in value:
        if ch in "\t\n":
            out.append(ch)
        elif ch == "\r" or unicodedata.category(ch) in _DROPPED:
            continue
        elif ord(ch) <= 0xFF:
            out.append(ch)
        else:
            out.append(_transliterate(ch))
    return "".join(out)


def _transliterate(ch: str) -> str:
    if ch in _SUBSTITUTES:
        return _SUBSTITUTES[ch]
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if ord(c) < 0x80 and not unicodedata.combining(c))
    return kept if kept.strip() else "?"


def free_text(value: str | None, field: str, limit: int) -> str | None:
    """Cleaned free text, truncated to `limit` with a visible mark; None when empty."""
    if value is None:
        return None
    text = clean_text(value).strip()
    if not text:
        return None
    if len(text) > limit:
        text = text[: limit - len(TRUNCATION_MARK)].rstrip() + TRUNCATION_MARK
    return text


# Names repeat (a store has a few vendors and accounts, each on every entry): their qbXML
# forms and checks are kept, bounded, instead of worked out again for each entry.
_NAMES_KEPT = 4096


@functools.lru_cache(maxsize=_NAMES_KEPT)
def qbxml_name(value: str) -> str:
    """The qbXML form of a name: what QuickBooks stores for it (characters it cannot hold
    transliterated, spacing tidied). The one rule for vendor, account and reference names:
    intake checks its length, lookups compare it, requests send it."""
    return " ".join(clean_text(value).split())


def unstorable(value: str) -> list[str]:
    """Characters of a name QuickBooks cannot hold and that have no close Latin-1 form: a
    name is never stored with "?" in their place (two names could become one)."""
    if value.isascii():
        return []  # ASCII is all ISO-8859-1
    found = []
    for ch in value:
        if (
            ord(ch) > 0xFF
            and unicodedata.category(ch) not in _DROPPED
            and _transliterate(ch) == "?"
        ):
            found.append(ch)
    return list(dict.fromkeys(found))


def name_key(value: str) -> str:
    """How QuickBooks tells two names apart: their qbXML forms, ignoring case."""
    return qbxml_name(value).casefold()


@functools.lru_cache(maxsize=_NAMES_KEPT)
def name_problem(value: str, what: str, limit: int) -> str | None:
    """Why QuickBooks cannot store this name, naming both forms and the limit; None if it can.
    The one check of a name's qbXML form, at intake and before anything is sent."""
    typed = " ".join(value.split())
    lost = unstorable(value)
    if lost:
        return f"{what} '{typed}' has characters QuickBooks cannot store ({', '.join(lost)})"
    stored = qbxml_name(value)
    if len(stored) <= limit:
        return None
    shown = f"'{typed}'" if stored == typed else f"'{typed}' (as QuickBooks stores it: '{stored}')"
    return f"{what} {shown} is {len(stored)} characters; QuickBooks allows {limit}"


def name(value: str, field: str, limit: int, *, required: bool = True) -> str:
    """A name or reference number: cleaned, never shortened; refused when empty, too long, or
    holding characters QuickBooks cannot store."""
    text = qbxml_name(value)
    if not text:
        if required:
            raise QbxmlValueError(field, "is required")
        return ""
    problem = name_problem(value, "", limit)
    if problem:
        raise QbxmlValueError(field, problem.strip())
    return text


def account_full_name(value: str, field: str) -> str:
    """An account's full name: each level (split by ':') at most 31 characters."""
    levels = [name(part, field, 31) for part in value.split(":")]
    full = ":".join(levels)
    if len(full) > 159:
        raise QbxmlValueError(field, f"is {len(full)} characters; QuickBooks allows 159")
    return full


def amount(value: Decimal | int | str, field: str) -> str:
    """An amount with exactly 2 places; more than 2 places or 13 integer digits is refused."""
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise QbxmlValueError(field, f"{value!r} is not a number") from None
    if not number.is_finite():
        raise QbxmlValueError(field, f"{value!r} is not a finite number")
    # Size first: quantizing a huge number exceeds Decimal's precision and raises.
    if abs(number) >= Decimal(10) ** MAX_INTEGER_DIGITS:
        raise QbxmlValueError(field, f"{value} has more than {MAX_INTEGER_DIGITS} digits")
    cents = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if cents != number:
        raise QbxmlValueError(field, f"{value} has more than 2 decimal places")
    return f"{cents:.2f}"


def qb_date(value: date) -> str:
    """A date as QuickBooks wants it: YYYY-MM-DD."""
    return value.isoformat()


def qb_datetime(value: datetime) -> str:
    """A moment as QuickBooks writes it: to the second, with its UTC offset when known."""
    return value.replace(microsecond=0).isoformat()


def guid(value: uuid.UUID) -> str:
    """A GUID as QuickBooks writes it: upper case in braces."""
    return "{" + str(value).upper() + "}"
