"""Every service's API and worker report ready only when their database and NATS answer."""

from __future__ import annotations

import importlib
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.processes import free_port
from cobalt_devstack.services import SERVICES, ServiceDef
from cobalt_devstack.testkit import eventually
from cobalt_shared.db.migrations import upgrade_async

UNREACHABLE_POSTGRES = "postgresql+asyncpg://nobody@127.0.0.1:1/nothing"


def _build(service: ServiceDef, part: str, database_url: str, nats_url: str) -> FastAPI:
    config = importlib.import_module(f"{service.module}.config")
    app_module = importlib.import_module(f"{service.module}.app")
    settings = config.Settings(database_url=database_url, nats_url=nats_url)
    factory = app_module.create_api if part == "api" else app_module.create_worker
    app: FastAPI = factory(settings)
    return app


async def _migrate(service: ServiceDef, database_url: str) -> None:
    package = importlib.import_module(service.module)
    assert package.__file__ is not None
    await upgrade_async(Path(package.__file__).parent / "migrations", database_url)


async def _readyz(app: FastAPI) -> httpx.Response:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://svc"
    ) as client:
        return await client.get("/readyz")


@pytest.mark.parametrize("part", ["api", "worker"])
@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
async def test_ready_when_database_and_nats_answer(service, part, database_url, nats_server):
    await _migrate(service, database_url)
    app = _build(service, part, database_url, nats_server.url)
    async with app.router.lifespan_context(app):

        async def ready() -> bool:
            return (await _readyz(app)).status_code == 200

        await eventually(ready, timeout=30, what=f"{service.name} {part} ready")
        body = (await _readyz(app)).json()
    assert body["status"] == "ready"
    assert body["checks"] == {"database": "ok", "nats": "ok"}
    assert body["instance"]  # which process answered


@pytest.mark.parametrize("part", ["api", "worker"])
async def test_not_ready_when_the_database_is_unreachable(part, nats_server):
    app = _build(SERVICES[1], part, UNREACHABLE_POSTGRES, nats_server.url)
    async with app.router.lifespan_context(app):
        response = await _readyz(app)
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("unavailable")


@pytest.mark.parametrize("part", ["api", "worker"])
async def test_not_ready_when_nats_is_unreachable_and_ready_again_when_it_returns(
    part, database_url, private_nats
):
    service = SERVICES[1]
    await _migrate(service, database_url)
    app = _build(service, part, database_url, private_nats.url)
    async with app.router.lifespan_context(app):

        async def status(code: int) -> bool:
            return (await _readyz(app)).status_code == code

        await eventually(lambda: status(200), timeout=30, what="ready")
        private_nats.stop()
        await eventually(lambda: status(503), timeout=10, what="not ready without NATS")
        body = (await _readyz(app)).json()
        assert body["checks"]["nats"].startswith("unavailable")
        assert body["checks"]["database"] == "ok"
        private_nats.start()
        await eventually(lambda: status(200), timeout=30, what="ready again")


@pytest.mark.parametrize("part", ["api", "worker"])
@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
async def test_a_server_list_with_credentials_reaches_nats(service, part, database_url, tmp_path):
    """As compose and Kubernetes configure it: several servers, comma-separated, each with the
    service's user and password; the first one is down."""
    await _migrate(service, database_url)
    with NatsServer(tmp_path / "nats", user=service.name, password="s3cret pass") as server:
        down = f"nats://{service.name}:s3cret%20pass@127.0.0.1:{free_port()}"
        servers = f"{down}, {server.url.replace('s3cret pass', 's3cret%20pass')}"
        app = _build(service, part, database_url, servers)
        async with app.router.lifespan_context(app):

            async def ready() -> bool:
                return (await _readyz(app)).status_code == 200

            await eventually(ready, timeout=30, what=f"{service.name} {part} ready")


async def test_a_wrong_nats_password_keeps_the_service_not_ready_saying_why(
    database_url, tmp_path, caplog
):
    service = SERVICES[1]
    await _migrate(service, database_url)
    with NatsServer(tmp_path / "nats", user="payables", password="right") as server:
        app = _build(service, "worker", database_url, server.url.replace("right", "wrong"))
        async with app.router.lifespan_context(app):

            async def says_why() -> bool:
                body = (await _readyz(app)).json()
                return "authorization" in body["checks"]["nats"].lower()

            await eventually(says_why, timeout=15, what="the reason in /readyz")
            response = await _readyz(app)
    assert response.status_code == 503
    logged = [r.getMessage() for r in caplog.records if "NATS" in r.getMessage()]
    assert any("authorization" in m.lower() and "wrong" not in m for m in logged), logged


@pytest.mark.parametrize("part", ["api", "worker"])
async def test_a_service_started_before_nats_becomes_ready_when_nats_appears(
    part, database_url, tmp_path
):
    service = SERVICES[1]
    await _migrate(service, database_url)
    server = NatsServer(tmp_path / "nats")
    app = _build(service, part, database_url, server.url)
    async with app.router.lifespan_context(app):
        body = (await _readyz(app)).json()
        assert body["checks"]["nats"].startswith("unavailable")
        with server:

            async def ready() -> bool:
                return (await _readyz(app)).status_code == 200

            await eventually(ready, timeout=30, what="ready once NATS is up")


def test_a_malformed_nats_url_is_refused_at_start_naming_the_setting():
    from cobalt_shared.settings import SettingsError, load_settings

    config = importlib.import_module(f"{SERVICES[0].module}.config")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ORDERS_NATS_URL", "nats://127.0.0.1:4222,http//oops")
        with pytest.raises(SettingsError) as refused:
            load_settings(config.Settings)
    assert "ORDERS_NATS_URL" in str(refused.value)
    assert "http//oops" in str(refused.value)


@pytest.mark.postgres
async def test_a_service_whose_database_appears_later_becomes_ready(
    nats_server, postgres_server_url
):
    """Started before its database exists: not ready, saying why; ready once it is there."""
    from sqlalchemy.engine import make_url

    from cobalt_devstack.postgres import admin_sql

    name = f"cobalt_late_{uuid.uuid4().hex[:10]}"
    database_url = make_url(postgres_server_url).set(database=name).render_as_string(False)
    app = _build(SERVICES[1], "api", database_url, nats_server.url)
    try:
        async with app.router.lifespan_context(app):
            body = (await _readyz(app)).json()
            assert body["checks"]["database"].startswith("unavailable")
            assert name in body["checks"]["database"]  # says which database is missing
            await admin_sql(postgres_server_url, f'CREATE DATABASE "{name}"')
            await _migrate(SERVICES[1], database_url)

            async def ready() -> bool:
                return (await _readyz(app)).status_code == 200

            await eventually(ready, timeout=30, what="ready once the database exists")
    finally:
        await admin_sql(postgres_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
