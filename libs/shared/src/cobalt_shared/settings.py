"""Service settings: one pydantic-settings base, one environment prefix per service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar
from urllib.parse import unquote, urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]

# The development default; refused outside development like every other placeholder.
DEVELOPMENT_AUTH_SECRET = "dev-only-secret-change-me-in-production"  # noqa: S105
# Values that appear in examples and templates; a real deployment must replace them.
PLACEHOLDER_SECRETS = frozenset(
    {"", "changeme", "change-me", "changethis", "secret", "password", DEVELOPMENT_AUTH_SECRET}
)


def secret_problem(secret: str) -> str | None:
    """Why a signing secret is not good enough (a placeholder, too short, or a pattern)."""
    if secret.lower() in PLACEHOLDER_SECRETS:
        return "is a placeholder"
    if len(secret) < 32:
        return f"is {len(secret)} characters long"
    for period in range(1, 9):  # "aaaa...", "abcabc...", "password" repeated
        if secret == (secret[:period] * (len(secret) // period + 1))[: len(secret)]:
            return "is a short pattern repeated"
    if len(set(secret)) < 8:
        return f"uses only {len(set(secret))} different characters"
    return None


class ServiceSettings(BaseSettings):
    """Settings every service shares; a subclass sets `env_prefix` (for example `ORDERS_`)."""

    model_config = SettingsConfigDict(env_prefix="COBALT_", extra="ignore", frozen=True)

    # Settings a production deployment must set (the defaults suit only a developer's machine);
    # the deploy artifacts are checked against this list.
    PRODUCTION_REQUIRED: ClassVar[tuple[str, ...]] = (
        "environment", "auth_secret", "database_url", "nats_url", "http_host", "stream_replicas",
    )  # fmt: skip

    environment: Environment = Field("development", description="development, test or production")
    database_url: str = Field(
        "sqlite+aiosqlite:///.local/data/service.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    nats_url: str = Field(
        "nats://127.0.0.1:4222",
        description="NATS server URL, or several separated by commas (a cluster), each with the "
        "service's credentials when the server requires them: nats://user:password@host:4222",
    )
    stream_replicas: int = Field(1, ge=1, le=5, description="JetStream replicas for our streams")
    stream_storage: Literal["file", "memory"] = Field(
        "file", description="JetStream storage of our streams (memory only for throwaway setups)"
    )
    http_host: str = Field("127.0.0.1", description="address the HTTP server binds to")
    http_port: int = Field(8000, ge=1, le=65535, description="port of the HTTP API")
    forwarded_allow_ips: str = Field(
        "127.0.0.1",
        description="proxies whose X-Forwarded-For names the real client (comma-separated, or *)",
    )
    worker_port: int = Field(8001, ge=1, le=65535, description="port of the worker's health server")
    auth_secret: SecretStr = Field(
        SecretStr(DEVELOPMENT_AUTH_SECRET), description="HMAC key that signs bearer tokens"
    )
    token_issuer: str = Field("cobaltconnect", description="issuer of bearer tokens")
    token_max_hours_merchant: float = Field(
        24, gt=0, le=24 * 30, description="longest a merchant's sign-in may last (hours)"
    )
    token_max_hours_support: float = Field(
        12, gt=0, le=24 * 30, description="longest a support sign-in may last (hours)"
    )
    token_max_hours_service: float = Field(
        24 * 30, gt=0, le=24 * 365, description="longest a service token may last (hours)"
    )
    oidc_issuer: str | None = Field(
        None,
        description="OpenID Connect provider whose tokens are accepted (its issuer URL); "
        "unset: only HS256 tokens signed with the auth secret",
    )
    oidc_audience: str = Field(
        "cobaltconnect", description="audience the provider's tokens must name"
    )
    oidc_jwks_url: str | None = Field(
        None, description="the provider's JWKS URL (default: <issuer>/jwks.json)"
    )
    oidc_merchant_claim: str = Field(
        "merchant_id", description="claim of the provider's token holding the merchant id"
    )
    oidc_role_claim: str = Field(
        "role", description="claim holding the role (merchant when absent)"
    )
    oidc_name_claim: str = Field("name", description="claim holding the person's name")
    log_level: str = Field("INFO", description="root log level")
    relay_interval_seconds: float = Field(
        0.2, gt=0, le=60, description="how often the outbox relay looks for new rows"
    )
    max_deliveries: int = Field(
        5, ge=1, le=100, description="deliveries of a failing message before it is dead-lettered"
    )
    retention_hours: float = Field(
        168,
        ge=1,
        description="how long sent outbox rows and processed message ids are kept (at least an "
        "hour: past JetStream's duplicate window and redelivery)",
    )
    retention_interval_seconds: float = Field(
        3600, gt=0, description="how often the worker purges what is older than that"
    )

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> ServiceSettings:
        secret = self.auth_secret.get_secret_value()
        problem = secret_problem(secret)
        if self.environment != "development" and problem:
            prefix = self.model_config.get("env_prefix", "")
            raise ValueError(
                f"{prefix}AUTH_SECRET {problem}: outside development (environment is "
                f"{self.environment!r}) it must be a random value of at least 32 characters; "
                "generate one with `openssl rand -hex 32` or "
                "`python3 -c 'import secrets; print(secrets.token_hex(32))'`"
            )
        return self

    @field_validator("nats_url")
    @classmethod
    def _check_nats_servers(cls, value: str) -> str:
        nats_target(value)
        return value

    @property
    def nats(self) -> NatsTarget:
        """The NATS servers to try, in order, and the service's credentials for them."""
        return nats_target(self.nats_url)

    @property
    def service_name(self) -> str:
        """The service name derived from the prefix (ORDERS_ -> orders)."""
        return str(self.model_config.get("env_prefix", "")).rstrip("_").lower().replace("_", "-")


