from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from cobalt_shared.money import Money, MoneyError, format_money, parse_money, round_money


class Priced(BaseModel):
    amount: Money


def test_half_a_cent_rounds_away_from_zero():
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("-0.005")) == Decimal("-0.01")
    assert round_money(Decimal("2.675")) == Decimal("2.68")


def test_amounts_serialize_as_two_place_strings():
    assert Priced(amount="12").model_dump(mode="json") == {"amount": "12.00"}
    assert Priced(amount=Decimal("1.5")).model_dump_json() == '{"amount":"1.50"}'
    assert format_money(Decimal("7")) == "7.00"


@pytest.mark.parametrize("bad", ["1.001", "abc", "NaN", "Infinity", "1e15", True])
def test_bad_amounts_are_refused_with_a_reason(bad):
    with pytest.raises(ValidationError):
        Priced(amount=bad)


def test_floats_are_refused_because_they_are_not_exact():
    with pytest.raises(MoneyError, match="not floating point"):
        parse_money(0.1)


def test_trailing_zeros_beyond_two_places_are_accepted():
    assert parse_money("3.1000") == Decimal("3.10")


def test_json_schema_says_what_is_accepted_and_what_is_answered():
    accepted = Priced.model_json_schema(mode="validation")["properties"]["amount"]["anyOf"]
    assert [branch["type"] for branch in accepted] == ["string", "integer"]
    answered = Priced.model_json_schema(mode="serialization")["properties"]["amount"]
    assert answered["type"] == "string"


@pytest.mark.parametrize("text", ["1e3", "12,50", "0x10", " ", "NaN", "1_000"])
def test_amounts_are_written_as_plain_digits(text):
    with pytest.raises(ValueError, match=r"written like 1240\.00"):
        Priced(amount=text)
