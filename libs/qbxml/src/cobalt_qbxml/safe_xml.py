"""Parsing XML we did not write: no entities, no DTDs, no network, bounded size."""

from __future__ import annotations

from lxml import etree

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # far above any real response; refuse before parsing


class UnsafeXml(ValueError):
    """The document is too large, declares a DTD or entities, or is not well-formed."""


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse(document: bytes | str) -> etree._Element:
    """Parse a document, refusing DTDs (and so entity declarations) outright."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnsafeXml(f"document is {len(data)} bytes; the limit is {MAX_DOCUMENT_BYTES}")
    if isinstance(document, str) and document.lstrip().startswith("<?xml"):
        # lxml refuses str input with an encoding declaration; the bytes are UTF-8.
        data = document.encode("utf-8")
    try:
        tree = etree.fromstring(data, _PARSER).getroottree()
    except etree.XMLSyntaxError as exc:
        raise UnsafeXml(f"not well-formed XML: {exc}") from None
    docinfo = tree.docinfo
    if getattr(docinfo, "doctype", None) or getattr(docinfo, "internalDTD", None) is not None:
        raise UnsafeXml("documents with a DTD or entity declarations are refused")
    return tree.getroot()


def pretty(document: str) -> str:
    """The document indented for reading (as it was, when it cannot be parsed safely)."""
    try:
        root = parse(document)
    except UnsafeXml:
        return document
    for element in root.iter():
        if element.text is not None and not element.text.strip() and len(element):
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    return str(etree.tostring(root, pretty_print=True, encoding="unicode")).rstrip("\n")
