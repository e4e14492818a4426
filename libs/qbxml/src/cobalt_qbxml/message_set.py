"""A qbXML request document: one message set of many requests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from cobalt_qbxml.requests import Request
from cobalt_qbxml.values import QbxmlValueError

PRODUCT_VERSIONS = ("13.0",)  # what our documents are written and validated for
MIN_VERSION = (9, 0)  # ExternalGUID, which every write carries, arrived in qbXML 9.0
OnError = Literal["stopOnError", "continueOnError"]


def choose_version(supported: Iterable[str]) -> str:
    """The highest qbXML version both the merchant's QuickBooks and the product support."""
    ours = max(_parse(v) for v in PRODUCT_VERSIONS)
    usable = [p for p in (_parse(s) for s in supported if _looks_like_version(s)) if p <= ours]
    if not usable or max(usable) < MIN_VERSION:
        raise QbxmlValueError(
            "qbXML version",
            f"QuickBooks supports {', '.join(supported) or 'no version'}; "
            "we need 9.0 or later (QuickBooks 2010 or newer)",
        )
    major, minor = max(usable)
    return f"{major}.{minor}"


def _looks_like_version(text: str) -> bool:
    parts = text.strip().split(".")
    return len(parts) == 2 and all(p.isdigit() for p in parts)


def _parse(text: str) -> tuple[int, int]:
    major, minor = text.strip().split(".")
    return int(major), int(minor)


@dataclass(frozen=True)
class MessageSet:
    """Requests sent together; each answer comes back under its request id."""

    requests: Sequence[tuple[str, Request]]
    on_error: OnError = "stopOnError"
    new_message_set_id: str | None = None
    old_message_set_id: str | None = None
    version: str = "13.0"

    def to_element(self) -> etree._Element:
        root = etree.Element("QBXML")
        attrs: dict[str, str] = {"onError": self.on_error}
        for attr, value in (
            ("newMessageSetID", self.new_message_set_id),
            ("oldMessageSetID", self.old_message_set_id),
        ):
            if value is not None:
                if not value or len(value) > 23:
                    raise QbxmlValueError(attr, "must be 1 to 23 characters")
                attrs[attr] = value
        msgs = etree.SubElement(root, "QBXMLMsgsRq", attrs)
        seen: set[str] = set()
        for request_id, request in self.requests:
            if request_id in seen:
                raise QbxmlValueError("requestID", f"{request_id!r} is used twice in one set")
            seen.add(request_id)
            msgs.append(request.to_element(request_id))
        return root

    def to_xml(self) -> str:
        """The document as QuickBooks reads it: ASCII, anything else as character references."""
        body = etree.tostring(self.to_element(), encoding="us-ascii").decode("ascii")
        return f'<?xml version="1.0" encoding="utf-8"?>\n<?qbxml version="{self.version}"?>\n{body}'
