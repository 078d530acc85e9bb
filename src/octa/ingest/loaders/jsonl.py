"""JSON Lines: one document a line, `{"id": …, "text": …}` plus optional metadata fields.

A bad line is reported and skipped; the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from octa.exc import InvalidInput
from octa.ingest.loaders.base import Loaded, LoadFailure, RawDocument
from octa.ingest.metadata import meta_from_mapping

MEDIA_TYPE = "application/x-ndjson"


def load_jsonl(path: Path) -> Iterator[Loaded]:
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for row, line in enumerate(handle, 1):
            if line.strip():
                yield _line(path, row, line)


def _line(path: Path, row: int, line: str) -> Loaded:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return LoadFailure(str(path), f"not JSON: {exc.msg}", row)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return LoadFailure(str(path), "expected an object with a 'text' string", row)
    try:
        meta = meta_from_mapping(record, file=str(path), row=row)
    except InvalidInput as exc:
        return LoadFailure(str(path), f"{exc.detail} (column {exc.column})", row)
    key = str(record.get("id", row))
    if meta.title is None:
        meta = meta.over(meta_from_mapping({"title": key}, file=str(path)))
    return RawDocument(text=record["text"], path=f"{path}#{key}", media_type=MEDIA_TYPE, meta=meta, row=row)
