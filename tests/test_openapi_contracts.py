"""The OpenAPI documents are honest: schemathesis generates requests from each service's
document (valid and invalid ones), calls the service and checks every answer against the same
document: no server error, every status code, content type, header and body as documented,
and nothing the document forbids accepted.

One check is left out: `positive_data_acceptance` (a schema-valid request must not get 422).
The products's rules that no JSON Schema can state (a vendor name as QuickBooks stores it,
totals that must match their lines, credits no larger than the order) refuse such requests
with a documented 422 naming the rule.
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from cobalt_devstack.services import SERVICES, ServiceDef
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
TOKENS = TokenService(DEVELOPMENT_AUTH_SECRET)
EXAMPLES = int(os.environ.get("COBALT_CONTRACT_EXAMPLES", "60"))
SUPPORT_PATHS = ("/connections/", "/dead-letters")


def _app(service: ServiceDef, folder: Path, nats_url: str) -> Any:
    config = importlib.import_module(f"{service.module}.config")
    package = importlib.import_module(service.module)
    assert package.__file__ is not None
    database_url = f"sqlite+aiosqlite:///{folder / service.name}.db"
    upgrade(Path(package.__file__).parent / "migrations", database_url)
    settings_ = config.Settings(database_url=database_url, nats_url=nats_url)
    return importlib.import_module(f"{service.module}.app").create_api(settings_)


def _headers(path: str, merchant: uuid.UUID) -> dict[str, str]:
    if path.startswith(SUPPORT_PATHS):
        token = TOKENS.mint(subject="contracts", role=Role.SUPPORT, merchant_id=None)
    else:
        token = TOKENS.mint(subject="contracts", role=Role.MERCHANT, merchant_id=merchant)
    return {"Authorization": f"Bearer {token}"}


def _check(operation: Any, merchant: uuid.UUID, findings: Counter[str]) -> int:
    """Call one operation with generated requests; findings counted; returns how many."""
    calls = 0

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: schemathesis.Case[Any]) -> None:
        nonlocal calls
        calls += 1
        try:
            case.call_and_validate(
                headers=_headers(case.path, merchant),
                excluded_checks=[schemathesis.checks.positive_data_acceptance],
            )
        except BaseException as exc:  # a FailureGroup: keep going, count it
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            first = str(exc).strip().splitlines()
            findings[f"{operation.label}: {' | '.join(first[:6])}"] += 1

    call()
    return calls


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_every_answer_is_as_documented(service, tmp_path, nats_server):
    app = _app(service, tmp_path, nats_server.url)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    merchant = uuid.uuid4()
    findings: Counter[str] = Counter()
    cases = sum(_check(r.ok(), merchant, findings) for r in schema.get_all_operations())
    print(f"\n{service.name}: {cases} generated requests, {len(findings)} findings")
    assert not findings, "\n".join(findings)
