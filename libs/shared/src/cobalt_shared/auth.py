"""Bearer tokens carrying a merchant id and a role, and the dependency that scopes requests."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Protocol

import jwt
from fastapi import Depends, Header, Request

from cobalt_shared.clock import Clock, system_clock
from cobalt_shared.errors import Forbidden, InvalidInput, Unauthorized

ALGORITHM = "HS256"
CLOCK_SKEW = timedelta(seconds=60)  # how far a token's issue time may be ahead of ours


class Role(StrEnum):
    """Who is calling: a store, our support staff, or another service."""

    MERCHANT = "merchant"
    SUPPORT = "support"
    SERVICE = "service"


@dataclass(frozen=True)
class Principal:
    """The verified caller."""

    subject: str
    role: Role
    merchant_id: uuid.UUID | None
    name: str | None = None  # as the sign-in names the person, for "who did what"

    @property
    def display_name(self) -> str:
        """Who did it, in a history: the person's name, else the sign-in's subject."""
        return self.name or self.subject


@dataclass(frozen=True)
class MerchantScope:
    """The one merchant a request may read or change, and who asked."""

    merchant_id: uuid.UUID
    principal: Principal


# The longest a sign-in may last, by role: a token claiming more is refused, whoever signed it.
MAX_LIFETIME: dict[Role, timedelta] = {
    Role.MERCHANT: timedelta(hours=24),
    Role.SUPPORT: timedelta(hours=12),
    Role.SERVICE: timedelta(days=30),
}


class TokenService:
    """Mints and verifies HS256 bearer tokens with bounded lifetimes."""

    def __init__(
        self,
        secret: str,
        issuer: str = "cobaltconnect",
        *,
        max_lifetime: Mapping[Role, timedelta] | None = None,
        clock: Clock = system_clock,
    ) -> None:
        if not secret:
            raise ValueError("token secret must not be empty")
        self._secret = secret
        self._issuer = issuer
        self._max = {**MAX_LIFETIME, **(max_lifetime or {})}
        self._clock = clock

    def mint(
        self,
        *,
        subject: str,
        role: Role,
        merchant_id: uuid.UUID | None,
        ttl: timedelta = timedelta(hours=8),
        name: str | None = None,
    ) -> str:
        if role is Role.MERCHANT and merchant_id is None:
            raise ValueError("a merchant token needs a merchant id")
        longest = self._max[role]
        if ttl <= timedelta(0) or ttl > longest:
            raise ValueError(f"a {role} token lasts between 1 second and {_span(longest)}")
        now = self._clock()
        claims: dict[str, object] = {
            "sub": subject,
            "role": role.value,
            "iss": self._issuer,
            "iat": int(now.timestamp()),
            "exp": int((now + ttl).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if merchant_id is not None:
            claims["merchant_id"] = str(merchant_id)
        if name:
            claims["name"] = name
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> Principal:
        now = self._clock()
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=self._issuer,
                # Times are checked below against the injected clock, with the role's limit.
                options={
                    "require": ["exp", "iat", "sub", "role", "iss"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
        except jwt.InvalidTokenError as exc:
            raise Unauthorized(f"invalid bearer token: {exc}") from None
        try:
            role = Role(claims["role"])
            raw = claims.get("merchant_id")
            merchant_id = uuid.UUID(raw) if raw else None
            issued, expires = instant(claims["iat"]), instant(claims["exp"])
        except (ValueError, TypeError, OverflowError):
            raise Unauthorized("invalid bearer token: bad role, merchant id or times") from None
        check_lifetime(role, issued, expires, now, self._max[role])
        if role is Role.MERCHANT and merchant_id is None:
            raise Unauthorized("invalid bearer token: merchant token without merchant id")
        name = claims.get("name")
        return Principal(
            subject=str(claims["sub"]),
            role=role,
            merchant_id=merchant_id,
            name=str(name) if name else None,
        )


def check_lifetime(
    role: Role, issued: datetime, expires: datetime, now: datetime, longest: timedelta
) -> None:
    """Refuse a sign-in that expired, is not valid yet, or claims to last too long."""
    if expires <= now - CLOCK_SKEW:
        raise Unauthorized("the sign-in has expired: sign in again")
    if issued > now + CLOCK_SKEW:
        raise Unauthorized("invalid bearer token: issued in the future")
    if expires - issued > longest:
        raise Unauthorized(
            f"invalid bearer token: a {role} sign-in may last at most {_span(longest)}"
        )


def instant(value: object) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("a time must be a number of seconds")
    return datetime.fromtimestamp(value, UTC)


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours / 24:g} days" if hours >= 48 else f"{hours:g} hours"


class Verifier(Protocol):
    """Turns a bearer token into the verified caller, or raises Unauthorized."""

    async def verify(self, token: str) -> Principal: ...


def _verifier(request: Request) -> Verifier:
    verifier: Verifier = request.app.state.verifier
    return verifier


async def get_principal(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Principal:
    """The caller named by the `Authorization: Bearer ...` header."""
    if not authorization:
        raise Unauthorized("missing Authorization header: send 'Bearer <token>'")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("the Authorization header must be 'Bearer <token>'")
    return await _verifier(request).verify(token.strip())


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_merchant_scope(
    principal: CurrentPrincipal,
    x_merchant_id: Annotated[
        uuid.UUID | None,
        Header(description="Merchant to act for (support and service tokens only)"),
    ] = None,
) -> MerchantScope:
    """Scope the request to exactly one merchant, or refuse it."""
    requested = x_merchant_id
    if principal.role is Role.MERCHANT:
        assert principal.merchant_id is not None
        if requested is not None and requested != principal.merchant_id:
            raise Forbidden("this sign-in cannot act for another merchant")
        return MerchantScope(principal.merchant_id, principal)
    if requested is None:
        raise InvalidInput("X-Merchant-Id header is required with a support or service token")
    return MerchantScope(requested, principal)


Merchant = Annotated[MerchantScope, Depends(get_merchant_scope)]


def require_role(*roles: Role) -> Any:
    """A dependency that refuses callers outside `roles`."""

    async def _check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            allowed = ", ".join(r.value for r in roles)
            raise Forbidden(f"this needs a {allowed} sign-in")
        return principal

    return Depends(_check)
