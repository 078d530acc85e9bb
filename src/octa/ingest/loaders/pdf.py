"""PDF with pypdf: the text layer of every page; encrypted files are refused, not cracked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from octa.exc import InvalidInput
from octa.ingest.loaders.base import Loaded, RawDocument
from octa.ingest.metadata import DocumentMeta
from octa.ingest.text import unwrap

# pypdf logs every recoverable defect; the ingest summary reports what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def load_pdf(path: Path) -> Iterator[Loaded]:
    reader = _open(path)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidInput(f"corrupt PDF: {exc}", file=str(path)) from None
    text = "\n\n".join(unwrap(page) for page in pages)
    yield RawDocument(text=text, path=str(path), media_type="application/pdf", meta=_meta(reader))


def _open(path: Path) -> PdfReader:
    try:
        reader = PdfReader(path, strict=False)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InvalidInput(f"corrupt PDF: {exc}", file=str(path)) from None
    if reader.is_encrypted and not _try_empty_password(reader):
        raise InvalidInput("encrypted PDF (a password is needed)", file=str(path))
    return reader


def _try_empty_password(reader: PdfReader) -> bool:
    """Many 'encrypted' PDFs only restrict printing and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, NotImplementedError, ValueError):
        return False


def _meta(reader: PdfReader) -> DocumentMeta:
    try:
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError):
        return DocumentMeta()
    if info is None:
        return DocumentMeta()
    created = info.creation_date_raw if hasattr(info, "creation_date_raw") else None
    date = _pdf_date(str(created)) if created else None
    return DocumentMeta(title=(info.title or None), source=(info.author or None), date=date)


def _pdf_date(raw: str) -> str | None:
    """`D:20240131…` → `2024-01-31`."""
    digits = raw.removeprefix("D:")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None
