"""Settings of the Payables service (environment variables prefixed PAYABLES_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    """Payables settings; every field can be set as PAYABLES_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="PAYABLES_", extra="ignore", frozen=True)

    database_url: str = "sqlite+aiosqlite:///.local/data/payables.db"
    http_port: int = 8120
    worker_port: int = 8121
