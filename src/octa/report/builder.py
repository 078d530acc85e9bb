"""Build `ReportData` from the store: scores, ranks, averages, rank intervals and evidence.

One `ReportBuilder` serves many reports from one session. It keeps the assessments (through
`Assessor`), the group averages and the Monte Carlo rank intervals per edition, so rendering
all 193 countries of an edition costs one uncertainty run, not 193.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from functools import cached_property

import numpy as np
from sqlalchemy.orm import Session

from octa.assessment import Assessor, EditionAssessment, rank_uncertainty
from octa.countries import get_country
from octa.engine import uncertainty
from octa.exc import NotFound
from octa.report import config
from octa.report.evidence import country_evidence
from octa.report.model import EvidenceItem, GroupReportData, Measure, RankInterval, ReportData, TrendPoint

#: Monte Carlo draws for the rank intervals: enough for stable 5th/95th percentiles, cheap
#: enough (~0.3 s an edition) to run inside a report request.
DEFAULT_DRAWS = 2000
SCOPES = ("region", "continent", "world")
Averages = dict[str, dict[str, dict[str, float]]]


class ReportBuilder:
    """Turns (country, edition) into `ReportData`, caching per-edition work across countries."""

    def __init__(
        self,
        session: Session,
        *,
        draws: int = DEFAULT_DRAWS,
        seed: int = 0,
        assessor: Assessor | None = None,
    ) -> None:
        self.session = session
        self.assessor = assessor or Assessor(session)
        self.draws, self.seed = draws, seed
        self._intervals: dict[int, uncertainty.UncertaintyResult | None] = {}
        self._averages: dict[int, Averages] = {}

    @cached_property
    def editions(self) -> list[int]:
        """Editions in the store (read once: a builder lives for one batch of reports)."""
        return self.assessor.editions()

    def edition(self, year: int | None) -> EditionAssessment:
        return self.assessor.edition(year)

    def country(self, country: str, edition: int | None = None) -> ReportData:
        """All data of one country report; the narrative is written by `octa.report.narrative`."""
        from octa.report.narrative import write_country

        assessment = self.edition(edition)
        iso3 = get_country(country).iso3
        row = assessment.row(iso3)
        data = self._skeleton(assessment, row)
        self._attach_indicators(data, assessment, row)
        data.evidence = country_evidence(self.session, iso3)
        _attach_evidence(data)
        write_country(data)
        return data

    def region(self, region: str, edition: int | None = None) -> GroupReportData:
        """Every country of a region (as the edition places them), plus a regional narrative."""
        from octa.report.narrative import write_group

        assessment = self.edition(edition)
        wanted = region.strip().casefold()
        members = [
            iso
            for iso, r in zip(assessment.iso3, assessment.scores.region, strict=True)
            if r.casefold() == wanted and _scored(assessment, iso)
        ]
        if not members:
            known = ", ".join(sorted(set(assessment.scores.region)))
            raise NotFound(f"no region {region!r} in edition {assessment.edition} (known: {known})")
        name = assessment.scores.region[assessment.iso3.index(members[0])]
        group = GroupReportData(
            "region",
            f"{name}: regional threat assessment, {assessment.edition}",
            assessment.edition,
            [self.country(iso, assessment.edition) for iso in members],
            scope_name=name,
        )
        write_group(group)
        return group

    def compare(self, countries: list[str], edition: int | None = None) -> GroupReportData:
        """Side-by-side report of two or more countries in one edition."""
        from octa.report.narrative import write_group

        assessment = self.edition(edition)
        data = [self.country(c, assessment.edition) for c in countries]
        names = ", ".join(d.country for d in data)
        group = GroupReportData(
            "compare",
            f"{names}: comparative threat assessment, {assessment.edition}",
            assessment.edition,
            data,
        )
        write_group(group)
        return group

    # -- per-edition caches -------------------------------------------------------------------
    def intervals(self, assessment: EditionAssessment) -> uncertainty.UncertaintyResult | None:
        """The edition's Monte Carlo rank intervals, computed once per builder (and per scores)."""
        year = assessment.edition
        if year not in self._intervals:
            self._intervals[year] = _shared_intervals(assessment, self.draws, self.seed)
        return self._intervals[year]

    def averages(self, assessment: EditionAssessment) -> Averages:
        """measure -> scope -> group -> mean, for every aggregate and indicator of the edition."""
        year = assessment.edition
        if year not in self._averages:
            self._averages[year] = {
                measure: {scope: assessment.averages(measure, scope) for scope in SCOPES}
                for measure in assessment.measures()
            }
        return self._averages[year]

    # -- pieces -------------------------------------------------------------------------------
    def _skeleton(self, assessment: EditionAssessment, row: dict[str, object]) -> ReportData:
        framework = assessment.framework
        iso3, region, continent = str(row["iso3"]), str(row["region"]), str(row["continent"])
        aggregates = {
            key: self._measure(assessment, row, key, framework_name(assessment, key), key)
            for key in assessment.rounded
        }
        change = self.assessor.change(iso3, assessment.edition)
        return ReportData(
            iso3=iso3,
            iso2=str(row["iso2"]),
            country=str(row["country"]),
            edition=assessment.edition,
            previous_edition=self.assessor.previous(assessment.edition),
            framework=framework.name,
            publisher=framework.publisher,
            continent=continent,
            region=region,
            counts=_counts(assessment, region, continent),
            aggregates=aggregates,
            ranks=row["ranks"],  # type: ignore[arg-type]
            quadrant=str(row["quadrant"]),
            quadrant_label=config.quadrant_label(str(row["quadrant"])),
            intervals=self._rank_intervals(assessment, iso3),
            draws=self.draws,
            markets=[],
            actors=[],
            resilience=[],
            trend=self._trend(iso3, assessment.edition),
            change=change,
            dropped=[],
            evidence=[],
        )

    def _measure(
        self, assessment: EditionAssessment, row: dict[str, object], key: str, name: str, pillar: str
    ) -> Measure:
        values = row["aggregates"] if key in assessment.rounded else row["indicators"]
        score = float(values[key])  # type: ignore[index]
        averages = self.averages(assessment)[key]
        where = {"region": row["region"], "continent": row["continent"], "world": "world"}
        return Measure(
            id=key,
            name=name,
            pillar=pillar,
            score=score,
            band=config.band_of(score).id,
            averages={scope: averages[scope].get(str(where[scope]), math.nan) for scope in SCOPES},
        )

    def _attach_indicators(
        self, data: ReportData, assessment: EditionAssessment, row: dict[str, object]
    ) -> None:
        framework = assessment.framework
        previous = self._previous_row(data)
        groups = {
            "criminal-markets": data.markets,
            "criminal-actors": data.actors,
            "resilience": data.resilience,
        }
        for indicator in framework.indicators:
            measure = self._measure(assessment, row, indicator.id, indicator.name, indicator.pillar)
            if math.isnan(measure.score):
                continue
            _set_previous(measure, previous)
            groups.setdefault(indicator.pillar, []).append(measure)
        if previous is not None:
            current = set(framework.indicator_ids)
            before = self.edition(data.previous_edition).framework
            data.dropped = [i.name for i in before.indicators if i.id not in current]

    def _previous_row(self, data: ReportData) -> dict[str, float] | None:
        if data.previous_edition is None:
            return None
        before = self.edition(data.previous_edition)
        if data.iso3 not in before.iso3:
            return None
        return before.row(data.iso3)["indicators"]  # type: ignore[no-any-return]

    def _rank_intervals(self, assessment: EditionAssessment, iso3: str) -> dict[str, RankInterval]:
        result = self.intervals(assessment)
        if result is None:
            return {}
        n = assessment.index_of(iso3)
        out = {}
        for t, target in enumerate(result.targets):
            low, high = result.rank_low[t, n], result.rank_high[t, n]
            if not (np.isfinite(low) and np.isfinite(high)):
                continue
            out[target] = RankInterval(
                target,
                int(assessment.ranks(target)[n]),
                _int(result.median_rank[t, n]),
                _int(low),
                _int(high),
            )
        return out

    def _trend(self, iso3: str, upto: int) -> list[TrendPoint]:
        """The country's headline scores in every edition up to the report's own."""
        points = []
        for year in [y for y in self.editions if y <= upto]:
            assessment = self.edition(year)
            if not _scored(assessment, iso3):
                continue
            n = assessment.index_of(iso3)
            crim, res = assessment.rounded.get("criminality"), assessment.rounded.get("resilience")
            if crim is None or res is None:
                continue
            points.append(
                TrendPoint(
                    year,
                    float(crim[n]),
                    float(res[n]),
                    int(assessment.ranks("criminality")[n]),
                    int(assessment.ranks("resilience")[n]),
                    float(np.nanmean(assessment.unrounded["criminality"])),
                    float(np.nanmean(assessment.unrounded["resilience"])),
                )
            )
        return points


