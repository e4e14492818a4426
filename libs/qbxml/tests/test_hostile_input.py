"""Hostile text and amounts either become valid, QuickBooks-safe qbXML or a clear refusal."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from cobalt_qbxml import BillAdd, ExpenseLine, MessageSet, QbxmlValueError, Ref
from cobalt_qbxml.schema import schema_errors
from cobalt_qbxml.values import clean_text, free_text

HOSTILE = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "]]>",
    "\x00",
    "\x1b",
    "🍺",
    "Café",
    "Ünïcödé",
    "日本酒",
    "\u202e",
]
texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from([*HOSTILE, "a", " "]), max_size=30).map("".join),
    st.text(min_size=4500, max_size=5200),
    st.just(""),
)
amounts = st.one_of(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**13), max_value=10**13
    ),
    st.sampled_from([Decimal("0.005"), Decimal("-1.00"), Decimal(10**12), Decimal("1e13")]),
    st.decimals(allow_nan=False, allow_infinity=False),
)
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _bill(vendor: str, memo: str, ref: str, amount: Decimal) -> str:
    return MessageSet(
        [
            (
                "1",
                BillAdd(
                    vendor=Ref(vendor),
                    txn_date=date(2026, 11, 24),
                    ref_number=ref,
                    external_guid=uuid.uuid4(),
                    memo=memo,
                    expense_lines=[ExpenseLine(Ref("Purchases"), amount, memo)],
                ),
            )
        ]
    ).to_xml()


@SLOW
@given(vendor=texts, memo=texts, ref=texts, amount=amounts)
@example(vendor="Acme & Sons <Wholesale>", memo="x" * 5000, ref="INV-1", amount=Decimal("0.005"))
@example(vendor="Acme & Sons <Wholesale>", memo="x" * 5000, ref="INV-1", amount=Decimal("-1.00"))
@example(vendor="0", memo="", ref="0", amount=Decimal("100000000000000000000000000"))
@example(vendor="Bière & Cie", memo="🍺 ünïcödé 日本酒", ref="A\x00B", amount=Decimal(10**12))
def test_hostile_values_give_valid_qbxml_or_a_clear_refusal(vendor, memo, ref, amount):
    try:
        document = _bill(vendor, memo, ref, amount)
    except QbxmlValueError as exc:
        refused = exc.field  # a refusal always names its field
        assert refused
        return
    assert schema_errors(document) == []
    assert document.isascii()  # anything beyond ASCII travels as a character reference
    root = etree.fromstring(document.split("\n", 2)[2])
    sent_memo = root.findtext(".//BillAdd/Memo")
    assert sent_memo == free_text(memo, "memo", 4095)
    for text in root.itertext():
        assert all(ord(c) <= 0xFF for c in str(text))
    assert len(root.findtext(".//RefNumber") or "") <= 20
    assert len(sent_memo or "") <= 4095


@given(st.text(max_size=300))
def test_clean_text_keeps_latin1_and_drops_or_replaces_the_rest(value):
    cleaned = clean_text(value)
    assert all(ord(c) <= 0xFF for c in cleaned)
    assert all(c in "\t\n" or c.isprintable() or ord(c) >= 0xA0 for c in cleaned)


def test_transliteration_is_readable():
    assert clean_text("“Quoted” – dash… Œuvre ł €5") == '"Quoted" - dash... OEuvre l EUR5'
    assert clean_text("Café Ünï") == "Café Ünï"  # ISO-8859-1: kept, sent as &#233; etc.
    assert clean_text("日本酒 🍺") == "??? ?"


def test_long_memos_are_cut_visibly_and_names_never_are():
    assert free_text("a" * 5000, "Memo", 4095) == "a" * 4092 + "..."
    assert free_text("   ", "Memo", 10) is None


def test_amounts_need_exactly_cents():
    from cobalt_qbxml.values import amount

    assert amount(Decimal("12.5"), "a") == "12.50"
    assert amount(-3, "a") == "-3.00"
    for bad, reason in (
        ("0.005", "2 decimal places"),
        (Decimal(10**13), "13 digits"),
        ("x", "number"),
    ):
        with pytest.raises(QbxmlValueError, match=reason):
            amount(bad, "Amount")


def test_hostile_but_acceptable_values_arrive_intact_and_valid():
    memo = 'Tom\'s "Bière" & <Co> 🍺 ' + "y" * 5000
    document = _bill("Bière & Cie <Wholesale>", memo, "A&B<1>'\"", Decimal(10**12))
    assert schema_errors(document) == []
    root = etree.fromstring(document.split("\n", 2)[2])
    assert root.findtext(".//VendorRef/FullName") == "Bière & Cie <Wholesale>"
    assert root.findtext(".//RefNumber") == "A&B<1>'\""
    assert root.findtext(".//BillAdd/Memo").startswith('Tom\'s "Bière" & <Co> ? yyy')
    assert root.findtext(".//BillAdd/Memo").endswith("...")
    assert root.findtext(".//Amount") == "1000000000000.00"
    assert "&#232;" in document  # è as a character reference
