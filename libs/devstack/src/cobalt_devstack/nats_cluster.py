"""A three-node NATS JetStream cluster on loopback, from the production configuration
(deploy/nats/cluster.conf and its per-service users), for tests that need the real thing."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx

from cobalt_devstack.processes import free_port, spawn, stop, venv_binary

CONF = Path(__file__).resolve().parents[4] / "deploy" / "nats" / "cluster.conf"
USERS = ("ORDERS", "PAYABLES", "COA", "QBWC_GATEWAY", "REPORTING", "POS")
PASSWORD = "test-password-{}"  # noqa: S105 (throwaway clusters of tests)


def _env(name: str, ports: dict[str, int], cluster_ports: list[int], store: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "NATS_SERVER_NAME": name,
        "NATS_LISTEN": f"127.0.0.1:{ports['client']}",
        "NATS_HTTP": f"127.0.0.1:{ports['http']}",
        "NATS_STORE_DIR": str(store),
        "NATS_CLUSTER_LISTEN": f"127.0.0.1:{ports['cluster']}",
        "NATS_SYSTEM_PASSWORD": PASSWORD.format("sys"),
    }
    for i, port in enumerate(cluster_ports, 1):
        env[f"NATS_ROUTE_{i}"] = f"nats-route://127.0.0.1:{port}"
    for user in USERS:
        env[f"{user}_NATS_PASSWORD"] = PASSWORD.format(user.lower())
    return env


def _distinct_ports(nodes: int) -> list[dict[str, int]]:
    """Client, monitoring and route ports for each node, no two alike: the operating system may
    hand the same free port out twice when asked one at a time (seen: a node's route port was
    another's client port, and the cluster never formed)."""
    taken: set[int] = set()

    def port() -> int:
        chosen = free_port(avoid=taken)
        taken.add(chosen)
        return chosen

    return [{"client": port(), "http": port(), "cluster": port()} for _ in range(nodes)]


class Cluster:
    def __init__(self, tmp: Path) -> None:
        self.ports = _distinct_ports(3)
        cluster = [p["cluster"] for p in self.ports]
        self.envs = [_env(f"n{i + 1}", p, cluster, tmp / f"n{i + 1}")
                     for i, p in enumerate(self.ports)]  # fmt: skip
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.procs: list[subprocess.Popen[bytes] | None] = [None, None, None]

    def start(self) -> None:
        for i, env in enumerate(self.envs):
            self.procs[i] = spawn([venv_binary("nats-server"), "-c", str(CONF)], env=env,
                                  log_path=self.tmp / f"n{i + 1}.log")  # fmt: skip
        deadline = time.monotonic() + 120
        for port in self.ports:
            url = f"http://127.0.0.1:{port['http']}/healthz?js-enabled-only=true"
            while True:
                try:
                    if httpx.get(url, timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "the cluster did not come up"
                time.sleep(0.2)
        # Healthy nodes are not yet a cluster: wait until JetStream has elected its leader.
        for port in self.ports:
            url = f"http://127.0.0.1:{port['http']}/jsz"
            while not (httpx.get(url, timeout=2).json().get("meta_cluster") or {}).get("leader"):
                assert time.monotonic() < deadline, "JetStream elected no leader"
                time.sleep(0.2)

    def urls(self, user: str) -> list[str]:
        password = PASSWORD.format(user.replace("-", "_"))
        return [f"nats://{user}:{password}@127.0.0.1:{p['client']}" for p in self.ports]

    def restart(self, index: int, timeout: float = 60) -> None:
        """Start a killed node again (same store): it rejoins and catches up."""
        self.procs[index] = spawn(
            [venv_binary("nats-server"), "-c", str(CONF)],
            env=self.envs[index],
            log_path=self.tmp / f"n{index + 1}.log",
        )
        url = f"http://127.0.0.1:{self.ports[index]['http']}/healthz?js-enabled-only=true"
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the node did not come back"
            time.sleep(0.2)

    def kill(self, index: int) -> None:
        proc = self.procs[index]
        assert proc is not None
        proc.kill()
        proc.wait(10)

    def stop(self) -> None:
        for proc in self.procs:
            if proc is not None:
                stop(proc)
