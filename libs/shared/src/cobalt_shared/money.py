"""Money: Decimal with exactly 2 places, one rounding rule, serialized as a string."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from cobalt_shared.amounts import (
    CENT,
    MAX_ABS,
    ROUNDING,
    MoneyError,
    format_money,
    parse_money,
    round_money,
)

__all__ = [
    "CENT",
    "MAX_ABS",
    "ROUNDING",
    "Money",
    "MoneyError",
    "format_money",
    "parse_money",
    "round_money",
]

Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(format_money, return_type=str, when_used="always"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["1240.00"]}),
]
"""An amount of money in a pydantic model: input at most 2 places, output a 2-place string."""
