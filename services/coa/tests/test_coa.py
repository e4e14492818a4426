"""The chart of accounts: accounts appear with categories, mappings are checked by type,
announced, and flagged when QuickBooks changes under them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

import cobalt_coa
from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.app import create_api
from cobalt_coa.application.coa import (
    on_accounts_listed,
    on_connection_changed,
    on_order_received,
)
from cobalt_coa.config import Settings
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts import (
    AccountMapped,
    CategoryTotal,
    OrderReceived,
    QuickBooksAccount,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
    RefreshQuickBooksAccounts,
)
from cobalt_shared.contracts.gateway import NOT_SET_UP
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import outbox
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

MIGRATIONS = Path(cobalt_coa.__file__).parent / "migrations"
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)

CHART = [
    QuickBooksAccount(list_id="10", name="Checking", full_name="Checking", account_type="Bank"),
    QuickBooksAccount(
        list_id="20", name="Beer", full_name="Purchases:Beer", account_type="CostOfGoodsSold"
    ),
    QuickBooksAccount(
        list_id="21",
        name="Old",
        full_name="Purchases:Old",
        account_type="CostOfGoodsSold",
        is_active=False,
    ),
    QuickBooksAccount(list_id="30", name="Beer", full_name="Sales:Beer", account_type="Income"),
]


class Coa:
    def __init__(self, client: TestClient, url: str) -> None:
        self.client = client
        self.url = url

    def run(self, fn: Any) -> None:
        async def go() -> None:
            engine = create_engine(self.url)
            try:
                async with CoaUnitOfWork(engine) as uow:
                    await fn(uow)
                    await uow.commit()
            finally:
                await engine.dispose()

        asyncio.run(go())

    def published(self) -> list[tuple[str, str]]:
        async def read() -> list[tuple[str, str]]:
            engine = create_engine(self.url)
            try:
                async with engine.connect() as conn:
                    query = select(outbox.c.subject, outbox.c.payload).order_by(outbox.c.id)
                    return [(s, p) for s, p in (await conn.execute(query)).all()]
            finally:
                await engine.dispose()

        return asyncio.run(read())

    def mappings(self) -> list[AccountMapped]:
        return [
            AccountMapped.model_validate_json(p)
            for s, p in self.published()
            if "account-mapped" in s
        ]

    def connect(self, merchant: uuid.UUID) -> None:
        event = QuickBooksConnectionChanged(
            merchant_id=merchant, status="waiting for first contact"
        )
        self.run(lambda uow: on_connection_changed(event, uow))

    def chart(self, merchant: uuid.UUID, accounts: list[QuickBooksAccount]) -> None:
        event = QuickBooksAccountsListed(merchant_id=merchant, accounts=accounts)
        self.run(lambda uow: on_accounts_listed(event, uow))

    def order(self, merchant: uuid.UUID, *categories: str) -> None:
        event = OrderReceived(
            merchant_id=merchant, order_id=uuid.uuid4(), vendor_name="Acme", invoice_number="1",
            received_on=date(2026, 11, 24), total=Decimal("1.00"),
            categories=[CategoryTotal(category=c, amount=Decimal("1.00")) for c in categories],
        )  # fmt: skip
        self.run(lambda uow: on_order_received(event, uow))


@pytest.fixture
def coa(database_url, nats_server) -> Iterator[Coa]:
    upgrade(MIGRATIONS, database_url)
    settings = Settings(database_url=database_url, nats_url=nats_server.url)
    with TestClient(create_api(settings)) as client:
        yield Coa(client, database_url)


def _as(merchant: uuid.UUID, name: str | None = None) -> dict[str, str]:
    token = TOKENS.mint(subject="t", role=Role.MERCHANT, merchant_id=merchant, name=name)
    return {"Authorization": f"Bearer {token}"}


def test_without_a_connection_every_endpoint_says_how_to_get_started(coa):
    merchant = uuid.uuid4()
    h = _as(merchant)
    for response in (
        coa.client.get("/coa/accounts", headers=h),
        coa.client.get("/coa/quickbooks-accounts", headers=h),
        coa.client.post("/coa/quickbooks-accounts/refresh", headers=h),
        coa.client.put("/coa/accounts/operating-account/mapping", json={"qb_list_id": "10"},
                       headers=h),
        coa.client.delete("/coa/accounts/operating-account/mapping", headers=h),
    ):  # fmt: skip
        assert response.status_code == 409
        assert response.json()["error"]["message"] == NOT_SET_UP
    assert coa.published() == []


def test_accounts_appear_with_categories_and_map_by_type(coa):
    merchant, other = uuid.uuid4(), uuid.uuid4()
    coa.connect(merchant)
    coa.order(merchant, "Beer", " beer ", "Craft  Cider")
    h = _as(merchant)
    listed = coa.client.get("/coa/accounts", headers=h).json()
    keys = [a["key"] for a in listed]
    assert keys[:14] == [
        "operating-account", "accounts-payable", "card-clearing", "card-fees",
        "card-chargebacks", "cash-drawer", "sales-tax-payable", "tips-payable",
        "sales-discounts", "sales-refunds", "gift-card-liability", "rounding",
        "cash-over-short", "vendor-credits",
    ]  # fmt: skip
    assert keys[14:] == [
        "purchases:beer",
        "purchases:craft cider",
        "sales:beer",
        "sales:craft cider",
    ]
    assert {a["state"] for a in listed} == {"unmapped"}

    # Set up: the chart is read at the first Web Connector contact, unasked.
    [(subject, _first)] = coa.published()
    assert subject == f"coa.command.{merchant}.refresh-accounts"
    refresh = coa.client.post("/coa/quickbooks-accounts/refresh", headers=h)
    assert refresh.status_code == 202
    [_, (subject, payload)] = coa.published()
    assert subject == f"coa.command.{merchant}.refresh-accounts"
    assert (
        str(RefreshQuickBooksAccounts.model_validate_json(payload).request_id)
        == (refresh.json()["request_id"])
    )
    assert coa.client.get("/coa/quickbooks-accounts", headers=h).json()["refresh_pending"]
    coa.chart(merchant, CHART)
    chart = coa.client.get("/coa/quickbooks-accounts", headers=h).json()
    assert not chart["refresh_pending"]
    assert [a["full_name"] for a in chart["accounts"]] == [
        "Checking", "Purchases:Beer", "Purchases:Old", "Sales:Beer",
    ]  # fmt: skip

    def map_(key: str, list_id: str) -> Any:
        return coa.client.put(f"/coa/accounts/{key}/mapping", json={"qb_list_id": list_id},
                              headers=h)  # fmt: skip

    wrong = map_("operating-account", "20")
    assert wrong.status_code == 422
    assert wrong.json()["error"]["message"] == (
        "Operating Account needs a QuickBooks account of type Bank; 'Purchases:Beer' is "
        "Cost of Goods Sold"
    )
    assert (
        "needs a QuickBooks account of type Cost of Goods Sold or Expense"
        in (map_("purchases:beer", "10").json()["error"]["message"])
    )
    assert "inactive in QuickBooks" in map_("purchases:beer", "21").json()["error"]["message"]
    assert "refresh the list" in map_("purchases:beer", "99").json()["error"]["message"]
    assert map_("purchases:wine", "20").status_code == 404
    assert [m.account for m in coa.mappings()] == ["bank:10"]  # nothing refused changed

    # The bank account read from QuickBooks (it can pay bills) was mapped to itself when read.
    assert map_("operating-account", "10").json()["state"] == "mapped"
    assert map_("purchases:beer", "20").json()["mapping"]["qb_full_name"] == "Purchases:Beer"
    assert map_("purchases:beer", "20").status_code == 200  # the same again: no new event
    assert [(m.account, m.qb_full_name) for m in coa.mappings()] == [
        ("bank:10", "Checking"),
        ("operating-account", "Checking"),
        ("purchases:beer", "Purchases:Beer"),
    ]
    unmapped = coa.client.get("/coa/accounts", params={"state": "unmapped"}, headers=h).json()
    assert "purchases:beer" not in [a["key"] for a in unmapped]
    assert "sales:beer" in [a["key"] for a in unmapped]
    # Another merchant sees none of it.
    coa.connect(other)
    theirs = coa.client.get("/coa/accounts", headers=_as(other)).json()
    assert {a["state"] for a in theirs} == {"unmapped"}
    assert coa.client.get("/coa/quickbooks-accounts", headers=_as(other)).json()["accounts"] == []

    removed = coa.client.delete("/coa/accounts/purchases:beer/mapping", headers=h).json()
    assert removed["state"] == "unmapped"
    assert coa.mappings()[-1].qb_full_name is None  # the gateway holds its entries again


def test_a_refresh_flags_deleted_or_inactive_accounts_and_follows_renames(coa):
    merchant = uuid.uuid4()
    coa.connect(merchant)
    coa.order(merchant, "Beer")
    coa.chart(merchant, CHART)
    h = _as(merchant)
    for key, list_id in (("operating-account", "10"), ("purchases:beer", "20"),
                         ("sales:beer", "30")):  # fmt: skip
        coa.client.put(f"/coa/accounts/{key}/mapping", json={"qb_list_id": list_id}, headers=h)
    renamed = CHART[0].model_copy(update={"full_name": "Operating Checking"})
    inactive = CHART[3].model_copy(update={"is_active": False})
    coa.chart(merchant, [renamed, inactive])  # Purchases:Beer deleted
    accounts = {a["key"]: a for a in coa.client.get("/coa/accounts", headers=h).json()}
    assert accounts["operating-account"]["state"] == "mapped"
    assert accounts["operating-account"]["mapping"]["qb_full_name"] == "Operating Checking"
    assert coa.mappings()[-1].qb_full_name == "Operating Checking"  # entries use the new name
    assert accounts["purchases:beer"]["state"] == "needs attention"
    assert "no longer exists in QuickBooks" in accounts["purchases:beer"]["problem"]
    assert "made inactive in QuickBooks" in accounts["sales:beer"]["problem"]
    attention = coa.client.get(
        "/coa/accounts", params={"state": "needs attention"}, headers=h
    ).json()
    assert sorted(a["key"] for a in attention) == ["purchases:beer", "sales:beer"]


def test_sales_categories_from_reporting_get_their_accounts(coa):
    from cobalt_coa.application.coa import on_sales_categories
    from cobalt_shared.contracts import SalesCategoriesSeen

    merchant = uuid.uuid4()
    coa.connect(merchant)
    event = SalesCategoriesSeen(
        merchant_id=merchant, categories=["Mixers & Soda"], tax_names=["County  4.875%"]
    )
    coa.run(lambda uow: on_sales_categories(event, uow))
    listed = coa.client.get("/coa/accounts", headers=_as(merchant)).json()
    keys = {a["key"] for a in listed}
    assert {"sales:mixers & soda", "purchases:mixers & soda"} <= keys
    # A tax rate or agency the POS names gets its own Sales Tax Payable account, listed last.
    assert (listed[-1]["key"], listed[-1]["name"], listed[-1]["kind"]) == (
        "sales-tax:county 4.875%",
        "Sales Tax Payable: County 4.875%",
        "tax",
    )


LIQUOR_CHART = [
    QuickBooksAccount(
        list_id=str(i), name=name.rsplit(":", 1)[-1], full_name=name, account_type=kind
    )
    for i, (name, kind) in enumerate(
        [
            ("Operating Account", "Bank"),
            ("Payroll Account", "Bank"),
            ("Card Clearing", "OtherCurrentAsset"),
            ("Cash Drawer", "OtherCurrentAsset"),
            ("Accounts Payable", "AccountsPayable"),
            ("Sales Tax Payable", "OtherCurrentLiability"),
            ("Sales", "Income"),
            ("Sales:Beer", "Income"),
            ("Sales:Wine", "Income"),
            ("Purchases", "CostOfGoodsSold"),
            ("Purchases:Beer", "CostOfGoodsSold"),
            ("Purchases:Wine", "CostOfGoodsSold"),
            ("Cash Over/Short", "Expense"),
            ("Breakage & Spoilage", "Expense"),
        ],
        start=100,
    )
]


def test_suggestions_match_by_name_and_type_and_are_confirmed_in_bulk(coa):
    merchant = uuid.uuid4()
    coa.connect(merchant)
    coa.order(merchant, "Beer", "wine", "Snacks")
    coa.chart(merchant, LIQUOR_CHART)
    h = _as(merchant, name="Dana Whitfield")
    suggested = {s["key"]: s for s in coa.client.get("/coa/suggestions", headers=h).json()}
    by_key = {k: v["qb_full_name"] for k, v in suggested.items()}
    assert by_key["operating-account"] == "Operating Account"
    assert by_key["accounts-payable"] == "Accounts Payable"
    assert by_key["purchases:beer"] == "Purchases:Beer"  # not Sales:Beer: the type decides
    assert by_key["sales:beer"] == "Sales:Beer"
    assert by_key["purchases:wine"] == "Purchases:Wine"
    assert by_key["cash-over-short"] == "Cash Over/Short"
    assert by_key["cash-drawer"] == "Cash Drawer"  # "Cash Drawer / Undeposited Funds" holds it
    assert "purchases:snacks" not in by_key  # no account for snacks: nothing made up
    assert "same name" in suggested["sales:beer"]["reason"]

    # One bad line refuses the whole batch, naming the line, and maps nothing.
    chosen = [{"key": k, "qb_list_id": v["qb_list_id"]} for k, v in suggested.items()]
    bad = [*chosen, {"key": "purchases:snacks", "qb_list_id": "107"}]  # Sales:Beer: wrong type
    refused = coa.client.post("/coa/mappings", json={"mappings": bad}, headers=h)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == f"mappings.{len(chosen)}"
    assert not [m for m in coa.mappings() if not m.account.startswith("bank:")]

    done = coa.client.post("/coa/mappings", json={"mappings": chosen}, headers=h)
    assert done.status_code == 200, done.text
    assert {a["key"] for a in done.json()} == set(suggested)
    assert {a["mapped_by"] for a in done.json()} == {"Dana Whitfield"}
    assert coa.client.get("/coa/suggestions", headers=h).json() == []  # all taken
    history = coa.client.get("/coa/mapping-history", params={"key": "sales:beer"}, headers=h).json()
    assert [(c["by"], c["qb_full_name"]) for c in history] == [("Dana Whitfield", "Sales:Beer")]


def test_bills_can_be_paid_from_the_operating_account_or_another_bank(coa):
    merchant = uuid.uuid4()
    coa.connect(merchant)
    coa.chart(merchant, LIQUOR_CHART)
    h = _as(merchant)
    banks = coa.client.get("/coa/bank-accounts", headers=h).json()
    # Not mapped yet: the QuickBooks bank accounts, none of them the default.
    assert [(b["name"], b["default"]) for b in banks] == [
        ("Bank: Operating Account", False),
        ("Bank: Payroll Account", False),
    ]
    coa.client.put("/coa/accounts/operating-account/mapping", json={"qb_list_id": "100"}, headers=h)
    banks = coa.client.get("/coa/bank-accounts", headers=h).json()
    assert [(b["key"], b["qb_full_name"], b["default"]) for b in banks] == [
        ("operating-account", "Operating Account", True),
        ("bank:101", "Payroll Account", False),
    ]


def test_the_chart_is_read_once_when_the_connection_is_set_up(coa):
    merchant = uuid.uuid4()
    coa.connect(merchant)
    coa.connect(merchant)  # announced again (a change of password, say): no second read
    assert [s for s, _ in coa.published()] == [f"coa.command.{merchant}.refresh-accounts"]
    coa.chart(merchant, CHART)
    coa.connect(merchant)
    assert len(coa.published()) == 2  # the bank account's mapping, no new read
