"""Sending alert e-mails over SMTP (plain, STARTTLS or implicit TLS, with or without a login).
The standard library's client runs in a thread; every failure becomes a MailError so the digest
waits and goes later."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from anyio import to_thread

from cobalt_qbwc_gateway.domain.alerts import Digest, MailError


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    security: str = "none"  # none, starttls or tls
    username: str = ""
    password: str = ""
    sender: str = "CobaltConnect <alerts@cobaltconnect.example>"
    timeout: float = 20


def message_of(digest: Digest, sender: str) -> EmailMessage:
    """The e-mail: its Message-ID is the digest's, so a receiver can tell a resend apart."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = digest.to
    message["Subject"] = digest.subject
    message["Date"] = format_datetime(digest.created_at)
    message["Message-ID"] = f"<{digest.id}@cobaltconnect>"
    message["X-CobaltConnect-Digest"] = str(digest.id)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(digest.body)
    return message


class SmtpMailer:
    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings

    async def send(self, digest: Digest) -> None:
        if not self._settings.host:
            raise MailError("no mail server is configured (QBWC_GATEWAY_SMTP_HOST)")
        await to_thread.run_sync(self._send, message_of(digest, self._settings.sender))

    def _send(self, message: EmailMessage) -> None:
        s = self._settings
        try:
            if s.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=ssl.create_default_context()
                )
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            with client:
                if s.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if s.username:
                    client.login(s.username, s.password)
                client.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise MailError(f"{type(exc).__name__}: {exc}") from exc
