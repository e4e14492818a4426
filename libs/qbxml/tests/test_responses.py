"""QuickBooks' answers parse into typed results; hostile documents are refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cobalt_qbxml import choose_version, explain_hresult, explain_status, parse_response
from cobalt_qbxml.responses import ResponseError
from cobalt_qbxml.safe_xml import MAX_DOCUMENT_BYTES, UnsafeXml, parse
from cobalt_qbxml.schema import schema_errors

BILL_RET = """<BillRet><TxnID>1A2B-1234567890</TxnID><TimeCreated>2026-11-24T10:00:00-05:00</TimeCreated>
<TimeModified>2026-11-24T10:00:00-05:00</TimeModified><EditSequence>1732460400</EditSequence>
<TxnNumber>42</TxnNumber><VendorRef><ListID>80000001-1234567890</ListID><FullName>Acme Beverage</FullName></VendorRef>
<TxnDate>2026-11-24</TxnDate><AmountDue>1240.00</AmountDue><RefNumber>INV-1042</RefNumber>
<IsPaid>false</IsPaid><ExternalGUID>{6B29FC40-CA47-1067-B31D-00DD010662DA}</ExternalGUID>
<OpenAmount>1154.50</OpenAmount></BillRet>"""

RESPONSE = f"""<?xml version="1.0" ?>
<QBXML><QBXMLMsgsRs newMessageSetID="set-2" messageSetStatusCode="0">
<BillAddRs requestID="entry-1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">{BILL_RET}
<ErrorRecovery><TxnID>1A2B-1234567890</TxnID><EditSequence>1732460400</EditSequence>
<ExternalGUID>{{6B29FC40-CA47-1067-B31D-00DD010662DA}}</ExternalGUID></ErrorRecovery></BillAddRs>
<VendorCreditAddRs requestID="entry-2" statusCode="3140" statusSeverity="Error"
 statusMessage="There is an invalid reference to QuickBooks Account &quot;Purchases:Beer&quot; in the VendorCredit."/>
<AccountQueryRs requestID="q-1" statusCode="0" statusSeverity="Info" statusMessage="Status OK" retCount="1">
<AccountRet><ListID>80000005-1234567890</ListID><TimeCreated>2026-01-01T00:00:00-05:00</TimeCreated>
<TimeModified>2026-01-01T00:00:00-05:00</TimeModified><EditSequence>1</EditSequence><Name>Beer</Name>
<FullName>Purchases:Beer</FullName><IsActive>true</IsActive><Sublevel>1</Sublevel>
<AccountType>CostOfGoodsSold</AccountType><AccountNumber>5010</AccountNumber><Balance>0.00</Balance>
</AccountRet></AccountQueryRs>
<BillQueryRs requestID="q-2" statusCode="1" statusSeverity="Info" statusMessage="A query request did not find a matching object in QuickBooks"
 iteratorRemainingCount="0" iteratorID="{{11111111-2222-3333-4444-555555555555}}"/>
