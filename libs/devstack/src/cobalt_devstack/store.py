"""A merchant's store as end-to-end tests drive it: the public APIs of the running services,
and the PC with QuickBooks and the Web Connector (both simulated)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from cobalt_devstack.stack import Stack
from cobalt_qbsim import SimulatedQuickBooks, sample_company
from cobalt_qbsim.qwc import QwcFile
from cobalt_qbsim.webconnector import SimulatedWebConnector
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)
PASSWORD = "correct horse battery"  # noqa: S105 (the simulated Web Connector's, in tests)


def eventually(check: Callable[[], Any], what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


OWNER_NAME = "Pat Owner"  # the signed-in person of the store's API calls, for who-did-what


class Store:
    """One merchant's view of the product, plus the PC running its QuickBooks.

    The APIs are reached on each service's own port of a local `stack`, or all through one
    public `origin` (the web front end of a deployment), with tokens signed by `tokens`.
    """

    def __init__(
        self,
        stack: Stack | None,
        http: httpx.Client,
        *,
        origin: str | None = None,
        tokens: TokenService = TOKENS,
    ) -> None:
        self.stack = stack
        self.http = http
        self.origin = origin
        self.tokens = tokens
        self.merchant = uuid.uuid4()
        token = tokens.mint(
            subject="m", role=Role.MERCHANT, merchant_id=self.merchant, name=OWNER_NAME
        )
        self.headers = {"Authorization": f"Bearer {token}"}
        self.quickbooks = SimulatedQuickBooks(sample_company())
        self.web_connector: SimulatedWebConnector | None = None

    def url(self, service: str, path: str) -> str:
        if self.origin is not None:
            return self.origin + path
        assert self.stack is not None
        return self.stack.running[service].api_url + path

    def get(self, service: str, path: str, **params: Any) -> Any:
        response = self.http.get(self.url(service, path), params=params, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def send(
        self, method: str, service: str, path: str, body: Any = None, key: str | None = None
    ) -> httpx.Response:
        headers = {**self.headers, **({"Idempotency-Key": key} if key else {})}
        return self.http.request(method, self.url(service, path), json=body, headers=headers)

    def support(self) -> dict[str, str]:
        token = self.tokens.mint(subject="support", role=Role.SUPPORT, merchant_id=None)
        return {"Authorization": f"Bearer {token}"}

    def set_up(self, start_date: str = "2026-11-01") -> None:
        auth = self.support()
        url = self.url("qbwc-gateway", f"/connections/{self.merchant}")
        body = {
            "qbwc_user": f"u{self.merchant.hex[:12]}",
            "password": PASSWORD,
            "start_date": start_date,
        }
        assert self.http.put(url, json=body, headers=auth).is_success
        qwc = QwcFile.parse(self.http.get(f"{url}/qwc", headers=auth).content)
        self.web_connector = SimulatedWebConnector(qwc, PASSWORD, self.quickbooks)
        eventually(
            lambda: (
                self.http.get(self.url("coa", "/coa/accounts"), headers=self.headers).status_code
                == 200
            ),
            "coa to learn of the connection",
        )

    def update(self) -> None:
        """Web Connector updates until the gateway has nothing more."""
        assert self.web_connector is not None
        for _ in range(6):
            result = self.web_connector.update()
            if result.outcome == "no work":
                return
            assert result.outcome == "done", result
        raise AssertionError("the Web Connector never ran out of work")

    def entries(self, **params: Any) -> list[dict[str, Any]]:
        return list(self.get("qbwc-gateway", "/entries", **params))

    def refresh_and_map(self, mapping: dict[str, str]) -> None:
        assert self.send("POST", "coa", "/coa/quickbooks-accounts/refresh").status_code == 202
        eventually(lambda: self.entries(kind="account-query"), "the gateway to queue the read")
        self.update()
        chart = eventually(
            lambda: self.get("coa", "/coa/quickbooks-accounts")["accounts"], "the chart"
        )
        del chart
        self.map(mapping)

    def map(self, mapping: dict[str, str]) -> None:
        """Map CobaltConnect accounts (once they exist) to QuickBooks accounts by full name."""
        chart = self.get("coa", "/coa/quickbooks-accounts")["accounts"]
        ids = {a["full_name"]: a["list_id"] for a in chart}

        def known() -> set[str]:
            return {a["key"] for a in self.get("coa", "/coa/accounts")}

        for key, full_name in mapping.items():
            eventually(lambda: key in known(), f"the account {key}")  # noqa: B023 (waited here)
            body = {"qb_list_id": ids[full_name]}
            done = self.send("PUT", "coa", f"/coa/accounts/{key}/mapping", body)
            assert done.status_code == 200, done.text

    def guid_counts(self) -> dict[str, int]:
        return dict(self.quickbooks.company.count_by_external_guid())
