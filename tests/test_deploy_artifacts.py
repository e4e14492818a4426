"""The deploy artifacts (no Docker engine or cluster here): generated from one description and
up to date, Dockerfiles lint clean, the compose file matches the Compose specification, every
Kubernetes overlay renders and validates against the Kubernetes schemas, and every setting a
service needs in production is set everywhere it runs."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from cobalt_devstack.processes import venv_binary
from cobalt_devstack.services import SERVICES, ServiceDef

ROOT = Path(__file__).resolve().parents[1]
OVERLAYS = sorted(p.name for p in (ROOT / "deploy/k8s/overlays").iterdir())


def _generator() -> Any:
    sys.path.insert(0, str(ROOT / "deploy"))
    try:
        return importlib.import_module("generate")
    finally:
        sys.path.pop(0)


def _required(service: ServiceDef) -> set[str]:
    settings = importlib.import_module(f"{service.module}.config").Settings
    return {f"{service.env_prefix}{name.upper()}" for name in settings.PRODUCTION_REQUIRED}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return document


@pytest.fixture(scope="module", params=OVERLAYS)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kubectl = shutil.which("kubectl")
    assert kubectl, "kubectl is needed to render the manifests"
    done = subprocess.run([kubectl, "kustomize", str(ROOT / "deploy/k8s/overlays" / request.param)],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = tmp_path_factory.mktemp("k8s") / f"{request.param}.yaml"
    path.write_text(done.stdout)
    return path


def test_the_generated_files_are_up_to_date():
    stale = [p for p, text in _generator().all_files().items() if (ROOT / p).read_text() != text]
    assert stale == [], "run .venv/bin/python deploy/generate.py and commit the result"


def test_dockerfiles_pass_hadolint_and_compose_builds_each_from_the_root(compose):
    web = ROOT / "deploy/docker/web.Dockerfile"
    linted = subprocess.run([venv_binary("hadolint"), str(web)], capture_output=True, text=True,
                            timeout=60, check=False)  # fmt: skip
    assert linted.returncode == 0, linted.stdout
    for source in re.findall(r"^COPY (?!--from)(\S+)", web.read_text(), re.M):
        assert (ROOT / source).exists(), source
    for service in SERVICES:
        dockerfile = ROOT / "deploy/docker" / f"{service.name}.Dockerfile"
        linted = subprocess.run([venv_binary("hadolint"), str(dockerfile)], capture_output=True,
                                text=True, timeout=60, check=False)  # fmt: skip
        assert linted.returncode == 0, linted.stdout + linted.stderr
        text = dockerfile.read_text()
        assert "USER 10001" in text
        assert "HEALTHCHECK" in text
        assert "uv sync --frozen" in text
        build = compose["services"][f"{service.name}-migrate"]["build"]
        assert (ROOT / build["context"] / build["dockerfile"]).is_file()


def test_compose_matches_the_compose_specification():
    checked = subprocess.run(
        [venv_binary("check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
         str(ROOT / "docker-compose.yml")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_compose_runs_every_service_migrated_healthy_and_configured(compose, service):
    services = compose["services"]
    migrate, api, worker = (services[f"{service.name}-{p}"] for p in ("migrate", "api", "worker"))
    assert (migrate["command"], api["command"], worker["command"]) == (
        ["migrate"], ["api"], ["worker"]
    )  # fmt: skip
    for part in (migrate, api, worker):
        assert set(part["environment"]) >= _required(service)
        assert part["read_only"] is True
    env = api["environment"]
    assert ":?" in env[f"{service.env_prefix}AUTH_SECRET"]  # refuses to start without it
    assert env[f"{service.env_prefix}DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert env[f"{service.env_prefix}STREAM_REPLICAS"] == "3"
    assert env[f"{service.env_prefix}NATS_URL"].count("@nats-") == 3  # every cluster node
    for part in (api, worker):
        deps = part["depends_on"]
        assert deps[f"{service.name}-migrate"]["condition"] == "service_completed_successfully"
        assert all(deps[f"nats-{i}"]["condition"] == "service_healthy" for i in (1, 2, 3))
        assert "/readyz" in " ".join(part["healthcheck"]["test"])


def test_each_service_database_is_created(compose):
    sql = (ROOT / "deploy/postgres/init-databases.sql").read_text()
    for service in SERVICES:
        env = compose["services"][f"{service.name}-api"]["environment"]
        db = str(env[f"{service.env_prefix}DATABASE_URL"]).rsplit("/", 1)[1]
        assert re.search(rf"CREATE DATABASE {db};", sql), db


def test_every_overlay_renders_and_validates_against_the_kubernetes_schemas(rendered):
    checked = subprocess.run(
        [venv_binary("kubernetes-validate"), "--strict", "--quiet", str(rendered)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    docs = [d for d in yaml.safe_load_all(rendered.read_text()) if d]
    kinds = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for service in SERVICES:
        for kind, name in (("Deployment", f"{service.name}-api"),
                           ("Deployment", f"{service.name}-worker"),
                           ("Service", f"{service.name}-api"),
                           ("HorizontalPodAutoscaler", f"{service.name}-worker"),
                           ("PodDisruptionBudget", f"{service.name}-worker"),
                           ("Job", f"{service.name}-migrate")):  # fmt: skip
            assert (kind, name) in kinds
    assert {("ServiceAccount", "cobaltconnect"), ("NetworkPolicy", "default-deny-ingress"),
            ("Ingress", "cobaltconnect")} <= kinds  # fmt: skip


def test_every_pod_is_non_root_read_only_probed_and_fully_configured(rendered):
    docs = [d for d in yaml.safe_load_all(rendered.read_text()) if d]
    config = {d["metadata"]["name"]: d["data"] for d in docs if d["kind"] == "ConfigMap"}
    for doc in docs:
        if doc["kind"] not in ("Deployment", "Job"):
            continue
        name = doc["metadata"]["name"]
        pod = doc["spec"]["template"]["spec"]
        if name == "web":  # static pages: nothing to configure
            assert pod["containers"][0]["securityContext"]["readOnlyRootFilesystem"] is True
            continue
        service = next(s for s in SERVICES if name.startswith(f"{s.name}-"))
        assert pod["securityContext"]["runAsNonRoot"] is True
        [container] = pod["containers"]
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert container["resources"]["limits"]
        if doc["kind"] == "Deployment":
            assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
            assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        names = {e["name"] for e in container["env"]}
        names |= set(config[container["envFrom"][0]["configMapRef"]["name"]])
        assert names >= _required(service), name
        secrets = [e["valueFrom"]["secretKeyRef"] for e in container["env"] if "valueFrom" in e]
        assert {s["name"] for s in secrets} == {"cobaltconnect-secrets"}  # by reference only


def test_the_ingress_serves_every_api_and_the_web_connector_over_https(rendered):
    docs = [d for d in yaml.safe_load_all(rendered.read_text()) if d]
    [ingress] = [d for d in docs if d["kind"] == "Ingress"]
    [rule] = ingress["spec"]["rules"]
    assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]
    routes = {p["path"]: p["backend"]["service"]["name"] for p in rule["http"]["paths"]}
    assert routes["/qbwc"] == "qbwc-gateway-api"
    assert routes["/"] == "web"  # the pages; every API path goes to its service
    assert {f"{s.name}-api" for s in SERVICES} | {"web"} == set(routes.values())
    gateway = next(d for d in docs if d["metadata"]["name"] == "qbwc-gateway-config")
    assert gateway["data"]["QBWC_GATEWAY_PUBLIC_URL"] == f"https://{rule['host']}"


def test_kubernetes_carries_every_setting_the_containerized_run_needed(compose, rendered):
    """What each container got in compose (tests/test_compose_stack.py runs it) is set in the
    manifests too, and the Ingress routes the paths the compose web front end forwards."""
    docs = [d for d in yaml.safe_load_all(rendered.read_text()) if d]
    config = {d["metadata"]["name"]: d["data"] for d in docs if d["kind"] == "ConfigMap"}
    for service in SERVICES:
        for part in ("api", "worker"):
            needed = set(compose["services"][f"{service.name}-{part}"]["environment"])
            [deployment] = [
                d
                for d in docs
                if d["kind"] == "Deployment" and d["metadata"]["name"] == f"{service.name}-{part}"
            ]
            [container] = deployment["spec"]["template"]["spec"]["containers"]
            given = {e["name"] for e in container["env"]}
            given |= set(config[container["envFrom"][0]["configMapRef"]["name"]])
            assert needed <= given, (service.name, part, needed - given)
    [ingress] = [d for d in docs if d["kind"] == "Ingress"]
    routed = {p["path"] for p in ingress["spec"]["rules"][0]["http"]["paths"]}
    forwarded = set(
        re.findall(r"^location (\S+) \{", (ROOT / "deploy/web/compose-apis.conf").read_text(), re.M)
    )
    assert forwarded <= routed
