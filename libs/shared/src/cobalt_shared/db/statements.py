"""Statements built once per database kind, for the inserts whose SQL differs between SQLite
and PostgreSQL (ON CONFLICT). Built once, SQLAlchemy reuses their compiled form; rows go as
parameters (a statement with its rows written in is never cached and compiles anew each time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

T = TypeVar("T")


class PerDialect(Generic[T]):
    """`build(insert)` made once with each dialect's `insert`; `for_(connection)` the one for
    the connection's database."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self._built = {"sqlite": build(sqlite_insert), "postgresql": build(pg_insert)}

    def for_(self, connection: AsyncConnection) -> T:
        return self._built[connection.dialect.name]
