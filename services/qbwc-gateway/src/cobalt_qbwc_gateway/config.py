"""Settings of the QuickBooks gateway service (environment variables prefixed QBWC_GATEWAY_)."""

from __future__ import annotations

from typing import ClassVar, Literal
from urllib.parse import urlparse

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings

# The product's OwnerID: one GUID for CobaltConnect in every merchant's company file.
PRODUCT_OWNER_ID = "{6C1E8F3A-2B7D-4E59-9A0C-5D3F1B8E7A42}"


class Settings(ServiceSettings):
    """Gateway settings; every field can be set as QBWC_GATEWAY_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="QBWC_GATEWAY_", extra="ignore", frozen=True)

    PRODUCTION_REQUIRED: ClassVar[tuple[str, ...]] = (
        *ServiceSettings.PRODUCTION_REQUIRED,
        "public_url",
    )

    database_url: str = "sqlite+aiosqlite:///.local/data/qbwc-gateway.db"
    http_port: int = 8140
    worker_port: int = 8141
    public_url: str = Field(
        "http://localhost:8140",
        description="Where the Web Connector reaches this service: https, or localhost",
    )
    soap_path: str = Field("/qbwc", description="Path of the Web Connector SOAP service")
    owner_id: str = Field(PRODUCT_OWNER_ID, description="The product's OwnerID (GUID in braces)")
    app_name: str = Field("CobaltConnect", description="Shown in the Web Connector")
    run_every_minutes: int = Field(10, ge=1, le=1440, description="Web Connector interval")
    session_timeout_seconds: int = Field(
        120, ge=1, description="A session silent this long no longer blocks a new one"
    )
    ticket_ttl_seconds: int = Field(1800, ge=60, description="Lifetime of a session ticket")
    min_client_version: str = Field("2.1.0.0", description="Oldest Web Connector accepted")
    warn_client_version: str = Field("2.3.0.0", description="Older Web Connectors get a warning")
    signin_max_failures: int = Field(
        5, ge=1, le=100, description="failed sign-ins in a row before sign-in is locked"
    )
    signin_lockout_seconds: int = Field(
        60, ge=1, description="the first lock; each further failure doubles it"
    )
    signin_max_lockout_seconds: int = Field(3600, ge=1, description="the longest lock")
    signin_remember_seconds: int = Field(
        900,
        ge=0,
        description="A verified Web Connector sign-in is not verified with Argon2 again for "
        "this long (in this process; a changed password or a failure ends it; 0: always)",
    )

    # Watching the connections and telling the merchant (sync history, health, e-mail).
    web_app_url: str = Field(
        "http://localhost:8100", description="The merchant's web app: links in e-mails"
    )
    overdue_after_seconds: int | None = Field(
        None, ge=1, description="No contact for this long is overdue (default: 2 intervals)"
    )
    abandoned_after_seconds: int = Field(
        900, ge=1, description="An update silent this long was abandoned by the Web Connector"
    )
    waiting_alert_seconds: int = Field(
        86400, ge=1, description="Entries waiting on the merchant (a mapping) this long alert"
    )
    alert_window_seconds: int = Field(
        3600, ge=1, description="At most one alert e-mail per merchant in this window"
    )
    monitor_seconds: float = Field(30, gt=0, description="How often health is checked")
    smtp_host: str = Field("", description="Mail server for alerts ('' keeps them queued)")
    smtp_port: int = Field(25, ge=1, le=65535)
    smtp_security: Literal["none", "starttls", "tls"] = Field(
        "none", description="none, starttls (upgrade on connect) or tls (implicit, port 465)"
    )
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_timeout_seconds: float = Field(20, gt=0)
    mail_from: str = Field(
        "CobaltConnect <alerts@cobaltconnect.example>", description="Sender of alert e-mails"
    )

    @model_validator(mode="after")
    def _check_urls(self) -> Settings:
        url = urlparse(self.public_url)
        if url.scheme != "https" and url.hostname != "localhost":
            raise ValueError(
                "QBWC_GATEWAY_PUBLIC_URL must be https (the Web Connector refuses plain http "
                "except for localhost)"
            )
        if not self.soap_path.startswith("/"):
            raise ValueError("QBWC_GATEWAY_SOAP_PATH must start with '/'")
        return self

    @property
    def poll_seconds(self) -> float:
        """How often the Web Connector is expected (overdue after twice this)."""
        if self.overdue_after_seconds is not None:
            return self.overdue_after_seconds / 2
        return self.run_every_minutes * 60

    @property
    def app_url(self) -> str:
        return self.public_url.rstrip("/") + self.soap_path
