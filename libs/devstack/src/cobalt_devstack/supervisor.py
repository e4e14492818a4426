"""Keeping the embedded stack up, as compose and Kubernetes do: a process that exits is started
again with a growing delay, the console says which, how it ended and the end of its log, and
only a crash loop stops everything.

`tick()` runs on the launcher's main thread, which lives as long as the stack: every child is
spawned with PR_SET_PDEATHSIG, which fires when the *thread* that started it exits, so a child
restarted from a short-lived thread would be killed moments later.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Say = Callable[[str], None]


@dataclass
class Unit:
    """One supervised process: how to start it, and where it writes its log."""

    label: str
    start: Callable[[], subprocess.Popen[bytes]]
    log_path: Path | None
    proc: subprocess.Popen[bytes]
    crashes: deque[float] = field(default_factory=deque)
    restart_at: float | None = None
    started_at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Policy:
    first_delay: float = 1.0
    max_delay: float = 30.0
    crash_loop: int = 5  # exits within `window` seconds that mean a crash loop
    window: float = 120.0


class CrashLoop(RuntimeError):
    """A process keeps exiting: the message says which and where its log is."""


class Supervisor:
    def __init__(
        self,
        units: list[Unit],
        say: Say,
        policy: Policy = Policy(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.units = units
        self.say = say
        self.policy = policy
        self.clock = clock

    def tick(self) -> None:
        """Notice exits, restart what is due; CrashLoop when one keeps exiting."""
        now = self.clock()
        for unit in self.units:
            if unit.restart_at is not None:
                if now >= unit.restart_at:
                    unit.proc = unit.start()
                    unit.restart_at, unit.started_at = None, now
                    self.say(f"{unit.label} started again (pid {unit.proc.pid})")
                continue
            code = unit.proc.poll()
            if code is None:
                continue
            self._exited(unit, code, now)

    def _exited(self, unit: Unit, code: int, now: float) -> None:
        policy = self.policy
        unit.crashes.append(now)
        while unit.crashes and now - unit.crashes[0] > policy.window:
            unit.crashes.popleft()
        tail = last_lines(unit.log_path)
        where = f"; its log: {unit.log_path}" if unit.log_path else ""
        if len(unit.crashes) >= policy.crash_loop:
            raise CrashLoop(
                f"{unit.label} keeps exiting ({len(unit.crashes)} times in "
                f"{policy.window:.0f} s, last {describe(code)}){where}\n{tail}"
            )
        delay = min(policy.first_delay * 2 ** (len(unit.crashes) - 1), policy.max_delay)
        unit.restart_at = now + delay
        self.say(f"{unit.label} exited ({describe(code)}); starting it again in {delay:g} s{where}")
        if tail:
            self.say("its last lines:\n" + tail)


def describe(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def last_lines(path: Path | None, count: int = 8) -> str:
    if path is None or not path.exists():
        return ""
    with path.open("rb") as log:
        log.seek(max(0, path.stat().st_size - 8192))
        lines = log.read().decode(errors="replace").splitlines()[-count:]
    return "\n".join(f"    {line[:300]}" for line in lines)
