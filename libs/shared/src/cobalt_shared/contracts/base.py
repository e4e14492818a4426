"""The envelope every message carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class Message(BaseModel):
    """Base of every event and command: identity, tenancy, time and causality."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    # Each subclass names itself; `type` and `version` travel in the body so a consumer can
    # tell what it got without the subject. Changes are additive only: new optional fields.
    TYPE: ClassVar[str] = "message"
    VERSION: ClassVar[int] = 1

    message_id: uuid.UUID = Field(
        default_factory=uuid.uuid4,
        description="Unique id of this message; the JetStream dedup id and the inbox key.",
    )
    merchant_id: uuid.UUID = Field(description="The merchant (store) this message belongs to.")
    occurred_at: AwareDatetime = Field(
        default_factory=utcnow, description="When the business event happened (UTC, ISO 8601)."
    )
    correlation_id: uuid.UUID = Field(
        default_factory=uuid.uuid4,
        description="Ties together every message and log line caused by one request.",
    )
    type: str = Field("", description="Message type name, for example 'order-received'.")
    version: int = Field(1, description="Schema version of this message type.")

    def model_post_init(self, _context: object) -> None:
        # Stamp type/version from the class so producers cannot forget or mistype them.
        object.__setattr__(self, "type", self.TYPE)
        object.__setattr__(self, "version", self.VERSION)
