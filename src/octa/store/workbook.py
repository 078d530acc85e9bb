"""The official GI-TOC workbook (combined 2021/2023/2025 file, and the original 2021 release).

Header quirks handled here: aggregates are headed `Criminality avg,`, `Criminal markets avg.`,
`Criminal actors`, `RESILIENCE`…; country names vary between sheets; the original 2021
release carries an ISO3 `Country Code` column and blank rows after the data.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from octa.exc import InvalidInput
from octa.frameworks import FrameworkSpec, framework_for_edition
from octa.store.importers import (
    AGGREGATE_HEADERS,
    Placement,
    Provenance,
    ScoreBatch,
    ScoreRecord,
    check_score,
    resolve_country,
)

SHEET_PATTERN = re.compile(r"^(\d{4})_dataset$", re.IGNORECASE)
ORIGINAL_SHEET = "Full_dataset"
ORIGINAL_EDITION = 2021


def open_workbook(path: Path) -> Workbook:
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InvalidInput(
            f"not a readable .xlsx workbook ({exc.__class__.__name__})", file=str(path)
        ) from None


def is_ocindex_workbook(path: Path) -> bool:
    names = open_workbook(path).sheetnames
    return any(SHEET_PATTERN.match(n) for n in names) or ORIGINAL_SHEET in names


def read_ocindex_workbook(path: str | Path) -> ScoreBatch:
    """Every edition sheet of the workbook, as one batch."""
    path = Path(path)
    book = open_workbook(path)
    batch = ScoreBatch(file=str(path), kind="ocindex-workbook")
    for name in book.sheetnames:
        match = SHEET_PATTERN.match(name)
        if match:
            edition = int(match.group(1))
        elif name == ORIGINAL_SHEET:
            edition = ORIGINAL_EDITION
        else:
            continue
        _read_sheet(book[name], edition, batch)
    if not batch.scores:
        raise InvalidInput("no edition sheet (expected e.g. '2023_dataset')", file=str(path))
    return batch


def _read_sheet(sheet: Any, edition: int, batch: ScoreBatch) -> None:
    framework = framework_for_edition(edition)
    batch.frameworks[edition] = framework.id
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    columns = _map_columns(header, framework, batch.file, sheet.title)
    for n, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        _read_row(dict(zip(header, values, strict=False)), n, edition, framework, columns, batch, sheet.title)


def _map_columns(
    header: list[str], framework: FrameworkSpec, file: str, sheet: str
) -> dict[str, tuple[str, str]]:
    """Header -> ("indicator"|"aggregate"|"meta", id)."""
    by_name = {_norm(i.name): i.id for i in framework.indicators}
    columns: dict[str, tuple[str, str]] = {}
    for title in header:
        key = _norm(title)
        if key in by_name:
            columns[title] = ("indicator", by_name[key])
        elif _aggregate(key):
            columns[title] = ("aggregate", _aggregate(key) or "")
        elif key in ("continent", "region", "country", "country code"):
            columns[title] = ("meta", key)
    found = {v for kind, v in columns.values() if kind == "indicator"}
    for indicator in framework.indicators:
        if indicator.id not in found:
            raise InvalidInput(f"sheet {sheet!r}: missing indicator", file=file, row=1, column=indicator.name)
    for meta in ("continent", "region", "country"):
        if ("meta", meta) not in columns.values():
            raise InvalidInput(f"sheet {sheet!r}: missing column", file=file, row=1, column=meta.title())
    return columns


def _aggregate(key: str) -> str | None:
    bare = re.sub(r"\s+avg\b.*$", "", key).strip()
    return AGGREGATE_HEADERS.get(bare)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _read_row(
    row: dict[str, Any],
    n: int,
    edition: int,
    framework: FrameworkSpec,
    columns: dict[str, tuple[str, str]],
    batch: ScoreBatch,
    sheet: str,
) -> None:
    meta = {value: row.get(title) for title, (kind, value) in columns.items() if kind == "meta"}
    code = meta.get("country code")
    country = resolve_country(code or meta.get("country"), file=batch.file, row=n, column="Country")
    batch.placements.append(
        Placement(
            country.iso3,
            edition,
            str(meta.get("continent") or "").strip(),
            str(meta.get("region") or "").strip(),
        )
    )
    where = Provenance(file=batch.file, sheet=sheet, row=n)
    for title, (kind, ident) in columns.items():
        value = row.get(title)
        if kind == "indicator":
            score = check_score(value, framework, file=f"{batch.file} [{sheet}]", row=n, column=title)
            batch.scores.append(ScoreRecord(country.iso3, edition, framework.id, ident, score, where))
        elif kind == "aggregate" and value not in (None, ""):
            batch.published[(country.iso3, edition, ident)] = float(value)
