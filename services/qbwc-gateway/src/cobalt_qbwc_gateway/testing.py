"""Seeding a gateway's database for tests: mappings and accounting commands, as the worker
would record them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.entries import record_command
from cobalt_qbwc_gateway.application.mappings import apply_mapping
from cobalt_shared.contracts import AccountMapped, PostToQuickBooks
from cobalt_shared.db.engine import create_engine

MAPPINGS = {
    "purchases:beer": "Purchases:Beer",
    "operating-account": "Operating Account",
    "card-clearing": "Card Clearing",
    "sales:beer": "Sales:Beer",
}


async def seed_entries(
    database_url: str,
    merchant: uuid.UUID,
    commands: Iterable[PostToQuickBooks],
    mappings: Mapping[str, str] = MAPPINGS,
    now: datetime | None = None,
) -> None:
    """Map accounts and record commands for one merchant, in one transaction."""
    engine = create_engine(database_url)
    now = now or datetime.now(UTC)
    try:
        async with GatewayUnitOfWork(engine) as uow:
            for account, name in mappings.items():
                event = AccountMapped(merchant_id=merchant, account=account, qb_full_name=name)
                await apply_mapping(event, uow, now)
            for command in commands:
                await record_command(command, uow, now)
            await uow.commit()
    finally:
        await engine.dispose()