NATS_SCHEMES = ("nats", "tls", "ws", "wss")


def nats_servers(value: str) -> list[str]:
    """Split a NATS URL setting into servers; ValueError names the one that cannot be used."""
    servers = [part.strip() for part in value.split(",") if part.strip()]
    if not servers:
        raise ValueError("at least one NATS server URL is required")
    for server in servers:
        try:
            url = urlsplit(server)
            ok = url.scheme in NATS_SCHEMES and bool(url.hostname) and url.port is not None
        except ValueError:
            ok = False
        if not ok:
            raise ValueError(
                f"{redact(server)!r} is not a NATS server URL (like nats://host:4222, or "
                "nats://user:password@host:4222)"
            )
    return servers


@dataclass(frozen=True)
class NatsTarget:
    """Servers without credentials (as the client wants them) and the credentials apart, with
    any %-escapes in them decoded (a generated password may need them in a URL)."""

    servers: tuple[str, ...]
    user: str | None = None
    password: str | None = None


def nats_target(value: str) -> NatsTarget:
    servers, logins = [], set()
    for server in nats_servers(value):
        url = urlsplit(server)
        if url.username is not None:
            logins.add((unquote(url.username), unquote(url.password or "")))
        host = url.hostname or ""
        host = f"[{host}]" if ":" in host else host
        servers.append(url._replace(netloc=f"{host}:{url.port}").geturl())
    if len(logins) > 1:
        raise ValueError("every NATS server URL must carry the same user and password")
    user, password = next(iter(logins), (None, None))
    return NatsTarget(tuple(servers), user, password)


def redact(url: str) -> str:
    """A URL as it may be logged: any password replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("@")[-1]
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


class SettingsError(SystemExit):
    """Start-up refused: the message names each bad setting by its environment variable."""


S = TypeVar("S", bound=ServiceSettings)


def load_settings(cls: type[S]) -> S:
    """Build settings from the environment or exit with a message naming each bad setting."""
    try:
        return cls()
    except ValidationError as exc:
        prefix = str(cls.model_config.get("env_prefix", ""))
        lines = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            name = f"{prefix}{field}".upper() if field else "settings"
            lines.append(f"  {name}: {err['msg']}")
        raise SettingsError("Invalid settings:\n" + "\n".join(lines)) from None
