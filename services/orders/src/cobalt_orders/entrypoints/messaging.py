"""Messages of the orders service: it consumes none yet and publishes order-received."""

from __future__ import annotations

from faststream.nats import NatsRouter

from cobalt_shared.contracts import OrderReceived
from cobalt_shared.contracts.subjects import ORDER_RECEIVED_DOC
from cobalt_shared.messaging import document_publication


def build_publications() -> NatsRouter:
    """What the orders worker relays from its outbox, for the AsyncAPI document."""
    router = NatsRouter()
    document_publication(
        router,
        ORDER_RECEIVED_DOC,
        OrderReceived,
        "A vendor order was received; published once per order through the outbox.",
    )
    return router
