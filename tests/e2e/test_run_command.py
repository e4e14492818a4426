"""`make run`'s launcher: starts everything, keeps data across restarts, Ctrl-C leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from cobalt_devstack import signin
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _start(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], list[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cobalt_devstack.run", "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={
            **os.environ,
            "COBALT_DEMO_POLL_SECONDS": "2",
            "QBWC_GATEWAY_WAITING_ALERT_SECONDS": "3",  # the demo's first alert, soon
        },
    )
    lines: list[str] = []
    deadline = time.monotonic() + 150
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip())
        if "press Ctrl-C to stop" in line:
            return proc, lines
    proc.kill()
    raise AssertionError("launcher did not become ready:\n" + "\n".join(lines))


def _processes_using(marker: str) -> list[int]:
    """Pids whose command line or environment mentions `marker` (our data folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            blob = (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker.encode() in blob:
            found.append(int(entry.name))
    return found


def _interrupt(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    return out


def test_run_starts_everything_and_ctrl_c_stops_every_process(tmp_path):
    data_dir = tmp_path / "local"
    proc, lines = _start(data_dir, "--no-demo")
    try:
        text = "\n".join(lines)
        for title in ("Orders", "Payables", "Chart of accounts", "QuickBooks gateway", "Reporting"):
            assert title in text
        api = next(line.split("API ")[1].split("/docs")[0] for line in lines if "Orders " in line)
        soap = next(line.split("service: ")[1].split()[0] for line in lines if "SOAP" in line)
        assert httpx.get(soap, timeout=10).status_code == 200  # the Web Connector's URL
        wsdl = httpx.get(f"{soap}?wsdl", timeout=10).text
        assert f'location="{soap}"' in wsdl  # the advertised URL is where it really runs
        merchant = uuid.uuid4()
        token = TokenService(DEVELOPMENT_AUTH_SECRET).mint(
            subject="t", role=Role.MERCHANT, merchant_id=merchant
        )
        headers = {"Authorization": f"Bearer {token}"}
        order = {
            "vendor_name": "Acme",
            "invoice_number": "A-1",
            "order_date": "2026-11-20",
            "received_on": "2026-11-20",
            "lines": [{"category": "Beer", "quantity": "1", "unit_cost": "10.00"}],
        }
        created = httpx.post(f"{api}/orders", json=order, headers=headers, timeout=10)
        assert created.status_code == 201
        # One process runs every service's API and worker (each on its own port).
        [services] = [cmd for cmd in _commands(str(data_dir)) if "cobalt_devstack.together" in cmd]
        assert sorted(
            filter(None, services[services.index("cobalt_devstack.together") + 1 :])
        ) == sorted(("orders", "payables", "coa", "qbwc-gateway", "reporting"))
        assert not [cmd for cmd in _commands(str(data_dir)) if set(cmd) & set(SERVICE_MODULES)]
    finally:
        out = _interrupt(proc)
    assert proc.returncode == 0, out
    assert "stopped" in out
    assert _wait_gone(str(data_dir)), _processes_using(str(data_dir))

    # Data survives a restart.
    proc, lines = _start(data_dir, "--no-demo")
    try:
        api = next(line.split("API ")[1].split("/docs")[0] for line in lines if "Orders " in line)
        listed = httpx.get(f"{api}/orders", headers=headers, timeout=10).json()
        assert [o["invoice_number"] for o in listed] == ["A-1"]
    finally:
        _interrupt(proc)
    assert _wait_gone(str(data_dir)), _processes_using(str(data_dir))

    reset = subprocess.run(
        [sys.executable, "-m", "cobalt_devstack.run", "--data-dir", str(data_dir), "--reset"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert reset.returncode == 0
    assert not (data_dir / "data").exists()


def _wait_gone(marker: str) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not _processes_using(marker):
            return True
        time.sleep(0.2)
    return False


def test_the_default_run_shows_the_demo_working_end_to_end(tmp_path):
    """make run's default: Demo Liquors' seeded order becomes a bill in the simulated
    QuickBooks, seen through the public APIs; the printed sign-in opens the web front end."""
    data_dir = tmp_path / "local"
    proc, lines = _start(data_dir)
    try:
        text = "\n".join(lines)
        assert "demo: seeding vendors, received orders with credits" in text
        web = next(line.strip() for line in lines if line.strip().startswith("http://"))
        owner = next(line.split()[-1] for line in lines if "e-mail:" in line)
        password = next(line.split()[-1] for line in lines if "password:" in line)
        token = signin.sign_in_with_password(web, owner, password)
        headers = {"Authorization": f"Bearer {token}"}
        assert httpx.get(web, timeout=10).status_code == 200  # the pages
        deadline = time.monotonic() + 120
        bills: list[dict[str, str]] = []
        while time.monotonic() < deadline:  # through the public origin, as the browser does
            bills = httpx.get(f"{web}/bills", headers=headers, timeout=10).json()
            if any(b["invoice_number"] == "AB-1042" and b["state"] == "synced" for b in bills):
                break
            time.sleep(1)
        [bill] = [b for b in bills if b["invoice_number"] == "AB-1042"]
        assert bill["state"] == "synced", bills
        entries = httpx.get(f"{web}/entries", params={"kind": "bill"}, headers=headers,
                            timeout=10).json()  # fmt: skip
        waiting = [e for e in entries if e["state"] == "waiting for mapping"]
        assert waiting
        assert "purchases:snacks" in waiting[0]["detail"]
        inspect = subprocess.run(
            [sys.executable, "-m", "cobalt_qbsim.cli", "--company",
             str(data_dir / "qbsim" / "company.json"), "inspect"],
            capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        assert "AB-1042" in inspect.stdout
        assert bill["txn_id"]
        assert "Duplicates by ExternalGUID: none" in inspect.stdout
        # The unmapped Snacks account waited: the owner's alert is in the printed folder.
        folder = Path(next(line for line in lines if "alert e-mails:" in line).split()[-1])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(folder.glob("*.eml")):
            time.sleep(1)
        [alert, *_] = sorted(folder.glob("*.eml"))
        text = alert.read_text()
        assert "To: owner@demo-liquors.test" in text
        assert "purchases:snacks" in text
    finally:
        out = _interrupt(proc)
    assert proc.returncode == 0, out
    assert _wait_gone(str(data_dir)), _processes_using(str(data_dir))


SERVICE_MODULES = (
    "cobalt_orders",
    "cobalt_payables",
    "cobalt_coa",
    "cobalt_qbwc_gateway",
    "cobalt_reporting",
)


def _commands(marker: str) -> list[list[str]]:
    """The command line of every process of the run."""
    found = []
    for pid in _processes_using(marker):
        try:
            found.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0"))
        except OSError:
            continue
    return found


def _services_pid(marker: str) -> int:
    for pid in _processes_using(marker):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"cobalt_devstack.together" in cmdline:
            return pid
    raise AssertionError("no services process running")


def _read_until(proc: subprocess.Popen[str], text: str, timeout: float = 60) -> list[str]:
    assert proc.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line.rstrip())
        if text in line:
            return seen
    raise AssertionError(f"{text!r} not printed:\n" + "\n".join(seen))


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def test_a_killed_process_is_started_again_and_nats_syncs_every_write(tmp_path):
    data_dir = tmp_path / "local"
    proc, lines = _start(data_dir, "--no-demo")
    try:
        nats_line = next(line for line in lines if "NATS: nats://" in line)
        varz = nats_line.split("(monitoring ")[1].split(")")[0]
        jetstream = httpx.get(varz, timeout=10).json()["jetstream"]["config"]
        assert jetstream["sync_always"] is True  # every write on disk before it is acked

        worker = next(line for line in lines if "Payables " in line)
        worker_url = worker.split("AsyncAPI ")[1].split("/asyncapi")[0]
        # Locally every service's API and worker share one process: killing it stops all.
        os.kill(_services_pid(str(data_dir)), signal.SIGKILL)
        said = _read_until(proc, "services started again")
        assert any(
            "services exited (killed by SIGKILL); starting it again in 1 s" in line
            and "services.log" in line
            for line in said
        ), said
        deadline = time.monotonic() + 60
        while not _ready(worker_url):
            assert time.monotonic() < deadline, "the restarted worker never became ready"
            time.sleep(0.5)
        time.sleep(3)  # still alive a while later (not killed with a short-lived thread)
        assert httpx.get(f"{worker_url}/readyz", timeout=5).status_code == 200

        update = subprocess.run(
            [sys.executable, "-m", "cobalt_devstack.run", "--data-dir", str(data_dir), "--update"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert update.returncode == 1
        assert "there is no simulated Web Connector running" in update.stdout
        assert "Update Selected" in update.stdout
    finally:
        out = _interrupt(proc)
    assert proc.returncode == 0, out
    assert _wait_gone(str(data_dir)), _processes_using(str(data_dir))
