"""Intuit's qbXML 13.0 schema: found beside the checkout (never copied into it), loaded once.

The schema files are Intuit's and stay in `../shared/reference/qbxml/`; set
COBALT_QBXML_SCHEMA_DIR to use another folder.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from lxml import etree

SCHEMA_ENV = "COBALT_QBXML_SCHEMA_DIR"
SCHEMA_FILE = "qbxmlops130.xsd"


class SchemaNotFound(RuntimeError):
    """The qbXML schema files are not where we look for them."""


def schema_dir() -> Path:
    """The folder holding qbxmlops130.xsd and the files it includes."""
    configured = os.environ.get(SCHEMA_ENV)
    if configured:
        folder = Path(configured)
        if not (folder / SCHEMA_FILE).is_file():
            raise SchemaNotFound(f"{SCHEMA_ENV}={configured} has no {SCHEMA_FILE}")
        return folder
    for base in (Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents):
        candidate = base.parent / "shared" / "reference" / "qbxml"
        if (candidate / SCHEMA_FILE).is_file():
            return candidate
    raise SchemaNotFound(
        f"qbXML schema not found: put Intuit's {SCHEMA_FILE} (and the files it includes) in "
        f"../shared/reference/qbxml/ beside the checkout, or set {SCHEMA_ENV}"
    )


@functools.cache
def load_schema() -> etree.XMLSchema:
    """The qbXML 13.0 schema (about 50 ms to load; cached for the process)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(schema_dir() / SCHEMA_FILE), parser))


def schema_errors(document: etree._Element | bytes | str) -> list[str]:
    """What the schema finds wrong with a whole <QBXML> document (empty when it is valid)."""
    from cobalt_qbxml.safe_xml import parse

    root = parse(document) if isinstance(document, bytes | str) else document
    schema = load_schema()
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
