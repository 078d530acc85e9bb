"""Assessments: the store's scores run through the engine, as plain rows for every edge.

This is the one place that turns stored indicator scores into published aggregates, ranks,
quadrants, changes and profiles; the CLI, the API, the web pages and the reports all call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from octa import engine
from octa.countries import get_country
from octa.exc import InvalidInput, NotFound
from octa.frameworks import FrameworkSpec
from octa.store.scores import EditionScores, edition_scores, editions

SCOPES = ("world", "continent", "region")


@dataclass
class EditionAssessment:
    """One edition, computed: every figure the index publishes, for every country."""

    scores: EditionScores
    threshold: float | None = None
    method: str | None = None
    #: How several assessors' scores for one indicator combine: mean, median or trimmed.
    combine: str = "mean"
    #: aggregate id -> unrounded values, one per country.
    unrounded: dict[str, np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        if self.scores.by_assessor is not None and self.combine != "mean":
            cube = np.moveaxis(self.scores.by_assessor, 2, 0)
            self.scores.matrix = engine.combine_assessors(cube, self.combine)  # type: ignore[arg-type]
        self.unrounded = engine.aggregate(self.scores.matrix, self.framework, method=self.method)  # type: ignore[arg-type]

    @property
    def edition(self) -> int:
        return self.scores.edition

    @property
    def framework(self) -> FrameworkSpec:
        return self.scores.framework

    @property
    def iso3(self) -> list[str]:
        return self.scores.iso3

    @cached_property
    def rounded(self) -> dict[str, np.ndarray]:
        decimals = self.framework.rounding.decimals
        return {key: engine.round_half_up(values, decimals) for key, values in self.unrounded.items()}

    @cached_property
    def quadrant(self) -> np.ndarray:
        spec = self.framework.quadrant
        threshold = spec.threshold if self.threshold is None else self.threshold
        return engine.quadrants(self.rounded[spec.x], self.rounded[spec.y], threshold)

    def values(self, measure: str) -> np.ndarray:
        """Rounded aggregate, or an indicator's scores."""
        if measure in self.rounded:
            return self.rounded[measure]
        ids = self.framework.indicator_ids
        if measure not in ids:
            known = ", ".join(list(self.rounded) + ids)
            raise InvalidInput(f"unknown measure {measure!r} for edition {self.edition} (known: {known})")
        return self.scores.matrix[:, ids.index(measure)]

    def groups(self, scope: str) -> np.ndarray | None:
        if scope == "world":
            return None
        return np.array(self.scores.continent if scope == "continent" else self.scores.region)

    @cached_property
    def _rank_cache(self) -> dict[tuple[str, str], np.ndarray]:
        return {}

    def ranks(self, measure: str, scope: str = "world") -> np.ndarray:
        key = (measure, scope)
        if key not in self._rank_cache:
            ranks = engine.competition_rank(self.values(measure), groups=self.groups(scope))
            self._rank_cache[key] = np.nan_to_num(ranks, nan=0).astype(int)
        return self._rank_cache[key]

    def index_of(self, iso3: str) -> int:
        try:
            return self.iso3.index(iso3)
        except ValueError:
            raise NotFound(f"no scores for {iso3} in edition {self.edition}") from None

    def measures(self) -> list[str]:
        return list(self.rounded) + self.framework.indicator_ids

    def row(self, iso3: str) -> dict[str, Any]:
        """Everything about one country in this edition, as plain data."""
        n = self.index_of(iso3)
        country = get_country(iso3)
        ranks = {
            measure: {scope: int(self.ranks(measure, scope)[n]) for scope in SCOPES}
            for measure in self.rounded
        }
        return {
            "iso3": iso3,
            "iso2": country.iso2,
            "country": country.name,
            "edition": self.edition,
            "continent": self.scores.continent[n],
            "region": self.scores.region[n],
            "aggregates": {k: _num(v[n]) for k, v in self.rounded.items()},
            "unrounded": {k: _num(v[n]) for k, v in self.unrounded.items()},
            "indicators": {
                i: _num(self.scores.matrix[n, j]) for j, i in enumerate(self.framework.indicator_ids)
            },
            "ranks": ranks,
            "quadrant": str(self.quadrant[n]),
        }

    def aggregate_order(self) -> list[str]:
        """Headline measures, each composite followed by its parts, then any other aggregate."""
        composites = {c.id: c.of for c in self.framework.composites}
        order: list[str] = []
        for key in self.framework.headline:
            for item in (key, *composites.get(key, ())):
                if item not in order:
                    order.append(item)
        return order + [key for key in self.rounded if key not in order]

    def table(self) -> list[dict[str, Any]]:
        """One flat row per country: iso3, country, edition, aggregates, ranks, quadrant, indicators."""
        rows = []
        for n, iso3 in enumerate(self.iso3):
            row: dict[str, Any] = {"iso3": iso3, "country": get_country(iso3).name, "edition": self.edition}
            for key in self.aggregate_order():
                row[key.replace("-", "_")] = _num(self.rounded[key][n])
            for key in self.framework.headline:
                row[f"{key.replace('-', '_')}_rank"] = int(self.ranks(key)[n])
            row["quadrant"] = str(self.quadrant[n])
            for j, indicator in enumerate(self.framework.indicator_ids):
                row[indicator] = _num(self.scores.matrix[n, j])
            row["continent"], row["region"] = self.scores.continent[n], self.scores.region[n]
            rows.append(row)
        return rows

    def averages(self, measure: str, scope: str) -> dict[str, float]:
        """Mean of a measure per continent or region (or the world), from unrounded values."""
        values = self.unrounded.get(measure)
        if values is None:
            values = self.values(measure)
        if scope == "world":
            return {"world": _num(np.nanmean(values))}
        labels = self.groups(scope)
        assert labels is not None
        names, means = engine.group_means(values, labels)
        return {str(k): _num(v) for k, v in zip(names, means, strict=True)}


