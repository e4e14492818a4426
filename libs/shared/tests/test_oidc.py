"""Tokens from an OpenID Connect provider, checked by a service against the provider's keys
read over real HTTP from a JWKS server on loopback that counts its reads."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt as pyjwt
import pytest
from fastapi import APIRouter
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet, RSAKey

from cobalt_shared.auth import Merchant, Role, TokenService
from cobalt_shared.clock import ManualClock
from cobalt_shared.http import build_api
from cobalt_shared.oidc import KeyCache, OidcProvider, OidcVerifier, http_keys
from cobalt_shared.settings import ServiceSettings

SECRET = "k" * 40
ISSUER = "https://signin.example.test/realms/stores"
AUDIENCE = "cobaltconnect"
STORE = uuid.uuid4()


class JwksServer:
    """Publishes the public half of whatever keys the test puts in `keys`."""

    def __init__(self) -> None:
        self.keys: list[ECKey | RSAKey] = []
        self.reads = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.reads += 1
                body = json.dumps(KeySet(list(owner.keys)).as_dict(private=False)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}/jwks.json"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _key(kind: str = "EC") -> ECKey | RSAKey:
    kid = uuid.uuid4().hex[:12]
    if kind == "RSA":
        return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})
    return ECKey.generate_key("P-256", parameters={"kid": kid, "use": "sig"})


def _token(key: ECKey | RSAKey, **overrides: Any) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "user-7",
        "name": "Dana Whitfield",
        "merchant_id": str(STORE),
        "iat": now,
        "exp": now + 3600,
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    algorithm = "RS256" if isinstance(key, RSAKey) else "ES256"
    return jwt.encode({"alg": algorithm, "kid": key.kid}, claims, key, algorithms=[algorithm])


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    server = JwksServer()
    server.keys.append(_key())
    yield server
    server.close()


@pytest.fixture
async def client(jwks: JwksServer):
    router = APIRouter()

    @router.get("/whoami")
    async def whoami(scope: Merchant) -> dict[str, str | None]:
        principal = scope.principal
        return {"merchant_id": str(scope.merchant_id), "name": principal.name}

    settings = ServiceSettings(
        auth_secret=SECRET, oidc_issuer=ISSUER, oidc_audience=AUDIENCE, oidc_jwks_url=jwks.url
    )
    app = build_api(settings, title="t", routers=[router], checks={})
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        yield c


async def _whoami(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/whoami", headers={"Authorization": f"Bearer {token}"})


async def test_a_providers_token_names_the_store_and_the_person(client, jwks):
    jwks.keys.append(_key("RSA"))
    answer = await _whoami(client, _token(jwks.keys[0]))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"merchant_id": str(STORE), "name": "Dana Whitfield"}
    # An RS256 key works the same way.
    answer = await _whoami(client, _token(jwks.keys[1]))
    assert answer.status_code == 200, answer.text


async def test_the_keys_are_read_once_and_kept(client, jwks):
    for _ in range(5):
        assert (await _whoami(client, _token(jwks.keys[0]))).status_code == 200
    assert jwks.reads == 1


@pytest.mark.parametrize(
    ("claims", "says"),
    [
        ({"exp": int(time.time()) - 600, "iat": int(time.time()) - 4000}, "expired"),
        ({"aud": "someone-else"}, "aud"),
        ({"iss": "https://attacker.example.test"}, "iss"),
        ({"iat": None}, "iat"),
        ({"merchant_id": None}, "merchant_id"),
        ({"exp": int(time.time()) + 86400 * 400}, "may last at most"),
        ({"iat": int(time.time()) + 3600, "exp": int(time.time()) + 7200}, "future"),
    ],
)
async def test_a_token_that_is_not_right_is_refused_with_why(client, jwks, claims, says):
    answer = await _whoami(client, _token(jwks.keys[0], **claims))
    assert answer.status_code == 401
    assert says in answer.json()["error"]["message"]


async def test_an_unknown_key_id_reads_the_keys_again_once(client, jwks):
    assert (await _whoami(client, _token(jwks.keys[0]))).status_code == 200
    stranger = _key()  # not published by the provider
    for _ in range(3):
        answer = await _whoami(client, _token(stranger))
        assert answer.status_code == 401
        assert "does not list" in answer.json()["error"]["message"]
    assert jwks.reads == 2  # the first read, and one more for the unknown key id


async def test_a_rotated_key_is_picked_up_without_a_restart(jwks):
    clock = ManualClock(datetime.now(UTC))

    provider = OidcProvider(issuer=ISSUER, audience=AUDIENCE, jwks_url=jwks.url)
    # The cache runs on the test's clock; token times are checked against the wall clock.
    verifier = OidcVerifier(provider, KeyCache(http_keys(jwks.url), clock=clock))
    old = jwks.keys[0]
    assert (await verifier.verify(_token(old), old.kid)).merchant_id == STORE
    new = _key("RSA")
    jwks.keys[:] = [new]  # the provider rotates: the old key is gone
    clock.advance(31)
    principal = await verifier.verify(_token(new), new.kid)
    assert principal.name == "Dana Whitfield"
    assert jwks.reads == 2
    with pytest.raises(Exception, match="does not list"):
        await verifier.verify(_token(old), old.kid)


async def test_no_algorithm_confusion(client, jwks):
    """An HS256 token signed with the provider's public key, or an unsigned one, is refused;
    the service's own HS256 tokens still work."""
    public_pem = jwks.keys[0].as_pem(private=False)
    forged = _forged_hs256(public_pem)  # PyJWT itself refuses to sign with a public key
    assert (await _whoami(client, forged)).status_code == 401
    unsigned = pyjwt.encode({"sub": "x", "merchant_id": str(STORE)}, None, algorithm="none")
    assert (await _whoami(client, unsigned)).status_code == 401
    own = TokenService(SECRET).mint(subject="script", role=Role.MERCHANT, merchant_id=STORE)
    assert (await _whoami(client, own)).status_code == 200


def _forged_hs256(key: bytes) -> str:
    import base64
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(
        json.dumps(
            {
                "iss": "cobaltconnect",
                "sub": "x",
                "role": "merchant",
                "merchant_id": str(STORE),
                "iat": now,
                "exp": now + 60,
            }
        ).encode()
    )
    signature = hmac.new(key, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{b64(signature)}"


async def test_a_provider_that_cannot_be_reached_is_said_so(jwks):
    settings = ServiceSettings(
        auth_secret=SECRET, oidc_issuer=ISSUER, oidc_jwks_url="http://127.0.0.1:9/jwks.json"
    )
    router = APIRouter()

    @router.get("/whoami")
    async def whoami(scope: Merchant) -> dict[str, str]:
        return {"merchant_id": str(scope.merchant_id)}

    app = build_api(settings, title="t", routers=[router], checks={})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        answer = await _whoami(c, _token(jwks.keys[0]))
    assert answer.status_code == 503
    assert "sign-in provider" in answer.json()["error"]["message"]
