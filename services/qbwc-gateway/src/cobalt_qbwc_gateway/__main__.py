"""`python -m cobalt_qbwc_gateway api|worker|migrate`."""

from pathlib import Path

from cobalt_qbwc_gateway.app import create_api, create_worker
from cobalt_qbwc_gateway.config import Settings
from cobalt_shared.cli import service_main

MIGRATIONS = Path(__file__).parent / "migrations"

if __name__ == "__main__":
    raise SystemExit(
        service_main(
            settings_cls=Settings,
            create_api=create_api,
            create_worker=create_worker,
            migrations=MIGRATIONS,
        )
    )
