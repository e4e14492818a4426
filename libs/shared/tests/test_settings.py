import subprocess
import sys

import pytest
from pydantic_settings import SettingsConfigDict

from cobalt_shared.settings import ServiceSettings, SettingsError, load_settings


class DemoSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", extra="ignore", frozen=True)


def test_defaults_run_in_development(monkeypatch):
    monkeypatch.delenv("DEMO_ENVIRONMENT", raising=False)
    settings = load_settings(DemoSettings)
    assert settings.environment == "development"
    assert settings.service_name == "demo"


@pytest.mark.parametrize(
    ("secret", "why"),
    [
        ("changeme", "is a placeholder"),
        ("dev-only-secret-change-me-in-production", "is a placeholder"),
        ("short", "is 5 characters long"),
        ("x" * 40, "is a short pattern repeated"),
        ("abc123" * 8, "is a short pattern repeated"),
        ("password" * 5, "is a short pattern repeated"),
        ("aaaabbbbccccddddaaaabbbbccccdddd1", "uses only 5 different characters"),
    ],
)
def test_weak_secrets_are_refused_outside_development_saying_how_to_make_one(
    monkeypatch, secret, why
):
    monkeypatch.setenv("DEMO_ENVIRONMENT", "production")
    monkeypatch.setenv("DEMO_AUTH_SECRET", secret)
    with pytest.raises(SettingsError, match="DEMO_AUTH_SECRET") as refused:
        load_settings(DemoSettings)
    assert why in str(refused.value)
    assert "openssl rand -hex 32" in str(refused.value)


def test_real_secret_is_accepted_in_production(monkeypatch):
    monkeypatch.setenv("DEMO_ENVIRONMENT", "production")
    monkeypatch.setenv("DEMO_AUTH_SECRET", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c")
    assert load_settings(DemoSettings).environment == "production"


def test_bad_value_names_the_setting(monkeypatch):
    monkeypatch.setenv("DEMO_HTTP_PORT", "not-a-port")
    with pytest.raises(SettingsError, match="DEMO_HTTP_PORT"):
        load_settings(DemoSettings)


def test_service_refuses_to_start_with_invalid_settings_and_names_the_setting(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ORDERS_MAX_DELIVERIES": "0", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "cobalt_orders", "api"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "ORDERS_MAX_DELIVERIES" in done.stderr
