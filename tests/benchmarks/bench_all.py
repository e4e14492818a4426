"""Every figure of the performance goals in one table: goal, median of N runs, ratio.

Run: make bench   (or .venv/bin/python tests/benchmarks/bench_all.py [--runs 3] [--only NAME])

Each benchmark runs as its own process, `--runs` times, each time with its own baseline
measured in the same run (raw JetStream, one request per round trip, Argon2 at every sign-in,
...), printing its own table; it also reports its goal figures (see figures.py). Then one
table: the median of the runs per figure and database, and the ratio to the goal (above 1
meets it). A database figure is measured on SQLite and, when it is reachable, PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from figures import FIGURES_FILE

HERE = Path(__file__).parent
POSTGRES = os.environ.get(
    "COBALT_BENCH_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


@dataclass(frozen=True)
class Goal:
    figure: str
    label: str
    target: float
    at_least: bool  # True: the figure must reach the target; False: stay under it
    unit: str

    def ratio(self, value: float) -> float:
        if value == 0:
            return float("inf") if not self.at_least else 0.0
        return value / self.target if self.at_least else self.target / value


GOALS = (
    Goal(
        "orders_to_bills_share",
        "orders -> bills queued, share of raw JetStream (batch API, stores not set up)",
        20,
        True,
        "%",
    ),
    Goal(
        "orders_to_bills_share_set_up",
        "the same, stores set up (accounts mapped: bills queued ready)",
        20,
        True,
        "%",
    ),
    Goal(
        "orders_to_bills_share_one_per_request",
        "the same, one order per request (no goal)",
        0,
        True,
        "%",
    ),
    Goal("order_to_bill_p99_ms", "p99 order -> bill queued at 50 orders/s", 100, False, "ms"),
    Goal("gateway_send_ms", "gateway time per 50-entry round trip, p50, send", 10, False, "ms"),
    Goal(
        "gateway_receive_ms", "gateway time per 50-entry round trip, p50, receive", 10, False, "ms"
    ),
    Goal(
        "gateway_cpu_ms",
        "the same, CPU of the gateway's loop, send + receive (no goal)",
        0,
        False,
        "ms",
    ),
    Goal(
        "gateway_backlog_ratio",
        "gateway CPU per set of 50, 5,000 waiting / 200 (no goal)",
        0,
        False,
        "x",
    ),
    Goal(
        "gateway_vendors_ratio",
        "gateway CPU per set of 50, 300 other vendors / none (no goal)",
        0,
        False,
        "x",
    ),
    Goal("round_trips_per_1000", "Web Connector round trips per 1,000 entries", 10, False, ""),
    Goal("sales_ingest_per_s", "sales ingest through the batch API", 5000, True, "/s"),
    Goal("close_5000_ms", "close of a 5,000-sale day that really closes", 100, False, "ms"),
    Goal(
        "merchants_closed_per_minute",
        "merchants closed in the minute their day ends",
        10_000,
        True,
        "/min",
    ),
    Goal(
        "idle_polls_per_core", "idle polls: merchants per gateway core at 10 min", 10_000, True, ""
    ),
    Goal(
        "idle_poll_history_ratio",
        "idle poll CPU, a store with a month of polls behind it / a new one (no goal)",
        0,
        False,
        "x",
    ),
    Goal("warm_start_s", "make run warm start (data kept) to ready", 10, False, "s"),
    Goal("stack_rss_mb", "whole embedded stack RSS after the demo settles", 700, False, "MB"),
    Goal("pipe_share", "outbox -> relay -> inbox, share of raw JetStream (no goal)", 0, True, "%"),
)

BENCHMARKS: dict[str, list[list[str]]] = {
    "payables": [["bench_payables.py", "--orders", "300", "--postgres", POSTGRES]],
    "gateway": [["bench_gateway.py", "--entries", "1000"]],
    "reporting": [
        ["bench_reporting.py"],
        ["bench_reporting.py", "--postgres", POSTGRES],
    ],
    "idle": [["bench_idle_polls.py", "--polls", "200"]],
    "start": [["bench_start.py", "--runs", "1"]],
    "pipe": [["bench_pipe.py", "--messages", "2000"]],
}


def run_all(runs: int, only: list[str]) -> dict[tuple[str, str], list[float]]:
    values: dict[tuple[str, str], list[float]] = {}
    for name, commands in BENCHMARKS.items():
        if only and name not in only:
            continue
        for command in commands:
            for i in range(runs):
                with tempfile.NamedTemporaryFile("r", suffix=".jsonl") as out:
                    print(f"\n== {' '.join(command)} (run {i + 1} of {runs})", flush=True)
                    started = time.monotonic()
                    subprocess.run(
                        [sys.executable, str(HERE / command[0]), *command[1:]],
                        env={**os.environ, FIGURES_FILE: out.name},
                        check=True,
                    )
                    print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
                    for line in out.read().splitlines():
                        item = json.loads(line)
                        values.setdefault((item["figure"], item["database"]), []).append(
                            float(item["value"])
                        )
    return values


def table(values: dict[tuple[str, str], list[float]], runs: int) -> None:
    print(
        f"\n{'figure':<58} {'database':<11} {'goal':>10} {f'median of {runs}':>13} {'ratio':>7}  runs"
    )
    for goal in GOALS:
        for (figure, database), measured in sorted(values.items()):
            if figure != goal.figure:
                continue
            median = statistics.median(measured)
            wanted = (
                "-"
                if not goal.target
                else f"{'>=' if goal.at_least else '<='} {goal.target:,.0f}{goal.unit}"
            )
            ratio = "-" if not goal.target else f"{goal.ratio(median):.2f}"
            runs_text = ", ".join(f"{v:,.1f}" for v in measured)
            print(
                f"{goal.label:<58} {database or '-':<11} {wanted:>10} {median:>12,.1f}{goal.unit:<1} {ratio:>7}  {runs_text}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", action="append", default=[], choices=sorted(BENCHMARKS))
    args = parser.parse_args()
    table(run_all(args.runs, args.only), args.runs)


if __name__ == "__main__":
    main()
