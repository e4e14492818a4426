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

# What is accepted: a string of at most 12 integer digits and 2 places, or a whole number
# (never a float); what is answered: always a string with 2 places.
_ACCEPTED = {
    "anyOf": [
        {"type": "string", "pattern": r"^-?\d{1,12}(\.\d{1,2})?$"},
        {"type": "integer", "minimum": -(10**12) + 1, "maximum": 10**12 - 1},
    ],
    "examples": ["1240.00"],
}
_ANSWERED = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["1240.00"]}

Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(format_money, return_type=str, when_used="always"),
    WithJsonSchema(_ACCEPTED, mode="validation"),
    WithJsonSchema(_ANSWERED, mode="serialization"),
]
"""An amount of money in a pydantic model: input at most 2 places, output a 2-place string."""
