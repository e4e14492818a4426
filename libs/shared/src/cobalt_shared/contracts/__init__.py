"""Message contracts shared by the services: additive changes only."""

from cobalt_shared.contracts.accounting import PostToQuickBooks
from cobalt_shared.contracts.base import Message, utcnow
from cobalt_shared.contracts.coa import AccountMapped
from cobalt_shared.contracts.gateway import QuickBooksConnectionChanged, QuickBooksEntryResult
from cobalt_shared.contracts.orders import OrderReceived

__all__ = [
    "AccountMapped",
    "Message",
    "OrderReceived",
    "PostToQuickBooks",
    "QuickBooksConnectionChanged",
    "QuickBooksEntryResult",
    "utcnow",
]
