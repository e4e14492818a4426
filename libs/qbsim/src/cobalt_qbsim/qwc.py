"""Reading a .qwc file, as the Web Connector does when a user adds an application."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from cobalt_qbxml.safe_xml import UnsafeXml, parse

REQUIRED = ("AppName", "AppID", "AppURL", "AppDescription", "AppSupport", "UserName",
            "OwnerID", "FileID", "QBType")  # fmt: skip


class QwcError(ValueError):
    """The .qwc file would not load into the Web Connector; the message says why (QBWC code)."""


@dataclass(frozen=True)
class QwcFile:
    app_name: str
    app_url: str
    app_support: str
    user_name: str
    owner_id: str
    file_id: str
    qb_type: str
    run_every_minutes: int | None
    is_read_only: bool

    @classmethod
    def parse(cls, text: str | bytes) -> QwcFile:
        try:
            root = parse(text)
        except UnsafeXml as exc:
            raise QwcError(f"QBWC1039: the file is not valid XML ({exc})") from None
        if root.tag != "QBWCXML":
            raise QwcError("QBWC1039: the root element must be QBWCXML")
        missing = [tag for tag in REQUIRED if root.find(tag) is None]
        if missing:
            raise QwcError(f"QBWC1039: missing {', '.join(missing)}")
        values = {tag: (root.findtext(tag) or "").strip() for tag in REQUIRED}
        url = urlparse(values["AppURL"])
        if url.scheme != "https" and url.hostname != "localhost":
            raise QwcError("QBWC1010: AppURL must use https (plain http only for localhost)")
        support = urlparse(values["AppSupport"])
        if support.hostname != url.hostname:
            raise QwcError("QBWC1039: AppSupport must be on the same host as AppURL")
        for tag in ("OwnerID", "FileID"):
            if not (values[tag].startswith("{") and values[tag].endswith("}")):
                raise QwcError(f"QBWC1039: {tag} must be a GUID in braces")
        if values["QBType"] != "QBFS":
            raise QwcError("QBWC1039: QBType must be QBFS for QuickBooks Desktop")
        minutes = root.findtext("Scheduler/RunEveryNMinutes")
        return cls(
            app_name=values["AppName"],
            app_url=values["AppURL"],
            app_support=values["AppSupport"],
            user_name=values["UserName"],
            owner_id=values["OwnerID"],
            file_id=values["FileID"],
            qb_type=values["QBType"],
            run_every_minutes=int(minutes) if minutes and minutes.strip().isdigit() else None,
            is_read_only=(root.findtext("IsReadOnly") or "false").strip().lower() == "true",
        )
