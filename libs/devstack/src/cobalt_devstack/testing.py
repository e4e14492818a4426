"""Pytest plugin: isolated nats-server, databases on SQLite and PostgreSQL, service migrations.

PostgreSQL comes from COBALT_TEST_POSTGRES_URL (a database on the server to test against; each
test gets a fresh database created beside it and dropped after). When the variable is set and
the server does not answer, tests fail: they never skip. Without it, a Docker engine that answers
provides one through testcontainers; with neither, only SQLite variants are collected.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.postgres import admin_sql

POSTGRES_ENV = "COBALT_TEST_POSTGRES_URL"
_postgres_base: str | None = None
_postgres_reason = ""


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=2).ping()
    except Exception:
        return False
    return True


def pytest_configure(config: pytest.Config) -> None:
    global _postgres_base, _postgres_reason
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if url:
        _postgres_base = url
        _postgres_reason = f"PostgreSQL from {POSTGRES_ENV}"
    elif _docker_answers():
        _postgres_base = "testcontainers"
        _postgres_reason = "PostgreSQL from testcontainers"
    else:
        _postgres_reason = f"PostgreSQL variants not collected: set {POSTGRES_ENV}"


def pytest_report_header(config: pytest.Config) -> str:
    return f"cobalt: databases: SQLite; {_postgres_reason}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" in metafunc.fixturenames:
        backends: list[Any] = ["sqlite"]
        if _postgres_base is not None:
            backends.append(pytest.param("postgresql", marks=pytest.mark.postgres))
        metafunc.parametrize("db_backend", backends, scope="function")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that only make sense on PostgreSQL are not collected without one, like the
    PostgreSQL variants of the others (the report header says so)."""
    if _postgres_base is not None:
        return
    only_postgres = [i for i in items if i.get_closest_marker("postgres") is not None]
    if only_postgres:
        config.hook.pytest_deselected(items=only_postgres)
        items[:] = [i for i in items if i.get_closest_marker("postgres") is None]


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """The base PostgreSQL URL (postgresql+asyncpg://...) new test databases are made beside."""
    if _postgres_base is None:
        raise RuntimeError(f"no PostgreSQL for this run: set {POSTGRES_ENV}")
    if _postgres_base != "testcontainers":
        yield _postgres_base
        return
    from testcontainers.postgres import PostgresContainer

    with PostgresContainer("postgres:16-alpine", driver="asyncpg") as container:
        yield container.get_connection_url()


def _run(coro: Any) -> None:
    """Run a coroutine to completion even when the calling test's event loop is running."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coro).result()


class DatabaseFactory:
    """Makes empty databases of one backend for a test and removes them afterwards."""

    def __init__(self, backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
        self.backend = backend
        self._tmp = tmp_path
        self._request = request
        self._created: list[str] = []

    def new(self, name: str = "db") -> str:
        if self.backend == "sqlite":
            return f"sqlite+aiosqlite:///{self._tmp / (name + '.sqlite')}"
        base = self._request.getfixturevalue("postgres_server_url")
        parsed = make_url(base)
        db_name = f"{parsed.database or 'cobalt'}_t{uuid.uuid4().hex[:12]}"
        _run(admin_sql(base, f'CREATE DATABASE "{db_name}"'))
        self._created.append(db_name)
        return parsed.set(database=db_name).render_as_string(hide_password=False)

    def cleanup(self) -> None:
        if not self._created:
            return
        base = self._request.getfixturevalue("postgres_server_url")
        for db_name in self._created:
            _run(admin_sql(base, f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))


@pytest.fixture
def databases(
    db_backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[DatabaseFactory]:
    """Empty databases on the backend this test variant runs on."""
    factory = DatabaseFactory(db_backend, tmp_path, request)
    yield factory
    factory.cleanup()


@pytest.fixture
def database_url(databases: DatabaseFactory) -> str:
    """One empty database on this variant's backend."""
    return databases.new()


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NatsServer]:
    """A private nats-server with JetStream for the whole run (never the shared one)."""
    root = tmp_path_factory.mktemp("nats")
    with NatsServer(root / "store", log_path=root / "nats.log") as server:
        yield server


@pytest.fixture
def private_nats(tmp_path: Path) -> Iterator[NatsServer]:
    """A nats-server of this test alone, which the test may stop and start again."""
    with NatsServer(tmp_path / "nats-store", log_path=tmp_path / "nats.log") as server:
        yield server
