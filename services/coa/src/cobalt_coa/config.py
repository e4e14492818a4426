"""Settings of the Chart of accounts service (environment variables prefixed COA_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    """Chart of accounts settings; every field can be set as COA_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="COA_", extra="ignore", frozen=True)

    database_url: str = "sqlite+aiosqlite:///.local/data/coa.db"
    http_port: int = 8130
    worker_port: int = 8131
