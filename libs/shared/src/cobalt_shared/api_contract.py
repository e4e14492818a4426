"""What every API documents the same way, so its OpenAPI document says what it really does:
the error body and the statuses that carry it, dates as YYYY-MM-DD only, and optional
parameters that may be left out but are never "null"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI
from pydantic import BaseModel, BeforeValidator, Field

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ErrorDetail(BaseModel):
    code: str = Field(description="What kind of error: invalid, not_found, conflict...")
    message: str = Field(description="What is wrong and what to do, in plain words.")
    field: str | None = Field(None, description="The input it is about, when there is one.")
    problems: list[dict[str, str]] | None = Field(
        None, description="For invalid input: each field and its problem."
    )


class ErrorBody(BaseModel):
    """Every error answer: {"error": {"code", "message", ...}}."""

    error: ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error("The request cannot be read."),
    401: _error("Not signed in, or the sign-in expired or is invalid."),
    403: _error("Signed in, but not allowed to do this."),
    404: _error("Not found (or not this merchant's)."),
    409: _error("Not possible now: the message says why (e.g. QuickBooks is not set up)."),
    422: _error("Invalid input: the message names the field and the rule."),
}


def _iso_only(value: object) -> object:
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]
"""A date given as YYYY-MM-DD, and only that (not a number, not a date-time)."""


def honest_openapi(app: FastAPI) -> None:
    """Optional query and header parameters may be left out but never sent as null: their
    documented schema says exactly what is accepted when they are present."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = build()
        for path in document.get("paths", {}).values():
            for operation in path.values():
                for parameter in operation.get("parameters", []):
                    _drop_null(parameter)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _drop_null(parameter: dict[str, Any]) -> None:
    schema = parameter.get("schema", {})
    branches = schema.get("anyOf")
    if parameter.get("required") or not branches:
        return
    kept = [b for b in branches if b.get("type") != "null"]
    if len(kept) == 1:
        schema.pop("anyOf")
        schema.update(kept[0])
    else:
        schema["anyOf"] = kept
