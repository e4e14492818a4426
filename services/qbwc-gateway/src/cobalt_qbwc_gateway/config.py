"""Settings of the QuickBooks gateway service (environment variables prefixed QBWC_GATEWAY_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    """QuickBooks Web Connector gateway settings; every field can be set as QBWC_GATEWAY_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="QBWC_GATEWAY_", extra="ignore", frozen=True)

    database_url: str = "sqlite+aiosqlite:///.local/data/qbwc-gateway.db"
    http_port: int = 8140
    worker_port: int = 8141
