"""Dead letters: list them, and replay one through its consumer once the cause is fixed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy import select, update

from cobalt_shared.auth import Role, require_role
from cobalt_shared.contracts.base import utcnow
from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.db.tables import dead_letters
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.errors import Conflict, NotFound
from cobalt_shared.inbox import REPLAY_HEADER, replay_subject


class DeadLetter(BaseModel):
    """A message a consumer could not process, kept for a person to look at and replay."""

    id: int
    consumer: str
    subject: str
    message_id: str | None
    merchant_id: str | None
    error: str
    deliveries: int
    created_at: datetime
    replayed_at: datetime | None
    payload: str = Field(description="The message body as received (UTF-8, lossy).")


async def list_dead_letters(
    uow: UnitOfWork,
    *,
    consumer: str | None = None,
    include_replayed: bool = False,
    limit: int = 100,
) -> list[DeadLetter]:
    """Dead letters, newest first."""
    query = select(dead_letters).order_by(dead_letters.c.id.desc()).limit(limit)
    if consumer:
        query = query.where(dead_letters.c.consumer == consumer)
    if not include_replayed:
        query = query.where(dead_letters.c.replayed_at.is_(None))
    rows = (await uow.connection.execute(query)).mappings().all()
    return [
        DeadLetter(
            **{k: row[k] for k in DeadLetter.model_fields if k != "payload"},
            payload=row["payload"].decode("utf-8", "replace"),
        )
        for row in rows
    ]


async def replay_dead_letter(uow: UnitOfWork, owner: StreamSpec, dead_letter_id: int) -> None:
    """Send a dead letter to its consumer again, through the outbox, exactly once."""
    row = (
        (
            await uow.connection.execute(
                select(dead_letters).where(dead_letters.c.id == dead_letter_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"dead letter {dead_letter_id} does not exist")
    if row["replayed_at"] is not None:
        raise Conflict(f"dead letter {dead_letter_id} was already replayed at {row['replayed_at']}")
    headers = json.loads(row["headers"])
    headers.pop("Nats-Msg-Id", None)
    headers[REPLAY_HEADER] = str(dead_letter_id)
    headers["Cobalt-Original-Subject"] = row["subject"]
    await uow.outbox.add_raw(
        subject=replay_subject(owner, row["consumer"]),
        message_id=f"replay-{row['consumer']}-{dead_letter_id}",
        message_type="replay",
        merchant_id=row["merchant_id"],
        payload=row["payload"],
        headers=headers,
    )
    await uow.connection.execute(
        update(dead_letters).where(dead_letters.c.id == dead_letter_id).values(replayed_at=utcnow())
    )
    await uow.commit()


def dead_letter_router(make_uow: Callable[[], UnitOfWork], owner: StreamSpec) -> APIRouter:
    """Support-only endpoints to list and replay this service's dead letters."""
    router = APIRouter(prefix="/dead-letters", tags=["dead letters"])

    @router.get("", dependencies=[require_role(Role.SUPPORT, Role.SERVICE)])
    async def list_(
        consumer: str | None = None,
        include_replayed: bool = False,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[DeadLetter]:
        """Messages this service could not process."""
        async with make_uow() as uow:
            return await list_dead_letters(
                uow, consumer=consumer, include_replayed=include_replayed, limit=limit
            )

    @router.post(
        "/{dead_letter_id}/replay",
        status_code=202,
        dependencies=[require_role(Role.SUPPORT)],
    )
    async def replay(
        dead_letter_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    ) -> dict[str, str]:
        """Send the message to its consumer again (once)."""
        async with make_uow() as uow:
            await replay_dead_letter(uow, owner, dead_letter_id)
        return {"status": "replay queued"}

    return router
