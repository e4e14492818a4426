"""The payables unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

from cobalt_payables.adapters.repository import (
    BillRepository,
    CreditRepository,
    PaymentRepository,
    PaymentRequestRepository,
)
from cobalt_shared.db import UnitOfWork


class PayablesUnitOfWork(UnitOfWork):
    @property
    def bills(self) -> BillRepository:
        return BillRepository(self.connection)

    @property
    def credits(self) -> CreditRepository:
        return CreditRepository(self.connection)

    @property
    def payments(self) -> PaymentRepository:
        return PaymentRepository(self.connection)

    @property
    def payment_requests(self) -> PaymentRequestRepository:
        return PaymentRequestRepository(self.connection)
