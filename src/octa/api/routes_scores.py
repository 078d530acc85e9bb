"""Editions, indicators, scores and rankings: the published index as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from octa.api.deps import Assess, Ctx, plain
from octa.api.fastpath import cached
from octa.api.pagination import Page, PageParams, page_params, paginate
from octa.api.problems import COMMON_RESPONSES
from octa.assessment import EditionAssessment
from octa.countries import get_country
from octa.exc import InvalidInput

router = APIRouter(prefix="/api/v1", tags=["scores"], responses=COMMON_RESPONSES)

Edition = Annotated[int | None, Query(ge=1900, le=2200, description="Edition year (default: latest)")]
Paging = Annotated[PageParams, Depends(page_params)]


def edition_of(assessor: Assess, edition: int | None) -> EditionAssessment:
    return assessor.edition(edition)


@router.get("/editions", summary="Editions in the store")
def list_editions(assessor: Assess) -> list[dict[str, Any]]:
    """Every edition with its framework and country count, oldest first."""
    rows = []
    for year in assessor.editions():
        assessment = assessor.edition(year)
        rows.append(
            {
                "edition": year,
                "framework": assessment.framework.id,
                "framework_name": assessment.framework.name,
                "countries": len(assessment.iso3),
                "measures": assessment.measures(),
            }
        )
    return rows


@router.get("/indicators", summary="Indicators, pillars and aggregates of an edition's framework")
def list_indicators(assessor: Assess, edition: Edition = None) -> dict[str, Any]:
    framework = assessor.edition(edition).framework
    return {
        "edition": assessor.edition(edition).edition,
        "framework": framework.id,
        "scale": framework.scale.model_dump(),
        "pillars": [{"id": p.id, "name": p.name} for p in framework.pillars],
        "aggregates": framework.aggregate_ids(),
        "headline": framework.headline,
        "indicators": [
            {"id": i.id, "name": i.name, "pillar": i.pillar, "definition": i.definition}
            for i in framework.indicators
        ],
    }


@router.get("/scores", summary="Indicator scores, one row per country and indicator", response_model=Page)
async def list_scores(
    context: Ctx,
    paging: Paging,
    edition: Edition = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO2, ISO3 or name")] = None,
    region: Annotated[str | None, Query(max_length=100)] = None,
    indicator: Annotated[str | None, Query(max_length=100, description="Indicator or aggregate id")] = None,
) -> Response:
    def compute() -> Page:
        with context.session() as session:
            assessment = context.assessor(session).edition(edition)
        return paginate(score_rows(assessment, country, region, indicator), paging)

    key = ("api-scores", edition, country, region, indicator, paging.limit, paging.offset)
    return await cached(context, key, compute)


def score_rows(
    assessment: EditionAssessment, country: str | None, region: str | None, indicator: str | None
) -> list[dict[str, Any]]:
    """Long rows (country, measure, value); filters narrow countries and measures."""
    measures = [indicator] if indicator else assessment.framework.indicator_ids
    columns = {m: assessment.values(m) for m in measures}  # raises InvalidInput for unknown ids
    positions = _selected(assessment, country, region)
    kinds = {m: ("aggregate" if m in assessment.rounded else "indicator") for m in measures}
    rows = []
    for n in positions:
        iso3 = assessment.iso3[n]
        for measure in measures:
            rows.append(
                {
                    "edition": assessment.edition,
                    "iso3": iso3,
                    "measure": measure,
                    "kind": kinds[measure],
                    "value": plain(float(columns[measure][n])),
                }
            )
    return rows


def _selected(assessment: EditionAssessment, country: str | None, region: str | None) -> list[int]:
    positions = list(range(len(assessment.iso3)))
    if country:
        positions = [assessment.index_of(get_country(country).iso3)]
    if region:
        wanted = region.strip().casefold()
        known = {r.casefold() for r in assessment.scores.region} | {
            c.casefold() for c in assessment.scores.continent
        }
        if wanted not in known:
            raise InvalidInput(f"unknown region or continent {region!r}")
        positions = [
            n
            for n in positions
            if wanted in (assessment.scores.region[n].casefold(), assessment.scores.continent[n].casefold())
        ]
    return positions


@router.get("/rankings", summary="Countries ranked by a measure", response_model=Page)
async def rankings(
    context: Ctx,
    paging: Paging,
    edition: Edition = None,
    by: Annotated[str, Query(max_length=100, description="Aggregate or indicator id")] = "criminality",
    region: Annotated[str | None, Query(max_length=100)] = None,
    continent: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    def compute() -> Page:
        with context.session() as session:
            rows = context.assessor(session).ranking(by, edition, region=region, continent=continent)
        return paginate(plain(rows), paging)

    key = ("api-rankings", edition, by, region, continent, paging.limit, paging.offset)
    return await cached(context, key, compute)
