"""Uploads: size-limited reading, generated file names, and the ingest job they start.

A client's file name is never used as a path: the bytes are stored as `<random hex><suffix>`
where the suffix comes from a fixed list; the original name is kept only as display text.
"""

from __future__ import annotations

import uuid
from pathlib import Path, PurePath
from typing import Any

from fastapi import UploadFile
from sqlalchemy import select, update
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from octa.api.context import AppContext
from octa.api.jobs import Progress
from octa.api.problems import problem
from octa.exc import InvalidInput, OctaError
from octa.store.models import DocumentRow

DOCUMENT_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".pdf",
    ".docx",
    ".jsonl",
    ".ndjson",
)
NETWORK_SUFFIXES = (".csv", ".tsv", ".txt", ".net", ".paj", ".graphml", ".xml", ".json")
CHUNK = 1 << 16
#: Files one upload may carry (each is checked against the size limit on its own).
MAX_FILES = 20


class TooLarge(OctaError):
    """An upload over the configured size limit."""

    status = 413


def safe_suffix(filename: str | None, allowed: tuple[str, ...]) -> str:
    suffix = PurePath(filename or "").suffix.casefold()
    if suffix not in allowed:
        raise InvalidInput(f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(allowed)}")
    return suffix


def display_name(filename: str | None) -> str:
    """The client's base name, trimmed: shown to people (escaped), never used on disk."""
    name = PurePath((filename or "upload").replace("\\", "/")).name
    return name[:200] or "upload"


async def save_upload(context: AppContext, upload: UploadFile, allowed: tuple[str, ...]) -> Path:
    """Write the upload under a generated name, refusing it once it exceeds the limit (413)."""
    suffix = safe_suffix(upload.filename, allowed)
    limit = context.settings.max_document_bytes
    target = context.uploads / f"{uuid.uuid4().hex}{suffix}"
    size = 0
    try:
        with target.open("wb") as handle:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"file is larger than the {limit} byte limit")
                handle.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if size == 0:
        target.unlink(missing_ok=True)
        raise InvalidInput("the uploaded file is empty")
    return target


def ingest_job(context: AppContext, files: list[tuple[Path, str]], meta: dict[str, str | None]):  # type: ignore[no-untyped-def]
    """The work of one upload (one or more files): ingest, extract, report the new document ids."""

    def work(progress: Progress) -> dict[str, Any]:
        from octa.ingest.pipeline import IngestOptions, ingest

        paths = [path for path, _name in files]
        total = max(sum(p.stat().st_size for p in paths), 1)
        done = 0

        def step(size: int, failure: str | None) -> None:
            nonlocal done
            done += size
            progress(min(done / total, 0.99), failure or "extracting")

        options = IngestOptions(
            country=meta.get("country"),
            source=meta.get("source"),
            grade=meta.get("grade"),
            date=meta.get("date"),
            url=meta.get("url"),
            max_bytes=context.settings.max_document_bytes,
        )
        progress(0.05, "reading")
        summary = ingest(context.store, paths, options, step)
        documents = [d for path, name in files for d in _documents_of(context, path, name)]
        context.invalidate()
        failures = [_clean(f, paths[0].parent) for f in summary.failures]
        if summary.failed and not summary.ingested and not summary.duplicates:
            raise InvalidInput("; ".join(failures) or "the file could not be read")
        return {
            "documents": documents,
            "ingested": summary.ingested,
            "duplicates": summary.duplicates,
            "evidence": summary.evidence,
            "failures": failures,
        }

    return work


async def save_uploads(context: AppContext, uploads: list[UploadFile]) -> list[tuple[Path, str]]:
    """Every uploaded document under a generated name, with its display name; all or nothing."""
    if not uploads:
        raise InvalidInput("no file uploaded")
    if len(uploads) > MAX_FILES:
        raise InvalidInput(f"at most {MAX_FILES} files per upload")
    saved: list[tuple[Path, str]] = []
    try:
        for upload in uploads:
            saved.append(
                (await save_upload(context, upload, DOCUMENT_SUFFIXES), display_name(upload.filename))
            )
    except BaseException:
        for path, _name in saved:
            path.unlink(missing_ok=True)
        raise
    return saved


def _clean(message: str, folder: Path) -> str:
    """Failure lines name the stored file; show the generated name only, never a directory."""
    return message.replace(f"{folder}/", "")


def _documents_of(context: AppContext, path: Path, name: str) -> list[int]:
    with context.session() as session:
        ids = list(session.scalars(select(DocumentRow.id).where(DocumentRow.path == str(path))))
        if ids:
            session.execute(
                update(DocumentRow)
                .where(DocumentRow.id.in_(ids), DocumentRow.title.is_(None))
                .values(title=name)
            )
        return ids


#: Room for the multipart envelope and the form fields around the file.
ENVELOPE = 64 * 1024
UPLOAD_PATHS = ("/api/v1/documents", "/documents", "/api/v1/networks", "/networks")


class UploadLimit:
    """ASGI middleware: refuse an upload whose declared size is over the limit before reading it.

    The multipart parser would otherwise spool the whole body to disk first; `save_upload` still
    counts the bytes for bodies sent without a Content-Length.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in UPLOAD_PATHS:
            declared = Headers(scope=scope).get("content-length", "")
            if declared.isdigit() and int(declared) > self.limit + ENVELOPE:
                response = problem(413, f"upload is larger than the {self.limit} byte limit")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
