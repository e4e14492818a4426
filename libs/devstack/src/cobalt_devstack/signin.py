"""The development sign-in: a small OpenID Connect provider for the embedded stack, so the web
app signs in the way it will against CobaltConnect's back-office provider (authorization code
with PKCE, ES256 tokens, keys published as JWKS), offline.

Accounts live in a JSON file read at each sign-in (`add_account` appends one), passwords as
Argon2 hashes. The signing key is kept in a file so a restarted web process keeps accepting
the tokens it issued. Not for production: a real deployment points the services and the app at
the real provider (settings `*_OIDC_ISSUER`, `*_OIDC_AUDIENCE`, `*_OIDC_JWKS_URL`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet

CLIENT_ID = "cobaltconnect-web"
AUDIENCE = "cobaltconnect"
CODE_SECONDS = 60
TOKEN_SECONDS = 8 * 3600
FAILURES_BEFORE_PAUSE = 5
PAUSE_SECONDS = 60
_HASHER = PasswordHasher()


@dataclass(frozen=True)
class Account:
    """Someone who may sign in, and the store they belong to."""

    username: str
    password_hash: str
    merchant_id: uuid.UUID
    name: str
    store_name: str


def add_account(
    path: Path, *, username: str, password: str, merchant_id: uuid.UUID, name: str, store: str
) -> None:
    """Add (or replace) an account in the accounts file."""
    accounts = _read_accounts(path)
    accounts[username.casefold()] = {
        "username": username,
        "password_hash": _HASHER.hash(password),
        "merchant_id": str(merchant_id),
        "name": name,
        "store_name": store,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(accounts, indent=2))
    temporary.replace(path)


def _read_accounts(path: Path) -> dict[str, dict[str, str]]:
    try:
        data: dict[str, dict[str, str]] = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    return data


def signing_key(path: Path) -> ECKey:
    """The provider's ES256 key, made once and kept."""
    try:
        return ECKey.import_key(json.loads(path.read_text()))
    except FileNotFoundError:
        key = ECKey.generate_key("P-256", parameters={"use": "sig", "alg": "ES256"}, auto_kid=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(key.as_dict(private=True)))
        path.chmod(0o600)
        return key


@dataclass(frozen=True)
class Grant:
    """An authorization code waiting to be exchanged."""

    account: Account
    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str | None
    expires: float


@dataclass
class Provider:
    """The provider's state: its key, its accounts file, codes in flight, failed attempts."""

    accounts_path: Path
    key: ECKey
    redirect_origins: tuple[str, ...] = ()  # empty: the issuer's own origin
    codes: dict[str, Grant] = field(default_factory=dict)
    failures: dict[str, tuple[int, float]] = field(default_factory=dict)

    def account(self, username: str) -> Account | None:
        row = _read_accounts(self.accounts_path).get(username.strip().casefold())
        if row is None:
            return None
        return Account(
            username=row["username"],
            password_hash=row["password_hash"],
            merchant_id=uuid.UUID(row["merchant_id"]),
            name=row["name"],
            store_name=row["store_name"],
        )


def local_origins(port: int) -> tuple[str, ...]:
    """The origins a local web server on `port` is reached at."""
    return (f"http://localhost:{port}", f"http://127.0.0.1:{port}")


