"""The reporting unit of work: a repository per aggregate."""

from __future__ import annotations

from cobalt_reporting.adapters.repository import (
    CloseRepository,
    SaleRepository,
    ScheduleRepository,
    SettlementRepository,
)
from cobalt_shared.db import UnitOfWork


class ReportingUnitOfWork(UnitOfWork):
    @property
    def schedules(self) -> ScheduleRepository:
        return ScheduleRepository(self.connection)

    @property
    def sales(self) -> SaleRepository:
        return SaleRepository(self.connection)

    @property
    def closes(self) -> CloseRepository:
        return CloseRepository(self.connection)

    @property
    def settlements(self) -> SettlementRepository:
        return SettlementRepository(self.connection)