def _num(value: Any) -> float:
    number = float(value)
    return number if np.isfinite(number) else float("nan")


class Assessor:
    """Computes editions on demand from one session and keeps them for the session's life."""

    def __init__(
        self,
        session: Session,
        *,
        threshold: float | None = None,
        method: str | None = None,
        combine: str = "mean",
    ) -> None:
        self.session = session
        self.threshold, self.method, self.combine = threshold, method, combine
        self._cache: dict[int, EditionAssessment] = {}

    def editions(self) -> list[int]:
        return list(editions(self.session))

    def latest(self) -> int:
        years = self.editions()
        if not years:
            raise NotFound("the store holds no scores yet: run `octa init` or `octa import FILE`")
        return years[-1]

    def edition(self, year: int | None = None) -> EditionAssessment:
        year = self.latest() if year is None else year
        if year not in self._cache:
            self._cache[year] = EditionAssessment(
                edition_scores(self.session, year), self.threshold, self.method, self.combine
            )
        return self._cache[year]

    def previous(self, year: int) -> int | None:
        earlier = [y for y in self.editions() if y < year]
        return earlier[-1] if earlier else None

    def change(self, iso3: str, year: int | None = None) -> dict[str, Any] | None:
        """Change since the previous edition, from unrounded values; None for a first edition."""
        current = self.edition(year)
        before_year = self.previous(current.edition)
        if before_year is None:
            return None
        before = self.edition(before_year)
        if iso3 not in before.iso3:
            return None
        now, then = current.row(iso3), before.row(iso3)
        deltas = {
            key: _round(now["unrounded"][key] - then["unrounded"][key])
            for key in now["unrounded"]
            if key in then["unrounded"]
        }
        indicator_deltas = {
            key: _round(value - then["indicators"][key])
            for key, value in now["indicators"].items()
            if key in then["indicators"] and np.isfinite(value) and np.isfinite(then["indicators"][key])
        }
        rank_changes = {  # positive: the country moved down the list (rank number grew)
            key: now["ranks"][key]["world"] - then["ranks"][key]["world"]
            for key in now["ranks"]
            if key in then["ranks"]
        }
        return {
            "from": before.edition,
            "to": current.edition,
            "aggregates": deltas,
            "indicators": indicator_deltas,
            "rank_change": rank_changes,
            "previous_quadrant": then["quadrant"],
        }

    def profile(self, country: str, year: int | None = None, top: int = 3) -> dict[str, Any]:
        iso3 = get_country(country).iso3
        assessment = self.edition(year)
        row = assessment.row(iso3)
        framework = assessment.framework
        by_pillar = {p.id: [i.id for i in framework.indicators_of(p.id)] for p in framework.pillars}
        row["change"] = self.change(iso3, assessment.edition)
        row["strongest_markets"] = _extreme(
            row["indicators"], by_pillar.get("criminal-markets", []), top, True
        )
        row["strongest_actors"] = _extreme(row["indicators"], by_pillar.get("criminal-actors", []), top, True)
        row["weakest_resilience"] = _extreme(row["indicators"], by_pillar.get("resilience", []), top, False)
        row["indicator_names"] = {i.id: i.name for i in framework.indicators}
        row["framework"] = framework.id
        return row

    def ranking(
        self,
        by: str,
        year: int | None = None,
        *,
        region: str | None = None,
        continent: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        assessment = self.edition(year)
        values = assessment.values(by)
        scope, selected = _scope(assessment, region, continent)
        ranks = assessment.ranks(by, scope)
        order = [n for n in np.lexsort((np.array(assessment.iso3), ranks)) if selected[n]]
        rows = [
            {
                "rank": int(ranks[n]),
                "iso3": assessment.iso3[n],
                "country": get_country(assessment.iso3[n]).name,
                "region": assessment.scores.region[n],
                "continent": assessment.scores.continent[n],
                "value": _num(values[n]),
            }
            for n in order
            if np.isfinite(values[n])
        ]
        return rows[:limit] if limit else rows


def _scope(
    assessment: EditionAssessment, region: str | None, continent: str | None
) -> tuple[str, np.ndarray]:
    if region:
        match = _match_group(region, assessment.scores.region, "region")
        return "region", np.array([r == match for r in assessment.scores.region])
    if continent:
        match = _match_group(continent, assessment.scores.continent, "continent")
        return "continent", np.array([c == match for c in assessment.scores.continent])
    return "world", np.ones(len(assessment.iso3), dtype=bool)


def _match_group(wanted: str, labels: list[str], kind: str) -> str:
    for label in sorted(set(labels)):
        if label.casefold() == wanted.strip().casefold():
            return label
    raise InvalidInput(f"unknown {kind} {wanted!r} (known: {', '.join(sorted(set(labels)))})")


def _extreme(values: dict[str, float], ids: list[str], top: int, highest: bool) -> list[dict[str, Any]]:
    present = [(values[i], i) for i in ids if np.isfinite(values.get(i, float("nan")))]
    present.sort(key=lambda pair: (-pair[0] if highest else pair[0], ids.index(pair[1])))
    return [{"indicator": i, "score": v} for v, i in present[:top]]


def _round(value: float) -> float:
    return round(float(value), 6)


def rank_uncertainty(
    assessment: EditionAssessment,
    *,
    draws: int = 2000,
    seed: int | None = 0,
    perturb: bool = True,
    weights: bool = True,
    aggregation: str = "random",
    bootstrap: bool = True,
    concentration: float = 200.0,
    progress: Any = None,
) -> engine.uncertainty.UncertaintyResult:
    """Monte Carlo rank intervals for the quadrant's measures of one edition."""
    scores = assessment.scores
    matrix = scores.matrix if scores.by_assessor is None else np.moveaxis(scores.by_assessor, 2, 0)
    return engine.uncertainty.run(
        matrix,
        assessment.framework,
        draws=draws,
        seed=seed,
        countries=scores.iso3,
        perturb=engine.uncertainty.DEFAULT_PERTURB if perturb else None,
        concentration=concentration if weights else None,
        aggregation=aggregation,  # type: ignore[arg-type]
        bootstrap=bootstrap,
    )


def assessor_agreement(
    assessment: EditionAssessment, *, threshold: float = 1.0, score_threshold: float = 2.0
) -> dict[str, Any]:
    """Krippendorff's alpha (interval) per indicator and overall, and flagged assessors."""
    cube = assessment.scores.by_assessor
    if cube is None:
        return {"assessors": assessment.scores.assessors, "indicators": [], "overall_alpha": None}
    ratings = np.moveaxis(cube, 2, 0)  # (assessors, countries, indicators)
    alpha = engine.krippendorff_alpha_interval(ratings)
    overall = float(engine.krippendorff_alpha_interval(ratings.reshape(ratings.shape[0], -1)))
    report = engine.outlying_assessors(ratings, threshold=threshold, score_threshold=score_threshold)
    names = assessment.scores.assessors
    present = ~np.isnan(ratings)
    pairable = present.sum(axis=0) >= 2  # (countries, indicators): units two assessors rated
    rows = []
    for j, indicator in enumerate(assessment.framework.indicator_ids):
        if not pairable[:, j].any():
            continue
        rated = int(present[:, pairable[:, j], j].sum())
        flagged = [names[a] for a in range(len(names)) if report.flagged[a, j]]
        rows.append(
            {
                "indicator": indicator,
                "countries": int(pairable[:, j].sum()),
                "ratings": rated,
                "alpha": _num(alpha[j]),
                "flagged_assessors": ", ".join(flagged),
            }
        )
    return {"assessors": names, "indicators": rows, "overall_alpha": _num(overall)}