def create_app(provider: Provider, *, issuer: str) -> FastAPI:
    """The provider's endpoints; `issuer` is the URL they are served at (the services are
    configured with the same value and accept only tokens naming it)."""
    app = FastAPI(title="CobaltConnect development sign-in", docs_url=None, redoc_url=None)
    issuer = issuer.rstrip("/")

    @app.middleware("http")
    async def cors(request: Request, call_next: Any) -> Response:
        """A browser app on an allowed origin may read discovery, keys and tokens."""
        answer: Response = await call_next(request)
        origin = request.headers.get("origin", "")
        if origin in _origins(provider, issuer):
            answer.headers["Access-Control-Allow-Origin"] = origin
            answer.headers["Vary"] = "Origin"
        return answer

    @app.get("/.well-known/openid-configuration")
    async def discovery() -> dict[str, Any]:
        base = issuer
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "jwks_uri": f"{base}/jwks.json",
            "end_session_endpoint": f"{base}/logout",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "code_challenge_methods_supported": ["S256"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "token_endpoint_auth_methods_supported": ["none"],
            "scopes_supported": ["openid", "profile"],
        }

    @app.get("/jwks.json")
    async def jwks() -> dict[str, Any]:
        return dict(KeySet([provider.key]).as_dict(private=False))

    @app.get("/authorize", response_class=HTMLResponse)
    async def authorize_form(request: Request) -> Response:
        params = dict(request.query_params)
        problem = _request_problem(params, provider, issuer)
        if problem:
            return HTMLResponse(
                _page("Sign-in link not valid", f"<p>{html.escape(problem)}</p>"), 400
            )
        return HTMLResponse(_form(params))

    @app.post("/authorize", response_class=HTMLResponse)
    async def authorize(request: Request) -> Response:
        form = _form_fields(await request.body())
        params = {k: form.get(k, "") for k in _CARRIED}
        problem = _request_problem(params, provider, issuer)
        if problem:
            return HTMLResponse(
                _page("Sign-in link not valid", f"<p>{html.escape(problem)}</p>"), 400
            )
        username = form.get("username", "").strip()
        key = username.casefold()
        count, until = provider.failures.get(key, (0, 0.0))
        if until > time.monotonic():
            wait = int(until - time.monotonic()) + 1
            return HTMLResponse(
                _form(params, username, f"Too many attempts: wait {wait} seconds, then try again."),
                429,
            )
        account = provider.account(username) if username else None
        if not _password_matches(account, form.get("password", "")):
            count += 1
            pause = time.monotonic() + PAUSE_SECONDS if count >= FAILURES_BEFORE_PAUSE else 0.0
            provider.failures[key] = (0 if pause else count, pause)
            return HTMLResponse(
                _form(params, username, "That e-mail and password do not match an account."), 401
            )
        assert account is not None
        provider.failures.pop(key, None)
        code = secrets.token_urlsafe(32)
        provider.codes[code] = Grant(
            account=account,
            client_id=params["client_id"],
            redirect_uri=params["redirect_uri"],
            challenge=params["code_challenge"],
            nonce=params.get("nonce") or None,
            expires=time.monotonic() + CODE_SECONDS,
        )
        query = urlencode({"code": code, "state": params.get("state", "")})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=303)

    @app.post("/token")
    async def token(request: Request) -> Response:
        form = _form_fields(await request.body())
        if form.get("grant_type") != "authorization_code":
            return _token_error("unsupported_grant_type", "only authorization_code is supported")
        grant = provider.codes.pop(form.get("code", ""), None)
        if grant is None or grant.expires < time.monotonic():
            return _token_error("invalid_grant", "the code is unknown, used or expired")
        if (
            form.get("client_id") != grant.client_id
            or form.get("redirect_uri") != grant.redirect_uri
        ):
            return _token_error("invalid_grant", "the code was issued to another client")
        verifier = form.get("code_verifier", "")
        if not (43 <= len(verifier) <= 128) or _challenge(verifier) != grant.challenge:
            return _token_error("invalid_grant", "the PKCE code verifier does not match")
        now = int(time.time())
        account = grant.account
        common = {
            "iss": issuer,
            "sub": account.username,
            "name": account.name,
            "merchant_id": str(account.merchant_id),
            "merchant_name": account.store_name,
            "role": "merchant",
            "iat": now,
            "exp": now + TOKEN_SECONDS,
        }
        header = {"alg": "ES256", "kid": provider.key.kid, "typ": "JWT"}
        access = jwt.encode(header, {**common, "aud": AUDIENCE}, provider.key, algorithms=["ES256"])
        identity: dict[str, Any] = {**common, "aud": grant.client_id}
        if grant.nonce:
            identity["nonce"] = grant.nonce
        id_token = jwt.encode(header, identity, provider.key, algorithms=["ES256"])
        return JSONResponse(
            {
                "access_token": access,
                "id_token": id_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_SECONDS,
            },
            headers={"Cache-Control": "no-store"},
        )

    @app.get("/logout")
    async def logout(request: Request) -> Response:
        target = request.query_params.get("post_logout_redirect_uri", "")
        if target and _allowed_redirect(target, provider, issuer):
            return RedirectResponse(target, status_code=303)
        return HTMLResponse(_page("Signed out", "<p>You are signed out.</p>"))

    return app


_CARRIED = (
    "response_type",
    "client_id",
    "redirect_uri",
    "state",
    "nonce",
    "scope",
    "code_challenge",
    "code_challenge_method",
)


