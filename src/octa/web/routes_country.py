"""The country page: scores with charts, change, rank interval, evidence, actors, report links."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from octa.api import evidence
from octa.api.context import AppContext
from octa.api.countries import country_detail
from octa.api.deps import Ctx
from octa.api.fastpath import HTML, cached
from octa.api.reports import report_available
from octa.countries import get_country
from octa.web.render import render_page

router = APIRouter(include_in_schema=False)
Code = Annotated[str, Path(min_length=2, max_length=60)]


def history(context: Any, session: Any, iso3: str, editions: list[int]) -> list[dict[str, Any]]:
    """Aggregates of every edition the country appears in, for the trend chart."""
    rows = []
    for year in editions:
        detail = country_detail(context, session, iso3, year)
        rows.append({"edition": year, **detail["aggregates"]})
    return rows


def pillars(detail: dict[str, Any], framework: Any, previous: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Indicators grouped by pillar with this and the previous edition's score."""
    before = (previous or {}).get("indicators", {})
    return [
        {
            "id": p.id,
            "name": p.name,
            "indicators": [
                {
                    "id": i.id,
                    "name": i.name,
                    "score": detail["indicators"].get(i.id),
                    "previous": before.get(i.id),
                }
                for i in framework.indicators_of(p.id)
            ],
        }
        for p in framework.pillars
    ]


@router.get("/go")
def go(country: Annotated[str, Query(min_length=1, max_length=100)]) -> RedirectResponse:
    """The top bar's country box: a name or code straight to its page (unknown: a 404 page)."""
    return RedirectResponse(f"/countries/{get_country(country).iso3}", status_code=303)


@router.get("/countries/{code}", response_class=HTMLResponse)
async def country_page(
    request: Request, context: Ctx, code: Code, edition: Annotated[int | None, Query(ge=1900, le=2200)] = None
) -> Response:
    """Cached per country and edition until the next write (evidence uploads and reviews included)."""
    country = get_country(code)
    if code != country.iso3:
        suffix = f"?edition={edition}" if edition else ""
        return RedirectResponse(f"/countries/{country.iso3}{suffix}", status_code=307)

    def compute() -> str:
        with context.session() as session:
            return render_country(request, context, session, country.iso3, edition)

    return await cached(context, ("page-country", country.iso3, edition), compute, media_type=HTML)


def render_country(
    request: Request, context: AppContext, session: Session, iso3: str, edition: int | None
) -> str:
    detail = country_detail(context, session, iso3, edition)
    assessment = context.assessor(session).edition(detail["edition"])
    change = detail.get("change")
    previous = country_detail(context, session, iso3, change["from"]) if change else None
    total, items = evidence.search(session, evidence.EvidenceFilter(iso3=iso3), 10, 0)
    return render_page(
        request,
        "country.html",
        title=detail["country"],
        detail=detail,
        assessment=assessment,
        editions=detail["editions"],
        pillars=pillars(detail, assessment.framework, previous),
        history=history(context, session, iso3, detail["editions"]),
        evidence_total=total,
        evidence_items=items,
        evidence_profile=evidence.country_summary(session, iso3),
        actors=evidence.actor_graph(session, iso3),
        reports=report_available(),
    )
