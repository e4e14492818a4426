"""`python -m cobalt_coa api|worker|migrate`."""

from pathlib import Path

from cobalt_coa.app import create_api, create_worker
from cobalt_coa.config import Settings
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
