"""The web front end in headless Chromium against the whole running product and the simulated
Web Connector: map accounts, receive an order, watch its entry go from waiting to synced, pay a
bill with a credit, see the not-set-up message and an API error. Screenshots of every page go
to .local/test-output/screenshots (git-ignored)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from cobalt_devstack.stack import Stack
from cobalt_devstack.store import Store, eventually
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SHOTS = Path(__file__).resolve().parents[2] / ".local" / "test-output" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)


@pytest.fixture(scope="module")
def stack(tmp_path_factory, nats_server) -> Iterator[Stack]:
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


def _page(browser: Any, stack: Stack, merchant: uuid.UUID, width: int = 1280) -> Any:
    token = TOKENS.mint(subject="web", role=Role.MERCHANT, merchant_id=merchant)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{stack.web_url}/#token={token}")
    page.wait_for_selector("h1")
    return page


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_merchant_maps_receives_pays_and_sees_it_synced(stack, browser):
    with httpx.Client(timeout=30) as http:
        store = Store(stack, http)
        store.set_up()
        page = _page(browser, stack, store.merchant)
        page.wait_for_selector("text=Nothing is due")
        # An API error is shown as the API's message, and nothing is recorded.
        page.click("a[data-page=orders]")
        page.fill("input[name=invoice_number]", "INV-77")
        page.fill("input[name=category]", "Beer")
        page.fill("input[name=unit_cost]", "8.50")
        page.click("#receive")
        page.wait_for_selector("#flash .msg.bad")
        assert "vendor name is required" in page.inner_text("#flash")
        # Record an order with a credit, then receive it from the list.
        page.fill("input[name=received_on]", "")
        page.fill("input[name=vendor_name]", "Acme Beverage & Co")
        page.fill("input[name=quantity]", "24")
        page.select_option("select[name=credit_reason]", "breakage")
        page.fill("input[name=credit_amount]", "17.00")
        page.fill("input[name=credit_category]", "Beer")
        page.click("#receive")
        page.wait_for_selector("#flash .msg.ok")
        assert "INV-77 recorded (204.00)" in page.inner_text("#flash")
        page.click("button.receive")
        page.wait_for_selector("text=Order INV-77 received")
        _shot(page, "orders")
        # Before its accounts are mapped, the bill waits, and the page says for what.
        eventually(lambda: store.entries(kind="bill"), "the bill at the gateway")
        page.click("a[data-page=entries]")
        page.wait_for_selector("#entries td")
        waiting = page.inner_text("#entries")
        assert "waiting for mapping" in waiting
        assert "purchases:beer" in waiting

        # Chart of accounts: read the QuickBooks accounts, map.
        page.click("a[data-page=coa]")
        page.wait_for_selector("#refresh")
        page.click("#refresh")
        page.wait_for_selector("text=A refresh waits for the next Web Connector update")
        eventually(lambda: store.entries(kind="account-query"), "the gateway to queue the read")
        store.update()
        eventually(lambda: store.get("coa", "/coa/quickbooks-accounts")["accounts"], "chart")
        eventually(
            lambda: "purchases:beer" in {a["key"] for a in store.get("coa", "/coa/accounts")},
            "the Beer account",
        )
        chart = store.get("coa", "/coa/quickbooks-accounts")["accounts"]
        ids = {a["full_name"]: a["list_id"] for a in chart}
        for key, name in (("operating-account", "Operating Account"),
                          ("purchases:beer", "Purchases:Beer")):  # fmt: skip
            page.click("a[data-page=entries]")
            page.wait_for_selector("#entries")
            page.click("a[data-page=coa]")
            page.click(f"button.account[data-key='{key}']")
            button = page.wait_for_selector(f"button.account[data-key='{key}'][aria-pressed=true]")
            if key == "purchases:beer":  # unmapped accounts stand out, with what waits on them
                assert "needs-mapping" in (button.get_attribute("class") or "")
                assert "2 entries wait on it" in button.inner_text()
            page.select_option("#qb-account", value=ids[name])
            page.click("#map")
            page.wait_for_selector("#flash .msg.ok")
        _shot(page, "chart-of-accounts")

        # QB Entries: waiting, then synced after the Web Connector's update.
        eventually(lambda: {e["state"] for e in store.entries(kind="bill")} == {"ready"},
                   "the mappings to reach the gateway")  # fmt: skip
        page.click("a[data-page=entries]")
        page.wait_for_selector("#entries")
        assert "ready" in page.inner_text("#entries")
        store.update()
        page.reload()
        page.wait_for_selector("#entries")
        eventually(lambda: store.get("payables", "/bills")[0]["state"] == "synced", "the bill")
        page.reload()
        page.wait_for_selector("#entries")
        assert "synced" in page.inner_text("#entries")
        _shot(page, "qb-entries")

        # Accounts payable: pay the bill with the credit; a double click is one payment.
        page.click("a[data-page=payables]")
        page.wait_for_selector(".pick-bill")
        eventually(lambda: store.get("payables", "/credits")[0]["state"] == "synced", "credit")
        page.reload()
        page.wait_for_selector(".pick-bill")
        page.check(".pick-bill")
        page.check(".pick-credit")
        preview = page.inner_text(".preview")
        assert preview == ("Acme Beverage & Co: bills 204.00 - credits 17.00 = check 187.00 "
                           "from Operating Account")  # fmt: skip
        _shot(page, "accounts-payable-selected")
        page.dblclick("#send")
        page.wait_for_selector("#flash .msg.ok")
        assert "Acme Beverage & Co 187.00" in page.inner_text("#flash")
        assert page.inner_text("#payments").count("waiting for the Web Connector") == 1
        eventually(lambda: store.entries(kind="bill-payment"), "the payment at the gateway")
        store.update()
        eventually(lambda: store.get("payables", "/payments")[0]["state"] == "synced", "payment")
        page.reload()
        page.wait_for_selector("#payments")
        assert "synced" in page.inner_text("#payments")
        assert "Nothing is due" in page.inner_text("#page")
        _shot(page, "accounts-payable-paid")
        [bill] = store.quickbooks.company.transactions("Bill")
        assert store.quickbooks.company.bill_balances()[bill.txn_id] == Decimal("0.00")
        assert len(store.quickbooks.company.transactions("BillPaymentCheck")) == 1

        # Sales: a day's sales by category.
        sale = {"sale_id": "w1", "sold_at": "2026-11-24T12:00:00-05:00",
                "lines": [{"category": "Beer", "amount": "10.00", "tax": "0.80"}],
                "tenders": [{"type": "card", "amount": "10.80"}]}  # fmt: skip
        store.send("POST", "reporting", "/sales", {"sales": [sale]})
        page.click("a[data-page=sales]")
        page.fill("#from", "2026-11-20")
        page.fill("#to", "2026-11-25")
        page.click("#show")
        page.wait_for_selector("#by-category td")
        assert "Beer" in page.inner_text("#by-category")
        _shot(page, "sales")
        # Tablet width still works.
        tablet = _page(browser, stack, store.merchant, width=768)
        tablet.wait_for_selector("#payments")
        _shot(tablet, "accounts-payable-tablet")


def test_without_a_connection_the_quickbooks_pages_say_how_to_get_started(stack, browser):
    page = _page(browser, stack, uuid.uuid4())
    for name in ("coa", "entries"):
        page.click(f"a[data-page={name}]")
        page.wait_for_selector("#not-set-up")
        assert "contact CobaltConnect support to get started" in page.inner_text("#not-set-up")
    _shot(page, "not-set-up")
    page.keyboard.press("Tab")  # the skip link is the first stop for keyboard users
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
