"""The development sign-in speaks OpenID Connect's authorization-code flow with PKCE: a code
is issued only for the right password to a registered redirect, once, for the verifier that
made its challenge; its tokens verify against its published keys."""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import KeySet

from cobalt_devstack import signin

ISSUER = "http://localhost:8100/signin"
STORE = uuid.uuid4()
PASSWORD = "correct horse"


@pytest.fixture
def client(tmp_path):
    accounts = tmp_path / "accounts.json"
    signin.add_account(
        accounts,
        username="Owner@Store.test",
        password=PASSWORD,
        merchant_id=STORE,
        name="Dana Whitfield",
        store="Corner Liquors",
    )
    provider = signin.Provider(
        accounts_path=accounts,
        key=signin.signing_key(tmp_path / "key.json"),
        redirect_origins=signin.local_origins(8100),
    )
    with TestClient(signin.create_app(provider, issuer=ISSUER)) as made:
        yield made


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


PASSWORD = "correct horse"


def _authorize(client: TestClient, challenge: str, password: str = PASSWORD, **extra):
    form = {
        "response_type": "code",
        "client_id": signin.CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:8100/",
        "state": "s-1",
        "nonce": "n-1",
        "scope": "openid profile",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "username": "owner@store.test",
        "password": password,
        **extra,
    }
    return client.post("/authorize", data=form, follow_redirects=False)


def _token(client: TestClient, code: str, verifier: str):
    return client.post(
        "/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": signin.CLIENT_ID,
            "redirect_uri": "http://127.0.0.1:8100/",
            "code_verifier": verifier,
        },
    )


def test_a_code_for_the_right_password_becomes_tokens_once(client):
    verifier, challenge = _pkce()
    answer = _authorize(client, challenge)
    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    query = parse_qs(location.query)
    assert query["state"] == ["s-1"]
    code = query["code"][0]
    tokens = _token(client, code, verifier)
    assert tokens.status_code == 200, tokens.text
    keys = KeySet.import_key_set(client.get("/jwks.json").json())
    access = jwt.decode(tokens.json()["access_token"], keys, algorithms=["ES256"]).claims
    assert access["iss"] == ISSUER
    assert access["aud"] == "cobaltconnect"
    assert access["merchant_id"] == str(STORE)
    assert access["name"] == "Dana Whitfield"
    identity = jwt.decode(tokens.json()["id_token"], keys, algorithms=["ES256"]).claims
    assert (identity["aud"], identity["nonce"], identity["merchant_name"]) == (
        signin.CLIENT_ID,
        "n-1",
        "Corner Liquors",
    )
    again = _token(client, code, verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_a_wrong_verifier_a_wrong_password_or_a_foreign_redirect_get_nothing(client):
    _, challenge = _pkce()
    wrong = _authorize(client, challenge, password="guess")
    assert wrong.status_code == 401
    assert "do not match" in wrong.text
    code = parse_qs(urlsplit(_authorize(client, challenge).headers["location"]).query)["code"][0]
    other_verifier, _ = _pkce()
    assert _token(client, code, other_verifier).json()["error"] == "invalid_grant"
    foreign = _authorize(client, challenge, redirect_uri="https://attacker.example/")
    assert foreign.status_code == 400
    no_pkce = _authorize(client, "", code_challenge_method="plain")
    assert no_pkce.status_code == 400


def test_repeated_wrong_passwords_pause_the_account(client):
    _, challenge = _pkce()
    for _ in range(signin.FAILURES_BEFORE_PAUSE):
        assert _authorize(client, challenge, password="guess").status_code == 401
    paused = _authorize(client, challenge)  # even the right password waits now
    assert paused.status_code == 429
    assert "Too many attempts" in paused.text


def test_discovery_names_the_endpoints_and_the_browser_may_read_them(client):
    found = client.get(
        "/.well-known/openid-configuration", headers={"Origin": "http://127.0.0.1:8100"}
    )
    body = found.json()
    assert body["issuer"] == ISSUER
    assert body["token_endpoint"] == f"{ISSUER}/token"
    assert body["code_challenge_methods_supported"] == ["S256"]
    assert found.headers["access-control-allow-origin"] == "http://127.0.0.1:8100"
    stranger = client.get("/jwks.json", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in stranger.headers
