"""Tokens from an OpenID Connect provider: RS256/ES256 signatures checked against the
provider's published keys (JWKS), cached, and read again when a token names a key we have not
seen (the provider rotated its keys). The signature checks are joserfc's."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import jwt as pyjwt
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import KeySet

from cobalt_shared.auth import ALGORITHM as HS256
from cobalt_shared.auth import (
    CLOCK_SKEW,
    MAX_LIFETIME,
    Principal,
    Role,
    TokenService,
    check_lifetime,
    instant,
)
from cobalt_shared.clock import Clock, system_clock
from cobalt_shared.errors import DomainError, Unauthorized

ALGORITHMS = ("RS256", "ES256")
FetchKeys = Callable[[], Awaitable[Mapping[str, Any]]]


class ProviderUnavailable(DomainError):
    """The sign-in provider's keys could not be read."""

    code, status = "unavailable", 503


@dataclass(frozen=True)
class OidcProvider:
    """Where a provider's tokens come from and what they must say."""

    issuer: str
    audience: str
    jwks_url: str
    merchant_claim: str = "merchant_id"
    role_claim: str = "role"
    name_claim: str = "name"


def http_keys(url: str, timeout: float = 5.0) -> FetchKeys:
    """Read a JWKS document over HTTP(S)."""

    async def fetch() -> Mapping[str, Any]:
        async with httpx.AsyncClient(timeout=timeout) as client:
            answer = await client.get(url, headers={"Accept": "application/json"})
            answer.raise_for_status()
            body: Mapping[str, Any] = answer.json()
            return body

    return fetch


class KeyCache:
    """The provider's keys: read once, kept for `max_age`, read again early when a token names
    an unknown key id, but such early reads at most once per `min_interval` (so made-up key ids
    cannot make us hammer the provider)."""

    def __init__(
        self,
        fetch: FetchKeys,
        *,
        clock: Clock = system_clock,
        max_age: timedelta = timedelta(hours=1),
        min_interval: timedelta = timedelta(seconds=30),
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._max_age = max_age
        self._min_interval = min_interval
        self._keys: KeySet | None = None
        self._read_at: datetime | None = None
        self._early_read_at: datetime | None = None  # the last read for an unknown key id
        self._lock = asyncio.Lock()
        self.reads = 0

    async def key_set(self, kid: str | None) -> KeySet:
        """Keys that should hold `kid` (read again if it is new or the cache is old)."""
        async with self._lock:
            now = self._clock()
            if self._keys is None or self._read_at is None or now - self._read_at > self._max_age:
                await self._read(now)
            elif kid is not None and not _holds(self._keys, kid):
                last = self._early_read_at
                if last is None or now - last >= self._min_interval:
                    self._early_read_at = now
                    await self._read(now)
            assert self._keys is not None
            return self._keys

    async def _read(self, now: datetime) -> None:
        self.reads += 1
        try:
            document = await self._fetch()
            keys = KeySet.import_key_set(dict(document))  # type: ignore[arg-type]
        except (httpx.HTTPError, ValueError, JoseError, TypeError) as exc:
            if self._keys is not None:
                return  # keep the keys we have; the provider may be back soon
            raise ProviderUnavailable(
                f"the sign-in provider's keys could not be read ({exc.__class__.__name__}); "
                "try again in a minute"
            ) from None
        self._keys, self._read_at = keys, now


def _holds(keys: KeySet, kid: str) -> bool:
    return any(key.kid == kid for key in keys.keys)


class OidcVerifier:
    """Verifies an access token from the provider and names the caller."""

    def __init__(
        self,
        provider: OidcProvider,
        keys: KeyCache,
        *,
        max_lifetime: Mapping[Role, timedelta] | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self._provider = provider
        self._keys = keys
        self._max = {**MAX_LIFETIME, **(max_lifetime or {})}
        self._clock = clock
        self._claims = jwt.JWTClaimsRegistry(
            now=lambda: int(self._clock().timestamp()),
            leeway=int(CLOCK_SKEW.total_seconds()),
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": provider.audience},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
        )

    async def verify(self, token: str, kid: str | None) -> Principal:
        keys = await self._keys.key_set(kid)
        if kid is not None and not _holds(keys, kid):
            raise Unauthorized("invalid bearer token: signed with a key the provider does not list")
        try:
            claims = jwt.decode(token, keys, algorithms=list(ALGORITHMS)).claims
            self._claims.validate(claims)
        except ExpiredTokenError:
            raise Unauthorized("the sign-in has expired: sign in again") from None
        except (JoseError, ValueError) as exc:
            raise Unauthorized(f"invalid bearer token: {_why(exc)}") from None
        provider = self._provider
        try:
            role = Role(claims.get(provider.role_claim) or Role.MERCHANT.value)
            raw = claims.get(provider.merchant_claim)
            merchant_id = uuid.UUID(str(raw)) if raw else None
            issued, expires = instant(claims["iat"]), instant(claims["exp"])
        except (ValueError, TypeError, OverflowError):
            raise Unauthorized("invalid bearer token: bad role, merchant id or times") from None
        check_lifetime(role, issued, expires, self._clock(), self._max[role])
        if role is Role.MERCHANT and merchant_id is None:
            raise Unauthorized(
                f"invalid bearer token: a store sign-in needs the {provider.merchant_claim} claim"
            )
        name = claims.get(provider.name_claim)
        return Principal(
            subject=str(claims["sub"]),
            role=role,
            merchant_id=merchant_id,
            name=str(name) if name else None,
        )


def _why(exc: Exception) -> str:
    if isinstance(exc, JoseError):
        return exc.description or exc.error or exc.__class__.__name__
    return str(exc) or exc.__class__.__name__


class Authenticator:
    """Every service's verifier: HS256 tokens signed with the service secret (scripts, support
    tools, other services, tests) and, when a provider is configured, the provider's RS256/ES256
    tokens. The algorithm picks the path, and each path accepts only its own algorithms."""

    def __init__(self, tokens: TokenService, oidc: OidcVerifier | None = None) -> None:
        self._tokens = tokens
        self._oidc = oidc

    async def verify(self, token: str) -> Principal:
        try:
            header = pyjwt.get_unverified_header(token)
        except pyjwt.InvalidTokenError as exc:
            raise Unauthorized(f"invalid bearer token: {exc}") from None
        algorithm = header.get("alg")
        if algorithm == HS256:
            return self._tokens.verify(token)
        if algorithm in ALGORITHMS and self._oidc is not None:
            kid = header.get("kid")
            return await self._oidc.verify(token, kid if isinstance(kid, str) else None)
        raise Unauthorized(f"invalid bearer token: tokens signed with {algorithm} are not accepted")
