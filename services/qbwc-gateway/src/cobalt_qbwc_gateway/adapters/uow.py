"""The gateway's unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from cobalt_qbwc_gateway.adapters.entries import EntryRepository, VendorRepository
from cobalt_qbwc_gateway.adapters.monitoring import (
    AlertRepository,
    ContactRepository,
    DigestRepository,
)
from cobalt_qbwc_gateway.adapters.repository import (
    ConnectionRepository,
    MappingRepository,
    ReadBackRepository,
    SessionRepository,
    SignInSourceRepository,
)
from cobalt_shared.db import UnitOfWork


class GatewayUnitOfWork(UnitOfWork):
    @property
    def connections(self) -> ConnectionRepository:
        return ConnectionRepository(self.connection)

    @property
    def sessions(self) -> SessionRepository:
        return SessionRepository(self.connection)

    @property
    def entries(self) -> EntryRepository:
        return EntryRepository(self.connection)

    @property
    def mappings(self) -> MappingRepository:
        return MappingRepository(self.connection)

    @property
    def read_backs(self) -> ReadBackRepository:
        return ReadBackRepository(self.connection)

    @property
    def vendors(self) -> VendorRepository:
        return VendorRepository(self.connection)

    @property
    def signin_sources(self) -> SignInSourceRepository:
        return SignInSourceRepository(self.connection)

    @property
    def contacts(self) -> ContactRepository:
        return ContactRepository(self.connection)

    @property
    def alerts(self) -> AlertRepository:
        return AlertRepository(self.connection)

    @property
    def digests(self) -> DigestRepository:
        return DigestRepository(self.connection)

    async def lock_merchant(self, merchant_id: uuid.UUID) -> None:
        """Hold the merchant's queue for this transaction: a command, a mapping and a Web
        Connector step of one merchant never interleave (so none decides on facts another is
        changing). SQLite transactions already run one at a time."""
        if self.connection.dialect.name == "postgresql":
            key = int.from_bytes(merchant_id.bytes[:8], "big", signed=True)
            await self.connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
