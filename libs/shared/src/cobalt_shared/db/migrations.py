"""Alembic glue shared by every service's migrations."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import async_engine_from_config

from cobalt_shared.db.engine import is_sqlite
from cobalt_shared.db.tables import messaging_metadata


def alembic_config(script_location: Path, database_url: str) -> Config:
    """An Alembic config for one service's migrations against one database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    # ConfigParser interpolates '%': URLs with escaped passwords must survive.
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(script_location: Path, database_url: str, revision: str = "head") -> None:
    """Apply a service's migrations (blocking; call from a thread inside an event loop)."""
    if is_sqlite(database_url):
        from sqlalchemy.engine import make_url

        database = make_url(database_url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(script_location, database_url), revision)


def sqlite_is_current(script_location: Path, database_url: str) -> bool:
    """An SQLite database already at the newest revision of `script_location` (read without
    Alembic's machinery: a launcher can skip starting a migration process). False when unsure:
    another database kind, no file yet, or anything unexpected."""
    if not is_sqlite(database_url):
        return False
    from sqlalchemy.engine import make_url

    database = make_url(database_url).database
    if not database or database == ":memory:" or not Path(database).exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            rows = db.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    heads = ScriptDirectory(str(script_location)).get_heads()
    return sorted(r[0] for r in rows) == sorted(heads)


async def upgrade_async(script_location: Path, database_url: str) -> None:
    """Apply migrations from async code (Alembic's async env runs its own loop)."""
    await asyncio.to_thread(upgrade, script_location, database_url)


def run_migrations(target_metadata: MetaData) -> None:
    """Body of a service's migrations/env.py."""
    metadatas = [target_metadata, messaging_metadata]
    if context.is_offline_mode():
        context.configure(
            url=context.config.get_main_option("sqlalchemy.url"),
            target_metadata=metadatas,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(metadatas))


async def _run_online(metadatas: list[MetaData]) -> None:
    section = context.config.get_section(context.config.config_ini_section, {})
    engine = async_engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)

    def _do(connection: Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=metadatas,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    async with engine.connect() as connection:
        await connection.run_sync(_do)
        await connection.commit()
    await engine.dispose()


def create_messaging_tables() -> None:
    """Create outbox, relay lease, inbox and dead-letter tables (call from a migration)."""
    bind = context.get_bind()
    messaging_metadata.create_all(bind)


def drop_messaging_tables() -> None:
    """Drop the messaging tables (downgrade of the first migration)."""
    messaging_metadata.drop_all(context.get_bind())


def add_retention_index() -> None:
    """The inbox index retention purges by (already there on databases made since)."""
    from alembic import op

    op.create_index("ix_inbox_processed_at", "inbox", ["processed_at"], if_not_exists=True)


def drop_retention_index() -> None:
    from alembic import op

    op.drop_index("ix_inbox_processed_at", "inbox", if_exists=True)
