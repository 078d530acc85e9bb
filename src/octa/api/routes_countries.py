"""Countries: the list with headline figures, and one country's full profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from octa.api.countries import country_detail, country_list
from octa.api.deps import Ctx, Db
from octa.api.evidence import actor_graph, country_summary
from octa.api.fastpath import cached
from octa.api.pagination import Page, PageParams, page_params, paginate
from octa.api.problems import COMMON_RESPONSES
from octa.countries import get_country

router = APIRouter(prefix="/api/v1", tags=["countries"], responses=COMMON_RESPONSES)
Edition = Annotated[int | None, Query(ge=1900, le=2200, description="Edition year (default: latest)")]
Code = Annotated[str, Path(min_length=2, max_length=3, pattern="^[A-Za-z]{2,3}$", description="ISO2 or ISO3")]


@router.get("/countries", summary="Countries with headline figures", response_model=Page)
async def list_countries(
    context: Ctx,
    paging: Annotated[PageParams, Depends(page_params)],
    edition: Edition = None,
    continent: Annotated[str | None, Query(max_length=100)] = None,
    region: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    def compute() -> Page:
        with context.session() as session:
            rows = country_list(context, session, edition)
        if continent:
            rows = [r for r in rows if r["continent"].casefold() == continent.strip().casefold()]
        if region:
            rows = [r for r in rows if r["region"].casefold() == region.strip().casefold()]
        return paginate(rows, paging)

    key = ("api-countries", edition, continent, region, paging.limit, paging.offset)
    return await cached(context, key, compute)


@router.get(
    "/countries/{code}",
    summary="One country: scores, ranks, quadrant, change, rank interval",
    response_model=dict[str, Any],
)
async def get_country_detail(context: Ctx, code: Code, edition: Edition = None) -> Response:
    def compute() -> dict[str, Any]:
        with context.session() as session:
            return country_detail(context, session, code, edition)

    return await cached(context, ("api-country", code.upper(), edition), compute)


@router.get("/countries/{code}/evidence-profile", summary="Evidence counts per indicator and status")
def evidence_profile(session: Db, code: Code) -> dict[str, Any]:
    iso3 = get_country(code).iso3
    return {"iso3": iso3, "indicators": country_summary(session, iso3)}


@router.get("/countries/{code}/actors", summary="Actor graph from the country's evidence")
def country_actors(session: Db, code: Code) -> dict[str, Any]:
    return actor_graph(session, get_country(code).iso3)
