"""A real gateway API on a real port, on a migrated database of this test's backend."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine

import cobalt_qbwc_gateway
from cobalt_devstack.processes import free_port
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.app import create_api
from cobalt_qbwc_gateway.application.work import Outgoing, Progress
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbxml import parse_response
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.clock import ManualClock
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade, upgrade_async
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

MIGRATIONS = Path(cobalt_qbwc_gateway.__file__).parent / "migrations"
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)


@dataclass
class FakeWork:
    """Entries to send, as the entry queue will hand them out: one document per call."""

    documents: list[str] = field(default_factory=list)
    responses: list[tuple[str, str, str]] = field(default_factory=list)
    ready: bool | None = None

    async def has_ready(self, uow: Any, connection: Any) -> bool:
        return bool(self.documents) if self.ready is None else self.ready

    async def waiting(self, uow: Any, connection: Any) -> int:
        return len(self.documents)

    async def next_request(self, uow: Any, connection: Any, version: str) -> Outgoing | None:
        return Outgoing(self.documents.pop(0), entries=1) if self.documents else None

    async def apply_response(
        self, uow: Any, connection: Any, response: str, hresult: str, message: str
    ) -> Progress:
        self.responses.append((response, hresult, message))
        if not response:
            return Progress(False)
        answers = parse_response(response).responses
        synced = sum(1 for a in answers if a.status.ok)
        return Progress(True, bool(self.documents), synced, len(answers) - synced)


class CountingPasswords(Passwords):
    """Argon2 as usual, counting how often it runs."""

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0

    def verify(self, password_hash: str, password: str) -> bool:
        self.checks += 1
        return super().verify(password_hash, password)


@dataclass
class Gateway:
    url: str
    settings: Settings
    work: FakeWork
    clock: ManualClock
    passwords: CountingPasswords
    database_url: str = ""
    restart: Callable[[], None] = lambda: None

    def support(self) -> dict[str, str]:
        token = TOKENS.mint(subject="support", role=Role.SUPPORT, merchant_id=None)
        return {"Authorization": f"Bearer {token}"}

    def merchant(self, merchant_id: Any) -> dict[str, str]:
        token = TOKENS.mint(subject="m", role=Role.MERCHANT, merchant_id=merchant_id)
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database migrated to the gateway's schema."""
    await upgrade_async(MIGRATIONS, database_url)
    eng = create_engine(database_url)
    yield eng
    await eng.dispose()


@pytest.fixture
def gateway(database_url: str, nats_server: Any) -> Iterator[Gateway]:
    """A gateway whose entries come from a FakeWork the test fills."""
    yield from _serve(database_url, nats_server, FakeWork(), session_timeout=30)


@pytest.fixture
def queue_gateway(database_url: str, nats_server: Any) -> Iterator[Gateway]:
    """A gateway with its real entry queue."""
    yield from _serve(database_url, nats_server, None, session_timeout=1)


def _serve(
    database_url: str, nats_server: Any, work: FakeWork | None, session_timeout: int
) -> Iterator[Gateway]:
    upgrade(MIGRATIONS, database_url)
    port = free_port()
    settings = Settings(
        database_url=database_url,
        nats_url=nats_server.url,
        public_url=f"http://localhost:{port}",
        session_timeout_seconds=session_timeout,
    )
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []
    clock = ManualClock()  # the gateway's time moves only when a test moves it
    passwords = CountingPasswords()

    def start() -> None:
        app = create_api(settings, work, clock, passwords)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "gateway did not start"
            time.sleep(0.05)
        servers.append((server, thread))

    def stop() -> None:
        while servers:
            server, thread = servers.pop()
            server.should_exit = True
            thread.join(10)

    def restart() -> None:
        """A new gateway process in all but name: same database and port, nothing in memory."""
        stop()
        start()

    start()
    yield Gateway(
        f"http://localhost:{port}",
        settings,
        work or FakeWork(),
        clock,
        passwords,
        database_url,
        restart,
    )
    stop()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client
