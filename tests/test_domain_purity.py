"""Domain code stays pure all the way down: importing every service's domain modules (and
what they import in turn, our own libraries included) loads no framework, driver, I/O or
XML library. import-linter checks direct imports; this checks the whole chain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = [
    "sqlalchemy",
    "faststream",
    "fastapi",
    "starlette",
    "spyne",
    "lxml",
    "nats",
    "httpx",
    "pydantic",
    "alembic",
    "asyncpg",
    "aiosqlite",
]
PROBE = """
import importlib, json, pkgutil, sys
loaded = []
for service in ("orders", "payables", "coa", "qbwc_gateway", "reporting"):
    package = importlib.import_module(f"cobalt_{service}.domain")
    for info in pkgutil.iter_modules(package.__path__):
        loaded.append(importlib.import_module(f"{package.__name__}.{info.name}").__name__)
print(json.dumps({"modules": loaded, "loaded": sorted(sys.modules)}))
"""


def test_domain_modules_load_no_framework_even_indirectly():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    found = json.loads(out.stdout)
    assert "cobalt_qbwc_gateway.domain.translation" in found["modules"]
    heavy = [m for m in found["loaded"] if m.split(".")[0] in FORBIDDEN]
    assert heavy == []
