"""Amounts of money: Decimal with exactly 2 places and one rounding rule (no framework, so
domain code may use it)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP  # the one rounding rule: half a cent rounds away from zero
MAX_ABS = Decimal("1000000000000")  # 10^12: far above any store's figure, below QuickBooks' limit


_WRITTEN = re.compile(r"-?\d+(\.\d+)?")


class MoneyError(ValueError):
    """A value that is not an amount of money we accept."""


def round_money(value: Decimal | int | str) -> Decimal:
    """Round a computed amount to cents with the project's one rounding rule."""
    return _to_decimal(value).quantize(CENT, rounding=ROUNDING)


def parse_money(value: Any) -> Decimal:
    """Parse an amount given by a person or another system: at most 2 places, never a float;
    as text, plain digits only (like 1240.00 or -8.5, not 1e3)."""
    if isinstance(value, float):
        raise MoneyError("amounts must be given as strings or integers, not floating point")
    if isinstance(value, str) and not _WRITTEN.fullmatch(value.strip()):
        raise MoneyError(f"{value!r} is not an amount written like 1240.00")
    amount = _to_decimal(value)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(CENT):
        raise MoneyError(f"{value} has more than 2 decimal places")
    if abs(amount) >= MAX_ABS:
        raise MoneyError(f"{value} is too large")
    return amount.quantize(CENT)


def format_money(value: Decimal) -> str:
    """Serialize an amount as a string with exactly 2 places."""
    return str(round_money(value))


def _to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, bool):
        raise MoneyError("a boolean is not an amount")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise MoneyError(f"{value!r} is not a number") from None
    if not amount.is_finite():
        raise MoneyError(f"{value!r} is not a finite number")
    return amount
