"""The demo `make run` shows by default: "Demo Liquors", its QuickBooks connection, a simulated
QuickBooks company and a simulated Web Connector polling the gateway, and (once) a few vendors,
received orders with credits, and a few days of sales. One category (Snacks) is left unmapped so
the waiting-for-mapping path shows."""

from __future__ import annotations

import secrets
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from cobalt_devstack.processes import child_env, spawn, stop, venv_binary
from cobalt_devstack.stack import Stack
from cobalt_qbxml.schema import SCHEMA_ENV, SchemaNotFound, schema_dir
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

DEMO_MERCHANT = uuid.UUID("0d3e0000-0000-4000-8000-00000000c0de")
WC_USER = "demo-liquors"
WC_PASSWORD = "demo web connector password"  # noqa: S105 - the simulated PC's, shown in the README
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)
COMPANY_FILE = r"C:\Users\Public\Documents\Intuit\QuickBooks\Demo Liquors.QBW"
MAPPINGS = {
    "operating-account": "Operating Account",
    "accounts-payable": "Accounts Payable",
    "card-clearing": "Card Clearing",
    "card-fees": "Merchant Card Fees",
    "card-chargebacks": "Bank Service Charges",
    "cash-drawer": "Cash Drawer",
    "sales-tax-payable": "Sales Tax Payable",
    "cash-over-short": "Cash Over/Short",
    "tips-payable": "Tips Payable",
    "sales-discounts": "Sales Discounts",
    "sales-refunds": "Sales Refunds",
    "gift-card-liability": "Gift Cards Outstanding",
    "rounding": "Rounding",
    "vendor-credits": "Breakage & Spoilage",
    "purchases:beer": "Purchases:Beer",
    "purchases:wine": "Purchases:Wine",
    "purchases:spirits": "Purchases:Spirits",
    "sales:beer": "Sales:Beer",
    "sales:wine": "Sales:Wine",
    "sales:spirits": "Sales:Spirits",
}  # fmt: skip  (Snacks stays unmapped on purpose)


OWNER = "owner@demo-liquors.test"
OWNER_NAME = "Dana Whitfield"


def _owner_password(path: Path) -> str:
    """The demo owner's password: made once per data folder, kept (shown by make run)."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password)
        path.chmod(0o600)
        return password


def schema_present(say: Callable[[str], None]) -> bool:
    """Intuit's qbXML schema is where we look; if not, say what is missing and where to get it."""
    try:
        schema_dir()
    except SchemaNotFound as exc:
        say(
            "demo: Intuit's qbXML schema was not found, so the simulated QuickBooks does NOT "
            f"check requests as QuickBooks does ({exc}). Intuit publishes it in the QuickBooks "
            f"Desktop SDK (qbxmlops130.xsd and the files it includes); put them in "
            f"../shared/reference/qbxml/ or point {SCHEMA_ENV} at their folder. The product "
            "itself does not need it; the test suite does."
        )
        return False
    return True


def merchant_token(hours: int = 8) -> str:
    return TOKENS.mint(subject="demo", role=Role.MERCHANT, merchant_id=DEMO_MERCHANT,
                       ttl=timedelta(hours=hours))  # fmt: skip


def support_token() -> str:
    return TOKENS.mint(subject="demo-support", role=Role.SUPPORT, merchant_id=None)


