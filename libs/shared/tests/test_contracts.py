import uuid
from datetime import date

from cobalt_shared.contracts import OrderReceived
from cobalt_shared.contracts.subjects import ORDER_RECEIVED_ALL, order_received


def _event(**overrides):
    fields = {
        "merchant_id": uuid.uuid4(),
        "order_id": uuid.uuid4(),
        "vendor_name": "Acme Beverage",
        "invoice_number": "INV-1",
        "received_on": date(2026, 11, 24),
        "total": "1240.5",
    }
    fields.update(overrides)
    return OrderReceived(**fields)


def test_every_message_carries_identity_tenancy_time_and_causality():
    body = _event().model_dump(mode="json")
    for key in ("message_id", "merchant_id", "occurred_at", "correlation_id", "type", "version"):
        assert body[key], key
    assert body["type"] == "order-received"
    assert body["version"] == 1
    assert body["total"] == "1240.50"


def test_a_body_round_trips_unchanged():
    event = _event()
    assert OrderReceived.model_validate_json(event.model_dump_json()) == event


def test_subjects_carry_the_merchant_and_match_the_wildcard():
    merchant = uuid.uuid4()
    subject = order_received(merchant)
    assert str(merchant) in subject
    pattern = ORDER_RECEIVED_ALL.split(".")
    assert all(p in ("*", s) for p, s in zip(pattern, subject.split("."), strict=True))


def test_contract_fields_are_documented_for_asyncapi():
    schema = OrderReceived.model_json_schema()
    undocumented = [k for k, v in schema["properties"].items() if not v.get("description")]
    assert undocumented == []


def test_entry_results_travel_as_a_set_and_an_older_single_result_reads_as_a_set_of_one():
    import pytest
    from pydantic import ValidationError

    from cobalt_shared.contracts import QuickBooksEntryResult, QuickBooksEntryResults

    merchant = uuid.uuid4()

    def result(who: uuid.UUID = merchant) -> QuickBooksEntryResult:
        return QuickBooksEntryResult(merchant_id=who, entry_id=uuid.uuid4(), state="synced")

    older = result()
    as_set = QuickBooksEntryResults.model_validate_json(older.model_dump_json())
    # The same message (the inbox's duplicate check holds), carrying the one result.
    assert (as_set.message_id, as_set.merchant_id) == (older.message_id, merchant)
    assert as_set.correlation_id == older.correlation_id
    assert as_set.results == [older]
    both = QuickBooksEntryResults(merchant_id=merchant, results=[result(), result()])
    assert QuickBooksEntryResults.model_validate_json(both.model_dump_json()) == both
    assert both.type == "quickbooks-entry-results"
    # One merchant per message: a result of another merchant is refused, as are empty and
    # oversized sets.
    for results in ([result(), result(uuid.uuid4())], [], [result() for _ in range(101)]):
        with pytest.raises(ValidationError):
            QuickBooksEntryResults(merchant_id=merchant, results=results)
    schema = QuickBooksEntryResults.model_json_schema()
    assert [k for k, v in schema["properties"].items() if not v.get("description")] == []