#: Interval runs shared between builders (each web request makes its own), keyed by the very
#: scores they were computed from, so a change to the store can never serve a stale interval.
_INTERVAL_CACHE: dict[tuple[object, ...], uncertainty.UncertaintyResult | None] = {}
_INTERVAL_CACHE_SIZE = 8


def _shared_intervals(
    assessment: EditionAssessment, draws: int, seed: int
) -> uncertainty.UncertaintyResult | None:
    """`rank_uncertainty` with the defaults of `octa uncertainty`, so both show the same interval."""
    scores = assessment.scores
    cube = scores.matrix if scores.by_assessor is None else scores.by_assessor
    digest = hashlib.sha256(np.ascontiguousarray(cube).tobytes() + "|".join(scores.iso3).encode()).hexdigest()
    key = (assessment.framework.id, assessment.edition, draws, seed, digest)
    if key not in _INTERVAL_CACHE:
        if len(_INTERVAL_CACHE) >= _INTERVAL_CACHE_SIZE:
            _INTERVAL_CACHE.pop(next(iter(_INTERVAL_CACHE)))
        try:
            _INTERVAL_CACHE[key] = rank_uncertainty(assessment, draws=draws, seed=seed)
        except ValueError:
            _INTERVAL_CACHE[key] = None  # a framework the engine cannot perturb
    return _INTERVAL_CACHE[key]


