"""Settings of the Orders service (environment variables prefixed ORDERS_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    """Orders settings; every field can be set as ORDERS_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="ORDERS_", extra="ignore", frozen=True)

    database_url: str = "sqlite+aiosqlite:///.local/data/orders.db"
    http_port: int = 8110
    worker_port: int = 8111
