"""An AsyncAPI 3 document as a readable HTML page, rendered on the server: every operation
(what the worker receives and publishes, on which subject), its message and the message's
fields. No script and no asset from anywhere else, so it reads the same with no internet."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

Document = Mapping[str, Any]


def asyncapi_page(document: Document) -> str:
    info = document.get("info", {})
    title = str(info.get("title", "AsyncAPI"))
    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    sections = []
    contents = []
    for index, (action, address, description, payload) in enumerate(_operations(document)):
        anchor = f"op-{index}"
        verb = "Publishes" if action == "send" else "Receives"
        name = _ref_name(payload.get("$ref", "")) if "$ref" in payload else "message"
        contents.append(
            f'<li><a href="#{anchor}">{verb} <code>{_e(address)}</code> ({_e(name)})</a></li>'
        )
        sections.append(
            f'<section id="{anchor}"><h2>{verb} <code>{_e(address)}</code></h2>'
            f"<p>{_e(description)}</p><h3>Message: {_e(name)}</h3>"
            f"{_schema(payload, schemas)}</section>"
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}: messages</title>
<style>{_STYLE}</style></head>
<body><main>
<h1>{_e(title)}</h1>
<p>{_e(info.get("description", ""))} AsyncAPI {_e(document.get("asyncapi", ""))}, version
{_e(info.get("version", ""))}; the document itself: <a href="asyncapi.json">asyncapi.json</a>.</p>
<nav aria-label="Operations"><h2>Operations</h2><ul>{"".join(contents)}</ul></nav>
{"".join(sections)}
<p class="muted">{len(sections)} operations; {len(schemas)} message and field types.</p>
</main></body></html>"""


def _operations(document: Document) -> list[tuple[str, str, str, Mapping[str, Any]]]:
    channels: Mapping[str, Any] = document.get("channels", {})
    messages: Mapping[str, Any] = document.get("components", {}).get("messages", {})
    found = []
    for operation in document.get("operations", {}).values():
        channel_name = unquote(_ref_name(operation.get("channel", {}).get("$ref", "")))
        channel = channels.get(channel_name, {})
        address = str(channel.get("address", channel_name))
        payload: Mapping[str, Any] = {}
        for ref in channel.get("messages", {}).values():
            message = messages.get(unquote(_ref_name(ref.get("$ref", ""))), {})
            payload = message.get("payload", {})
        description = str(channel.get("description", ""))
        found.append((str(operation.get("action", "")), address, description, payload))
    return sorted(found, key=lambda op: (op[0] != "receive", op[1]))


def _schema(schema: Mapping[str, Any], schemas: Mapping[str, Any], depth: int = 0) -> str:
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        schema = schemas.get(name, {})
    properties: Mapping[str, Any] = schema.get("properties", {})
    if not properties:
        return f"<p>{_e(_type(schema))}</p>"
    required = set(schema.get("required", []))
    rows = []
    for name, field in properties.items():
        nested = ""
        target = _item_ref(field)
        if target and depth < 2:
            nested = _schema({"$ref": target}, schemas, depth + 1)
        optional = "" if name in required else ' <span class="muted">(optional)</span>'
        rows.append(
            f'<tr><th scope="row"><code>{_e(name)}</code>{optional}</th>'
            f"<td>{_e(_type(field))}</td><td>{_e(field.get('description', ''))}"
            f"{_example(field)}{nested}</td></tr>"
        )
    return (
        '<div class="table"><table><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
        f'<th scope="col">Meaning</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _type(field: Mapping[str, Any]) -> str:
    if "$ref" in field:
        return _ref_name(field["$ref"])
    if "anyOf" in field:
        return " or ".join(_type(f) for f in field["anyOf"])
    if "enum" in field:
        return "one of " + ", ".join(json.dumps(v) for v in field["enum"])
    if "const" in field:
        return json.dumps(field["const"])
    kind = str(field.get("type", "any"))
    if kind == "array":
        return f"list of {_type(field.get('items', {}))}"
    if "format" in field:
        return f"{kind} ({field['format']})"
    if "pattern" in field:
        return f"{kind} matching {field['pattern']}"
    return kind


def _item_ref(field: Mapping[str, Any]) -> str | None:
    for candidate in (field, field.get("items", {}), *field.get("anyOf", [])):
        if isinstance(candidate, Mapping):
            if "$ref" in candidate:
                return str(candidate["$ref"])
            items = candidate.get("items", {})
            if isinstance(items, Mapping) and "$ref" in items:
                return str(items["$ref"])
    return None


def _example(field: Mapping[str, Any]) -> str:
    examples = field.get("examples")
    if not examples:
        return ""
    return f' <span class="muted">e.g. <code>{_e(json.dumps(examples[0]))}</code></span>'


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _e(value: object) -> str:
    return html.escape(str(value))


_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2433; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; word-break: break-word; }
h3 { font-size: 1rem; }
code { font-family: ui-monospace, monospace; background: #f1f3f7; padding: 0 .2rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #d5d9e2; }
td table { margin-top: .5rem; font-size: .9rem; }
.muted { color: #4a5163; }
a { color: #1f4fbf; }
"""
