"""`make run`: the whole product on the embedded default, until Ctrl-C."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from cobalt_devstack import frontend
from cobalt_devstack.demo import DEMO_MERCHANT, Demo
from cobalt_devstack.services import SERVICES
from cobalt_devstack.stack import Stack
from cobalt_devstack.supervisor import CrashLoop, Supervisor, Unit

DEFAULT_DATA_DIR = Path(".local")


def _say(message: str) -> None:
    print(f"[cobalt] {message}", flush=True)


def _pid_alive(pid_file: Path) -> int | None:
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def run(data_dir: Path, demo: bool = True, poll_seconds: float = 20.0) -> int:
    pid_file = data_dir / "run.pid"
    if (other := _pid_alive(pid_file)) is not None:
        _say(f"already running (pid {other}); stop it with Ctrl-C in its terminal first")
        return 1
    data_dir.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(str(os.getpid()))
    # Not a threading.Event: its set() takes a lock that the main thread may be holding
    # inside wait() when the signal arrives, and Ctrl-C then hung the launcher for good.
    stopping: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, _frame: stopping.append(signum))
    # The demo's alerts come soon: Snacks stays unmapped, and two minutes of waiting for a
    # mapping is enough to tell the merchant (a real store waits a day by default).
    quick = {
        "QBWC_GATEWAY_WAITING_ALERT_SECONDS": "120",
        "QBWC_GATEWAY_ALERT_WINDOW_SECONDS": "300",
        "QBWC_GATEWAY_MONITOR_SECONDS": "10",
    }
    settings = {k: os.environ.get(k, v) for k, v in quick.items()}  # the environment wins
    stack = Stack(data_dir, progress=_say, extra_env=settings if demo else None, combined=True)
    shown: Demo | None = None
    try:
        try:
            frontend.build()
        except SystemExit as exc:  # the product runs; the page says how to build the app
            _say(f"the web app could not be built: {exc}")
        stack.start()
        if demo:
            shown = Demo(stack, data_dir, poll_seconds, _say)
            shown.start()
        _print_urls(stack, shown)
        units = stack.supervised()
        if shown is not None and shown.proc is not None:
            log = stack.log_dir / "webconnector.log"
            units.append(
                Unit("simulated Web Connector", shown.spawn_web_connector, log, shown.proc)
            )
        supervisor = Supervisor(units, _say)
        while not stopping:
            time.sleep(0.5)
            try:
                supervisor.tick()
            except CrashLoop as exc:
                _say(f"stopping: {exc}")
                return 1
        return 0
    except Exception as exc:
        _say(f"could not start: {exc}")
        return 1
    finally:
        _say("stopping every process")
        if shown is not None:
            shown.stop()
        stack.stop()
        pid_file.unlink(missing_ok=True)
        _say("stopped; data kept in " + str(data_dir / "data") + " (make reset clears it)")


def _print_urls(stack: Stack, demo: Demo | None) -> None:
    print(flush=True)
    _say("CobaltConnect is running (embedded: SQLite + a private NATS server)")
    monitor = f" (monitoring {stack.nats.monitor_url}/varz)" if stack.nats else ""
    _say(f"NATS: {stack.nats_url}{monitor}   logs: {stack.log_dir}")
    for service in SERVICES:
        running = stack.running[service.name]
        _say(
            f"{service.title:<20} API {running.api_url}/docs   "
            f"AsyncAPI {running.worker_url}/asyncapi   health {running.api_url}/readyz"
        )
    gateway = stack.running["qbwc-gateway"].api_url.replace("127.0.0.1", "localhost")
    _say(f"Web Connector SOAP service: {gateway}/qbwc  (the .qwc: GET /connections/<id>/qwc)")
    if stack.mail is not None:
        _say(
            f"alert e-mails: a mail catcher (SMTP 127.0.0.1:{stack.mail.port}) keeps each one "
            f"as an .eml file in {stack.mail.folder}"
        )
    if demo is not None and stack.web_url:
        print(flush=True)
        _say("DEMO: Demo Liquors, a simulated QuickBooks company and a simulated Web Connector")
        _say(
            f"open the web app and sign in (development sign-in):\n\n    {stack.web_url}\n"
            f"    e-mail:   {demo.owner}\n    password: {demo.owner_password}\n"
        )
        _say(f"the demo .qwc: {demo.qwc}  (support API: GET /connections/{DEMO_MERCHANT}/qwc)")
        _say(f"force a Web Connector update: make update   (it updates every {demo.poll:g} s)")
        _say("look inside the simulated QuickBooks: make inspect")
    elif stack.web_url:
        _say(f"web app: {stack.web_url}  (development sign-in: add people with Stack.add_signin)")
        _say("no demo: connect a real QuickBooks Web Connector with a .qwc from the support API "
             "(see README, 'A real QuickBooks')")  # fmt: skip
    _say("sign in for API calls: .venv/bin/cobalt-token --merchant-id <uuid>  (Bearer token)")
    _say("press Ctrl-C to stop")
    print(flush=True)


def update(data_dir: Path) -> int:
    """`make update`: the demo's simulated Web Connector updates now ("Update Selected")."""
    pid = _pid_alive(data_dir / "demo" / "webconnector.pid")
    if pid is None or _pid_alive(data_dir / "run.pid") is None:
        _say(
            "there is no simulated Web Connector running to update: the product runs without "
            "the demo (make run DEMO=0), or is not running (make run). A real QuickBooks Web "
            "Connector updates by itself every few minutes; to update now, select the "
            "application in the Web Connector and press 'Update Selected'."
        )
        return 1
    os.kill(pid, signal.SIGUSR1)
    _say("update requested")
    return 0


def reset(data_dir: Path) -> int:
    if (other := _pid_alive(data_dir / "run.pid")) is not None:
        _say(f"refusing to reset while the product runs (pid {other}); stop it first")
        return 1
    for part in ("data", "nats", "logs", "demo", "qbsim", "signin"):
        shutil.rmtree(data_dir / part, ignore_errors=True)
    _say(f"local data cleared ({data_dir}/data, nats, logs)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run CobaltConnect locally.")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--reset", action="store_true", help="delete local data and exit")
    parser.add_argument(
        "--update", action="store_true", help="make the demo's Web Connector update now"
    )
    parser.add_argument("--no-demo", action="store_true",
                        help="no demo merchant, simulated QuickBooks or Web Connector")  # fmt: skip
    parser.add_argument("--poll-seconds", type=float,
                        default=float(os.environ.get("COBALT_DEMO_POLL_SECONDS", "20")),
                        help="seconds between simulated Web Connector updates")  # fmt: skip
    args = parser.parse_args(argv)
    if args.reset:
        return reset(args.data_dir)
    if args.update:
        return update(args.data_dir)
    return run(args.data_dir, demo=not args.no_demo, poll_seconds=args.poll_seconds)


if __name__ == "__main__":
    sys.exit(main())
