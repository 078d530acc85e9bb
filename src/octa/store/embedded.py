"""The embedded default: published GI-TOC indicator scores for 2021, 2023 and 2025.

Shipped as one wide CSV (a row per country and edition) derived from the official workbook, so
that `octa init` works offline. Source: Global Initiative Against Transnational Organized Crime,
ocindex.net. `scripts/build_embedded_data.py` regenerates it from the workbook.
"""

from __future__ import annotations

import csv
from pathlib import Path

from octa.frameworks import builtin_frameworks, get_framework
from octa.store.importers import Placement, Provenance, ScoreBatch, ScoreRecord

EMBEDDED_FILE = Path(__file__).resolve().parents[1] / "data" / "ocindex_scores.csv"
ATTRIBUTION = "Global Initiative Against Transnational Organized Crime (GI-TOC), ocindex.net"
META_COLUMNS = ["edition", "framework", "iso3", "continent", "region"]
PUBLISHED_PREFIX = "published:"


def _indicator_columns() -> list[str]:
    columns: list[str] = []
    for spec in builtin_frameworks().values():
        columns += [i for i in spec.indicator_ids if i not in columns]
    return columns


def write_embedded(batch: ScoreBatch, path: Path = EMBEDDED_FILE) -> None:
    indicators = _indicator_columns()
    aggregates = sorted({key[2] for key in batch.published})
    rows: dict[tuple[int, str], dict[str, object]] = {}
    for place in batch.placements:
        rows[(place.edition, place.iso3)] = {
            "edition": place.edition,
            "framework": batch.frameworks[place.edition],
            "iso3": place.iso3,
            "continent": place.continent,
            "region": place.region,
        }
    for score in batch.scores:
        rows[(score.edition, score.iso3)][score.indicator_id] = f"{score.value:g}"
    for (iso3, edition, aggregate), value in batch.published.items():
        rows[(edition, iso3)][PUBLISHED_PREFIX + aggregate] = f"{value:.10g}"
    header = META_COLUMNS + [PUBLISHED_PREFIX + a for a in aggregates] + indicators
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for key in sorted(rows):
            writer.writerow(rows[key])


def read_embedded(path: Path = EMBEDDED_FILE) -> ScoreBatch:
    batch = ScoreBatch(file=f"embedded:{path.name}", kind="embedded")
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=2):
            _read_row(row, n, batch)
    return batch


def _read_row(row: dict[str, str], n: int, batch: ScoreBatch) -> None:
    edition, iso3 = int(row["edition"]), row["iso3"]
    framework = get_framework(row["framework"])
    batch.frameworks[edition] = framework.id
    batch.placements.append(Placement(iso3, edition, row["continent"], row["region"]))
    where = Provenance(file=batch.file, sheet=None, row=n)
    for indicator_id in framework.indicator_ids:
        value = float(row[indicator_id])
        batch.scores.append(
            ScoreRecord(iso3, edition, framework.id, indicator_id, value, where, source=ATTRIBUTION)
        )
    for column, value in row.items():
        if column.startswith(PUBLISHED_PREFIX) and value:
            batch.published[(iso3, edition, column.removeprefix(PUBLISHED_PREFIX))] = float(value)
