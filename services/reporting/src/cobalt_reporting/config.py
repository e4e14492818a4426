"""Settings of the Reporting service (environment variables prefixed REPORTING_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    """Reporting settings; every field can be set as REPORTING_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="REPORTING_", extra="ignore", frozen=True)

    database_url: str = "sqlite+aiosqlite:///.local/data/reporting.db"
    http_port: int = 8150
    worker_port: int = 8151
    close_check_seconds: float = Field(
        30.0, gt=0, description="How often the worker looks for business days to close."
    )
