"""The chart-of-accounts unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

from cobalt_coa.adapters.repository import (
    AccountRepository,
    ConnectionRepository,
    MappingHistoryRepository,
    QbAccountRepository,
)
from cobalt_shared.db import UnitOfWork


class CoaUnitOfWork(UnitOfWork):
    @property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.connection)

    @property
    def qb_accounts(self) -> QbAccountRepository:
        return QbAccountRepository(self.connection)

    @property
    def connections(self) -> ConnectionRepository:
        return ConnectionRepository(self.connection)

    @property
    def history(self) -> MappingHistoryRepository:
        return MappingHistoryRepository(self.connection)
