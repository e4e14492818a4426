"""The payables unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

from cobalt_payables.adapters.repository import BillRepository
from cobalt_shared.db import UnitOfWork


class PayablesUnitOfWork(UnitOfWork):
    @property
    def bills(self) -> BillRepository:
        return BillRepository(self.connection)
