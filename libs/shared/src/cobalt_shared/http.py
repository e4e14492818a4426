"""The FastAPI application every service API starts from."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from cobalt_shared.api_contract import ERROR_RESPONSES, honest_openapi
from cobalt_shared.auth import Role, TokenService
from cobalt_shared.contracts.subjects import StreamSpec, relay_wake
from cobalt_shared.db.engine import create_engine, ping
from cobalt_shared.db.uow import UnitOfWork
from cobalt_shared.dead_letters import dead_letter_router
from cobalt_shared.errors import DomainError
from cobalt_shared.messaging import NatsConnection
from cobalt_shared.observability import Check, CorrelationMiddleware, health_router
from cobalt_shared.oidc import Authenticator, KeyCache, OidcProvider, OidcVerifier, http_keys
from cobalt_shared.settings import ServiceSettings

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def build_api(
    settings: ServiceSettings,
    *,
    title: str,
    routers: Sequence[APIRouter],
    checks: Mapping[str, Check],
    lifespan: Lifespan | None = None,
    description: str = "",
) -> FastAPI:
    """An API with auth, correlation ids, health endpoints and uniform error bodies."""
    # The /docs page's script and styles come from an installed package, never a CDN.
    app = FastAPIOffline(
        title=title, description=description, version="0.1.0", lifespan=lifespan, redoc_url=None
    )
    app.state.settings = settings
    app.state.verifier = verifier_for(settings)
    app.add_middleware(CorrelationMiddleware, service=settings.service_name)
    install_error_handlers(app)
    app.include_router(health_router(checks))
    for router in routers:
        app.include_router(router, responses=ERROR_RESPONSES)
    honest_openapi(app)
    return app


def lifetimes(settings: ServiceSettings) -> dict[Role, timedelta]:
    """The longest sign-in the settings allow each role."""
    return {
        Role.MERCHANT: timedelta(hours=settings.token_max_hours_merchant),
        Role.SUPPORT: timedelta(hours=settings.token_max_hours_support),
        Role.SERVICE: timedelta(hours=settings.token_max_hours_service),
    }


def tokens_for(settings: ServiceSettings) -> TokenService:
    """The token service with the lifetimes the settings allow each role."""
    return TokenService(
        settings.auth_secret.get_secret_value(),
        settings.token_issuer,
        max_lifetime=lifetimes(settings),
    )


def verifier_for(settings: ServiceSettings) -> Authenticator:
    """HS256 tokens always; the OpenID Connect provider's tokens when one is configured."""
    oidc = None
    if settings.oidc_issuer:
        issuer = settings.oidc_issuer.rstrip("/")
        provider = OidcProvider(
            issuer=settings.oidc_issuer,
            audience=settings.oidc_audience,
            jwks_url=settings.oidc_jwks_url or f"{issuer}/jwks.json",
            merchant_claim=settings.oidc_merchant_claim,
            role_claim=settings.oidc_role_claim,
            name_claim=settings.oidc_name_claim,
        )
        oidc = OidcVerifier(
            provider, KeyCache(http_keys(provider.jwks_url)), max_lifetime=lifetimes(settings)
        )
    return Authenticator(tokens_for(settings), oidc)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def install_error_handlers(app: FastAPI) -> None:
    """Domain errors and validation errors become `{"error": {"code", "message"}}`."""

    @app.exception_handler(DomainError)
    async def _domain(_request: Request, exc: DomainError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        extra = {"field": exc.field} if exc.field else {}
        body = error_body(exc.code, exc.message, **extra)
        return JSONResponse(body, exc.status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
        body = error_body(code, str(exc.detail))
        return JSONResponse(body, exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in err["loc"] if p != "body"), "problem": err["msg"]}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field'] or 'body'}: {p['problem']}" for p in problems)
        return JSONResponse(error_body("invalid", summary, problems=problems), 422)


def build_service_api(
    settings: ServiceSettings,
    *,
    title: str,
    description: str,
    unit_of_work: type[UnitOfWork],
    own_stream: StreamSpec,
    routers: Sequence[APIRouter],
    routers_with_uow: Callable[[Callable[[], UnitOfWork]], Sequence[APIRouter]] | None = None,
) -> FastAPI:
    """A service API on its own database: readiness covers database and NATS; dead letters of
    its consumers can be listed and replayed by support."""
    engine = create_engine(settings.database_url)
    nats = NatsConnection(settings.nats, f"{settings.service_name}-api")
    wake = relay_wake(settings.service_name)

    def new_uow() -> UnitOfWork:
        # A commit that queued messages wakes the worker's relay at once (no poll to wait).
        return unit_of_work(engine, on_commit=lambda: nats.nudge(wake))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await nats.start()
        try:
            yield
        finally:
            await nats.close()
            await engine.dispose()

    app = build_api(
        settings,
        title=title,
        description=description,
        routers=[
            *routers,
            *(routers_with_uow(new_uow) if routers_with_uow else ()),
            dead_letter_router(new_uow, own_stream),
        ],
        checks={"database": lambda: ping(engine), "nats": nats.ping},
        lifespan=lifespan,
    )
    app.state.new_uow = new_uow
    return app


async def unit_of_work(request: Request) -> Any:
    """Dependency: a fresh unit of work of the service's own type (annotate it per service).
    A coroutine, as every dependency: FastAPI runs a plain function in its thread pool."""
    return request.app.state.new_uow()
