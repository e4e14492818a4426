"""The reporting unit of work."""

from __future__ import annotations

from cobalt_reporting.adapters.repository import ReportingRepository
from cobalt_shared.db import UnitOfWork


class ReportingUnitOfWork(UnitOfWork):
    @property
    def reporting(self) -> ReportingRepository:
        return ReportingRepository(self.connection)
