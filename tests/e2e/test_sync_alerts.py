"""When QuickBooks sync goes wrong the merchant hears of it: through the public APIs, the
simulated Web Connector and a real SMTP server on loopback (the mail catcher). A wrong password
is recorded and e-mailed, then fixed and a recovery mail follows; a failing entry arrives in a
digest with its fix and Retry-all sends it; a connection with no contact turns overdue by the
clock and is e-mailed once; the sync history shows each session; the entry detail shows the
request and the answer; a mail worker restarted while the mail server refuses delivers the
digest once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import httpx
import pytest

from cobalt_devstack.mail import MailCatcher, body_of
from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack
from cobalt_devstack.store import PASSWORD, Store, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAMES = ("orders", "payables", "coa", "qbwc-gateway")
MAPPED = {"operating-account": "Operating Account", "purchases:beer": "Purchases:Beer"}
OWNER_MAIL = "owner@corner-liquors.example"
OVERDUE_SECONDS = 40
WINDOW_SECONDS = 4


@pytest.fixture
def stack(databases, nats_server, tmp_path) -> Iterator[Stack]:
    services = [SERVICE_BY_NAME[n] for n in NAMES]
    running = Stack(
        tmp_path / "stack",
        services=services,
        database_urls={s.name: databases.new(s.name.replace("-", "_")) for s in services},
        nats_url=nats_server.url,
        fixed_ports=False,
        mail=True,
        extra_env={
            "QBWC_GATEWAY_MONITOR_SECONDS": "0.5",
            "QBWC_GATEWAY_ALERT_WINDOW_SECONDS": str(WINDOW_SECONDS),
            "QBWC_GATEWAY_OVERDUE_AFTER_SECONDS": str(OVERDUE_SECONDS),
            "QBWC_GATEWAY_WEB_APP_URL": "https://app.cobalt.example",
        },
    )
    running.start(timeout=120)
    yield running
    running.stop()


@pytest.fixture
def store(stack) -> Iterator[Store]:
    with httpx.Client(timeout=30) as http:
        yield Store(stack, http)


def _mail(stack: Stack) -> MailCatcher:
    assert stack.mail is not None
    return stack.mail


def _with(text: str) -> Any:
    return lambda messages: [m for m in messages if text in body_of(m)]


def _arrived(mail: MailCatcher, text: str, timeout: float = 60) -> list[EmailMessage]:
    """The messages whose body says `text`, once there is one."""
    return list(_with(text)(mail.wait_for(_with(text), timeout=timeout)))


def _health(store: Store) -> dict[str, Any]:
    return dict(store.get("qbwc-gateway", "/connection")["health"])


def _history(store: Store) -> list[dict[str, Any]]:
    return list(store.get("qbwc-gateway", "/connection/history")["contacts"])


def _order(invoice: str) -> dict[str, Any]:
    return {
        "vendor_name": "Acme Beverage",
        "invoice_number": invoice,
        "order_date": "2026-11-24",
        "received_on": "2026-11-24",
        "lines": [{"category": "Beer", "quantity": "10", "unit_cost": "5.00"}],
    }


def _receive(store: Store, invoice: str) -> dict[str, Any]:
    assert store.send("POST", "orders", "/orders", _order(invoice)).status_code == 201

    def made() -> dict[str, Any] | None:
        return next((e for e in store.entries(kind="bill") if e["ref_number"] == invoice), None)

    return dict(eventually(made, f"the gateway to have bill {invoice}"))


def test_a_wrong_password_a_failed_entry_and_silence_each_reach_the_merchant(store, stack):
    mail = _mail(stack)
    store.set_up()
    # Bad input first: not an address, refused with a message, nothing changed.
    refused = store.send("PUT", "qbwc-gateway", "/connection/contact", {"contact_email": "owner"})
    assert refused.status_code == 422
    assert "is not an e-mail address" in refused.json()["error"]["message"]
    assert store.get("qbwc-gateway", "/connection")["contact_email"] is None
    saved = store.send("PUT", "qbwc-gateway", "/connection/contact", {"contact_email": OWNER_MAIL})
    assert saved.status_code == 200, saved.text
    assert saved.json()["contact_email"] == OWNER_MAIL
    _receive(store, "INV-1")
    store.refresh_and_map(MAPPED)
    eventually(lambda: not store.entries(state="waiting for mapping"), "the mappings")
    store.update()
    assert _health(store)["state"] == "healthy"

    # 1. A wrong password: recorded with its reason and fix, the health says so, and mailed.
    wc = store.web_connector
    assert wc is not None
    wc.password = "not the password at all"
    assert wc.update().outcome == "invalid user"
    [latest, *_] = _history(store)
    assert latest["outcome"] == "wrong password"
    assert "password in the Web Connector does not match" in latest["reason"]
    assert "Password column" in latest["fix"]
    health = _health(store)
    assert health["state"] == "needs attention"
    assert "password" in health["reason"]
    [wrong] = _arrived(mail, "password in the Web Connector does not match")
    assert wrong["To"] == OWNER_MAIL
    assert "needs attention" in wrong["Subject"]
    assert "https://app.cobalt.example/#/sync" in body_of(wrong)
    assert wc.update().outcome == "invalid user"  # the same problem again is no new mail
    time.sleep(WINDOW_SECONDS + 1.5)
    assert len(_with("password in the Web Connector does not match")(mail.messages())) == 1

    # ... fixed: healthy again, and a recovery mail follows.
    wc.password = PASSWORD
    assert wc.update().outcome in ("no work", "done")
    assert _health(store)["state"] == "healthy"
    mail.wait_for(lambda ms: any("updating again" in m["Subject"] for m in ms))

    # 2. An entry QuickBooks refuses: the digest names it with its fix; Retry-all sends it.
    store.quickbooks.company.closing_date = "2026-11-25"
    bill = _receive(store, "INV-2")
    eventually(lambda: store.entries(state="ready"), "the bill to be ready")
    store.update()
    failed = store.get("qbwc-gateway", f"/entries/{bill['id']}")
    assert failed["state"] == "failed"
    assert "closing date" in failed["detail"]
    assert failed["party"] == "Acme Beverage"
    assert failed["ref_number"] == "INV-2"
    assert failed["amount"] == "50.00"
    assert "<BillAddRq" in failed["request_xml"]
    assert "\n  <BillAdd>" in failed["request_xml"]
    assert "<BillAddRs" in failed["response_xml"]
    assert [h["state"] for h in failed["history"]][-1] == "failed"
    assert "sent" in [h["state"] for h in failed["history"]]
    [digest] = _arrived(mail, "could not be put in QuickBooks")
    assert "Retry" in body_of(digest)
    assert "https://app.cobalt.example/#/entries?state=failed" in body_of(digest)
    assert _health(store)["state"] == "needs attention"
    found = store.get("qbwc-gateway", "/entries", q="acme inv-2")
    assert found == []  # the search is on one of vendor, reference or amount
    assert [e["id"] for e in store.get("qbwc-gateway", "/entries", q="INV-2")] == [bill["id"]]
    assert [e["id"] for e in store.get("qbwc-gateway", "/entries", q="$50.00")] == [
        e["id"] for e in store.entries(kind="bill")
    ]
    store.quickbooks.company.closing_date = None
    retried = store.send("POST", "qbwc-gateway", "/entries/retry-failed")
    assert retried.json()["retried"] == 1
    store.update()
    synced = store.get("qbwc-gateway", f"/entries/{bill['id']}")
    assert synced["state"] == "synced"
    assert synced["txn_id"]
    states = [h["state"] for h in synced["history"]]
    assert states.index("failed") < states.index("ready", states.index("failed"))
    assert states[-1] == "synced"
    eventually(lambda: _health(store)["state"] == "healthy", "healthy after the retry")

    # 3. Silence: overdue by the clock (no contact needed to notice), e-mailed once.
    overdue = eventually(
        lambda: (h := _health(store))["state"] == "overdue" and h,
        "the connection to turn overdue",
        timeout=OVERDUE_SECONDS + 30,
    )
    assert "No Web Connector update since" in overdue["reason"]
    mail.wait_for(_with("No Web Connector update since"))
    time.sleep(WINDOW_SECONDS * 2)
    assert len(_with("No Web Connector update since")(mail.messages())) == 1

    # The sync history: each session, newest first, with what it did.
    history = _history(store)
    outcomes = [c["outcome"] for c in history]
    assert outcomes.count("wrong password") == 2
    assert "updated" in outcomes
    starts = [c["started_at"] for c in history]
    assert starts == sorted(starts, reverse=True)
    updated = [c for c in history if c["outcome"] == "updated"]
    assert any(c["synced"] >= 1 for c in updated)
    assert any(c["failed"] == 1 for c in updated)
    page = store.get("qbwc-gateway", "/connection/history", limit=2, offset=1)
    assert page["total"] == len(history)
    assert [c["id"] for c in page["contacts"]] == [c["id"] for c in history[1:3]]
    # Every mail went to the merchant, none twice.
    ids = [m["Message-ID"] for m in mail.messages()]
    assert len(ids) == len(set(ids))
    sent = store.get("qbwc-gateway", "/connection/alerts")
    assert all(a["sent_at"] for a in sent)
    assert len(sent) == len(ids)


def test_the_mail_server_down_never_blocks_sync_and_a_restarted_mail_worker_sends_once(
    store, stack
):
    mail = _mail(stack)
    mail.stop()  # the mail server is down first, then refuses
    store.set_up()
    address = {"contact_email": OWNER_MAIL}
    assert store.send("PUT", "qbwc-gateway", "/connection/contact", address).status_code == 200
    store.quickbooks.company.closing_date = "2026-11-25"
    bill = _receive(store, "INV-9")
    store.refresh_and_map(MAPPED)
    eventually(lambda: store.entries(state="ready"), "the bill to be ready")
    store.update()  # sync goes on while the mail server refuses
    assert store.get("qbwc-gateway", f"/entries/{bill['id']}")["state"] == "failed"
    down = eventually(
        lambda: [a for a in store.get("qbwc-gateway", "/connection/alerts") if a["attempts"]],
        "the alert to be tried while the server is down",
    )
    assert down[0]["sent_at"] is None
    assert "Connection refused" in down[0]["last_error"] or "Errno" in down[0]["last_error"]
    mail.refuse()
    mail.start()
    waiting = eventually(
        lambda: [
            a
            for a in store.get("qbwc-gateway", "/connection/alerts")
            if "451" in (a["last_error"] or "")
        ],
        "the alert to be tried and refused",
        timeout=90,
    )
    assert waiting[0]["sent_at"] is None
    assert mail.messages() == []
    stack.kill("qbwc-gateway", "worker")  # the mail worker dies with the digest unsent
    mail.refuse(False)
    stack.restart("qbwc-gateway", "worker")
    [delivered] = mail.wait_for(lambda ms: len(ms) >= 1, timeout=90)
    assert "could not be put in QuickBooks" in body_of(delivered)
    time.sleep(3)
    messages: list[EmailMessage] = mail.messages()
    assert len(messages) == 1  # once
    [alert] = store.get("qbwc-gateway", "/connection/alerts")
    assert alert["sent_at"]
    assert alert["id"] in messages[0]["Message-ID"]
    metrics = httpx.get(stack.running["qbwc-gateway"].worker_url + "/metrics").text
    assert 'cobalt_qb_alert_emails_total{kind="problems"} 1.0' in metrics
    assert 'cobalt_qb_connections{health="needs attention"} 1.0' in metrics
