"""Country figures the API and the pages share: the profile plus rank intervals and evidence."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from octa.api.context import AppContext
from octa.api.deps import plain
from octa.countries import get_country

UNCERTAINTY_DRAWS = 1000


def rank_intervals(context: AppContext, session: Session, year: int) -> dict[str, dict[str, Any]]:
    """iso3 -> measure -> median rank and 90% interval; one Monte Carlo run per edition, cached."""

    def compute() -> dict[str, dict[str, Any]]:
        try:
            from octa.assessment import rank_uncertainty
        except ImportError:
            return {}
        result = rank_uncertainty(context.assessment(session, year), draws=UNCERTAINTY_DRAWS, seed=0)
        table: dict[str, dict[str, Any]] = {}
        for record in result.to_records():
            table.setdefault(record["country"], {})[record["target"]] = {
                "median": record["median_rank"],
                "low": record["rank_low"],
                "high": record["rank_high"],
                "interval": "90%",
                "draws": result.draws,
            }
        return table

    return context.memo(("intervals", year), compute)  # type: ignore[no-any-return]


def country_detail(context: AppContext, session: Session, code: str, year: int | None) -> dict[str, Any]:
    """Scores, ranks, quadrant, change since the previous edition and rank interval of one country."""
    iso3 = get_country(code).iso3
    assessor = context.assessor(session)
    edition = assessor.edition(year).edition

    def compute() -> dict[str, Any]:
        profile = assessor.profile(iso3, edition)
        profile["rank_interval"] = rank_intervals(context, session, edition).get(iso3, {})
        profile["editions"] = [y for y in assessor.editions() if iso3 in assessor.edition(y).iso3]
        return plain(profile)  # type: ignore[no-any-return]

    return context.memo(("country", iso3, edition), compute)  # type: ignore[no-any-return]


def country_list(context: AppContext, session: Session, year: int | None) -> list[dict[str, Any]]:
    assessment = context.assessor(session).edition(year)

    def compute() -> list[dict[str, Any]]:
        rows = []
        for row in assessment.table():
            country = get_country(row["iso3"])
            rows.append(plain({"iso2": country.iso2, **row}))
        return rows

    return context.memo(("countries", assessment.edition), compute)  # type: ignore[no-any-return]
