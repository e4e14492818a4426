"""Stopping background tasks for good.

A single `task.cancel()` is not always enough: on Python 3.11 a cancellation that lands as an
awaited operation completes is lost inside `asyncio.wait_for` (the operation's result or error
is returned instead), and a loop that retries on errors then runs on. nats-py's connect and
fetch go through `wait_for`, so a worker stopped while its NATS server is gone can keep such a
task alive, and the event loop's own shutdown then waits on it for ever. So: cancel again until
the task ends, within a bound.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

log = logging.getLogger(__name__)

RECANCEL_EVERY = 0.1  # seconds between cancellations of a task that is still running


async def stop_tasks(tasks: Iterable[asyncio.Task[Any]], timeout: float) -> list[asyncio.Task[Any]]:
    """Cancel `tasks` until each has ended, for at most `timeout` seconds; log and return the
    ones still running then."""
    running = {task for task in tasks if not task.done()}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while running:
        left = deadline - loop.time()
        if left <= 0:
            break
        for task in running:
            task.cancel()
        _, pending = await asyncio.wait(running, timeout=min(RECANCEL_EVERY, left))
        running = pending
    for task in running:
        log.error("task %s did not stop within %.0fs", task.get_name(), timeout)
    return sorted(running, key=lambda task: task.get_name())
