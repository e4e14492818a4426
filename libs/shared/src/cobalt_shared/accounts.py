"""The CobaltConnect chart of accounts: keys every service uses in accounting commands.

A key names a CobaltConnect account; the merchant maps each to a QuickBooks account in the
chart-of-accounts module. Category accounts derive their key from the category's name
(compared ignoring case and spacing), so every service reaches the same key.
"""

from __future__ import annotations

from dataclasses import dataclass

from cobalt_shared.names import name_key

BANK = "Bank"
PURCHASE_TYPES = ("CostOfGoodsSold", "Expense")
SALES_TYPES = ("Income",)


@dataclass(frozen=True)
class SystemAccount:
    key: str
    name: str
    qb_types: tuple[str, ...]  # QuickBooks account types it may be mapped to
    purpose: str


SYSTEM_ACCOUNTS: tuple[SystemAccount, ...] = (
    SystemAccount("operating-account", "Operating Account", (BANK,), "Bills are paid from it."),
    SystemAccount(
        "accounts-payable", "Accounts Payable", ("AccountsPayable",), "What is owed to vendors."
    ),
    SystemAccount(
        "card-clearing", "Card Clearing", (BANK, "OtherCurrentAsset"), "Card deposits arrive in it."
    ),
    SystemAccount(
        "card-fees",
        "Card Processing Fees",
        ("Expense", "OtherExpense", "CostOfGoodsSold"),
        "What the card processor keeps from each settled batch.",
    ),
    SystemAccount(
        "card-chargebacks",
        "Card Chargebacks",
        ("Expense", "OtherExpense", "Income"),
        "Card sales the processor took back (disputes, adjustments).",
    ),
    SystemAccount(
        "cash-drawer",
        "Cash Drawer / Undeposited Funds",
        ("OtherCurrentAsset", BANK),
        "Cash taken until it is deposited.",
    ),
    SystemAccount(
        "sales-tax-payable",
        "Sales Tax Payable",
        ("OtherCurrentLiability",),
        "Sales tax collected for the state.",
    ),
    SystemAccount(
        "tips-payable",
        "Tips Payable",
        ("OtherCurrentLiability",),
        "Tips customers paid, owed to the staff.",
    ),
    SystemAccount(
        "sales-discounts",
        "Sales Discounts",
        ("Income", "Expense"),
        "Discounts given at the register (they reduce sales).",
    ),
    SystemAccount(
        "sales-refunds",
        "Sales Refunds",
        ("Income", "Expense"),
        "Refunded sales, before tax (map it to a sales account to net them there).",
    ),
    SystemAccount(
        "gift-card-liability",
        "Gift Cards Outstanding",
        ("OtherCurrentLiability",),
        "Gift cards sold and not yet redeemed.",
    ),
    SystemAccount(
        "rounding",
        "Rounding",
        ("Expense", "OtherExpense", "Income", "OtherIncome"),
        "Cents between the POS's totals and the sum of their lines.",
    ),
    SystemAccount(
        "cash-over-short",
        "Cash Over/Short",
        ("Expense", "OtherExpense", "Income", "OtherIncome"),
        "Differences when the drawer is counted.",
    ),
    SystemAccount(
        "vendor-credits",
        "Vendor Credits",
        (*PURCHASE_TYPES, "OtherIncome"),
        "Vendor credits not tied to a purchase category.",
    ),
)
SYSTEM_BY_KEY = {a.key: a for a in SYSTEM_ACCOUNTS}
OPERATING_ACCOUNT = "operating-account"
VENDOR_CREDITS = "vendor-credits"


category_key = name_key  # categories compare as every name does: case and spacing ignored


def purchases_account(category: str) -> str:
    return f"purchases:{category_key(category)}"


def sales_account(category: str) -> str:
    return f"sales:{category_key(category)}"


TAX_PREFIX = "sales-tax:"
TAX_TYPES = ("OtherCurrentLiability",)


def tax_account(name: str | None) -> str:
    """The sales-tax-payable account of one tax rate or agency; unnamed tax goes to the
    store's one Sales Tax Payable."""
    return f"{TAX_PREFIX}{name_key(name)}" if name else "sales-tax-payable"


BANK_PREFIX = "bank:"


def bank_account(list_id: str) -> str:
    """The CobaltConnect account of one QuickBooks bank account (bills can be paid from it)."""
    return f"{BANK_PREFIX}{list_id}"


def can_pay_from(key: str) -> bool:
    """Whether bills can be paid from this CobaltConnect account (it is mapped to a bank)."""
    return key == OPERATING_ACCOUNT or (key.startswith(BANK_PREFIX) and len(key) > len(BANK_PREFIX))


def qb_types_for(key: str) -> tuple[str, ...]:
    """The QuickBooks account types a CobaltConnect account may be mapped to."""
    if key in SYSTEM_BY_KEY:
        return SYSTEM_BY_KEY[key].qb_types
    if key.startswith(BANK_PREFIX) and len(key) > len(BANK_PREFIX):
        return (BANK,)
    if key.startswith("purchases:"):
        return PURCHASE_TYPES
    if key.startswith("sales:"):
        return SALES_TYPES
    if key.startswith(TAX_PREFIX) and len(key) > len(TAX_PREFIX):
        return TAX_TYPES
    raise KeyError(key)
