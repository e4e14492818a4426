"""Prometheus metrics of the gateway: the facts ops alert on are the ones merchants are told."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

CONNECTIONS = Gauge(
    "cobalt_qb_connections", "QuickBooks connections in each health state", ["health"]
)
CONTACTS = Counter(
    "cobalt_qb_contacts_total", "Web Connector contacts (sign-ins) by outcome", ["outcome"]
)
SESSIONS_ENDED = Counter(
    "cobalt_qb_sessions_total", "Web Connector updates that ended, by outcome", ["outcome"]
)
ENTRIES = Counter(
    "cobalt_qb_entries_total", "Entries QuickBooks answered for, by result", ["result"]
)
ALERTS_SENT = Counter("cobalt_qb_alert_emails_total", "Alert e-mails sent, by kind", ["kind"])
MAIL_ERRORS = Counter("cobalt_qb_alert_email_errors_total", "Alert e-mails the server refused")
DIGESTS_UNSENT = Gauge("cobalt_qb_alert_emails_waiting", "Alert e-mails not yet sent")
