"""The gateway's unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

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
