"""A mail catcher: a real SMTP server on loopback (aiosmtpd) that keeps every message it
receives as an .eml file in a folder, for `make run` (so a newcomer sees the alert e-mails) and
for the tests (which read what arrived). It can be told to refuse mail, as a broken server
would, and stopped and started again on the same port."""

from __future__ import annotations

import email
import email.policy
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from cobalt_devstack.processes import free_port


class _Keeper:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.refusing = False

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refusing:
            return "451 4.3.0 mailbox temporarily unavailable (the catcher refuses mail)"
        data = envelope.original_content or b""
        name = f"{time.time_ns()}-{len(list(self.folder.glob('*.eml'))):05d}.eml"
        (self.folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
        return "250 OK kept"


class MailCatcher:
    """An SMTP server on 127.0.0.1 writing what it receives to `folder`."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self._keeper = _Keeper(folder)
        self._controller: Controller | None = None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def start(self) -> MailCatcher:
        self._controller = Controller(self._keeper, hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse(self, refusing: bool = True) -> None:
        """Answer every message with a temporary failure (451), as a broken server would."""
        self._keeper.refusing = refusing

    def messages(self) -> list[EmailMessage]:
        """Every message received so far, oldest first."""
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            parsed: Any = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            found.append(parsed)
        return found

    def wait_for(
        self, check: Callable[[list[EmailMessage]], bool], timeout: float = 60
    ) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while True:
            messages = self.messages()
            if check(messages):
                return messages
            if time.monotonic() > deadline:
                subjects = [m["Subject"] for m in messages]
                raise AssertionError(f"timed out waiting for mail; received: {subjects}")
            time.sleep(0.2)

    def __enter__(self) -> MailCatcher:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return str(part.get_content()) if part is not None else ""
