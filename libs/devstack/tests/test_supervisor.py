"""The embedded stack's supervisor: restarts with a growing delay, says what happened, and
stops only on a crash loop."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cobalt_devstack.supervisor import CrashLoop, Policy, Supervisor, Unit


class FakeProcess:
    def __init__(self, code: int | None = None) -> None:
        self.code = code
        self.pid = 4242

    def poll(self) -> int | None:
        return self.code


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _unit(tmp_path: Path, started: list[FakeProcess]) -> Unit:
    log = tmp_path / "payables-worker.log"
    log.write_text("starting\nconsumers started\nsomething went very wrong\n")

    def start() -> subprocess.Popen[bytes]:
        started.append(FakeProcess())
        return started[-1]  # type: ignore[return-value]

    return Unit("payables worker", start, log, FakeProcess(-9))


def test_an_exited_process_is_restarted_with_a_growing_delay_and_the_console_says_why(tmp_path):
    said: list[str] = []
    started: list[FakeProcess] = []
    clock = Clock()
    unit = _unit(tmp_path, started)
    supervisor = Supervisor([unit], said.append, Policy(crash_loop=5, window=600), clock)
    supervisor.tick()
    assert said[0].startswith(
        "payables worker exited (killed by SIGKILL); starting it again in 1 s"
    )
    assert "payables-worker.log" in said[0]
    assert "something went very wrong" in said[1]  # the last lines of its log
    assert started == []
    clock.now += 1
    supervisor.tick()
    assert len(started) == 1
    assert said[-1] == "payables worker started again (pid 4242)"
    started[-1].code = 3
    supervisor.tick()
    assert "(exit code 3); starting it again in 2 s" in said[-2]


def test_a_crash_loop_stops_with_a_clear_message(tmp_path):
    started: list[FakeProcess] = []
    clock = Clock()
    unit = _unit(tmp_path, started)
    supervisor = Supervisor([unit], lambda _: None, Policy(crash_loop=3, window=60), clock)
    supervisor.tick()
    for _ in range(2):
        clock.now += 5
        supervisor.tick()  # started again
        started[-1].code = 1
        if len(started) == 2:
            with pytest.raises(CrashLoop, match=r"payables worker keeps exiting \(3 times in 60 s"):
                supervisor.tick()
            return
        supervisor.tick()
    raise AssertionError("no crash loop detected")


def test_exits_far_apart_are_not_a_crash_loop(tmp_path):
    started: list[FakeProcess] = []
    clock = Clock()
    unit = _unit(tmp_path, started)
    supervisor = Supervisor([unit], lambda _: None, Policy(crash_loop=2, window=60), clock)
    for _ in range(4):
        supervisor.tick()
        clock.now += 100  # each exit long after the last
        supervisor.tick()
        started[-1].code = 1
