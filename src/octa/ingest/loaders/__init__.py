"""The loader registry: one small module per format, registered here one line at a time."""

from __future__ import annotations

from pathlib import Path

from octa.ingest.loaders.base import Loaded, Loader, LoadFailure, RawDocument
from octa.ingest.loaders.docx import load_docx
from octa.ingest.loaders.html import load_html
from octa.ingest.loaders.jsonl import load_jsonl
from octa.ingest.loaders.pdf import load_pdf
from octa.ingest.loaders.plain import load_markdown, load_txt

LOADERS: dict[str, Loader] = {}


def register(suffix: str, loader: Loader) -> None:
    LOADERS[suffix] = loader


register(".txt", load_txt)
register(".text", load_txt)
register(".md", load_markdown)
register(".markdown", load_markdown)
register(".html", load_html)
register(".htm", load_html)
register(".pdf", load_pdf)
register(".docx", load_docx)
register(".jsonl", load_jsonl)
register(".ndjson", load_jsonl)


def loader_for(path: Path) -> Loader | None:
    return LOADERS.get(path.suffix.casefold())


__all__ = ["LOADERS", "LoadFailure", "Loaded", "Loader", "RawDocument", "loader_for", "register"]
