"""A realistic starting chart of accounts for a liquor store."""

from __future__ import annotations

from cobalt_qbsim.company import Company

LIQUOR_STORE_CHART: tuple[tuple[str, str, str], ...] = (
    ("1000", "Operating Account", "Bank"),
    ("1010", "Payroll Account", "Bank"),
    ("1100", "Cash Drawer", "OtherCurrentAsset"),
    ("1110", "Card Clearing", "OtherCurrentAsset"),
    ("1200", "Inventory Asset", "OtherCurrentAsset"),
    ("1500", "Store Equipment", "FixedAsset"),
    ("2000", "Accounts Payable", "AccountsPayable"),
    ("2100", "Sales Tax Payable", "OtherCurrentLiability"),
    ("2110", "County Sales Tax Payable", "OtherCurrentLiability"),
    ("2200", "Bottle Deposits Payable", "OtherCurrentLiability"),
    ("2300", "Tips Payable", "OtherCurrentLiability"),
    ("2400", "Gift Cards Outstanding", "OtherCurrentLiability"),
    ("3000", "Owner's Equity", "Equity"),
    ("4000", "Sales", "Income"),
    ("4010", "Sales:Beer", "Income"),
    ("4020", "Sales:Wine", "Income"),
    ("4030", "Sales:Spirits", "Income"),
    ("4040", "Sales:Mixers & Soda", "Income"),
    ("4050", "Sales:Tobacco", "Income"),
    ("4060", "Sales:Snacks", "Income"),
    ("4900", "Sales Discounts", "Income"),
    ("4910", "Sales Refunds", "Income"),
    ("5000", "Purchases", "CostOfGoodsSold"),
    ("5010", "Purchases:Beer", "CostOfGoodsSold"),
    ("5020", "Purchases:Wine", "CostOfGoodsSold"),
    ("5030", "Purchases:Spirits", "CostOfGoodsSold"),
    ("5040", "Purchases:Mixers & Soda", "CostOfGoodsSold"),
    ("5050", "Purchases:Tobacco", "CostOfGoodsSold"),
    ("5060", "Purchases:Snacks", "CostOfGoodsSold"),
    ("6000", "Bank Service Charges", "Expense"),
    ("6010", "Merchant Card Fees", "Expense"),
    ("6020", "Cash Over/Short", "Expense"),
    ("6030", "Rent", "Expense"),
    ("6040", "Utilities", "Expense"),
    ("6050", "Breakage & Spoilage", "Expense"),
    ("6060", "Rounding", "Expense"),
)


def sample_company(name: str = "Demo Liquors") -> Company:
    """A new company with the liquor store chart and no transactions."""
    company = Company(name=name)
    for number, full_name, account_type in LIQUOR_STORE_CHART:
        company.add_account(full_name, account_type, number)
    return company
