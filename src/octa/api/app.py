"""The app factory: JSON API under /api/v1, pages at /, static assets, local Swagger UI.

Everything the browser loads comes from octa itself (no CDN), so the workbench runs offline
and the pages can use a strict Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from octa import __version__ as octa_version
from octa.api import problems
from octa.api.context import AppContext
from octa.api.fastpath import ResponseCache
from octa.api.uploads import UploadLimit
from octa.settings import Settings

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
SWAGGER = "5.35.0"
CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(settings: Settings | None = None, *, context: AppContext | None = None) -> FastAPI:
    """A new app bound to one store; the store is opened (and migrated) here."""
    settings = settings or Settings.from_env()
    ctx = context or AppContext(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = FastAPI(
        title="octa",
        version=octa_version,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Organised-crime threat assessment: scores, evidence, networks and reports. "
        "Errors are RFC 9457 problem+json; lists are paginated with limit/offset.",
    )
    app.state.octa = ctx
    problems.install(app)
    _include_routers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _docs(app)
    app.add_middleware(UploadLimit, limit=settings.max_document_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ResponseCache, context=ctx)  # outermost: hits skip routing entirely
    return app


def _include_routers(app: FastAPI) -> None:
    from octa.api import routes_countries, routes_evidence, routes_networks, routes_reports, routes_scores
    from octa.web import routes_country, routes_map
    from octa.web import routes_evidence as web_evidence
    from octa.web import routes_networks as web_networks

    for module in (routes_scores, routes_countries, routes_evidence, routes_reports, routes_networks):
        app.include_router(module.router)
    for module in (routes_map, routes_country, web_evidence, web_networks):
        app.include_router(module.router)


def _docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="octa API",
            swagger_js_url=f"/static/vendor/swagger-ui-bundle-{SWAGGER}.js",
            swagger_css_url=f"/static/vendor/swagger-ui-{SWAGGER}.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        )


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): nosniff, no referrer, page CSP."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope.get("path", "").startswith("/docs")

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if headers.get("content-type", "").startswith("text/html") and not is_docs:
                    headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, wrapped)
