"""The web app in Debian's chromium against the whole running product, the development sign-in
(OpenID Connect, authorization code with PKCE) and the simulated Web Connector and company:
sign in, pay two bills of a vendor with a credit by check, map accounts in bulk from
suggestions, date an order in the store's time zone, fit a 390 px phone with no serious
accessibility problem on any page, and read the API documents with no internet.

Screenshots go to .local/test-output/screenshots; with COBALT_README_SCREENSHOTS=1 the ones the
README shows are written to docs/screenshots."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from cobalt_devstack import frontend
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / ".local" / "test-output" / "screenshots"
README_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
PERSON = "Dana Whitfield"
PAGES = ("payables", "orders", "sales", "coa", "entries", "sync")
MAPPED = {"operating-account": "Operating Account", "accounts-payable": "Accounts Payable"}


@pytest.fixture(scope="module")
def stack(tmp_path_factory, nats_server) -> Iterator[Stack]:
    frontend.build(say=False)
    running = Stack(tmp_path_factory.mktemp("web"), nats_url=nats_server.url, fixed_ports=False)
    running.start(timeout=180)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Debian's chromium package is needed (apt-get install chromium)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def _account(stack: Stack, store: Store, name: str = "Corner Liquors") -> tuple[str, str]:
    """A person of the store who may sign in: (e-mail, password)."""
    email = f"owner-{store.merchant.hex[:8]}@store.test"
    password = secrets.token_urlsafe(12)
    stack.add_signin(
        username=email, password=password, merchant_id=store.merchant, name=PERSON, store=name
    )
    return email, password


def _signed_in(browser: Any, stack: Stack, store: Store, width: int = 1280, **context: Any) -> Any:
    """A browser page signed in through the development sign-in, as a person would."""
    email, password = _account(stack, store)
    page = browser.new_context(viewport={"width": width, "height": 900}, **context).new_page()
    page.goto(f"{stack.web_url}/#/payables")
    page.click("#sign-in")
    page.wait_for_selector("input[name=username]")
    assert page.url.startswith(f"{stack.web_url}/signin/authorize?")
    assert "code_challenge_method=S256" in page.url
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "not the password")
    page.click("button[type=submit]")
    assert "do not match" in page.inner_text("#error")  # and no way to tell which was wrong
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Accounts Payable')")
    assert page.inner_text("#store-name") == "Corner Liquors"
    assert "?code=" not in page.url  # the code is not left in the address bar or history
    return page


def _shot(page: Any, name: str, readme: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if readme and os.environ.get("COBALT_README_SCREENSHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(README_SHOTS / f"{name}.png"), full_page=False)


def _order(invoice: str, vendor: str, beer: str, credit: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendor_name": vendor,
        "invoice_number": invoice,
        "order_date": "2026-11-20",
        "due_date": "2026-12-20",
        "received_on": "2026-11-21",
        "lines": [{"category": "Beer", "description": "IPA", "quantity": "1", "unit_cost": beer}],
    }
    if credit:
        body["credits"] = [{"reason": "breakage", "amount": credit, "category": "Beer"}]
    return body


def _ready_store(stack: Stack, http: httpx.Client) -> Store:
    store = Store(stack, http)
    store.set_up()
    store.refresh_and_map(MAPPED)
    return store


def test_a_merchant_signs_in_and_pays_two_bills_with_a_credit_by_check(stack, browser, http):
    store = _ready_store(stack, http)
    for body in (
        _order("AC-1", "Acme Beverage", "300.00", credit="25.00"),
        _order("AC-2", "Acme Beverage", "120.50"),
        _order("ZW-9", "Zed Wines", "80.00"),
    ):
        assert store.send("POST", "orders", "/orders", body).status_code == 201
    store.map({"purchases:beer": "Purchases:Beer"})
    eventually(lambda: len(store.entries(kind="bill")) == 3, "the bills at the gateway")
    eventually(
        lambda: {e["state"] for e in store.entries()} <= {"ready", "synced"}, "mappings applied"
    )
    store.update()
    eventually(lambda: {b["state"] for b in store.get("payables", "/bills")} == {"synced"}, "bills")
    eventually(lambda: store.get("payables", "/credits")[0]["state"] == "synced", "the credit")
    payroll = next(
        b for b in store.get("coa", "/coa/bank-accounts") if b["qb_full_name"] == "Payroll Account"
    )

    page = _signed_in(browser, stack, store)
    page.wait_for_selector("#bills")
    assert page.inner_text("#total-due") == "$500.50"
    # Sorted by amount; only what is due by a date.
    page.select_option("select[name=sort]", "amount")
    invoices = page.query_selector_all("#bills tbody td[data-label=Invoice]")
    assert [cell.inner_text() for cell in invoices] == ["AC-1", "AC-2", "ZW-9"]
    page.fill("input[name=due_by]", "2026-12-01")
    page.wait_for_selector("text=No bill is due on or before that date")
    page.fill("input[name=due_by]", "")
    page.wait_for_selector("#bills")

    page.check("label:has-text('AC-1') >> xpath=../..//input[@type='checkbox']")
    page.check("label:has-text('AC-2') >> xpath=../..//input[@type='checkbox']")
    page.check(".pick-credit")
    assert page.inner_text("#total-selected") == "$420.50"
    assert page.inner_text("#total-credits") == "$25.00"
    assert page.inner_text("#total-checks") == "$395.50"
    page.fill("input[name=payment_date]", "2026-11-27")
    page.select_option("select[name=pay_from]", payroll["key"])
    # A check number QuickBooks cannot store is refused beside the field, before sending.
    page.fill("input[name=check_number]", "123456789012")
    page.click("#review")
    page.wait_for_selector(".field.has-error >> text=at most 11 characters")
    assert not page.query_selector("#confirm")
    page.fill("input[name=check_number]", "5001")
    page.click("#review")
    page.wait_for_selector("#confirm")
    confirm = page.inner_text("#confirm")
    assert "Write 1 check for $395.50?" in confirm
    assert "Acme Beverage: $395.50 check no. 5001, from Payroll Account" in confirm
    assert "pays AC-1, AC-2 with $25.00 of credits" in confirm
    _shot(page, "accounts-payable-confirm", readme=True)
    assert store.entries(kind="bill-payment") == []  # nothing is sent before confirming
    page.dblclick("#send")  # a double click is one payment
    page.wait_for_selector("#flash .notice.ok")
    assert "Acme Beverage $395.50" in page.inner_text("#flash")
    row = page.inner_text("#payments tbody tr")
    assert "5001" in row
    assert PERSON in row
    assert page.get_attribute("#payments .badge", "class") == "badge tone-pending"

    eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
    store.update()
    eventually(lambda: store.get("payables", "/payments")[0]["state"] == "synced", "payment")
    page.reload()
    page.wait_for_selector("#payments")
    assert page.get_attribute("#payments .badge", "class") == "badge tone-synced"
    _shot(page, "accounts-payable", readme=True)
    # The check in QuickBooks: its number, date, account, and what it paid.
    [check] = store.quickbooks.company.transactions("BillPaymentCheck")
    company = store.quickbooks.company
    assert check.ref_number == "5001"
    assert check.txn_date == "2026-11-27"
    assert company.accounts[check.bank_account_id].full_name == "Payroll Account"
    assert check.amount == Decimal("395.50")
    assert sorted(str(a.payment) for a in check.applied) == ["120.50", "275.00"]
    assert sum((amount for a in check.applied for _, amount in a.credits), Decimal(0)) == Decimal(
        "25.00"
    )
    assert set(store.guid_counts().values()) == {1}
    [paid] = store.get("payables", "/payments")
    assert paid["made_by"] == PERSON
    # The check was lost in the mail: void it from the payment history, after confirming.
    history = page.get_by_role("table").filter(has=page.get_by_role("cell", name="5001"))
    history.get_by_role("button", name="Void").click()
    history.get_by_role("button", name="Keep it").click()
    assert not store.entries(kind="payment-void")  # kept: nothing was sent
    history.get_by_role("button", name="Void").click()
    history.get_by_role("button", name="Yes, void it").click()
    page.wait_for_selector("#flash .notice.ok >> text=is voided at the next Web Connector update")
    eventually(lambda: store.entries(kind="payment-void"), "the void at the gateway")
    store.update()
    eventually(lambda: store.get("payables", "/payments")[0]["void_state"] == "synced", "voided")
    page.reload()
    page.wait_for_selector("#payments .void-state >> text=voided")
    assert page.inner_text("#total-due") == "$500.50"  # the bills are open again
    assert company.txns[check.txn_id].amount == Decimal("0.00")
    _shot(page, "accounts-payable-voided")


def test_a_bill_partly_paid_in_quickbooks_itself_shows_what_is_left_and_why(stack, browser, http):
    store = _ready_store(stack, http)
    for body in (_order("QB-1", "Acme Beverage", "300.00"), _order("QB-2", "Zed Wines", "80.00")):
        assert store.send("POST", "orders", "/orders", body).status_code == 201
    store.map({"purchases:beer": "Purchases:Beer"})
    eventually(lambda: len(store.entries(kind="bill")) == 2, "the bills at the gateway")
    eventually(
        lambda: {e["state"] for e in store.entries()} <= {"ready", "synced"}, "mappings applied"
    )
    store.update()
    bills = eventually(
        lambda: (
            (b := store.get("payables", "/bills"))
            and {x["state"] for x in b} == {"synced"}
            and {x["invoice_number"]: x for x in b}
        ),
        "the bills in QuickBooks",
    )
    # The owner pays part of QB-1 and all of QB-2 in QuickBooks itself.
    store.quickbooks.pay_bill_directly(
        bills["QB-1"]["txn_id"], Decimal("100.00"), date(2026, 11, 28)
    )
    store.quickbooks.pay_bill_directly(
        bills["QB-2"]["txn_id"], Decimal("80.00"), date(2026, 11, 28)
    )
    assert (
        store.send(
            "POST", "orders", "/orders", _order("QB-3", "Acme Beverage", "10.00")
        ).status_code
        == 201
    )
    eventually(
        lambda: [e["state"] for e in store.entries(kind="bill")].count("ready") == 1, "QB-3 ready"
    )
    store.update()  # QB-3 goes, then the read-back
    eventually(
        lambda: store.get("payables", f"/bills/{bills['QB-1']['id']}")["quickbooks_note"],
        "Accounts Payable to follow QuickBooks",
    )
    page = _signed_in(browser, stack, store)
    page.wait_for_selector("#bills")
    assert page.inner_text("#total-due") == "$210.00"  # 200 left of QB-1, and QB-3
    row = page.get_by_role("row").filter(has_text="QB-1")
    assert "100.00 paid in QuickBooks on 2026-11-28." in row.inner_text()
    assert page.get_by_role("row").filter(has_text="QB-2").count() == 0  # nothing left to pay
    _shot(page, "accounts-payable-paid-in-quickbooks")


def test_accounts_are_mapped_in_bulk_from_suggestions(stack, browser, http):
    store = Store(stack, http)
    store.set_up()
    body = _order("SN-1", "Crunch Snacks", "40.00")
    body["lines"][0]["category"] = "Snacks"
    assert store.send("POST", "orders", "/orders", body).status_code == 201
    # The chart is read at the first Web Connector contact after set-up, unasked.
    eventually(lambda: store.entries(kind="account-query"), "the chart read, queued at set-up")
    store.update()
    eventually(lambda: store.get("coa", "/coa/quickbooks-accounts")["accounts"], "the chart")
    eventually(
        lambda: "purchases:snacks" in {s["key"] for s in store.get("coa", "/coa/suggestions")},
        "the Snacks account and its suggestion",
    )
    page = _signed_in(browser, stack, store)
    page.click("a[href='#/coa']")
    page.wait_for_selector("#suggestions")
    suggestions = " ".join(page.inner_text("#suggestions").split())
    assert "Purchases: Snacks → Purchases:Snacks" in suggestions
    assert "Operating Account → Operating Account" in suggestions
    _shot(page, "chart-of-accounts", readme=True)
    page.uncheck("input[name=suggestion][value='cash-over-short']")  # not this one
    page.click("#map-suggested")
    page.wait_for_selector("#flash .notice.ok")
    accounts = {a["key"]: a for a in store.get("coa", "/coa/accounts")}
    assert accounts["purchases:snacks"]["mapping"]["qb_full_name"] == "Purchases:Snacks"
    assert accounts["purchases:snacks"]["mapped_by"] == PERSON
    assert accounts["cash-over-short"]["state"] == "unmapped"
    page.click("button.account[data-key='purchases:snacks']")
    page.wait_for_selector(f".history >> text={PERSON} mapped it to Purchases:Snacks")
    # The bill that waited on the mapping goes at the next update.
    eventually(lambda: store.entries(kind="bill")[0]["state"] == "ready", "the bill released")
    store.update()
    eventually(lambda: store.get("payables", "/bills")[0]["state"] == "synced", "the bill")


def test_an_order_recorded_at_2330_store_time_is_dated_that_day(stack, browser, http):
    store = Store(stack, http)
    store.set_up()
    page = _signed_in(browser, stack, store)
    # The browser's clock at the last 23:30 in New York (the store's zone, the default
    # schedule's) before now: in UTC it is already the next day.
    zone = ZoneInfo("America/New_York")
    local = datetime.now(zone)
    evening = local.replace(hour=23, minute=30, second=0, microsecond=0)
    if evening > local:
        evening -= timedelta(days=1)
    store_day = evening.date().isoformat()
    assert evening.astimezone(UTC).date().isoformat() != store_day
    page.clock.set_fixed_time(evening)
    page.click("a[href='#/orders']")
    page.wait_for_selector("#order-form")
    assert page.input_value("input[name=order_date]") == store_day
    assert page.input_value("input[name=received_on]") == store_day
    # An API refusal is shown in the merchant's words beside its field, never as JSON.
    page.fill("input[name=vendor_name]", "Œnologie Vins & Spiritueux des Côtes d'Or")
    page.fill("input[name=invoice_number]", "LATE-1")
    page.fill("input[name=category]", "Wine")
    page.fill("input[name=unit_cost]", "12.00")
    page.click("#save-order")
    error = page.wait_for_selector(".field.has-error .error")
    assert "vendor name" in error.inner_text().lower()
    assert "{" not in page.inner_text("#flash")
    page.fill("input[name=vendor_name]", "Late Night Wines")
    page.click("#add-credit")
    page.fill("[data-credit='0'] input[name=credit_amount]", "2.00")
    page.click("#add-credit")
    page.select_option("[data-credit='1'] select[name=credit_reason]", "return")
    page.fill("[data-credit='1'] input[name=credit_amount]", "1.50")
    page.click("#save-order")
    page.wait_for_selector("#flash .notice.ok")
    [order] = store.get("orders", "/orders")
    assert (order["order_date"], order["received_on"]) == (store_day, store_day)
    assert [c["amount"] for c in order["credits"]] == ["2.00", "1.50"]
    _shot(page, "orders", readme=True)


def test_the_sales_page_shows_the_days_summary_line_by_line(stack, browser, http):
    store = Store(stack, http)
    store.set_up()
    at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    sales = [
        {
            "sale_id": "w1",
            "sold_at": at,
            "lines": [
                {
                    "category": "Beer",
                    "amount": "20.00",
                    "discount": "2.00",
                    "taxes": [{"name": "State 4%", "amount": "0.72"}],
                }
            ],
            "tenders": [{"type": "card", "amount": "20.72"}],
            "tips": [{"tender": "card", "amount": "2.00"}],
        },
        {
            "sale_id": "w2",
            "sold_at": at,
            "lines": [{"category": "Wine", "amount": "10.00"}],
            "tenders": [{"type": "gift-card", "amount": "10.00"}],
            "gift_cards_sold": "0.00",
        },
    ]
    answer = store.send("POST", "reporting", "/sales", {"sales": sales})
    assert answer.json()["accepted"] == 2, answer.text
    page = _signed_in(browser, stack, store)
    page.click("a[href='#/sales']")
    summary = page.get_by_role("table").filter(has=page.get_by_role("rowheader", name="Tips"))
    summary.wait_for()

    def row(label: str) -> str:
        return summary.get_by_role("row", name=label, exact=False).first.inner_text()

    assert "$2.00" in row("Discounts")
    assert "$28.00" in row("Net sales")
    assert "$0.72" in row("Tax: State 4%")
    assert "$2.00" in row("Tips")
    assert "$10.00" in row("Gift cards redeemed")
    _shot(page, "sales-summary")
    # Closed (early, the drawer counted at 1.00 though no cash was taken): its tie-out shows
    # the drawer and the entries not yet in QuickBooks in red, each with its reason.
    today = datetime.now(ZoneInfo("America/New_York")).date().isoformat()
    closed = store.send(
        "POST", "reporting", f"/days/{today}/close", {"early": True, "counted_cash": "1.00"}
    )
    assert closed.status_code == 200, closed.text
    page.reload()
    page.get_by_role("button", name="Tie-out").click()
    tie = page.get_by_role("table", name=re.compile("Tie-out of"))
    tie.wait_for()
    drawer = tie.get_by_role("row", name=re.compile("Cash taken = cash deposited"))
    assert "1.00 over, posted to Cash Over/Short" in drawer.inner_text()
    assert drawer.get_attribute("class") == "tone-failed"
    tenders = tie.get_by_role("row", name=re.compile("Tenders = sales"))
    assert "ties" in tenders.inner_text()
    assert (
        tie.get_by_role("row", name=re.compile("In QuickBooks: Sales summary")).get_attribute(
            "class"
        )
        == "tone-failed"
    )
    _shot(page, "sales-tie-out")


def test_an_order_is_edited_before_it_is_received(stack, browser, http):
    store = Store(stack, http)
    store.set_up()
    body = {**_order("ED-1", "Edit Me Beverage", "10.00"), "received_on": None}
    assert store.send("POST", "orders", "/orders", body).status_code == 201
    page = _signed_in(browser, stack, store)
    page.click("a[href='#/orders']")
    page.click("#orders button.edit")
    page.wait_for_selector("h2:has-text('Edit order ED-1')")
    page.fill("input[name=unit_cost]", "12.00")
    page.uncheck("input[name=received]")
    page.click("#save-order")
    page.wait_for_selector("#flash .notice.ok")
    page.click("#orders .history-toggle")
    history = page.wait_for_selector(".history").inner_text()
    assert f"edited by {PERSON} (total 10.00 -> 12.00)" in history
    [order] = store.get("orders", "/orders")
    assert order["total"] == "12.00"
    assert order["editable"]


def test_a_received_order_is_corrected_then_cancelled_and_its_bill_follows(stack, browser, http):
    store = _ready_store(stack, http)
    assert (
        store.send(
            "POST", "orders", "/orders", _order("CX-1", "Acme Beverage", "300.00")
        ).status_code
        == 201
    )
    store.map({"purchases:beer": "Purchases:Beer"})
    eventually(
        lambda: [e["state"] for e in store.entries(kind="bill")] == ["ready"], "the bill ready"
    )
    store.update()
    [bill] = eventually(
        lambda: [b for b in store.get("payables", "/bills") if b["state"] == "synced"], "synced"
    )
    page = _signed_in(browser, stack, store)
    page.click("a[href='#/orders']")
    row = page.get_by_role("row").filter(has_text="CX-1")
    row.get_by_role("button", name="Correct").click()
    page.get_by_role("heading", name="Correct order CX-1").wait_for()
    assert "corrects its bill" in page.inner_text("#correcting-note")
    page.get_by_label("Unit cost").fill("250.00")
    page.get_by_role("button", name="Save correction").click()
    flash = page.wait_for_selector("#flash .notice.ok").inner_text()
    assert "its bill follows in QuickBooks" in flash
    eventually(
        lambda: [e["state"] for e in store.entries(kind="bill-change")] == ["ready"],
        "the correction at the gateway",
    )
    store.update()
    [qb_bill] = store.quickbooks.company.transactions("Bill")
    assert qb_bill.amount == Decimal("250.00")
    eventually(
        lambda: (
            store.get("payables", f"/bills/{bill['id']}")["detail"] == "Corrected in QuickBooks."
        ),
        "payables to hear of the correction",
    )
    # 200.00 paid; a correction cutting the bill to 100.00 is refused, and the order says why.
    paying = {"bills": [{"bill_id": bill["id"], "amount": "200.00"}]}
    [payment] = store.send("POST", "payables", "/payments", paying).json()
    eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
    store.update()
    eventually(lambda: store.get("payables", f"/bills/{bill['id']}")["paid"] == "200.00", "paid")
    page.click("a[href='#/sync']")
    page.click("a[href='#/orders']")
    page.get_by_role("row").filter(has_text="CX-1").get_by_role("button", name="Correct").click()
    page.get_by_label("Unit cost").fill("100.00")
    page.get_by_role("button", name="Save correction").click()
    page.wait_for_selector("#flash .notice.ok:has-text('corrected')")
    eventually(
        lambda: store.get("payables", f"/bills/{bill['id']}")["correction_problem"],
        "the bill to refuse the cut",
    )
    page.click("a[href='#/sync']")
    page.click("a[href='#/orders']")
    refused = page.get_by_role("row").filter(has_text="CX-1").locator(".correction-problem")
    refused.wait_for()
    assert "below the 200.00 already paid" in refused.inner_text()
    assert "void that payment" in refused.inner_text()
    assert store.send("POST", "payables", f"/payments/{payment['id']}/void").status_code == 200
    eventually(lambda: store.entries(kind="payment-void"), "the void at the gateway")
    store.update()
    eventually(lambda: store.get("payables", f"/bills/{bill['id']}")["paid"] == "0.00", "voided")
    row = page.get_by_role("row").filter(has_text="CX-1")
    row.get_by_role("button", name="Cancel order").click()
    page.get_by_role("group", name="Cancel order CX-1").get_by_role(
        "button", name="Yes, cancel it"
    ).click()
    flash = page.wait_for_selector("#flash .notice.ok:has-text('cancelled')").inner_text()
    assert "voided in QuickBooks" in flash
    eventually(
        lambda: [e["state"] for e in store.entries(kind="bill-void")] == ["ready"],
        "the void at the gateway",
    )
    store.update()
    assert qb_bill.amount == Decimal("0.00")
    eventually(
        lambda: store.get("payables", f"/bills/{bill['id']}")["open_balance"] == "0.00",
        "the bill voided in Accounts Payable",
    )
    page.click("a[href='#/orders']")
    page.get_by_role("row").filter(has_text="cancelled").wait_for()
    page.click("a[href='#/payables']")
    page.get_by_role("heading", name="Bills").wait_for()
    page.get_by_text("Nothing is due.").wait_for()  # the cancelled order's bill is not offered
    assert page.locator("#bills").count() == 0  # (its voided payment stays in the history)
    _shot(page, "order-corrected-then-cancelled")


def _too_wide(page: Any) -> list[str]:
    """The innermost elements that end past the right edge of the page (to name the culprit)."""
    found: list[str] = page.evaluate(
        """() => {
            const edge = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll("body *")].filter(
                (e) => e.getBoundingClientRect().right > edge + 0.5);
            return wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)))
                .slice(0, 5).map((e) => e.outerHTML.slice(0, 200));
        }"""
    )
    return found


def test_every_page_fits_a_phone_and_has_no_serious_accessibility_problem(stack, browser, http):
    store = _ready_store(stack, http)
    assert store.send("POST", "orders", "/orders", _order("PH-1", "Phone Beverage", "9.00"))
    eventually(lambda: store.get("payables", "/bills"), "the bill")
    axe = AXE.read_text()
    for width in (390, 1280):
        page = _signed_in(browser, stack, store, width=width)
        for name in PAGES:
            page.goto(f"{stack.web_url}/#/{name}")
            page.wait_for_selector("main h1")
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (
                f"{name} scrolls sideways by {overflow}px at {width}px: {_too_wide(page)}"
            )
            serious = _axe(page, axe)
            assert serious == [], f"{name} at {width}px: {serious}"
            if width == 390:
                _shot(page, f"{name}-phone", readme=name == "payables")
        [bill] = store.get("payables", "/bills")  # an entry's detail, too
        page.goto(f"{stack.web_url}/#/entries/{bill['id']}")
        page.wait_for_selector("#entry-history")
        page.wait_for_load_state("networkidle")
        assert _axe(page, axe) == [], f"entry detail at {width}px"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (
            f"the entry detail scrolls sideways by {overflow}px at {width}px: {_too_wide(page)}"
        )
        # Keyboard: on a fresh load the skip link is the first stop.
        page.reload()
        page.wait_for_selector("main h1")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    # The sign-in pages too.
    fresh = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    fresh.goto(stack.web_url)
    fresh.wait_for_selector("#sign-in")
    assert _axe(fresh, axe) == []
    fresh.click("#sign-in")
    fresh.wait_for_selector("input[name=username]")
    assert _axe(fresh, axe) == []
    assert fresh.evaluate("document.documentElement.scrollWidth") <= 390


def _axe(page: Any, axe: str) -> list[str]:
    page.add_script_tag(content=axe)
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    return list(found)


def test_a_failed_entry_shows_in_the_banner_opens_to_its_detail_and_is_found_and_exported(
    stack, browser, http
):
    store = _ready_store(stack, http)
    good = _order("OK-1", "Okay Beverage", "12.00")
    assert store.send("POST", "orders", "/orders", good).status_code == 201
    store.map({"purchases:beer": "Purchases:Beer"})
    eventually(lambda: store.entries(kind="bill", state="ready"), "the first bill ready")
    store.update()
    store.quickbooks.company.closing_date = "2026-11-30"  # the books are closed: the next fails
    assert store.send("POST", "orders", "/orders", _order("FL-1", "Failing Foods", "40.00"))
    eventually(lambda: store.entries(kind="bill", state="ready"), "the second bill ready")
    store.update()
    [failed] = store.entries(state="failed")
    page = _signed_in(browser, stack, store)
    banner = page.wait_for_selector("#health:has-text('needs attention')").inner_text()
    assert "1 entry could not be put in QuickBooks" in banner
    assert "Retry" in banner
    page.get_by_role("link", name="Show me").click()
    page.wait_for_selector(f"#entries tr[data-id='{failed['id']}']")
    assert page.locator("#entries tbody tr").count() == 1  # the link filters on failed
    assert page.input_value("select[name=state]") == "failed"
    page.select_option("select[name=state]", "")
    page.fill("input[name=q]", "okay bev")
    page.click("#search")
    page.wait_for_function(  # the bill and its vendor only
        "document.querySelector('#entries') &&"
        " !document.querySelector('#entries').innerText.includes('Failing Foods')"
    )
    assert "OK-1" in page.inner_text("#entries")
    page.fill("input[name=q]", "$40.00")
    page.click("#search")
    page.wait_for_function(
        "document.querySelector('#entries') &&"
        " !document.querySelector('#entries').innerText.includes('OK-1')"
    )
    assert "FL-1" in page.inner_text("#entries")
    with page.expect_download() as download:
        page.click("#export")
    exported = Path(download.value.path()).read_text()
    assert exported.splitlines()[0].startswith("txn_date,kind,description,party,ref_number")
    assert "FL-1" in exported
    assert "OK-1" not in exported  # what the search shows is what is exported
    page.get_by_role("link", name="bill FL-1 from Failing Foods").click()
    page.wait_for_selector("#entry-detail")
    assert "Failing Foods" in page.inner_text("#entry-detail")
    assert "40.00" in page.inner_text("#entry-detail")
    assert "<BillAddRq" in page.inner_text("#request-xml")
    assert "BillAddRs" in page.inner_text("#response-xml")
    history = page.inner_text("#entry-history")
    assert "sent" in history
    assert "failed" in history
    _shot(page, "entry-detail")
    # Accounts Payable says why beside the failed bill, and links to its entry.
    page.click("a[href='#/payables']")
    link = page.wait_for_selector(f"a[href='#/entries/{failed['id']}']")
    assert "closing date" in link.evaluate("a => a.parentElement.textContent")
    # The sync history, and where alert e-mails go (refused unless an address).
    page.click("a[href='#/sync']")
    page.wait_for_selector("#sync-history")
    assert "updated" in page.inner_text("#sync-history")
    page.fill("input[name=contact_email]", "not an address")
    page.get_by_role("button", name="Save").click()
    assert "is not an e-mail address" in page.wait_for_selector(".field .error").inner_text()
    page.fill("input[name=contact_email]", "owner@corner-liquors.example")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("#flash:has-text('Alerts go to owner@corner-liquors.example')")
    assert store.get("qbwc-gateway", "/connection")["contact_email"] == (
        "owner@corner-liquors.example"
    )
    _shot(page, "sync-history", readme=True)


def test_a_lost_network_says_so_and_retries(stack, browser, http):
    store = Store(stack, http)
    store.set_up()
    page = _signed_in(browser, stack, store)
    # The network drops: every call to the orders API fails before any answer.
    page.route(re.compile(r".*/orders(\?.*)?$"), lambda route: route.abort("internetdisconnected"))
    page.click("a[href='#/orders']")
    problem = page.wait_for_selector("[role=alert]")
    assert "could not be reached" in problem.inner_text()
    assert page.query_selector("#order-form")  # the rest of the page is still there
    page.unroute(re.compile(r".*/orders(\?.*)?$"))
    page.get_by_role("button", name="Try again").click()
    page.wait_for_selector("text=No orders yet.")


def test_without_a_connection_the_quickbooks_pages_say_how_to_get_started(stack, browser, http):
    store = Store(stack, http)  # never set up
    page = _signed_in(browser, stack, store)
    assert "contact CobaltConnect support" in page.inner_text("#health")
    for name in ("coa", "entries", "sync"):
        page.click(f"a[href='#/{name}']")
        page.wait_for_selector("#not-set-up")
        assert "contact CobaltConnect support to get started" in page.inner_text("#not-set-up")
    page.click("#sign-out")
    page.wait_for_selector("text=You are signed out.")


def test_a_dropped_health_check_is_tried_again_in_seconds(stack, browser, http):
    store = Store(stack, http)  # never set up: the banner always has something to say
    page = _signed_in(browser, stack, store)
    assert "contact CobaltConnect support" in page.inner_text("#health")
    dropped: list[str] = []

    def drop_once(route: Any) -> None:
        if dropped:
            route.continue_()
        else:
            dropped.append(route.request.url)
            route.abort("internetdisconnected")

    page.route(re.compile(r".*/connection$"), drop_once)
    page.click("a[href='#/orders']")  # a page change checks again: that check gets no answer
    page.wait_for_selector("#health:has-text('could not be reached')")
    # The real state is back within seconds, not at the next minute's check.
    page.wait_for_selector("#health:has-text('contact CobaltConnect support')", timeout=20_000)
    assert len(dropped) == 1


def test_the_api_documents_read_with_no_internet(stack, browser):
    context = browser.new_context()
    outside: list[str] = []
    local = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/")

    def only_local(route: Any) -> None:
        if local.match(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    for name, running in stack.running.items():
        page.goto(f"{running.api_url}/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
        assert page.query_selector_all(".opblock"), f"{name}: no operation rendered"
        page.goto(f"{running.worker_url}/asyncapi")
        page.wait_for_selector("h1")
        assert page.query_selector_all("section h2 code"), f"{name}: no operation rendered"
        if name == "payables":
            _shot(page, "asyncapi-payables")
    assert outside == []
