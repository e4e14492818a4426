"""The web app is typed against the services as they are: the committed OpenAPI documents
(web/openapi/) equal what each service publishes now, and the committed TypeScript types and
rules (web/src/api/) equal what the generator makes from them. `make api-types` refreshes both."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cobalt_devstack import frontend
from cobalt_devstack.services import SERVICES, openapi_documents

WEB = frontend.WEB


def test_the_committed_openapi_documents_are_the_services_own():
    current = openapi_documents()
    for service in SERVICES:
        committed = json.loads((WEB / "openapi" / f"{service.name}.json").read_text())
        assert committed == current[service.name], (
            f"web/openapi/{service.name}.json differs from the {service.name} service's "
            "OpenAPI document: run `make api-types` and rebuild the app"
        )


@pytest.mark.slow
def test_the_committed_api_types_are_generated_from_those_documents(tmp_path: Path):
    frontend.install(say=False)
    script = WEB / "scripts" / "api-types.mjs"
    node = frontend.node_dir() / "bin" / "node"
    subprocess.run(
        [str(node), str(script), str(WEB / "openapi"), str(tmp_path)],
        cwd=WEB,
        env=frontend.node_env(),
        check=True,
    )
    generated = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (WEB / "src" / "api").iterdir() if p.name != "client.ts")
    assert generated == committed
    for name in generated:
        assert (tmp_path / name).read_text() == (WEB / "src" / "api" / name).read_text(), (
            f"web/src/api/{name} is not what the generator makes: run `make api-types`"
        )
