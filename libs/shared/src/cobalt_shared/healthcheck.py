"""`python -m cobalt_shared.healthcheck`: the container healthcheck of every service image.

An API container answers on its HTTP port, a worker on its worker port; the image does not
know which it runs, so this asks each port given in COBALT_HEALTH_PORTS (default 8000,8001)
and succeeds when one answers /healthz with 200.
"""

from __future__ import annotations

import os
import sys
import urllib.request


def main() -> int:
    for port in os.environ.get("COBALT_HEALTH_PORTS", "8000,8001").split(","):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port.strip()}/healthz", timeout=2) as r:
                if r.status == 200:
                    return 0
        except OSError:
            continue
    return 1


if __name__ == "__main__":
    sys.exit(main())