def framework_name(assessment: EditionAssessment, key: str) -> str:
    """Display name of a pillar or composite."""
    framework = assessment.framework
    names = {p.id: p.name for p in framework.pillars} | {c.id: c.name for c in framework.composites}
    if key in names:
        return names[key]
    return key.replace("-", " ").capitalize()


def _set_previous(measure: Measure, previous: dict[str, float] | None) -> None:
    if previous is None:
        return
    before = previous.get(measure.id, math.nan)
    if math.isnan(before):
        measure.is_new = True
        return
    measure.previous, measure.delta = before, round(measure.score - before, 6)


def _attach_evidence(data: ReportData) -> None:
    by_indicator: dict[str, list[EvidenceItem]] = {}
    for item in data.evidence:
        if item.indicator_id:
            by_indicator.setdefault(item.indicator_id, []).append(item)
    for measure in data.indicators:
        measure.evidence = by_indicator.get(measure.id, [])


def _counts(assessment: EditionAssessment, region: str, continent: str) -> dict[str, int]:
    scored = [_scored(assessment, iso) for iso in assessment.iso3]
    regions = Counter(r for r, ok in zip(assessment.scores.region, scored, strict=True) if ok)
    continents = Counter(c for c, ok in zip(assessment.scores.continent, scored, strict=True) if ok)
    return {"world": sum(scored), "continent": continents[continent], "region": regions[region]}


def _scored(assessment: EditionAssessment, iso3: str) -> bool:
    if iso3 not in assessment.iso3:
        return False
    values = assessment.rounded.get(assessment.framework.quadrant.x)
    return values is not None and bool(np.isfinite(values[assessment.iso3.index(iso3)]))


def _int(value: float) -> int:
    return math.floor(float(value) + 0.5)
