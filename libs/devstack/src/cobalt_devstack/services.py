"""The services of the product, as the local stack starts them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceDef:
    name: str
    module: str
    env_prefix: str
    api_port: int
    worker_port: int
    title: str


SERVICES: tuple[ServiceDef, ...] = (
    ServiceDef("orders", "cobalt_orders", "ORDERS_", 8110, 8111, "Orders"),
    ServiceDef("payables", "cobalt_payables", "PAYABLES_", 8120, 8121, "Payables"),
    ServiceDef("coa", "cobalt_coa", "COA_", 8130, 8131, "Chart of accounts"),
    ServiceDef(
        "qbwc-gateway", "cobalt_qbwc_gateway", "QBWC_GATEWAY_", 8140, 8141, "QuickBooks gateway"
    ),
    ServiceDef("reporting", "cobalt_reporting", "REPORTING_", 8150, 8151, "Reporting"),
)
SERVICE_BY_NAME = {s.name: s for s in SERVICES}

# Where each service's API lives under the product's one public origin (the web front end's
# server in development, the Ingress in Kubernetes).
API_PATHS: dict[str, tuple[str, ...]] = {
    "orders": ("/orders",),
    "payables": ("/bills", "/credits", "/payments", "/accounts-payable"),
    "coa": ("/coa",),
    "qbwc-gateway": ("/qbwc", "/connections", "/connection", "/entries", "/support"),
    "reporting": ("/sales", "/days", "/reports", "/schedule", "/card-settlements"),
}
WEB_PORT = 8100
MAIL_PORT = 8125  # the embedded mail catcher (SMTP on 127.0.0.1)


def openapi_documents() -> dict[str, dict[str, object]]:
    """Each service's OpenAPI document, as its API publishes it (no database or NATS needed:
    the app is built, not started)."""
    import importlib

    documents = {}
    for service in SERVICES:
        config = importlib.import_module(f"{service.module}.config")
        app = importlib.import_module(f"{service.module}.app").create_api(config.Settings())
        documents[service.name] = app.openapi()
    return documents
