"""Creating and dropping throwaway PostgreSQL databases (tests and benchmarks)."""

from __future__ import annotations

from sqlalchemy.engine import make_url


async def admin_sql(base_url: str, sql: str) -> None:
    """Run one statement (CREATE/DROP DATABASE) outside a transaction on `base_url`'s server."""
    import asyncpg

    url = make_url(base_url)
    conn = await asyncpg.connect(
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        user=url.username or "postgres",
        password=url.password,
        database=url.database or "postgres",
        timeout=10,
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()
