"""The whole product on one machine: a private NATS server and every service's API and worker."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from cobalt_devstack import signin
from cobalt_devstack.mail import MailCatcher
from cobalt_devstack.nats import NatsServer
from cobalt_devstack.processes import (
    child_env,
    free_port,
    port_holder,
    spawn,
    stop,
    wait_for_port,
)
from cobalt_devstack.services import MAIL_PORT, SERVICES, WEB_PORT, ServiceDef
from cobalt_devstack.supervisor import Unit
from cobalt_shared.db.migrations import sqlite_is_current

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


def _current(service: ServiceDef, database_url: str) -> bool:
    """The service's SQLite database is at its newest migration already."""
    spec = importlib.util.find_spec(service.module)  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        return False
    migrations = Path(next(iter(spec.submodule_search_locations))) / "migrations"
    return migrations.is_dir() and sqlite_is_current(migrations, database_url)


class Stack:
    """Starts NATS, migrates every database, starts every API and worker; stops them all."""

    def __init__(
        self,
        data_dir: Path,
        *,
        services: Sequence[ServiceDef] = SERVICES,
        database_urls: dict[str, str] | None = None,
        nats_url: str | None = None,
        nats_urls: dict[str, str] | None = None,
        fixed_ports: bool = True,
        extra_env: dict[str, str] | None = None,
        progress: Progress = lambda _msg: None,
        mail: bool | None = None,
        combined: bool = False,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.services = list(services)
        self.database_urls = database_urls or {}
        self.nats_url = nats_url
        self.nats_urls = nats_urls or {}  # per service (its own NATS user), over nats_url
        self.fixed_ports = fixed_ports
        self.extra_env = extra_env or {}
        self.progress = progress
        self.nats: NatsServer | None = None
        self.running: dict[str, RunningService] = {}
        self.log_dir = self.data_dir / "logs"
        self.web_url: str | None = None
        self._web: subprocess.Popen[bytes] | None = None
        self._web_args: list[str] = []
        self._ports: set[int] = set()  # every port given to a process of this stack
        self._web_port: int | None = None
        self.signin_dir = self.data_dir / "signin"
        self._instances: dict[int, str] = {}  # pid -> the instance id it was started with
        # The whole product sends alert e-mails: to a mail catcher (a folder of .eml files).
        self.mail: MailCatcher | None = None
        self._with_mail = mail  # None: when the whole product runs
        # combined: every service's API and worker share one process (cobalt_devstack.together),
        # each on its own port, as `make run` runs them; otherwise a process each, as deployed.
        self.combined = combined

    def database_url(self, service: ServiceDef) -> str:
        default = f"sqlite+aiosqlite:///{self.data_dir / 'data' / (service.name + '.db')}"
        return self.database_urls.get(service.name, default)

    def _port(self, preferred: int) -> int:
        """A free port (`preferred` when it can be), never one given to another of ours."""
        port = free_port(preferred if self.fixed_ports else None, avoid=self._ports)
        self._ports.add(port)
        return port

    def _env(self, service: ServiceDef, api_port: int, worker_port: int) -> dict[str, str]:
        p = service.env_prefix
        nats_url = self.nats_urls.get(service.name, self.nats_url)
        assert nats_url is not None
        return child_env(
            {
                "COBALT_INSTANCE_ID": uuid.uuid4().hex[:12],
                f"{p}DATABASE_URL": self.database_url(service),
                f"{p}NATS_URL": nats_url,
                f"{p}HTTP_PORT": str(api_port),
                f"{p}WORKER_PORT": str(worker_port),
                # Where the Web Connector reaches the gateway (others ignore it).
                f"{p}PUBLIC_URL": f"http://localhost:{api_port}",
                **self._signin_env(p),
                **self._mail_env(p),
                **self.extra_env,
            }
        )

    @property
    def whole(self) -> bool:
        """Every service runs: the web front end (and its sign-in) comes with them."""
        return {s.name for s in SERVICES} <= {s.name for s in self.services}

    def _signin_env(self, prefix: str) -> dict[str, str]:
        """The services accept the development sign-in's tokens (its issuer is the web's)."""
        if self._web_port is None:
            return {}
        return {
            f"{prefix}OIDC_ISSUER": self.issuer,
            f"{prefix}OIDC_JWKS_URL": f"http://127.0.0.1:{self._web_port}/signin/jwks.json",
        }

    def _mail_env(self, prefix: str) -> dict[str, str]:
        """Alert e-mails go to the stack's mail catcher, with links to its web app."""
        if self.mail is None:
            return {}
        env = {f"{prefix}SMTP_HOST": self.mail.host, f"{prefix}SMTP_PORT": str(self.mail.port)}
        if self.web_url:
            env[f"{prefix}WEB_APP_URL"] = self.web_url
        return env

    @property
    def issuer(self) -> str:
        return f"http://localhost:{self._web_port}/signin"

    def add_signin(
        self, *, username: str, password: str, merchant_id: uuid.UUID, name: str, store: str
    ) -> None:
        """Someone who may sign in to the web app through the development sign-in."""
        signin.add_account(
            self.signin_dir / "accounts.json",
            username=username,
            password=password,
            merchant_id=merchant_id,
            name=name,
            store=store,
        )

    def start(self, timeout: float = 90.0) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        if self.whole:
            self._web_port = self._port(WEB_PORT)
            self.web_url = f"http://localhost:{self._web_port}"
        if self._with_mail or (self._with_mail is None and self.whole):
            self.mail = MailCatcher(self.data_dir / "mail", port=self._port(MAIL_PORT))
        try:
            if self.mail is not None:
                self.mail.start()
            self._start_nats()
            self._migrate()
            self._start_services(timeout)
            self._start_web(timeout)
        except BaseException:
            self.stop()
            raise

    def _start_nats(self) -> None:
        if self.nats_url is not None or self.nats_urls:
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
            if _current(service, self.database_url(service)):  # no process to start for nothing
                return service, subprocess.CompletedProcess([], 0)
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
            self.running[service.name] = running
            if not self.combined:
                running.procs.extend(self.spawn_part(service.name, p) for p in ("api", "worker"))
            del env
        if self.combined:
            self.spawn_together()
        self.progress("waiting for every service to be ready")
        deadline = time.monotonic() + timeout
        for running in self.running.values():
            for part, url in (("api", running.api_url), ("worker", running.worker_url)):
                proc = running.procs[self._index(part)]
                name = f"{running.definition.name} {part}"
                self._wait_listening(url, deadline, proc, name)
                self._wait_ready(url, deadline, proc, name)

    def _index(self, part: str) -> int:
        """Which of a service's processes runs `part` ("api" or "worker")."""
        return 0 if self.combined else ("api", "worker").index(part)

    def spawn_together(self) -> subprocess.Popen[bytes]:
        """Start the one process of every service (combined), without waiting for it."""
        env: dict[str, str] = {}
        for running in self.running.values():
            api_port = int(running.api_url.rsplit(":", 1)[1])
            worker_port = int(running.worker_url.rsplit(":", 1)[1])
            env.update(self._env(running.definition, api_port, worker_port))
        proc = spawn(
            [sys.executable, "-m", "cobalt_devstack.together", *self.running],
            env=env,
            log_path=self.log_dir / "services.log",
        )
        self._instances[proc.pid] = env["COBALT_INSTANCE_ID"]
        for running in self.running.values():
            running.procs[:] = [proc]
        return proc

    def spawn_part(self, name: str, part: str) -> subprocess.Popen[bytes]:
        """Start one service process on its ports, without waiting for it (a new instance id:
        readiness proves it reached this very process)."""
        running = self.running[name]
        service = running.definition
        api_port = int(running.api_url.rsplit(":", 1)[1])
        worker_port = int(running.worker_url.rsplit(":", 1)[1])
        env = self._env(service, api_port, worker_port)
        proc = spawn(
            [sys.executable, "-m", service.module, part],
            env=env,
            log_path=self.log_dir / f"{service.name}-{part}.log",
        )
        self._instances[proc.pid] = env["COBALT_INSTANCE_ID"]
        return proc

    def _wait_listening(
        self, url: str, deadline: float, proc: subprocess.Popen[bytes], name: str
    ) -> None:
        port = int(url.rsplit(":", 1)[1])
        try:
            wait_for_port(port, max(deadline - time.monotonic(), 0.1), proc)
        except RuntimeError:
            holder = port_holder(port)
            if holder is None:
                raise RuntimeError(
                    f"{name} exited with code {proc.returncode} before listening on "
                    f"127.0.0.1:{port}; see {self.log_dir / (name.replace(' ', '-') + '.log')}"
                ) from None
            raise RuntimeError(
                f"{name} could not listen on 127.0.0.1:{port}: it is held by {holder}. Stop "
                "that process, or run this copy with another data folder and ports."
            ) from None

    def _start_web(self, timeout: float) -> None:
        """The web front end, its sign-in and every API under one origin (only with the whole
        product)."""
        port = self._web_port
        if port is None:
            return
        self.progress(f"starting the web front end on :{port}")
        upstreams = [f"--upstream={n}={r.api_url}" for n, r in self.running.items()]
        self._web_args = ["-m", "cobalt_devstack.web", f"--port={port}", *upstreams]
        self._web_args += [f"--signin-dir={self.signin_dir}", f"--issuer={self.issuer}"]
        self._web = self.spawn_web()
        self._wait_listening(
            f"http://127.0.0.1:{port}", time.monotonic() + timeout, self._web, "web front end"
        )

    def spawn_web(self) -> subprocess.Popen[bytes]:
        self._web = spawn(
            [sys.executable, *self._web_args], env=child_env({}), log_path=self.log_dir / "web.log"
        )
        return self._web

    def supervised(self) -> list[Unit]:
        """Every process of the stack, as the supervisor restarts them."""
        units = []
        if self.nats is not None and (server := self.nats.process) is not None:
            units.append(Unit("NATS server", self.nats.spawn, self.nats.log_path, server))
        if self.combined and self.running:
            proc = next(iter(self.running.values())).procs[0]
            log = self.log_dir / "services.log"
            units.append(Unit("services", self.spawn_together, log, proc))
        separate = {} if self.combined else self.running
        for name, running in separate.items():
            for index, part in enumerate(("api", "worker")):

                def again(
                    name: str = name, part: str = part, index: int = index
                ) -> subprocess.Popen[bytes]:
                    proc = self.spawn_part(name, part)
                    self.running[name].procs[index] = proc
                    return proc

                log = self.log_dir / f"{name}-{part}.log"
                units.append(Unit(f"{name} {part}", again, log, running.procs[index]))
        if self._web is not None:
            units.append(Unit("web front end", self.spawn_web, self.log_dir / "web.log", self._web))
        return units

    def _wait_ready(
        self, url: str, deadline: float, proc: subprocess.Popen[bytes], name: str
    ) -> None:
        last = ""
        expected = self._instances.get(proc.pid)
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with code {proc.returncode}; see {self.log_dir}")
            try:
                response = httpx.get(f"{url}/readyz", timeout=2)
                answered = response.json().get("instance") if response.content else None
                if expected is not None and answered != expected:
                    port = url.rsplit(":", 1)[1]
                    raise RuntimeError(
                        f"{name}: another process answers on port {port} "
                        f"({port_holder(int(port)) or 'unknown'}), not the one just started"
                    )
                if response.status_code == 200:
                    return
                last = response.text
            except httpx.HTTPError as exc:
                last = str(exc)
            time.sleep(0.1)
        raise TimeoutError(f"{name} at {url} was not ready in time: {last}")

    def kill(self, name: str, part: str) -> None:
        """SIGKILL one service process (no chance to finish or clean up), as a crash would."""
        proc = self.running[name].procs[self._index(part)]
        proc.kill()
        proc.wait(10)

    def restart(self, name: str, part: str, timeout: float = 60.0) -> None:
        """Start a stopped or killed service process again on the same port and database."""
        if self.combined:
            raise RuntimeError("a combined stack restarts all its services at once")
        running = self.running[name]
        index = self._index(part)
        stop(running.procs[index])
        running.procs[index] = self.spawn_part(name, part)
        url = running.api_url if part == "api" else running.worker_url
        deadline = time.monotonic() + timeout
        self._wait_listening(url, deadline, running.procs[index], f"{name} {part}")
        self._wait_ready(url, deadline, running.procs[index], name)

    def add_instance(self, name: str, part: str, timeout: float = 60.0) -> str:
        """Start one more instance of a service's API or worker (same database, same NATS
        durables), as scaling out does; returns its URL."""
        running = self.running[name]
        service = running.definition
        port = free_port(avoid=self._ports)
        self._ports.add(port)
        api_port = port if part == "api" else int(running.api_url.rsplit(":", 1)[1])
        worker_port = port if part == "worker" else int(running.worker_url.rsplit(":", 1)[1])
        n = len(running.extra) + 2
        env = self._env(service, api_port, worker_port)
        proc = spawn(
            [sys.executable, "-m", service.module, part],
            env=env,
            log_path=self.log_dir / f"{service.name}-{part}-{n}.log",
        )
        self._instances[proc.pid] = env["COBALT_INSTANCE_ID"]
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

    def pids(self) -> list[int]:
        pids = list(dict.fromkeys(p.pid for r in self.running.values() for p in r.all_procs()))
        if self._web is not None:
            pids.append(self._web.pid)
        if self.nats is not None and self.nats.pid is not None:
            pids.append(self.nats.pid)
        return pids

    def stop(self) -> None:
        """Stop services first (so they finish their work), then NATS."""
        procs = list({id(p): p for r in self.running.values() for p in r.all_procs()}.values())
        if self._web is not None:
            procs.append(self._web)
            self._web = None
        with ThreadPoolExecutor(max_workers=max(len(procs), 1)) as pool:
            list(pool.map(stop, procs))
        self.running.clear()
        if self.nats is not None:
            self.nats.stop()
            self.nats = None
        if self.mail is not None:
            self.mail.stop()
