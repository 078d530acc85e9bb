"""Readers for score files: the GI-TOC workbook and long CSV / XLSX / JSON tables.

They turn a file into plain `ScoreRecord`s with provenance and check every value; the
repository writes them in one transaction. Any bad row aborts the whole file with an
`InvalidInput` naming the file, row and column.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from octa.countries import Country, find_country
from octa.exc import InvalidInput
from octa.frameworks import FrameworkSpec, framework_for_edition, get_framework

#: Aggregate columns of the workbook: lower-cased header prefix -> pillar or composite id.
AGGREGATE_HEADERS = {
    "criminality": "criminality",
    "criminal markets": "criminal-markets",
    "criminal actors": "criminal-actors",
    "resilience": "resilience",
}
LONG_REQUIRED = ("country", "edition", "indicator", "score")
LONG_OPTIONAL = ("assessor", "justification", "source")
DEFAULT_ASSESSOR = "GI-TOC"


@dataclass(frozen=True)
class Provenance:
    file: str
    sheet: str | None
    row: int


@dataclass(frozen=True)
class ScoreRecord:
    iso3: str
    edition: int
    framework_id: str
    indicator_id: str
    value: float
    provenance: Provenance
    assessor: str = DEFAULT_ASSESSOR
    justification: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Placement:
    """Continent and region of a country in one edition (regions change between editions)."""

    iso3: str
    edition: int
    continent: str
    region: str


@dataclass
class ScoreBatch:
    """Everything one file holds, ready for a single transactional write."""

    file: str
    kind: str
    scores: list[ScoreRecord] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    #: Aggregates as printed in the file: (iso3, edition, aggregate id) -> value.
    published: dict[tuple[str, int, str], float] = field(default_factory=dict)
    frameworks: dict[int, str] = field(default_factory=dict)


def check_score(value: Any, framework: FrameworkSpec, *, file: str, row: int, column: str) -> float:
    """A score as float, or an error naming where it came from."""
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"score {value!r} is not a number", file=file, row=row, column=column) from None
    scale = framework.scale
    if math.isnan(number) or not scale.min <= number <= scale.max:
        raise InvalidInput(
            f"score {number:g} is outside {scale.min:g}–{scale.max:g}", file=file, row=row, column=column
        )
    steps = (number - scale.min) / scale.step
    if abs(steps - round(steps)) > 1e-9:
        raise InvalidInput(
            f"score {number:g} is not on the {scale.step:g} grid", file=file, row=row, column=column
        )
    return number


def resolve_country(text: Any, *, file: str, row: int, column: str) -> Country:
    country = find_country(str(text)) if text is not None else None
    if country is None:
        raise InvalidInput(f"unknown country {text!r}", file=file, row=row, column=column)
    return country


def read_scores(
    path: str | Path, *, framework_id: str | None = None, edition: int | None = None
) -> ScoreBatch:
    """Read any supported score file, choosing the reader by content and extension."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file not found", file=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from octa.store.workbook import is_ocindex_workbook, read_ocindex_workbook

        if is_ocindex_workbook(path):
            return read_ocindex_workbook(path)
        return read_long(_xlsx_rows(path), str(path), framework_id=framework_id, edition=edition)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_long(_csv_rows(path), str(path), framework_id=framework_id, edition=edition)
    if suffix in (".json", ".jsonl", ".ndjson"):
        return read_long(_json_rows(path), str(path), framework_id=framework_id, edition=edition)
    raise InvalidInput(
        f"unsupported file type {suffix or '(none)'!r}; use .xlsx, .csv or .json", file=str(path)
    )


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("not a UTF-8 text file", file=str(path)) from None
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    _check_header(reader.fieldnames, path)
    yield from enumerate(reader, start=2)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    from octa.store.workbook import open_workbook

    sheet = open_workbook(path).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    _check_header(header, path)
    for n, values in enumerate(rows, start=2):
        if all(v is None for v in values):
            continue
        yield n, dict(zip(header, values, strict=False))


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix.lower() == ".json" and text.lstrip().startswith("["):
            records = json.loads(text)
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON: {exc.msg}", file=str(path), row=exc.lineno) from None
    for n, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InvalidInput("each record must be a JSON object", file=str(path), row=n)
        if n == 1:
            _check_header(list(record), path)
        yield n, record


def _check_header(header: Iterable[str] | None, path: Path) -> None:
    names = {str(h).strip().casefold() for h in header or ()}
    for column in ("country", "indicator", "score"):
        if column not in names:
            raise InvalidInput("missing column", file=str(path), row=1, column=column)


def read_long(
    rows: Iterable[tuple[int, dict[str, Any]]],
    file: str,
    *,
    framework_id: str | None = None,
    edition: int | None = None,
) -> ScoreBatch:
    """Long table `country,edition,indicator,score[,assessor,justification,source]`."""
    batch = ScoreBatch(file=file, kind="long")
    for n, raw in rows:
        row = {str(k).strip().casefold(): v for k, v in raw.items() if k is not None}
        batch.scores.append(_long_record(row, n, file, framework_id, edition))
    if not batch.scores:
        raise InvalidInput("no score rows", file=file)
    for record in batch.scores:
        batch.frameworks[record.edition] = record.framework_id
    return batch


def _long_record(
    row: dict[str, Any], n: int, file: str, framework_id: str | None, edition: int | None
) -> ScoreRecord:
    country = resolve_country(row.get("country"), file=file, row=n, column="country")
    year = _edition(row.get("edition"), edition, file=file, row=n)
    framework = get_framework(framework_id) if framework_id else framework_for_edition(year)
    indicator = str(row.get("indicator") or "").strip()
    indicator_id = _indicator_id(indicator, framework)
    if indicator_id is None:
        raise InvalidInput(
            f"unknown indicator {indicator!r} in framework {framework.id}",
            file=file,
            row=n,
            column="indicator",
        )
    value = check_score(row.get("score"), framework, file=file, row=n, column="score")
    return ScoreRecord(
        iso3=country.iso3,
        edition=year,
        framework_id=framework.id,
        indicator_id=indicator_id,
        value=value,
        provenance=Provenance(file=file, sheet=None, row=n),
        assessor=_text(row.get("assessor")) or DEFAULT_ASSESSOR,
        justification=_text(row.get("justification")),
        source=_text(row.get("source")),
    )


def _edition(value: Any, default: int | None, *, file: str, row: int) -> int:
    if value in (None, "") and default is not None:
        return default
    try:
        year = int(float(str(value).strip()))
    except ValueError:
        raise InvalidInput(f"edition {value!r} is not a year", file=file, row=row, column="edition") from None
    if value in (None, ""):
        raise InvalidInput(
            "missing edition (add the column or pass --edition)", file=file, row=row, column="edition"
        )
    if default is not None and year != default:
        raise InvalidInput(
            f"edition {year} differs from --edition {default}", file=file, row=row, column="edition"
        )
    return year


def _indicator_id(text: str, framework: FrameworkSpec) -> str | None:
    """Indicator by id or by published name (case and punctuation ignored)."""
    wanted = _norm(text)
    for indicator in framework.indicators:
        if wanted in (_norm(indicator.id), _norm(indicator.name)):
            return indicator.id
    return None


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
