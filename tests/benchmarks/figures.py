"""Figures a benchmark reports for `bench_all.py`'s table (`make bench`).

A benchmark prints its own table as before and also calls `record` for each figure that has a
goal; when `COBALT_BENCH_FIGURES` names a file, the figure is appended to it as a JSON line.
"""

from __future__ import annotations

import json
import os

FIGURES_FILE = "COBALT_BENCH_FIGURES"


def record(figure: str, value: float, database: str = "") -> None:
    """Report `figure` (as named in bench_all's goals) measured on `database` ("" if none)."""
    path = os.environ.get(FIGURES_FILE)
    if not path:
        return
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps({"figure": figure, "database": database, "value": value}) + "\n")
