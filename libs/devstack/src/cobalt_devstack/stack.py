"""The whole product on one machine: a private NATS server and every service's API and worker."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from cobalt_devstack.nats import NatsServer
from cobalt_devstack.processes import child_env, free_port, spawn, stop, wait_for_port
from cobalt_devstack.services import SERVICES, WEB_PORT, ServiceDef

DEFAULT_NATS_PORT = 4322  # not 4222: a system NATS server may already listen there

Progress = Callable[[str], None]


@dataclass
class RunningService:
    definition: ServiceDef
    api_url: str
    worker_url: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    # More instances of the API or the worker (scaled out): (part, url, process).
    extra: list[tuple[str, str, subprocess.Popen[bytes]]] = field(default_factory=list)

    def all_procs(self) -> list[subprocess.Popen[bytes]]:
        return [*self.procs, *(p for _, _, p in self.extra)]


class Stack:
    """Starts NATS, migrates every database, starts every API and worker; stops them all."""

    def __init__(
        self,
        data_dir: Path,
        *,
        services: Sequence[ServiceDef] = SERVICES,
        database_urls: dict[str, str] | None = None,
        nats_url: str | None = None,
        fixed_ports: bool = True,
        extra_env: dict[str, str] | None = None,
        progress: Progress = lambda _msg: None,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.services = list(services)
        self.database_urls = database_urls or {}
        self.nats_url = nats_url
        self.fixed_ports = fixed_ports
        self.extra_env = extra_env or {}
        self.progress = progress
        self.nats: NatsServer | None = None
        self.running: dict[str, RunningService] = {}
        self.log_dir = self.data_dir / "logs"
        self.web_url: str | None = None
        self._web: subprocess.Popen[bytes] | None = None

    def database_url(self, service: ServiceDef) -> str:
        default = f"sqlite+aiosqlite:///{self.data_dir / 'data' / (service.name + '.db')}"
        return self.database_urls.get(service.name, default)

    def _port(self, preferred: int) -> int:
        return free_port(preferred if self.fixed_ports else None)

    def _env(self, service: ServiceDef, api_port: int, worker_port: int) -> dict[str, str]:
        p = service.env_prefix
        assert self.nats_url is not None
        return child_env(
            {
                f"{p}DATABASE_URL": self.database_url(service),
                f"{p}NATS_URL": self.nats_url,
                f"{p}HTTP_PORT": str(api_port),
                f"{p}WORKER_PORT": str(worker_port),
                # Where the Web Connector reaches the gateway (others ignore it).
                f"{p}PUBLIC_URL": f"http://localhost:{api_port}",
                **self.extra_env,
            }
        )

    def start(self, timeout: float = 90.0) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._start_nats()
            self._migrate()
            self._start_services(timeout)
            self._start_web(timeout)
        except BaseException:
            self.stop()
            raise

    def _start_nats(self) -> None:
        if self.nats_url is not None:
            return
        port = self._port(DEFAULT_NATS_PORT)
        self.progress(f"starting NATS (JetStream) on 127.0.0.1:{port}")
        self.nats = NatsServer(
            self.data_dir / "nats", port=port, log_path=self.log_dir / "nats.log"
        ).start()
        self.nats_url = self.nats.url

    def _migrate(self) -> None:
        self.progress("applying database migrations: " + ", ".join(s.name for s in self.services))

        def migrate(service: ServiceDef) -> tuple[ServiceDef, subprocess.CompletedProcess[bytes]]:
            env = self._env(service, service.api_port, service.worker_port)
            done = subprocess.run(
                [sys.executable, "-m", service.module, "migrate"],
                env=env,
                capture_output=True,
                timeout=120,
                check=False,
            )
            return service, done

        with ThreadPoolExecutor(max_workers=len(self.services)) as pool:
            for service, done in pool.map(migrate, self.services):
                if done.returncode != 0:
                    detail = done.stderr.decode(errors="replace")[-2000:]
                    raise RuntimeError(f"migrations of {service.name} failed:\n{detail}")

    def _start_services(self, timeout: float) -> None:
        for service in self.services:
            api_port = self._port(service.api_port)
            worker_port = self._port(service.worker_port)
            env = self._env(service, api_port, worker_port)
            running = RunningService(
                service, f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{worker_port}"
            )
            self.progress(f"starting {service.name} (api :{api_port}, worker :{worker_port})")
            for part in ("api", "worker"):
                running.procs.append(
                    spawn(
                        [sys.executable, "-m", service.module, part],
                        env=env,
                        log_path=self.log_dir / f"{service.name}-{part}.log",
                    )
                )
            self.running[service.name] = running
        self.progress("waiting for every service to be ready")
        deadline = time.monotonic() + timeout
        for running in self.running.values():
            for url, proc in zip((running.api_url, running.worker_url), running.procs, strict=True):
                wait_for_port(int(url.rsplit(":", 1)[1]), deadline - time.monotonic(), proc)
                self._wait_ready(url, deadline, proc, running.definition.name)

    def _start_web(self, timeout: float) -> None:
        """The web front end and every API under one origin (only with the whole product)."""
        if not all(s.name in self.running for s in SERVICES):
            return
        port = self._port(WEB_PORT)
        self.progress(f"starting the web front end on :{port}")
        upstreams = [f"--upstream={n}={r.api_url}" for n, r in self.running.items()]
        self._web = spawn(
            [sys.executable, "-m", "cobalt_devstack.web", "--port", str(port), *upstreams],
            env=child_env({}), log_path=self.log_dir / "web.log",
        )  # fmt: skip
        wait_for_port(port, timeout, self._web)
        self.web_url = f"http://localhost:{port}"

    def _wait_ready(
        self, url: str, deadline: float, proc: subprocess.Popen[bytes], name: str
    ) -> None:
        last = ""
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with code {proc.returncode}; see {self.log_dir}")
            try:
                response = httpx.get(f"{url}/readyz", timeout=2)
                if response.status_code == 200:
                    return
                last = response.text
            except httpx.HTTPError as exc:
                last = str(exc)
            time.sleep(0.1)
        raise TimeoutError(f"{name} at {url} was not ready in time: {last}")

    def kill(self, name: str, part: str) -> None:
        """SIGKILL one service process (no chance to finish or clean up), as a crash would."""
        proc = self.running[name].procs[("api", "worker").index(part)]
        proc.kill()
        proc.wait(10)

    def restart(self, name: str, part: str, timeout: float = 60.0) -> None:
        """Start a stopped or killed service process again on the same port and database."""
        running = self.running[name]
        index = ("api", "worker").index(part)
        stop(running.procs[index])
        api_port = int(running.api_url.rsplit(":", 1)[1])
        worker_port = int(running.worker_url.rsplit(":", 1)[1])
        service = running.definition
        running.procs[index] = spawn(
            [sys.executable, "-m", service.module, part],
            env=self._env(service, api_port, worker_port),
            log_path=self.log_dir / f"{service.name}-{part}.log",
        )
        url = (running.api_url, running.worker_url)[index]
        deadline = time.monotonic() + timeout
        wait_for_port(api_port if part == "api" else worker_port, timeout, running.procs[index])
        self._wait_ready(url, deadline, running.procs[index], name)

    def add_instance(self, name: str, part: str, timeout: float = 60.0) -> str:
        """Start one more instance of a service's API or worker (same database, same NATS
        durables), as scaling out does; returns its URL."""
        running = self.running[name]
        service = running.definition
        port = free_port()
        api_port = port if part == "api" else int(running.api_url.rsplit(":", 1)[1])
        worker_port = port if part == "worker" else int(running.worker_url.rsplit(":", 1)[1])
        n = len(running.extra) + 2
        proc = spawn(
            [sys.executable, "-m", service.module, part],
            env=self._env(service, api_port, worker_port),
            log_path=self.log_dir / f"{service.name}-{part}-{n}.log",
        )
        url = f"http://127.0.0.1:{port}"
        running.extra.append((part, url, proc))
        wait_for_port(port, timeout, proc)
        self._wait_ready(url, time.monotonic() + timeout, proc, f"{name} {part} #{n}")
        return url

    def kill_instance(self, name: str, part: str, number: int = 0) -> None:
        """SIGKILL one scaled-out instance (the `number`th extra of that part)."""
        procs = [p for kind, _, p in self.running[name].extra if kind == part]
        procs[number].kill()
        procs[number].wait(10)

    def dead_processes(self) -> list[str]:
        """Names of service processes that exited on their own."""
        dead = []
        for running in self.running.values():
            for part, proc in zip(("api", "worker"), running.procs, strict=True):
                if proc.poll() is not None:
                    dead.append(f"{running.definition.name} {part} (exit code {proc.returncode})")
        if self._web is not None and self._web.poll() is not None:
            dead.append(f"web front end (exit code {self._web.returncode})")
        return dead

    def pids(self) -> list[int]:
        pids = [p.pid for r in self.running.values() for p in r.all_procs()]
        if self._web is not None:
            pids.append(self._web.pid)
        if self.nats is not None and self.nats.pid is not None:
            pids.append(self.nats.pid)
        return pids

    def stop(self) -> None:
        """Stop services first (so they finish their work), then NATS."""
        procs = [p for r in self.running.values() for p in r.all_procs()]
        if self._web is not None:
            procs.append(self._web)
            self._web = None
        with ThreadPoolExecutor(max_workers=max(len(procs), 1)) as pool:
            list(pool.map(stop, procs))
        self.running.clear()
        if self.nats is not None:
            self.nats.stop()
            self.nats = None