</QBXMLMsgsRs></QBXML>"""


def test_the_sample_response_is_itself_valid_qbxml():
    assert schema_errors(RESPONSE.encode()) == []


def test_each_response_keeps_itself_alone_as_an_answer_document():
    parsed = parse_response(RESPONSE)
    for response in parsed.responses:
        alone = parse_response(response.document)
        assert [r.request_id for r in alone.responses] == [response.request_id]
        [again] = alone.responses
        assert (again.tag, again.status, again.rets) == (
            response.tag,
            response.status,
            response.rets,
        )
        assert schema_errors(response.document.encode()) == []


def test_each_response_is_matched_to_its_request_with_status_and_fields():
    parsed = parse_response(RESPONSE)
    assert parsed.message_set_status_code == 0
    assert parsed.new_message_set_id == "set-2"
    by_id = parsed.by_request_id()
    bill = by_id["entry-1"]
    assert bill.kind == "BillAdd"
    assert bill.status.ok
    [ret] = bill.rets
    assert ret.txn_id == "1A2B-1234567890"
    assert ret.edit_sequence == "1732460400"
    assert ret.ref_number == "INV-1042"
    assert ret.external_guid == "{6B29FC40-CA47-1067-B31D-00DD010662DA}"
    assert ret.amount == Decimal("1240.00")
    assert ret.open_amount == Decimal("1154.50")
    assert ret.entity_name == "Acme Beverage"
    assert bill.error_recovery is not None
    assert bill.error_recovery.txn_id == "1A2B-1234567890"

    credit = by_id["entry-2"]
    assert not credit.status.ok
    assert credit.status.code == 3140
    assert 'Account "Purchases:Beer"' in credit.status.message

    [account] = by_id["q-1"].rets
    assert (account.full_name, account.account_type, account.is_active) == (
        "Purchases:Beer",
        "CostOfGoodsSold",
        True,
    )
    assert account.account_number == "5010"
    assert by_id["q-1"].ret_count == 1

    empty = by_id["q-2"]
    assert empty.status.ok  # "nothing matched" is not an error
    assert empty.iterator_remaining == 0
    assert empty.iterator_id == "{11111111-2222-3333-4444-555555555555}"


@pytest.mark.parametrize(
    "hostile",
    [
        '<?xml version="1.0"?><!DOCTYPE QBXML [<!ENTITY x "boom">]><QBXML>&x;</QBXML>',
        '<!DOCTYPE QBXML SYSTEM "file:///etc/passwd"><QBXML/>',
        "<QBXML><QBXMLMsgsRs>",
        "not xml at all",
        "<Other/>",
    ],
)
def test_hostile_or_malformed_responses_are_refused_not_expanded(hostile):
    with pytest.raises(ResponseError):
        parse_response(hostile)


def test_billion_laughs_is_refused_before_any_expansion():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    with pytest.raises(UnsafeXml):
        parse(f'<?xml version="1.0"?><!DOCTYPE QBXML [{lol}]><QBXML>&l9;</QBXML>')


def test_oversized_documents_are_refused_before_parsing():
    with pytest.raises(UnsafeXml, match="limit"):
        parse(b"<QBXML>" + b" " * (MAX_DOCUMENT_BYTES + 1) + b"</QBXML>")


def test_3140_tells_the_merchant_which_mapping_to_fix():
    text = explain_status(3140).render(qb_account="Purchases:Beer", cobalt_account="Beer purchases")
    assert "'Purchases:Beer' that Beer purchases is mapped to was renamed, deleted or made" in text
    assert "Remap Beer purchases" in text
    assert not explain_status(3140).retry_helps
    assert explain_status(3170).retry_helps
    assert explain_status(9999).title == "Unexpected QuickBooks error"
    closed = explain_status(3171).render()  # no name is left as a placeholder or said twice
    assert "closing date set in QuickBooks" in closed
    assert "(the closing date)" not in closed
    assert all("{" not in explain_status(code).render() for code in (3000, 3100, 3140, 3171))


def test_hresults_are_explained_in_any_notation():
    assert explain_hresult("0x80040400").title == "QuickBooks could not read the request"
    assert explain_hresult(str(0x80040408 - 2**32)).code == "0x80040408"
    assert explain_hresult("0x80040401").retry_helps


def test_the_highest_common_version_is_chosen():
    assert choose_version(["1.0", "2.0", "12.0", "13.0", "14.0", "16.0"]) == "13.0"
    assert choose_version(["10.0", "12.0"]) == "12.0"
    with pytest.raises(ValueError, match=r"9\.0 or later"):
        choose_version(["2.0", "8.0"])


def test_every_ret_of_intuits_sample_data_reads_as_its_own_elements_say():
    """Each field a Ret keeps is the text of its element (the first of a repeated one), for
    all 700 Rets of Intuit's sample data: read in one pass, nothing is missed or mixed up."""
    from lxml import etree

    from cobalt_qbxml.responses import AMOUNT_TAGS, _ret
    from cobalt_qbxml.schema import schema_dir

    sample = etree.parse(str(schema_dir() / "qbxmlops130-sample-data.xml")).getroot()
    rets = [e for e in sample.iter() if isinstance(e.tag, str) and e.tag.endswith("Ret")]
    assert len(rets) > 700
    for element in rets:
        ret = _ret(element)
        assert ret.tag == element.tag
        assert ret.txn_id == element.findtext("TxnID")
        assert ret.list_id == element.findtext("ListID")
        assert ret.edit_sequence == element.findtext("EditSequence")
        assert ret.ref_number == element.findtext("RefNumber")
        assert ret.name == element.findtext("Name")
        assert ret.full_name == element.findtext("FullName")
        assert ret.time_modified == element.findtext("TimeModified")
        active = element.findtext("IsActive")
        assert ret.is_active == (None if active is None else active == "true")
        amounts = [_decimal(element.findtext(t)) for t in AMOUNT_TAGS]
        assert ret.amount == next((a for a in amounts if a is not None), None)
        vendor = element.find("VendorRef")
        if vendor is None:
            vendor = element.find("PayeeEntityRef")
        assert ret.entity_name == (None if vendor is None else vendor.findtext("FullName"))
        assert [link.txn_id for link in ret.linked] == [
            link.findtext("TxnID") for link in element.iterchildren("LinkedTxn")
        ]


def _decimal(text: str | None) -> Decimal | None:
    """An amount as QuickBooks wrote it; None when absent or not a number (the sample data
    holds placeholders)."""
    try:
        return None if text is None else Decimal(text)
    except ArithmeticError:
        return None
