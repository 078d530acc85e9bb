"""Write stored scores back out: long CSV / XLSX / JSON, or a workbook shaped like GI-TOC's.

Every format written here reads back through `octa import` to the same scores.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.orm import Session

from octa.countries import get_country
from octa.exc import InvalidInput
from octa.store.scores import current_score_rows

LONG_COLUMNS = ["country", "edition", "indicator", "score", "assessor", "justification", "source"]


def long_rows(session: Session, edition: int | None = None) -> list[dict[str, Any]]:
    return [
        {
            "country": r.iso3,
            "edition": r.edition,
            "indicator": r.indicator_id,
            "score": r.value,
            "assessor": r.assessor,
            "justification": r.justification or "",
            "source": r.source or "",
        }
        for r in current_score_rows(session, edition)
    ]


def export_scores(session: Session, path: Path, *, edition: int | None = None, workbook: bool = False) -> int:
    """Write current scores to `path` (format from the extension); returns rows written."""
    suffix = path.suffix.lower()
    if workbook or (suffix == ".xlsx" and path.stem.endswith("index")):
        return _write_index_workbook(session, path, edition)
    rows = long_rows(session, edition)
    if suffix in (".csv", ".tsv"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(
                handle, fieldnames=LONG_COLUMNS, dialect=csv.excel_tab if suffix == ".tsv" else csv.excel
            )
            writer.writeheader()
            writer.writerows(rows)
    elif suffix == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix in (".jsonl", ".ndjson"):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "scores"
        sheet.append(LONG_COLUMNS)
        for row in rows:
            sheet.append([row[c] for c in LONG_COLUMNS])
        book.save(path)
    else:
        raise InvalidInput(
            f"unsupported export type {suffix or '(none)'!r}; use .csv, .json, .jsonl or .xlsx",
            file=str(path),
        )
    return len(rows)


def _write_index_workbook(session: Session, path: Path, edition: int | None) -> int:
    """One `YYYY_dataset` sheet per edition, with the published aggregates, like the official file."""
    from octa.assessment import Assessor

    assessor = Assessor(session)
    book = Workbook()
    book.remove(book.active)
    count = 0
    for year in [edition] if edition else assessor.editions():
        result = assessor.edition(year)
        framework = result.framework
        sheet = book.create_sheet(f"{year}_dataset")
        aggregates = [(p.id, p.name) for p in framework.pillars] + [
            (c.id, c.name) for c in framework.composites
        ]
        sheet.append(
            ["Continent", "Region", "Country", "Country Code"]
            + [f"{name} avg." for _, name in aggregates]
            + [i.name for i in framework.indicators]
        )
        for n, iso3 in enumerate(result.iso3):
            sheet.append(
                [result.scores.continent[n], result.scores.region[n], get_country(iso3).name, iso3]
                + [float(result.rounded[a][n]) for a, _ in aggregates]
                + [float(v) for v in result.scores.matrix[n]]
            )
            count += len(framework.indicators)
    book.save(path)
    return count
