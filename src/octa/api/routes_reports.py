"""Country report download (HTML or PDF)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from octa.api.deps import Ctx
from octa.api.problems import COMMON_RESPONSES, problem_response
from octa.api.reports import render
from octa.countries import get_country

router = APIRouter(prefix="/api/v1", tags=["reports"], responses=COMMON_RESPONSES)
MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@router.get(
    "/countries/{code}/report",
    summary="Country report as HTML or PDF",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, "application/pdf": {}}, "description": "The report"},
        503: problem_response("Reports are not available in this installation"),
    },
)
def country_report(
    context: Ctx,
    code: Annotated[str, Path(min_length=2, max_length=3, pattern="^[A-Za-z]{2,3}$")],
    format: Annotated[Literal["html", "pdf"], Query()] = "html",
    edition: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    download: Annotated[bool, Query(description="Send as an attachment")] = False,
) -> Response:
    iso3 = get_country(code).iso3
    year = context.resolve_edition(edition)
    body = render(context, iso3, year, format)
    disposition = "attachment" if download or format == "pdf" else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="octa-{iso3}-{year}.{format}"'}
    if format == "html":
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return Response(body, media_type=MEDIA[format], headers=headers)
