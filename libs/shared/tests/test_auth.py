import time
import uuid
from datetime import timedelta

import httpx
import jwt
import pytest
from fastapi import APIRouter

from cobalt_shared.auth import Merchant, Role, TokenService, require_role
from cobalt_shared.clock import ManualClock
from cobalt_shared.errors import Unauthorized
from cobalt_shared.http import build_api
from cobalt_shared.settings import ServiceSettings

SECRET = "s" * 40
A, B = uuid.uuid4(), uuid.uuid4()


def _app():
    router = APIRouter()

    @router.get("/whoami")
    async def whoami(scope: Merchant) -> dict[str, str]:
        return {"merchant_id": str(scope.merchant_id)}

    @router.get("/support-only", dependencies=[require_role(Role.SUPPORT)])
    async def support_only() -> dict[str, str]:
        return {"ok": "yes"}

    settings = ServiceSettings(auth_secret=SECRET)
    return build_api(settings, title="t", routers=[router], checks={})


@pytest.fixture
def tokens():
    return TokenService(SECRET)


@pytest.fixture
async def client():
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        yield c


def _auth(token, **headers):
    return {"Authorization": f"Bearer {token}", **headers}


async def test_merchant_token_is_scoped_to_its_merchant(client, tokens):
    token = tokens.mint(subject="u", role=Role.MERCHANT, merchant_id=A)
    response = await client.get("/whoami", headers=_auth(token))
    assert response.json() == {"merchant_id": str(A)}


async def test_merchant_cannot_act_for_another_merchant(client, tokens):
    token = tokens.mint(subject="u", role=Role.MERCHANT, merchant_id=A)
    response = await client.get("/whoami", headers=_auth(token, **{"X-Merchant-Id": str(B)}))
    assert response.status_code == 403
    assert "another merchant" in response.json()["error"]["message"]


async def test_support_token_must_name_the_merchant(client, tokens):
    token = tokens.mint(subject="s", role=Role.SUPPORT, merchant_id=None)
    assert (await client.get("/whoami", headers=_auth(token))).status_code == 422
    response = await client.get("/whoami", headers=_auth(token, **{"X-Merchant-Id": str(B)}))
    assert response.json() == {"merchant_id": str(B)}


async def test_missing_expired_and_forged_tokens_are_refused(client, tokens):
    assert (await client.get("/whoami")).status_code == 401
    forged = TokenService("x" * 40).mint(subject="u", role=Role.MERCHANT, merchant_id=A)
    for token in (forged, "not-a-jwt"):
        response = await client.get("/whoami", headers=_auth(token))
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    with pytest.raises(Unauthorized, match="expired"):
        tokens.verify(_signed(iat=0, exp=1))


def _signed(**claims: object) -> str:
    base = {"sub": "u", "role": "merchant", "merchant_id": str(A), "iss": "cobaltconnect"}
    return jwt.encode({**base, **claims}, SECRET, algorithm="HS256")


NOW = int(time.time())


@pytest.mark.parametrize(
    ("claims", "refusal"),
    [
        ({"iat": NOW, "exp": NOW + 100 * 365 * 86400}, "may last at most 24 hours"),
        ({"exp": NOW + 3600}, 'missing the "iat" claim'),
        ({"iat": NOW + 600, "exp": NOW + 3600}, "issued in the future"),
        ({"iat": "yesterday", "exp": NOW + 3600}, "bad role, merchant id or times"),
        ({"iat": NOW, "exp": NOW + 3600, "role": "support"}, None),
        ({"iat": NOW, "exp": NOW + 13 * 3600, "role": "support"}, "at most 12 hours"),
    ],
)
def test_tokens_of_any_lifetime_or_issue_time_are_not_accepted(tokens, claims, refusal):
    if refusal is None:
        assert tokens.verify(_signed(**claims)).role is Role.SUPPORT
        return
    with pytest.raises(Unauthorized, match=refusal):
        tokens.verify(_signed(**claims))


def test_a_small_clock_skew_is_tolerated():
    clock = ManualClock()
    tokens = TokenService(SECRET, clock=clock)
    ahead = int(clock().timestamp()) + 30
    assert tokens.verify(_signed(iat=ahead, exp=ahead + 3600)).merchant_id == A


async def test_role_is_enforced(client, tokens):
    merchant = tokens.mint(subject="u", role=Role.MERCHANT, merchant_id=A)
    support = tokens.mint(subject="s", role=Role.SUPPORT, merchant_id=None)
    assert (await client.get("/support-only", headers=_auth(merchant))).status_code == 403
    assert (await client.get("/support-only", headers=_auth(support))).status_code == 200


def test_merchant_tokens_need_a_merchant_and_a_sane_lifetime(tokens):
    with pytest.raises(ValueError, match="merchant id"):
        tokens.mint(subject="u", role=Role.MERCHANT, merchant_id=None)
    with pytest.raises(ValueError, match="lasts between 1 second and 24 hours"):
        tokens.mint(subject="u", role=Role.MERCHANT, merchant_id=A, ttl=timedelta(days=2))


def test_cli_mints_a_token_the_services_accept(monkeypatch, capsys):
    from cobalt_shared.auth_cli import main

    monkeypatch.setenv("COBALT_AUTH_SECRET", SECRET)
    assert main(["--merchant-id", str(A)]) == 0
    principal = TokenService(SECRET).verify(capsys.readouterr().out.strip())
    assert principal.merchant_id == A
    assert principal.role is Role.MERCHANT
