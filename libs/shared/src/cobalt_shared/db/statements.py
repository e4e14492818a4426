"""Statements built once per database kind: the inserts whose SQL differs between SQLite and
PostgreSQL (ON CONFLICT), and the writes of many rows at a time. Built once, their compiled
form is reused; rows go as parameters (a statement with its rows written in is never cached
and compiles anew each time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Insert, Update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

T = TypeVar("T")

IN_LIST_SIZE = 500
"""The most values one `IN (...)` list binds: far below SQLite's and asyncpg's limits on a
statement's parameters (32,766 and 32,767)."""


def in_lists(values: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[list[T]]:
    """`values` in consecutive lists of at most `size`, one statement each."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


class PerDialect(Generic[T]):
    """`build(insert)` made once with each dialect's `insert`; `for_(connection)` the one for
    the connection's database."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self._built = {"sqlite": build(sqlite_insert), "postgresql": build(pg_insert)}

    def for_(self, connection: AsyncConnection) -> T:
        return self._built[connection.dialect.name]


@dataclass(frozen=True)
class _Driver:
    """A statement as one database's driver takes it: its SQL, and for each placeholder in
    order the value's key and the column type's conversion (None: passed as it is)."""

    sql: str
    binds: tuple[tuple[str, Callable[[Any], Any] | None], ...]


class ManyRows:
    """An INSERT or UPDATE run for many rows with the driver's own executemany.

    SQLAlchemy's executemany handles each row's parameters in Python, about 10 us a row, more
    than the database takes to write it. Here the statement is compiled once per database
    kind, for exactly `keys`, and each row becomes a tuple through the same conversions the
    column types give SQLAlchemy (a UUID as SQLite stores it, a date as text). What this
    cannot do is refused when it is built: a column default or onupdate computed in Python
    (SQLAlchemy fills those in per row), and parameters expanded at execution (IN lists).
    """

    def __init__(self, statement: Insert | Update, keys: Sequence[str]) -> None:
        if isinstance(statement, Insert):
            statement = statement.inline()  # no RETURNING of the new key on PostgreSQL
        table = statement.table
        computed = [
            c.key
            for c in getattr(table, "columns", ())
            if c.key not in keys
            and (
                (isinstance(statement, Insert) and c.default is not None)
                or (isinstance(statement, Update) and c.onupdate is not None)
            )
        ]
        if computed:
            raise ValueError(f"columns filled in by SQLAlchemy, not in the rows: {computed}")
        self._statement = statement
        self._keys = list(keys)
        self._drivers: dict[str, _Driver] = {}

    def _driver(self, dialect: Dialect) -> _Driver:
        driver = self._drivers.get(dialect.name)
        if driver is None:
            compiled = self._statement.compile(dialect=dialect, column_keys=self._keys)
            names = compiled.positiontup
            if not compiled.positional or names is None or "POSTCOMPILE" in compiled.string:
                raise ValueError(f"{dialect.name}: not a statement of fixed positional binds")
            binds = tuple(
                (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                for name in names
            )
            driver = self._drivers[dialect.name] = _Driver(compiled.string, binds)
        return driver

    async def execute(self, connection: AsyncConnection, rows: Sequence[Mapping[str, Any]]) -> None:
        """The statement once per row, in one executemany; nothing when there are no rows."""
        if not rows:
            return
        driver = self._driver(connection.dialect)
        binds = driver.binds
        parameters = [
            tuple(row[key] if convert is None else convert(row[key]) for key, convert in binds)
            for row in rows
        ]
        await connection.exec_driver_sql(driver.sql, parameters)
