"""Plain text and Markdown: read as UTF-8 (Latin-1 as a fallback); a Markdown title is its first heading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from octa.exc import InvalidInput
from octa.ingest.loaders.base import Loaded, RawDocument
from octa.ingest.metadata import DocumentMeta
from octa.ingest.text import unwrap

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_MARKUP = re.compile(r"(\*\*|__|`|!\[[^\]]*\]\([^)]*\))")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InvalidInput("binary data in a text file", file=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def load_txt(path: Path) -> Iterator[Loaded]:
    yield RawDocument(text=unwrap(read_text(path)), path=str(path), media_type="text/plain")


def load_markdown(path: Path) -> Iterator[Loaded]:
    """Markdown with links reduced to their text and emphasis marks dropped."""
    text = unwrap(_MARKUP.sub("", _LINK.sub(r"\1", read_text(path))))
    heading = _HEADING.search(text)
    text = _HEADING.sub(lambda m: m.group(1), text)
    meta = DocumentMeta(title=heading.group(1).strip() if heading else None)
    yield RawDocument(text=text, path=str(path), media_type="text/markdown", meta=meta)
