"""The orders unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

from cobalt_orders.adapters.repository import OrderRepository
from cobalt_shared.db import UnitOfWork


class OrdersUnitOfWork(UnitOfWork):
    @property
    def orders(self) -> OrderRepository:
        return OrderRepository(self.connection)
