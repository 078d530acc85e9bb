"""From paths to prepared documents: discovery, loading, size checks, metadata and hashing.

Everything here runs before extraction and never touches the database, so it can feed a pool
of extraction workers from a background thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from octa.exc import InvalidInput, NotFound
from octa.ingest.language import guess_language
from octa.ingest.loaders import LOADERS, LoadFailure, RawDocument, loader_for
from octa.ingest.metadata import DocumentMeta, is_sidecar, normalise_date, read_sidecar
from octa.ingest.text import clean_text, content_hash, word_count

#: Longest first line taken as a title when a document has none.
TITLE_MAX = 120


@dataclass(frozen=True)
class Prepared:
    """A document ready for extraction: clean text, its hash and its final metadata."""

    text: str
    hash: str
    meta: DocumentMeta
    path: str
    media_type: str
    words: int
    #: Bytes of input this document accounts for (drives the progress bar).
    size: int


@dataclass(frozen=True)
class Duplicate:
    path: str
    size: int


@dataclass(frozen=True)
class Failed:
    message: str
    size: int


Item = Prepared | Duplicate | Failed


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to read: named files as given, folders searched recursively for known formats."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _wanted(p, path)))
        elif path.exists():
            found.append(path)
        else:
            raise NotFound(f"no such file or folder: {path}")
    return found


def _wanted(path: Path, root: Path) -> bool:
    """Known formats only, and nothing hidden (`.git`, editor backups) below the folder given."""
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.is_file() and path.suffix.casefold() in LOADERS and not is_sidecar(path)


def prepare(
    files: Iterable[Path], defaults: DocumentMeta, *, max_bytes: int, known: set[str]
) -> Iterator[Item]:
    """Every document of `files`, marked duplicate when its hash is in `known` (which grows)."""
    for path in files:
        for item in _prepare_file(path, defaults, max_bytes):
            if isinstance(item, Prepared):
                if item.hash in known:
                    item = Duplicate(item.path, item.size)
                else:
                    known.add(item.hash)
            yield item


def _prepare_file(path: Path, defaults: DocumentMeta, max_bytes: int) -> Iterator[Item]:
    size = _size(path)
    problem = _file_problem(path, size, max_bytes)
    if problem:
        yield Failed(f"{path}: {problem}", size)
        return
    try:
        sidecar = read_sidecar(path)
        loaded = list(_load(path))
    except InvalidInput as exc:
        yield Failed(str(exc) if exc.file else f"{path}: {exc}", size)
        return
    share = max(1, size // max(1, len(loaded)))
    for raw in loaded:
        yield _finish(raw, _metadata(defaults, sidecar, raw), max_bytes, share)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _file_problem(path: Path, size: int, max_bytes: int) -> str | None:
    loader = loader_for(path)
    if loader is None:
        return f"unsupported format {path.suffix or '(no extension)'!r}"
    if size == 0:
        return "empty file"
    if size > max_bytes and path.suffix.casefold() not in (".jsonl", ".ndjson"):
        return f"too large ({size:,} bytes; the limit is {max_bytes:,})"
    return None


def _load(path: Path) -> Iterator[RawDocument | LoadFailure]:
    """The loader's output; any parser crash on a malformed file becomes a one-line reason."""
    loader = loader_for(path)
    assert loader is not None
    try:
        yield from loader(path)
    except InvalidInput:
        raise
    except Exception as exc:  # a corrupt file may break any parser in any way; skip it, go on
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        reason = f"cannot read file: {type(exc).__name__} {detail}".strip()
        raise InvalidInput(reason, file=str(path)) from None


def _metadata(defaults: DocumentMeta, sidecar: DocumentMeta, raw: RawDocument | LoadFailure) -> DocumentMeta:
    """Command line first; then a JSONL line's own fields before its file's sidecar (the line is
    the more specific), but a sidecar before what an HTML or PDF file says about itself."""
    if isinstance(raw, LoadFailure):
        return defaults
    embedded = _embedded(raw.meta)
    if raw.row is not None:
        return defaults.over(embedded).over(sidecar)
    return defaults.over(sidecar).over(embedded)


def _finish(raw: RawDocument | LoadFailure, meta: DocumentMeta, max_bytes: int, size: int) -> Item:
    if isinstance(raw, LoadFailure):
        return Failed(str(raw), size)
    text = clean_text(raw.text)
    where = f"{raw.path}" if raw.row is None else f"{raw.path.split('#')[0]}, row {raw.row}"
    if not text:
        return Failed(f"{where}: no text found (empty, or a scanned document without a text layer)", size)
    if len(text.encode("utf-8")) > max_bytes:
        return Failed(f"{where}: too large (text over the limit of {max_bytes:,} bytes)", size)
    final = meta
    if final.title is None:
        final = final.over(DocumentMeta(title=_fallback_title(text, raw.path)))
    if final.language is None:
        final = final.over(DocumentMeta(language=guess_language(text)))
    return Prepared(text=text, hash=content_hash(text), meta=final, path=raw.path,
                    media_type=raw.media_type, words=word_count(text), size=size)


def _fallback_title(text: str, path: str) -> str:
    """A short first line reads as a title; otherwise the file name stands in."""
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= TITLE_MAX else Path(path.split("#")[0]).name


def _embedded(meta: DocumentMeta) -> DocumentMeta:
    """What a file says about itself is a hint: an unparseable date is dropped, not fatal."""
    if meta.date is None:
        return meta
    try:
        date = normalise_date(meta.date)
    except InvalidInput:
        date = None
    return DocumentMeta(title=meta.title, source=meta.source, url=meta.url, date=date,
                        country=meta.country, grade=meta.grade, language=meta.language)
