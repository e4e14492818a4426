"""Messages of the gateway: it publishes connection events (accounting commands come next)."""

from __future__ import annotations

from faststream.nats import NatsRouter

from cobalt_shared.contracts import QuickBooksConnectionChanged
from cobalt_shared.contracts.subjects import CONNECTION_CHANGED_DOC
from cobalt_shared.messaging import document_publication


def build_publications() -> NatsRouter:
    """What the gateway worker relays from its outbox, for the AsyncAPI document."""
    router = NatsRouter()
    document_publication(
        router,
        CONNECTION_CHANGED_DOC,
        QuickBooksConnectionChanged,
        "A merchant's QuickBooks integration was set up or changed state.",
    )
    return router