class Demo:
    def __init__(self, stack: Stack, data_dir: Path, poll_seconds: float,
                 say: Callable[[str], None]) -> None:  # fmt: skip
        self.stack, self.dir, self.poll, self.say = stack, data_dir / "demo", poll_seconds, say
        self.company = data_dir / "qbsim" / "company.json"
        self.qwc = self.dir / "demo-liquors.qwc"
        self.proc: subprocess.Popen[bytes] | None = None
        self.http = httpx.Client(timeout=30)
        self.owner = OWNER
        self.owner_password = _owner_password(self.dir / "owner-password")

    def url(self, service: str, path: str) -> str:
        return self.stack.running[service].api_url + path

    def call(self, method: str, service: str, path: str, body: Any = None, *,
             support: bool = False, key: str | None = None) -> httpx.Response:  # fmt: skip
        token = support_token() if support else merchant_token(1)
        headers = {"Authorization": f"Bearer {token}", **({"Idempotency-Key": key} if key else {})}
        return self.http.request(method, self.url(service, path), json=body, headers=headers)

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.stack.add_signin(
            username=self.owner,
            password=self.owner_password,
            merchant_id=DEMO_MERCHANT,
            name=OWNER_NAME,
            store="Demo Liquors",
        )
        self.say("demo: setting up Demo Liquors' QuickBooks connection")
        body = {
            "qbwc_user": WC_USER,
            "password": WC_PASSWORD,
            "start_date": "2026-01-01",
            "company_file": COMPANY_FILE,
            "contact_email": self.owner,  # the alert e-mails go to the mail catcher
        }
        self.call("PUT", "qbwc-gateway", f"/connections/{DEMO_MERCHANT}", body, support=True)
        qwc = self.call("GET", "qbwc-gateway", f"/connections/{DEMO_MERCHANT}/qwc", support=True)
        qwc.raise_for_status()
        self.qwc.write_bytes(qwc.content)
        self.say(f"demo: starting the simulated Web Connector (updates every {self.poll:g} s; "
                 f"company file {self.company})")  # fmt: skip
        self.proc = self.spawn_web_connector()
        if not (self.dir / "seeded").exists():
            self.seed()

    def spawn_web_connector(self) -> subprocess.Popen[bytes]:
        """The simulated Web Connector and company; without Intuit's schema, with request
        checking visibly off."""
        schema = [] if schema_present(self.say) else ["--no-schema-check"]
        proc = spawn(
            [venv_binary("cobalt-qbsim"), "--company", str(self.company), *schema, "connect",
             "--qwc", str(self.qwc), "--password", WC_PASSWORD, "--interval", str(self.poll),
             "--noop-wait", "1"],
            env=child_env({}), log_path=self.stack.log_dir / "webconnector.log",
        )  # fmt: skip
        (self.dir / "webconnector.pid").write_text(str(proc.pid))
        return proc

    def update_now(self) -> None:
        """As "Update Selected": once the Web Connector listens for it (an earlier SIGUSR1
        would end the process, as the signal's default does)."""
        log = self.stack.log_dir / "webconnector.log"
        listening = log.exists() and "SIGUSR1 updates at once" in log.read_text(errors="replace")
        if self.proc is not None and self.proc.poll() is None and listening:
            self.proc.send_signal(signal.SIGUSR1)

    def seed(self) -> None:
        self.say("demo: seeding vendors, received orders with credits, and three days of sales")
        today = datetime.now(UTC).date()
        orders = [
            ("Acme Beverage", "AB-1042", [("Beer", "IPA 6-pack", "24", "8.50"),
                                          ("Wine", "House red", "12", "7.25")],
             [{"reason": "breakage", "amount": "17.00", "category": "Beer"}]),
            ("Green Valley Wines", "GV-311", [("Wine", "Rioja", "24", "11.40")],
             [{"reason": "return", "amount": "22.80", "category": "Wine"}]),
            ("Metro Spirits", "MS-77", [("Spirits", "Vodka 750ml", "12", "14.10")], []),
            ("Crunch Snacks Co", "CS-9", [("Snacks", "Chips", "40", "0.95")], []),
        ]  # fmt: skip
        for n, (vendor, invoice, lines, credits) in enumerate(orders):
            when = (today - timedelta(days=4 - n)).isoformat()
            body = {"vendor_name": vendor, "invoice_number": invoice, "order_date": when,
                    "received_on": when, "due_date": (today + timedelta(days=30)).isoformat(),
                    "lines": [{"category": c, "description": d, "quantity": q, "unit_cost": u}
                              for c, d, q, u in lines], "credits": credits}  # fmt: skip
            self.call("POST", "orders", "/orders", body, key=f"demo-{invoice}").raise_for_status()
        schedule = {"timezone": "America/New_York", "close_time": "23:59"}
        self.call("PUT", "reporting", "/schedule", schedule).raise_for_status()
        sales = []
        prices = {"Beer": "12.99", "Wine": "18.50", "Spirits": "24.00", "Snacks": "2.49"}
        for back in (3, 2, 1):
            day = today - timedelta(days=back)
            for i in range(12):
                category = list(prices)[i % 4]
                amount = prices[category]
                tax = f"{round(float(amount) * 0.08, 2):.2f}"
                tip = 2.0 if i % 3 == 1 else 0.0  # every third card sale leaves a tip
                total = f"{float(amount) + float(tax) + tip:.2f}"
                at = datetime(day.year, day.month, day.day, 14, i, tzinfo=UTC).isoformat()
                tender = "cash" if i % 3 == 0 else "card"
                tips = [{"tender": tender, "amount": "2.00"}] if tip else []
                sales.append(
                    {
                        "sale_id": f"demo-{day}-{i}",
                        "sold_at": at,
                        "lines": [{"category": category, "amount": amount, "tax": tax}],
                        "tenders": [{"type": tender, "amount": total}],
                        "tips": tips,
                    }
                )
        self.call("POST", "reporting", "/sales", {"sales": sales}).raise_for_status()
        self.say("demo: reading the QuickBooks chart of accounts and mapping it (Snacks is left "
                 "unmapped)")  # fmt: skip
        # coa learns of the connection from the gateway's event: until then it answers 409.
        self._wait(
            lambda: self.call("GET", "coa", "/coa/accounts").status_code == 200,
            "the chart of accounts to know the connection",
        )
        self.call("POST", "coa", "/coa/quickbooks-accounts/refresh").raise_for_status()
        chart = self._wait(lambda: self.call("GET", "coa", "/coa/quickbooks-accounts")
                           .json().get("accounts"), "the QuickBooks accounts")  # fmt: skip
        ids = {a["full_name"]: a["list_id"] for a in chart or []}

        def keys() -> set[str]:
            return {a["key"] for a in self.call("GET", "coa", "/coa/accounts").json()}

        self._wait(lambda: set(MAPPINGS) <= keys(), "the category accounts")
        for key, name in MAPPINGS.items():
            if name in ids:
                self.call("PUT", "coa", f"/coa/accounts/{key}/mapping", {"qb_list_id": ids[name]})
        (self.dir / "seeded").write_text(datetime.now(UTC).isoformat())
        self.update_now()

    def _wait(self, check: Callable[[], Any], what: str, timeout: float = 90) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if found := check():
                    return found
            except (httpx.HTTPError, ValueError):
                pass
            self.update_now()
            time.sleep(1)
        self.say(f"demo: still waiting for {what}; carrying on")
        return None

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None
        self.http.close()
