"""DOCX with python-docx: paragraphs, then table cells; the title from the core properties."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from octa.exc import InvalidInput
from octa.ingest.loaders.base import Loaded, RawDocument
from octa.ingest.metadata import DocumentMeta

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def load_docx(path: Path) -> Iterator[Loaded]:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InvalidInput(f"not a valid DOCX file: {exc}", file=str(path)) from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    props = document.core_properties
    meta = DocumentMeta(title=props.title or None, source=props.author or None)
    yield RawDocument(text="\n\n".join(parts), path=str(path), media_type=MEDIA_TYPE, meta=meta)
