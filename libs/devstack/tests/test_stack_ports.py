"""Another copy of the product on the machine: every process of ours gets its own port, and a
port taken by someone else is named with what holds it."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cobalt_devstack.services import SERVICE_BY_NAME
from cobalt_devstack.stack import Stack

pytestmark = pytest.mark.slow


class OtherCopy(BaseHTTPRequestHandler):
    """A process of another copy: answers /readyz as ready, with its own instance id."""

    def do_GET(self) -> None:
        body = json.dumps({"status": "ready", "checks": {}, "instance": "other-copy"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def other_copy_on_orders_api_port() -> Iterator[int]:
    port = SERVICE_BY_NAME["orders"].api_port
    server = ThreadingHTTPServer(("127.0.0.1", port), OtherCopy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield port
    server.shutdown()
    server.server_close()


def test_each_process_gets_its_own_port_beside_another_copy(
    tmp_path: Path, nats_server, other_copy_on_orders_api_port
):
    stack = Stack(tmp_path, services=[SERVICE_BY_NAME["orders"]], nats_url=nats_server.url)
    stack.start(timeout=60)
    try:
        running = stack.running["orders"]
        ports = {int(url.rsplit(":", 1)[1]) for url in (running.api_url, running.worker_url)}
        assert len(ports) == 2  # never the same port for the API and the worker
        assert other_copy_on_orders_api_port not in ports
    finally:
        stack.stop()


class StubbornStack(Stack):
    """A stack whose orders API is given a port someone else holds (as a race would)."""

    taken = 0

    def _port(self, preferred: int) -> int:
        if preferred == SERVICE_BY_NAME["orders"].api_port:
            return self.taken
        return super()._port(preferred)


def test_a_port_held_by_another_process_is_named_with_its_holder(
    tmp_path: Path, nats_server, other_copy_on_orders_api_port
):
    stack = StubbornStack(tmp_path, services=[SERVICE_BY_NAME["orders"]], nats_url=nats_server.url)
    stack.taken = other_copy_on_orders_api_port
    with pytest.raises(RuntimeError) as refused:
        stack.start(timeout=60)
    message = str(refused.value)
    assert f"port {other_copy_on_orders_api_port}" in message
    assert f"pid {os.getpid()}" in message  # this test's process holds it
