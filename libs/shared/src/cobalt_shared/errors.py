"""Domain errors: a code and a message a merchant or support engineer can act on."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every expected failure; entry points turn it into an HTTP status or SOAP answer."""

    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field  # the input it is about, so a form can show it beside that field
        if code is not None:
            self.code = code


class InvalidInput(DomainError):
    code, status = "invalid", 422


class NotFound(DomainError):
    code, status = "not_found", 404


class Conflict(DomainError):
    code, status = "conflict", 409


class Forbidden(DomainError):
    code, status = "forbidden", 403


class Unauthorized(DomainError):
    code, status = "unauthorized", 401
