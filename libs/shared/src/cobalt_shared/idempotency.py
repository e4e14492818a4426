"""The `Idempotency-Key` header: a button pressed twice does one thing."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import Header

from cobalt_shared.errors import InvalidInput

MAX_KEY = 200


async def idempotency_key(
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Any unique text per intended action; a repeat returns the first result.",
        ),
    ] = None,
) -> str | None:
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_KEY:
        raise InvalidInput(f"Idempotency-Key must be 1 to {MAX_KEY} characters")
    return key


def request_hash(body: Any) -> str:
    """A fingerprint of a request body: the same key with a different body is a mistake."""
    text = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