def _request_problem(params: dict[str, str], provider: Provider, issuer: str) -> str | None:
    if params.get("response_type") != "code":
        return "this provider only answers response_type=code"
    if params.get("client_id") != CLIENT_ID:
        return f"unknown client {params.get('client_id')!r}"
    if not _allowed_redirect(params.get("redirect_uri", ""), provider, issuer):
        return "the redirect address is not one this provider sends sign-ins to"
    if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
        return "a PKCE code challenge (S256) is required"
    return None


def _allowed_redirect(uri: str, provider: Provider, issuer: str) -> bool:
    parts = urlsplit(uri)
    origin = f"{parts.scheme}://{parts.netloc}"
    return parts.scheme in ("http", "https") and origin in _origins(provider, issuer)


def _origins(provider: Provider, issuer: str) -> tuple[str, ...]:
    """Where sign-ins may be sent back to: the configured origins, else the issuer's own."""
    parts = urlsplit(issuer)
    return provider.redirect_origins or (f"{parts.scheme}://{parts.netloc}",)


def _password_matches(account: Account | None, password: str) -> bool:
    try:
        if account is None:
            _HASHER.hash(password)  # the same work whether or not the account exists
            return False
        return _HASHER.verify(account.password_hash, password)
    except Argon2Error:
        return False


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _form_fields(body: bytes) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}


def _token_error(code: str, description: str) -> JSONResponse:
    return JSONResponse({"error": code, "error_description": description}, status_code=400)


def _form(params: dict[str, str], username: str = "", error: str | None = None) -> str:
    hidden = "".join(
        f'<input type="hidden" name="{k}" value="{html.escape(params.get(k, ""))}">'
        for k in _CARRIED
    )
    message = f'<p class="error" role="alert" id="error">{html.escape(error)}</p>' if error else ""
    described = ' aria-describedby="error"' if error else ""
    body = f"""{message}
<form method="post" action="authorize">{hidden}
  <label for="username">E-mail</label>
  <input id="username" name="username" type="email" autocomplete="username" required
    value="{html.escape(username)}"{described}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>
<p class="note">Development sign-in of the embedded CobaltConnect: <code>make run</code> prints the
demo store's e-mail and password.</p>"""
    return _page("Sign in to CobaltConnect", body)


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #1d2433; }}
main {{ max-width: 24rem; margin: 3rem auto; padding: 1.5rem; background: #fff;
  border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 15%); }}
h1 {{ font-size: 1.4rem; margin-top: 0; }}
label {{ display: block; margin-top: 1rem; font-weight: 600; }}
input[type=email], input[type=password] {{ width: 100%; box-sizing: border-box; padding: .6rem;
  font: inherit; border: 1px solid #6b7385; border-radius: 4px; }}
button {{ margin-top: 1.25rem; padding: .6rem 1.2rem; font: inherit; color: #fff;
  background: #1f4fbf; border: 0; border-radius: 4px; cursor: pointer; }}
button:focus-visible, input:focus-visible {{ outline: 3px solid #f2a900; outline-offset: 2px; }}
.error {{ color: #a3161a; font-weight: 600; }}
.note {{ color: #4a5163; font-size: .9rem; margin-top: 1.5rem; }}
</style></head>
<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"""


def sign_in_with_password(web_url: str, username: str, password: str) -> str:
    """An access token for `username`, got the way the web app gets one (authorization code
    with PKCE at the provider `web_url`'s app-config names), for scripts and tests."""
    with httpx.Client(timeout=30) as http:
        issuer = http.get(f"{web_url}/app-config.json").json()["oidc"]["issuer"]
        endpoints = http.get(f"{issuer}/.well-known/openid-configuration").json()
        verifier = secrets.token_urlsafe(48)
        redirect = web_url.rstrip("/") + "/"
        common = {"client_id": CLIENT_ID, "redirect_uri": redirect}
        answer = http.post(
            endpoints["authorization_endpoint"],
            data={
                **common,
                "response_type": "code",
                "state": secrets.token_urlsafe(8),
                "scope": "openid profile",
                "code_challenge": _challenge(verifier),
                "code_challenge_method": "S256",
                "username": username,
                "password": password,
            },
            follow_redirects=False,
        )
        if answer.status_code not in (302, 303):
            raise PermissionError(f"sign-in refused ({answer.status_code}) for {username}")
        code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
        tokens = http.post(
            endpoints["token_endpoint"],
            data={
                **common,
                "grant_type": "authorization_code",
                "code": code,
                "code_verifier": verifier,
            },
        )
        tokens.raise_for_status()
        return str(tokens.json()["access_token"])
