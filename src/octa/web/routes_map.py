"""The world map (home page), the rankings table and the comparison page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from octa.api.countries import country_detail
from octa.api.deps import Assess, Ctx, Db, plain
from octa.assessment import EditionAssessment
from octa.countries import find_country
from octa.web.render import page
from octa.web.worldmap import world_map

router = APIRouter(include_in_schema=False)
Edition = Annotated[int | None, Query(ge=1900, le=2200)]
Measure = Annotated[str, Query(max_length=100)]


def measure_options(assessment: EditionAssessment) -> list[dict[str, str]]:
    """Aggregates first, then every indicator grouped by pillar, for the measure pickers."""
    framework = assessment.framework
    pillar_names = {p.id: p.name for p in framework.pillars}
    options = [
        {"id": key, "name": key.replace("-", " ").capitalize(), "group": "Aggregates"}
        for key in framework.aggregate_ids()
    ]
    options += [
        {"id": i.id, "name": i.name, "group": pillar_names.get(i.pillar, i.pillar)}
        for i in framework.indicators
    ]
    return options


def pillar_of(assessment: EditionAssessment, measure: str) -> str | None:
    return assessment.framework.pillar_of(measure) if measure in assessment.framework.indicator_ids else None


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request, assessor: Assess, edition: Edition = None, measure: Measure = "criminality"
) -> HTMLResponse:
    assessment = assessor.edition(edition)
    values = assessment.values(measure)
    shapes = world_map()
    rows = {iso3: float(values[n]) for n, iso3 in enumerate(assessment.iso3)}
    names = {row["iso3"]: row["country"] for row in assessment.table()}
    missing = [
        {"iso3": iso3, "name": names.get(iso3, iso3), "value": rows.get(iso3)} for iso3 in shapes["missing"]
    ]
    return page(
        request,
        "map.html",
        title="World map",
        assessment=assessment,
        editions=assessor.editions(),
        measure=measure,
        options=measure_options(assessment),
        pillar=pillar_of(assessment, measure),
        shapes=shapes,
        values=plain(rows),
        names=names,
        missing=missing,
    )


@router.get("/rankings", response_class=HTMLResponse)
def rankings(
    request: Request,
    assessor: Assess,
    edition: Edition = None,
    by: Measure = "criminality",
    continent: Annotated[str | None, Query(max_length=100)] = None,
    region: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    assessment = assessor.edition(edition)
    rows = assessor.ranking(by, assessment.edition, region=region or None, continent=continent or None)
    table = {row["iso3"]: row for row in assessment.table()}
    return page(
        request,
        "rankings.html",
        title="Rankings",
        assessment=assessment,
        editions=assessor.editions(),
        by=by,
        options=measure_options(assessment),
        rows=plain(rows),
        table=plain(table),
        continents=sorted(set(assessment.scores.continent)),
        regions=sorted(set(assessment.scores.region)),
        continent=continent or "",
        region=region or "",
        pillar=pillar_of(assessment, by),
    )


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    context: Ctx,
    session: Db,
    assessor: Assess,
    edition: Edition = None,
    c: Annotated[list[str] | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    assessment = assessor.edition(edition)
    wanted: list[str] = []
    unknown: list[str] = []
    for text in (c or [])[:5]:
        found = find_country(text) if text.strip() else None
        if found is None or found.iso3 not in assessment.iso3:
            unknown.append(text) if text.strip() else None
        elif found.iso3 not in wanted:
            wanted.append(found.iso3)
    profiles: list[dict[str, Any]] = [
        country_detail(context, session, iso3, assessment.edition) for iso3 in wanted
    ]
    countries = sorted(
        ({"iso3": r["iso3"], "name": r["country"]} for r in assessment.table()), key=lambda r: r["name"]
    )
    return page(
        request,
        "compare.html",
        title="Compare countries",
        assessment=assessment,
        editions=assessor.editions(),
        profiles=profiles,
        unknown=unknown,
        countries=countries,
        framework=assessment.framework,
    )
