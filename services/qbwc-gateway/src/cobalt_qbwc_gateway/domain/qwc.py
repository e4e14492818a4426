"""The .qwc file a merchant opens in the Web Connector to add CobaltConnect."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class QwcSettings:
    app_name: str
    app_url: str
    owner_id: str
    run_every_minutes: int


def render_qwc(settings: QwcSettings, *, merchant_label: str, user_name: str, file_id: str) -> str:
    """The .qwc XML: AppName unique per merchant, AppSupport on the AppURL's host."""
    support = settings.app_url.rsplit("/", 1)[0] + "/support"
    fields = [
        ("AppName", f"{settings.app_name} - {merchant_label}"),
        ("AppID", ""),
        ("AppURL", settings.app_url),
        ("AppDescription", f"{settings.app_name}: bills, payments, deposits and sales"),
        ("AppSupport", support),
        ("UserName", user_name),
        ("OwnerID", settings.owner_id),
        ("FileID", file_id),
        ("QBType", "QBFS"),
    ]
    body = "\n".join(f"  <{tag}>{escape(value)}</{tag}>" for tag, value in fields)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<QBWCXML>\n'
        f"{body}\n"
        f"  <Scheduler>\n    <RunEveryNMinutes>{settings.run_every_minutes}</RunEveryNMinutes>\n"
        "  </Scheduler>\n  <IsReadOnly>false</IsReadOnly>\n</QBWCXML>\n"
    )
