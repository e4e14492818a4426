"""The web front end's server for the local stack: the pages, and every service's API under
the same origin (the paths the Ingress serves in Kubernetes), so the browser talks to one host.

`python -m cobalt_devstack.web --port 8100 --upstream orders=http://127.0.0.1:8110 ...`
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from cobalt_devstack.services import API_PATHS

STATIC = Path(__file__).parent / "webapp"
FORWARDED = ("authorization", "content-type", "idempotency-key", "accept", "x-correlation-id")
RETURNED = ("content-type", "content-disposition", "x-correlation-id")


def create_app(upstreams: dict[str, str]) -> FastAPI:
    routes = sorted(
        ((prefix, upstreams[name]) for name, prefixes in API_PATHS.items() if name in upstreams
         for prefix in prefixes),
        key=lambda r: -len(r[0]),
    )  # fmt: skip
    client = httpx.AsyncClient(timeout=60)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await client.aclose()

    app = FastAPI(title="CobaltConnect web", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

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
            return JSONResponse({"error": {"code": "not_found", "message": f"no page {target}"}},
                                status_code=404)  # fmt: skip
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED}
        try:
            answer = await client.request(
                request.method, upstream + target, params=request.query_params,
                content=await request.body(), headers=headers,
            )  # fmt: skip
        except httpx.HTTPError as exc:
            message = f"the service behind {target} did not answer ({exc.__class__.__name__})"
            return JSONResponse({"error": {"code": "unavailable", "message": message}},
                                status_code=502)  # fmt: skip
        kept = {k: v for k, v in answer.headers.items() if k.lower() in RETURNED}
        return Response(answer.content, status_code=answer.status_code, headers=kept)

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the web front end and its API proxy")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", action="append", default=[], help="name=http://host:port")
    args = parser.parse_args(argv)
    upstreams = dict(u.split("=", 1) for u in args.upstream)
    uvicorn.run(create_app(upstreams), host="127.0.0.1", port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
