"""Each service's migrations build exactly the schema its code declares, and undo cleanly."""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect

from cobalt_devstack.services import SERVICES, ServiceDef
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import messaging_metadata


def _migrations(service: ServiceDef) -> Path:
    package = importlib.import_module(service.module)
    assert package.__file__ is not None
    return Path(package.__file__).parent / "migrations"


async def _schema_diff_and_tables(service: ServiceDef, url: str) -> tuple[list[object], set[str]]:
    metadata = importlib.import_module(f"{service.module}.adapters.orm").metadata
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:

            def diff(sync_conn):
                context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
                combined = MetaData()
                for table in (*metadata.tables.values(), *messaging_metadata.tables.values()):
                    table.to_metadata(combined)
                return compare_metadata(context, combined)

            def tables(sync_conn):
                return set(inspect(sync_conn).get_table_names())

            return await conn.run_sync(diff), await conn.run_sync(tables)
    finally:
        await engine.dispose()


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
async def test_migrations_match_the_code_and_downgrade_to_nothing(service, database_url):
    await asyncio.to_thread(upgrade, _migrations(service), database_url)
    differences, tables = await _schema_diff_and_tables(service, database_url)
    assert differences == []
    assert {"outbox", "inbox", "dead_letters", "outbox_relay_lease"} <= tables

    await asyncio.to_thread(upgrade, _migrations(service), database_url, "head")  # idempotent
    from alembic import command

    from cobalt_shared.db.migrations import alembic_config

    await asyncio.to_thread(
        command.downgrade, alembic_config(_migrations(service), database_url), "base"
    )
    _, tables = await _schema_diff_and_tables(service, database_url)
    assert tables <= {"alembic_version"}


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_a_current_sqlite_database_is_known_current_without_alembic(service, tmp_path):
    """`make run` starts no migration process for a database already at the newest revision."""
    from cobalt_shared.db.migrations import sqlite_is_current

    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    assert not sqlite_is_current(_migrations(service), url)  # no file yet
    upgrade(_migrations(service), url, revision="base")
    assert not sqlite_is_current(_migrations(service), url)  # no revision yet
    older = f"sqlite+aiosqlite:///{tmp_path / 'older.sqlite'}"
    upgrade(_migrations(service), older, revision="0001")
    assert not sqlite_is_current(_migrations(service), older)  # a migration to apply
    upgrade(_migrations(service), url)
    assert sqlite_is_current(_migrations(service), url)
    assert not sqlite_is_current(_migrations(service), "postgresql+asyncpg://x@h/db")
