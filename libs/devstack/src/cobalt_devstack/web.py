"""The web front end's server for the local stack: the built app (web/dist), its configuration,
the development sign-in under /signin, and every service's API under the same origin (the
paths the Ingress serves in Kubernetes), so the browser talks to one host.

`python -m cobalt_devstack.web --port 8100 --upstream orders=http://127.0.0.1:8110 ...
    --static web/dist --signin-dir .local/signin --issuer http://localhost:8100/signin`
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from cobalt_devstack import signin
from cobalt_devstack.frontend import DIST
from cobalt_devstack.services import API_PATHS

FORWARDED = ("authorization", "content-type", "idempotency-key", "accept", "x-correlation-id")
RETURNED = ("content-type", "content-disposition", "x-correlation-id")
NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>CobaltConnect</title></head><body><main><h1>The web app is not built</h1>
<p>Run <code>make run</code> (it builds it), or
<code>.venv/bin/python -m cobalt_devstack.frontend build</code>.</p></main></body></html>"""


def create_app(
    upstreams: dict[str, str],
    *,
    static: Path = DIST,
    provider: signin.Provider | None = None,
    issuer: str | None = None,
) -> FastAPI:
    routes = sorted(
        (
            (prefix, upstreams[name])
            for name, prefixes in API_PATHS.items()
            if name in upstreams
            for prefix in prefixes
        ),
        key=lambda r: -len(r[0]),
    )
    client = httpx.AsyncClient(timeout=60)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await client.aclose()

    app = FastAPI(title="CobaltConnect web", lifespan=lifespan, docs_url=None, redoc_url=None)
    if provider is not None and issuer is not None:
        app.mount("/signin", signin.create_app(provider, issuer=issuer))
    if (static / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=static / "assets"), name="assets")

    @app.get("/", include_in_schema=False)
    async def index() -> Response:
        page = static / "index.html"
        if not page.exists():
            return HTMLResponse(NOT_BUILT, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.svg", include_in_schema=False)
    async def favicon() -> Response:
        icon = static / "favicon.svg"
        if not icon.exists():
            return Response(status_code=404)
        return FileResponse(icon, media_type="image/svg+xml")

    @app.get("/app-config.json", include_in_schema=False)
    async def app_config() -> dict[str, object]:
        """Where the app signs in: the development provider of this server."""
        return {
            "oidc": {
                "issuer": issuer or "",
                "client_id": signin.CLIENT_ID,
                "scope": "openid profile",
            }
        }

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.api_route("/{path:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    async def proxy(path: str, request: Request) -> Response:
        target = "/" + path
        upstream = next(
            (
                base
                for prefix, base in routes
                if target == prefix or target.startswith(prefix + "/")
            ),
            None,
        )
        if upstream is None:
            message = f"no page {target}"
            return JSONResponse({"error": {"code": "not_found", "message": message}}, 404)
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED}
        try:
            answer = await client.request(
                request.method,
                upstream + target,
                params=request.query_params,
                content=await request.body(),
                headers=headers,
            )
        except httpx.HTTPError as exc:
            message = f"the service behind {target} did not answer ({exc.__class__.__name__})"
            return JSONResponse({"error": {"code": "unavailable", "message": message}}, 502)
        kept = {k: v for k, v in answer.headers.items() if k.lower() in RETURNED}
        return Response(answer.content, status_code=answer.status_code, headers=kept)

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the web front end and its API proxy")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", action="append", default=[], help="name=http://host:port")
    parser.add_argument("--static", type=Path, default=DIST, help="the built app (web/dist)")
    parser.add_argument("--signin-dir", type=Path, help="accounts and key of the sign-in")
    parser.add_argument("--issuer", help="the development sign-in's issuer URL")
    args = parser.parse_args(argv)
    upstreams = dict(u.split("=", 1) for u in args.upstream)
    provider = None
    if args.signin_dir is not None:
        provider = signin.Provider(
            accounts_path=args.signin_dir / "accounts.json",
            key=signin.signing_key(args.signin_dir / "key.json"),
            redirect_origins=signin.local_origins(args.port),
        )
    app = create_app(upstreams, static=args.static, provider=provider, issuer=args.issuer)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
