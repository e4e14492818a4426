"""docker-compose.yml starts every service the way the code expects (no Docker engine here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cobalt_devstack.services import SERVICES, ServiceDef

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return document


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_every_service_has_migrate_api_and_worker_wired_to_its_settings(compose, service):
    services = compose["services"]
    migrate, api, worker = (services[f"{service.name}-{p}"] for p in ("migrate", "api", "worker"))
    assert migrate["command"] == ["migrate"]
    assert migrate["build"]["args"]["SERVICE"] == service.name
    assert api["command"] == ["api"]
    assert worker["command"] == ["worker"]
    env = api["environment"]
    assert set(env) >= {
        f"{service.env_prefix}{name}"
        for name in ("ENVIRONMENT", "AUTH_SECRET", "DATABASE_URL", "NATS_URL", "HTTP_PORT")
    }
    assert env[f"{service.env_prefix}ENVIRONMENT"] == "production"
    assert ":?" in env[f"{service.env_prefix}AUTH_SECRET"]  # refuses to start without it
    assert env[f"{service.env_prefix}DATABASE_URL"].startswith("postgresql+asyncpg://")
    for part, port_var in ((api, "HTTP_PORT"), (worker, "WORKER_PORT")):
        port = env[f"{service.env_prefix}{port_var}"]
        assert f"127.0.0.1:{port}/readyz" in " ".join(part["healthcheck"]["test"])
        deps = part["depends_on"]
        assert deps[f"{service.name}-migrate"]["condition"] == "service_completed_successfully"
        assert deps["nats"]["condition"] == "service_healthy"


def test_each_service_database_is_created(compose):
    sql = (ROOT / "deploy/postgres/init-databases.sql").read_text()
    for service in SERVICES:
        db = _database(compose, service)
        assert re.search(rf"CREATE DATABASE {db};", sql), db


def _database(compose: dict[str, Any], service: ServiceDef) -> str:
    env = compose["services"][f"{service.name}-api"]["environment"]
    return str(env[f"{service.env_prefix}DATABASE_URL"]).rsplit("/", 1)[1]


def test_nats_keeps_acknowledged_messages_on_disk():
    conf = (ROOT / "deploy/nats/nats-server.conf").read_text()
    assert "store_dir" in conf
    assert "sync_interval: always" in conf
