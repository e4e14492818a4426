"""A merchant's QuickBooks connection: who the Web Connector is and which company file."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from cobalt_qbwc_gateway.domain.signin import SignInRecord
from cobalt_shared.errors import InvalidInput

SUPPORTED_VERSIONS = ("13.0", "12.0", "11.0", "10.0", "9.0")


class ConnectionStatus(StrEnum):
    NOT_SET_UP = "not set up"
    WAITING_FOR_FIRST_CONTACT = "waiting for first contact"
    CONNECTED = "connected"
    ERROR = "error"


# How fine the last contact is kept: the Web Connector calls every 10 minutes by default and
# alerts look for hours of silence; a step of a session within this of the last noted contact
# does not write it again.
CONTACT_GRAIN = timedelta(seconds=60)


@dataclass(frozen=True)
class Connection:
    """What support sets up for a merchant; the password is only ever kept as a slow hash."""

    id: uuid.UUID
    merchant_id: uuid.UUID
    qbwc_user: str
    password_hash: str
    file_id: str
    start_date: date
    qbxml_version: str
    company_file: str | None
    created_at: datetime
    last_contact_at: datetime | None = None
    last_error: str | None = None
    signin: SignInRecord = field(default_factory=SignInRecord)
    contact_email: str | None = None  # where alerts go (support sets it; the merchant edits)

    @classmethod
    def set_up(
        cls,
        *,
        merchant_id: uuid.UUID,
        qbwc_user: str,
        password_hash: str,
        start_date: date,
        qbxml_version: str,
        company_file: str | None,
        now: datetime,
    ) -> Connection:
        return cls(
            id=uuid.uuid4(),
            merchant_id=merchant_id,
            qbwc_user=validate_user(qbwc_user),
            password_hash=password_hash,
            file_id="{" + str(uuid.uuid4()).upper() + "}",
            start_date=start_date,
            qbxml_version=validate_version(qbxml_version),
            company_file=validate_company_file(company_file),
            created_at=now,
        )

    def changed(
        self,
        *,
        qbwc_user: str,
        password_hash: str | None,
        start_date: date,
        qbxml_version: str,
        company_file: str | None,
    ) -> Connection:
        """The same connection (same FileID) with new settings; the hash only if rotated."""
        return replace(
            self,
            qbwc_user=validate_user(qbwc_user),
            password_hash=password_hash or self.password_hash,
            start_date=start_date,
            qbxml_version=validate_version(qbxml_version),
            company_file=validate_company_file(company_file),
        )

    def status(self) -> ConnectionStatus:
        if self.last_error:
            return ConnectionStatus.ERROR
        if self.last_contact_at is None:
            return ConnectionStatus.WAITING_FOR_FIRST_CONTACT
        return ConnectionStatus.CONNECTED

    def contact_due(self, now: datetime) -> bool:
        """The contact is worth writing down: never noted, or longer ago than CONTACT_GRAIN
        (a session of many steps writes it once, not at every step)."""
        return self.last_contact_at is None or now - self.last_contact_at >= CONTACT_GRAIN

    def overdue(self, now: datetime, run_every_minutes: int) -> bool:
        """The Web Connector has not called for more than twice its interval."""
        since = self.last_contact_at or self.created_at
        return now - since > timedelta(minutes=2 * run_every_minutes)


def validate_user(user: str) -> str:
    name = user.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise InvalidInput("Web Connector user name must be 1 to 64 characters without spaces")
    return name


def validate_password(password: str) -> str:
    if len(password) < 12:
        raise InvalidInput("Web Connector password must be at least 12 characters")
    if len(password) > 256:
        raise InvalidInput("Web Connector password must be at most 256 characters")
    return password


def validate_version(version: str) -> str:
    if version not in SUPPORTED_VERSIONS:
        raise InvalidInput(
            f"qbXML version must be one of {', '.join(SUPPORTED_VERSIONS)} (got {version!r})"
        )
    return version


def validate_company_file(path: str | None) -> str | None:
    if path is None or not path.strip():
        return None
    path = path.strip()
    if not path.lower().endswith(".qbw") or len(path) > 260:
        raise InvalidInput("company file must be a full path to a .QBW file (260 characters max)")
    return path
