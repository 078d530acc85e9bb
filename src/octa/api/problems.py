"""Errors as RFC 9457 `application/problem+json`: one translation for every edge error.

OctaError subclasses carry their HTTP status; FastAPI's validation errors become 422; anything
unexpected becomes a 500 that says nothing about internals (the traceback goes to the log only).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from octa.exc import OctaError

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger("octa.api")


class Problem(BaseModel):
    """The error body every failing request gets."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


def problem_schema() -> dict[str, Any]:
    return Problem.model_json_schema()


def problem_response(description: str) -> dict[str, Any]:
    """An OpenAPI response entry documenting a problem+json body."""
    return {"description": description, "content": {PROBLEM_TYPE: {"schema": problem_schema()}}}


#: Responses every API route may return; used by the routers so the spec documents them.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: problem_response("Malformed request (a body that cannot be parsed)"),
    404: problem_response("Unknown country, edition, document or network"),
    422: problem_response("Invalid parameters"),
    500: problem_response("Unexpected server error (no internals disclosed)"),
}


def problem(
    status: int, detail: str, *, type_: str = "about:blank", headers: dict[str, str] | None = None
) -> JSONResponse:
    """A problem+json response (the API's only error shape)."""
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = Problem(type=type_, title=title, status=status, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def respond(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """problem+json for the API; a page for a browser asking for HTML outside /api."""
    wants_html = "text/html" in request.headers.get("accept", "")
    if wants_html and not request.url.path.startswith(("/api/", "/openapi")):
        from octa.web.render import page

        return page(
            request,
            "error.html",
            http_status=status,
            status_code=status,
            detail=detail,
            title=HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error",
        )
    return problem(status, detail, headers=headers)


async def _octa_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OctaError)
    if exc.status >= 500 and exc.status != 503:
        log.error("store error: %s", exc)
        return respond(request, exc.status, "the server could not complete the request")
    detail = getattr(exc, "detail", None) or str(exc)
    return respond(request, exc.status, str(detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg")))
    return respond(request, 422, "; ".join(parts) or "invalid request")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return respond(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected error", exc_info=exc)
    return respond(request, 500, "the server could not complete the request")


def install(app: FastAPI) -> None:
    """Register the handlers; the catch-all keeps stack traces out of every response."""
    app.add_exception_handler(OctaError, _octa_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
