"""How long `make run` takes to be ready: a cold start (new data folder: migrations, demo
seeding) as the baseline, then warm starts with the data kept (median of --runs).

Run: .venv/bin/python tests/benchmarks/bench_start.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from figures import record

GOAL_SECONDS = 10.0


def start_once(data_dir: Path, settle: float = 0.0) -> tuple[float, float]:
    """(seconds from launching until it prints that it is ready, RSS in MB of every process
    of the stack `settle` seconds later, 0 when not measured); then Ctrl-C and wait."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cobalt_devstack.run", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COBALT_DEMO_POLL_SECONDS": "60"},
    )
    assert proc.stdout is not None
    ready = None
    for line in proc.stdout:
        if "press Ctrl-C to stop" in line:
            ready = time.monotonic() - started
            break
    rss = 0.0
    if ready is not None and settle:
        drain = threading.Thread(target=proc.stdout.read, daemon=True)  # never block its log
        drain.start()
        time.sleep(settle)
        rss = sum(_rss_mb(pid) for pid in _tree(proc.pid))
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    if ready is None:
        raise RuntimeError("the launcher never became ready")
    return ready, rss


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(runs: int, settle: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "local"
        cold, rss = start_once(data_dir, settle)
        warm = [start_once(data_dir)[0] for _ in range(runs)]
    median = statistics.median(warm)
    print(f"{'make run, to ready':<40} {'seconds':>8} {'vs cold':>8} {'goal':>6}")
    print(f"{'cold start (new data, baseline)':<40} {cold:>8.1f} {1:>7.2f}x")
    label = f"warm start, data kept (median of {runs})"
    print(f"{label:<40} {median:>8.1f} {median / cold:>7.2f}x {GOAL_SECONDS:>5.0f}s")
    print(f"whole stack RSS {settle:.0f} s after the demo was ready: {rss:,.0f} MB")
    record("warm_start_s", median)
    record("stack_rss_mb", rss)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=30.0, help="seconds before the RSS")
    args = parser.parse_args()
    main(args.runs, args.settle)
