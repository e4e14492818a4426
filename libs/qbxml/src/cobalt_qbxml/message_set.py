"""A qbXML request document: one message set of many requests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from cobalt_qbxml.node import Node
from cobalt_qbxml.requests import Request
from cobalt_qbxml.values import QbxmlValueError

if TYPE_CHECKING:
    from lxml import etree

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

    def nodes(self) -> list[Node]:
        """Every request built and checked (a QbxmlValueError names the field refused)."""
        return [request.to_node(request_id) for request_id, request in self.requests]

    def to_xml(self) -> str:
        """The document as QuickBooks reads it: ASCII, anything else as character references."""
        return render_document(
            self.nodes(),
            on_error=self.on_error,
            new_message_set_id=self.new_message_set_id,
            old_message_set_id=self.old_message_set_id,
            version=self.version,
        )

    def to_element(self) -> etree._Element:
        """The document as an lxml tree (for checks against the schema)."""
        from lxml import etree

        return etree.fromstring(self.to_xml().split("\n", 2)[2])


def render_document(
    requests: Sequence[Node] | Sequence[str],
    *,
    on_error: OnError = "stopOnError",
    new_message_set_id: str | None = None,
    old_message_set_id: str | None = None,
    version: str = "13.0",
) -> str:
    """A whole qbXML request document from built requests (nodes, or their `node_xml`)."""
    attrs: dict[str, str] = {"onError": on_error}
    for attr, value in (
        ("newMessageSetID", new_message_set_id),
        ("oldMessageSetID", old_message_set_id),
    ):
        if value is not None:
            if not value or len(value) > 23:
                raise QbxmlValueError(attr, "must be 1 to 23 characters")
            attrs[attr] = value
    seen: set[str] = set()
    parts: list[str] = []
    for request in requests:
        text = request if isinstance(request, str) else node_xml(request)
        request_id = (
            request.attrs.get("requestID", "") if isinstance(request, Node) else _request_id(text)
        )
        if request_id in seen:
            raise QbxmlValueError("requestID", f"{request_id!r} is used twice in one set")
        seen.add(request_id)
        parts.append(text)
    head = "".join(f' {k}="{_escape(v, attribute=True)}"' for k, v in attrs.items())
    body = f"<QBXML><QBXMLMsgsRq{head}>{''.join(parts)}</QBXMLMsgsRq></QBXML>"
    return f'<?xml version="1.0" encoding="utf-8"?>\n<?qbxml version="{version}"?>\n{body}'


def node_xml(node: Node) -> str:
    """One element as ASCII text: markup escaped, anything outside ASCII as `&#N;`."""
    out: list[str] = []
    _write(node, out)
    return "".join(out)


def _write(node: Node, out: list[str]) -> None:
    attrs = "".join(f' {k}="{_escape(v, attribute=True)}"' for k, v in node.attrs.items())
    if node.text is None and not node.children:
        out.append(f"<{node.tag}{attrs}/>")
        return
    out.append(f"<{node.tag}{attrs}>")
    if node.text is not None:
        out.append(_escape(node.text))
    for child in node.children:
        _write(child, out)
    out.append(f"</{node.tag}>")


def _escape(text: str, *, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;")
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _request_id(text: str) -> str:
    marker = 'requestID="'
    start = text.find(marker)
    return text[start + len(marker) : text.find('"', start + len(marker))] if start >= 0 else ""
