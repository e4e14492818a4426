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
import time
from pathlib import Path

GOAL_SECONDS = 10.0


def start_once(data_dir: Path) -> float:
    """Seconds from launching until it prints that it is ready; then Ctrl-C and wait."""
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
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    if ready is None:
        raise RuntimeError("the launcher never became ready")
    return ready


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "local"
        cold = start_once(data_dir)
        warm = [start_once(data_dir) for _ in range(runs)]
    median = statistics.median(warm)
    print(f"{'make run, to ready':<40} {'seconds':>8} {'vs cold':>8} {'goal':>6}")
    print(f"{'cold start (new data, baseline)':<40} {cold:>8.1f} {1:>7.2f}x")
    label = f"warm start, data kept (median of {runs})"
    print(f"{label:<40} {median:>8.1f} {median / cold:>7.2f}x {GOAL_SECONDS:>5.0f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    main(parser.parse_args().runs)
