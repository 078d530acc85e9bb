"""Score repository: transactional imports with versioning, and reads as plain data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from octa.countries import all_countries
from octa.exc import InvalidInput, NotFound
from octa.frameworks import FrameworkSpec, get_framework, known_frameworks
from octa.store.db import Store
from octa.store.importers import ScoreBatch, ScoreRecord
from octa.store.models import (
    CountryRow,
    EditionRow,
    FrameworkRow,
    ImportRow,
    IndicatorRow,
    PlacementRow,
    PublishedRow,
    ScoreRow,
    utcnow,
)


@dataclass
class ImportSummary:
    file: str
    rows_read: int
    added: int
    changed: int
    unchanged: int
    editions: list[int] = field(default_factory=list)


def ensure_reference_data(session: Session, frameworks: list[FrameworkSpec] | None = None) -> None:
    """Countries and frameworks (with their indicators); idempotent."""
    known = set(session.scalars(select(CountryRow.iso3)))
    session.add_all(
        CountryRow(iso3=c.iso3, iso2=c.iso2, name=c.name, continent=c.continent, region=c.region)
        for c in all_countries()
        if c.iso3 not in known
    )
    for spec in frameworks or list(known_frameworks().values()):
        ensure_framework(session, spec)
    session.flush()


def ensure_framework(session: Session, spec: FrameworkSpec) -> None:
    row = session.get(FrameworkRow, spec.id)
    payload = spec.model_dump(mode="json")
    if row is None:
        session.add(FrameworkRow(id=spec.id, name=spec.name, spec=payload))
    elif row.spec != payload:
        row.spec, row.name = payload, spec.name
    existing = {
        r.id: r for r in session.scalars(select(IndicatorRow).where(IndicatorRow.framework_id == spec.id))
    }
    for position, indicator in enumerate(spec.indicators):
        current = existing.get(indicator.id)
        if current is None:
            session.add(
                IndicatorRow(
                    framework_id=spec.id,
                    id=indicator.id,
                    name=indicator.name,
                    pillar=indicator.pillar,
                    position=position,
                )
            )
        else:
            current.name, current.pillar, current.position = indicator.name, indicator.pillar, position


def import_batch(store: Store, batch: ScoreBatch) -> ImportSummary:
    """Write a whole batch in one transaction; an error anywhere leaves the store unchanged."""
    with store.session() as session:
        ensure_reference_data(session)
        _ensure_editions(session, batch)
        import_row = ImportRow(file=batch.file, kind=batch.kind, rows_read=len(batch.scores))
        session.add(import_row)
        session.flush()
        summary = _write_scores(session, batch, import_row.id)
        import_row.rows_changed = summary.added + summary.changed
        _write_placements(session, batch)
        _write_published(session, batch)
    return summary


def _ensure_editions(session: Session, batch: ScoreBatch) -> None:
    for edition, framework_id in sorted(batch.frameworks.items()):
        row = session.get(EditionRow, edition)
        if row is None:
            session.add(EditionRow(year=edition, framework_id=framework_id))
        elif row.framework_id != framework_id:
            raise InvalidInput(
                f"edition {edition} is stored with framework {row.framework_id}, not {framework_id}",
                file=batch.file,
            )
    session.flush()


def _write_scores(session: Session, batch: ScoreBatch, import_id: int) -> ImportSummary:
    editions = sorted(batch.frameworks)
    current = {
        (r.iso3, r.edition, r.indicator_id, r.assessor): r
        for r in session.scalars(
            select(ScoreRow).where(ScoreRow.edition.in_(editions), ScoreRow.is_current.is_(True))
        )
    }
    summary = ImportSummary(batch.file, len(batch.scores), 0, 0, 0, editions)
    new_rows: list[dict[str, object]] = []
    superseded: list[int] = []
    seen: dict[tuple[str, int, str, str], int] = {}
    for record in batch.scores:
        key = (record.iso3, record.edition, record.indicator_id, record.assessor)
        if key in seen:
            raise InvalidInput(
                f"duplicate score for {record.iso3} {record.edition} {record.indicator_id} "
                f"(also row {seen[key]})",
                file=batch.file,
                row=record.provenance.row,
                column="score",
            )
        seen[key] = record.provenance.row
        old = current.get(key)
        if old is not None and _same(old, record):
            summary.unchanged += 1
            continue
        if old is not None:
            superseded.append(old.id)
            summary.changed += 1
        else:
            summary.added += 1
        new_rows.append(_score_values(record, import_id, (old.version + 1) if old else 1))
    if superseded:
        session.execute(update(ScoreRow).where(ScoreRow.id.in_(superseded)).values(is_current=False))
    if new_rows:
        session.execute(insert(ScoreRow), new_rows)
    return summary


def _same(row: ScoreRow, record: ScoreRecord) -> bool:
    return (row.value, row.justification, row.source) == (record.value, record.justification, record.source)


def _score_values(record: ScoreRecord, import_id: int, version: int) -> dict[str, object]:
    return {
        "iso3": record.iso3,
        "edition": record.edition,
        "framework_id": record.framework_id,
        "indicator_id": record.indicator_id,
        "assessor": record.assessor,
        "value": record.value,
        "justification": record.justification,
        "source": record.source,
        "version": version,
        "is_current": True,
        "recorded_at": utcnow(),
        "import_id": import_id,
        "prov_file": record.provenance.file,
        "prov_sheet": record.provenance.sheet,
        "prov_row": record.provenance.row,
    }


def _write_placements(session: Session, batch: ScoreBatch) -> None:
    for place in batch.placements:
        row = session.get(PlacementRow, (place.iso3, place.edition))
        if row is None:
            session.add(
                PlacementRow(
                    iso3=place.iso3, edition=place.edition, continent=place.continent, region=place.region
                )
            )
        else:
            row.continent, row.region = place.continent, place.region


def _write_published(session: Session, batch: ScoreBatch) -> None:
    for (iso3, edition, aggregate_id), value in batch.published.items():
        row = session.get(PublishedRow, (iso3, edition, aggregate_id))
        if row is None:
            session.add(PublishedRow(iso3=iso3, edition=edition, aggregate_id=aggregate_id, value=value))
        else:
            row.value = value


# --- reads -------------------------------------------------------------------------------


@dataclass
class EditionScores:
    """Current scores of one edition as a matrix, in framework order, plus placements."""

    edition: int
    framework: FrameworkSpec
    iso3: list[str]
    #: (n_countries, n_indicators); NaN where a country has no score for an indicator.
    matrix: np.ndarray
    continent: list[str]
    region: list[str]
    #: (n_countries, n_indicators, n_assessors) when several assessors scored, else None.
    by_assessor: np.ndarray | None = None
    assessors: list[str] = field(default_factory=list)


def editions(session: Session) -> dict[int, str]:
    return {r.year: r.framework_id for r in session.scalars(select(EditionRow).order_by(EditionRow.year))}


def edition_scores(session: Session, edition: int) -> EditionScores:
    row = session.get(EditionRow, edition)
    if row is None:
        known = ", ".join(str(e) for e in editions(session)) or "none"
        raise NotFound(f"unknown edition {edition} (stored: {known})")
    framework = _framework(session, row.framework_id)
    placements = session.execute(
        select(PlacementRow.iso3, PlacementRow.continent, PlacementRow.region)
        .where(PlacementRow.edition == edition)
        .order_by(PlacementRow.iso3)
    ).all()
    values = session.execute(
        select(ScoreRow.iso3, ScoreRow.indicator_id, ScoreRow.assessor, ScoreRow.value).where(
            ScoreRow.edition == edition, ScoreRow.is_current.is_(True)
        )
    ).all()
    return _matrix(edition, framework, placements, values)


def _framework(session: Session, framework_id: str) -> FrameworkSpec:
    row = session.get(FrameworkRow, framework_id)
    if row is None:
        return get_framework(framework_id)
    return FrameworkSpec.model_validate(row.spec)


def _matrix(edition: int, framework: FrameworkSpec, placements: list, values: list) -> EditionScores:
    place = {p.iso3: (p.continent, p.region) for p in placements}
    countries = sorted(set(place) | {v.iso3 for v in values})
    lookup = {c.iso3: c for c in all_countries()}
    row_of = {iso3: n for n, iso3 in enumerate(countries)}
    col_of = {ind: n for n, ind in enumerate(framework.indicator_ids)}
    assessors = sorted({v.assessor for v in values})
    layer_of = {a: n for n, a in enumerate(assessors)}
    cube = np.full((len(countries), len(col_of), max(len(assessors), 1)), np.nan)
    for v in values:
        if v.indicator_id in col_of:
            cube[row_of[v.iso3], col_of[v.indicator_id], layer_of[v.assessor]] = v.value
    with np.errstate(all="ignore"):
        matrix = np.nanmean(cube, axis=2) if len(assessors) > 1 else cube[:, :, 0]

    def placed(iso3: str, n: int) -> str:
        return place.get(iso3, (lookup[iso3].continent, lookup[iso3].region))[n]

    return EditionScores(
        edition=edition,
        framework=framework,
        iso3=countries,
        matrix=matrix,
        continent=[placed(c, 0) for c in countries],
        region=[placed(c, 1) for c in countries],
        by_assessor=cube if len(assessors) > 1 else None,
        assessors=assessors,
    )


def published_aggregates(session: Session, edition: int) -> dict[tuple[str, str], float]:
    rows = session.scalars(select(PublishedRow).where(PublishedRow.edition == edition))
    return {(r.iso3, r.aggregate_id): r.value for r in rows}


def score_history(
    session: Session, iso3: str, edition: int | None = None, indicator_id: str | None = None
) -> list[dict[str, object]]:
    """Every version of the matching scores, oldest first."""
    query = select(ScoreRow).where(ScoreRow.iso3 == iso3)
    if edition is not None:
        query = query.where(ScoreRow.edition == edition)
    if indicator_id is not None:
        query = query.where(ScoreRow.indicator_id == indicator_id)
    rows = session.scalars(
        query.order_by(ScoreRow.edition, ScoreRow.indicator_id, ScoreRow.assessor, ScoreRow.version)
    )
    return [
        {
            "iso3": r.iso3,
            "edition": r.edition,
            "indicator": r.indicator_id,
            "assessor": r.assessor,
            "version": r.version,
            "value": r.value,
            "current": r.is_current,
            "recorded_at": r.recorded_at.isoformat(),
            "justification": r.justification,
            "source": r.source,
            "file": r.prov_file,
            "sheet": r.prov_sheet,
            "row": r.prov_row,
        }
        for r in rows
    ]


def current_score_rows(session: Session, edition: int | None = None) -> list[ScoreRow]:
    query = select(ScoreRow).where(ScoreRow.is_current.is_(True))
    if edition is not None:
        query = query.where(ScoreRow.edition == edition)
    return list(session.scalars(query.order_by(ScoreRow.edition, ScoreRow.iso3, ScoreRow.indicator_id)))


def group_by_edition(rows: list[ScoreRow]) -> dict[int, list[ScoreRow]]:
    grouped: dict[int, list[ScoreRow]] = defaultdict(list)
    for row in rows:
        grouped[row.edition].append(row)
    return grouped
