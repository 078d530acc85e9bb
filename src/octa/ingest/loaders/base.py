"""What every loader returns: raw text plus what the file says about itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from octa.ingest.metadata import DocumentMeta


@dataclass(frozen=True)
class RawDocument:
    text: str
    path: str
    media_type: str
    #: Metadata found inside the file (HTML meta tags, PDF info, JSONL fields).
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    #: For JSONL: which line; the sidecar does not apply to JSONL lines' own metadata.
    row: int | None = None


@dataclass(frozen=True)
class LoadFailure:
    """A file or a JSONL line that could not be read, and the one-line reason why."""

    path: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, row {self.row}" if self.row is not None else self.path
        return f"{where}: {self.reason}"


Loaded = RawDocument | LoadFailure
#: A loader reads one file; a format error is raised as `InvalidInput` (or yielded, per line).
Loader = Callable[[Path], Iterator[Loaded]]
