"""Message contracts shared by the services: additive changes only."""

from cobalt_shared.contracts.accounting import PostToQuickBooks
from cobalt_shared.contracts.base import Message, utcnow
from cobalt_shared.contracts.coa import AccountMapped, RefreshQuickBooksAccounts
from cobalt_shared.contracts.gateway import (
    QuickBooksAccount,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
    QuickBooksEntryResult,
    QuickBooksEntryResults,
)
from cobalt_shared.contracts.orders import CategoryTotal, OrderCredit, OrderReceived
from cobalt_shared.contracts.sales import (
    CardSettlementReported,
    PosLineTax,
    PosSale,
    PosSaleLine,
    PosSales,
    PosTender,
    PosTip,
    SalesCategoriesSeen,
)

__all__ = [
    "AccountMapped",
    "CardSettlementReported",
    "CategoryTotal",
    "Message",
    "OrderCredit",
    "OrderReceived",
    "PosLineTax",
    "PosSale",
    "PosSaleLine",
    "PosSales",
    "PosTender",
    "PosTip",
    "PostToQuickBooks",
    "QuickBooksAccount",
    "QuickBooksAccountsListed",
    "QuickBooksConnectionChanged",
    "QuickBooksEntryResult",
    "QuickBooksEntryResults",
    "RefreshQuickBooksAccounts",
    "SalesCategoriesSeen",
    "utcnow",
]
