"""Document metadata: what a sidecar, a JSONL line or the command line may say about a document.

Precedence, strongest first: command-line options, the sidecar `FILE.meta.json|yaml`, what the
file says about itself (HTML meta tags, PDF info, JSONL fields), then defaults.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from octa.countries import find_country
from octa.exc import InvalidInput
from octa.ingest.grading import parse_grade

#: Keys a sidecar or a JSONL line may set; anything else is ignored.
KEYS = ("title", "source", "url", "date", "country", "grade", "language")
SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    #: ISO3 code of the subject country.
    country: str | None = None
    grade: str | None = None
    language: str | None = None

    def over(self, weaker: DocumentMeta) -> DocumentMeta:
        """These values, falling back to `weaker` where unset."""
        values = {f.name: getattr(self, f.name) or getattr(weaker, f.name) for f in fields(self)}
        return replace(self, **values)


def meta_from_mapping(data: dict[str, Any], *, file: str, row: int | None = None) -> DocumentMeta:
    """Validated metadata from a sidecar or JSONL mapping; bad values name the file and key."""
    values: dict[str, str | None] = {}
    for key in KEYS:
        raw = data.get(key)
        if raw is None or raw == "":
            continue
        values[key] = _clean_value(key, raw, file=file, row=row)
    return DocumentMeta(**values)


def _clean_value(key: str, raw: Any, *, file: str, row: int | None) -> str:
    if key == "date":
        return normalise_date(raw, file=file, row=row)
    text = str(raw).strip()
    if key == "country":
        country = find_country(text)
        if country is None:
            raise InvalidInput(f"unknown country {text!r}", file=file, row=row, column="country")
        return country.iso3
    if key == "grade":
        try:
            return str(parse_grade(text))
        except InvalidInput as exc:
            raise InvalidInput(exc.detail, file=file, row=row, column="grade") from None
    return text


def normalise_date(raw: Any, *, file: str | None = None, row: int | None = None,
                   column: str = "date") -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer timestamp is cut to its date)."""
    if isinstance(raw, datetime | date):
        return raw.isoformat()[:10]
    match = _DATE.match(str(raw).strip())
    if match is None or not _valid_date(*match.groups()):
        raise InvalidInput(f"invalid date {raw!r}: expected YYYY-MM-DD", file=file, row=row, column=column)
    return "-".join(part for part in match.groups() if part)


def _valid_date(year: str, month: str | None, day: str | None) -> bool:
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def sidecar_for(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if candidate.is_file():
            return candidate
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path) -> DocumentMeta:
    """The metadata in `path`'s sidecar, or empty metadata when it has none."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return DocumentMeta()
    try:
        text = sidecar.read_text(encoding="utf-8")
        data = json.loads(text) if sidecar.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(f"unreadable metadata sidecar: {_first_line(exc)}", file=str(sidecar)) from None
    if not isinstance(data, dict):
        raise InvalidInput("metadata sidecar must be a mapping of keys to values", file=str(sidecar))
    return meta_from_mapping(data, file=str(sidecar))


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
