"""What one running app shares between requests: settings, the store, cached assessments, jobs.

Assessments are pure functions of the stored scores, so each edition is computed once and kept
until something writes to the store (`invalidate()`); that is what keeps JSON endpoints fast.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from octa.api.jobs import Jobs
from octa.assessment import Assessor, EditionAssessment
from octa.settings import Settings
from octa.store.db import Store, open_store
from octa.store.scores import edition_scores, editions

#: Most derived results kept at once (countries x editions x pages fit easily).
MEMO_LIMIT = 5000
#: Memory for encoded responses replayed by the fast path; past it the oldest set is dropped.
RESPONSE_BYTES = 64 * 1024 * 1024


class CachedAssessor(Assessor):
    """An Assessor whose editions come from the app-wide cache instead of being recomputed."""

    def __init__(self, session: Session, context: AppContext) -> None:
        super().__init__(session)
        self.context = context

    def editions(self) -> list[int]:
        return self.context.editions(self.session)

    def edition(self, year: int | None = None) -> EditionAssessment:
        year = self.latest() if year is None else year
        return self.context.assessment(self.session, year)


class AppContext:
    """Shared state of one app instance (one per `create_app`)."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or open_store(settings.db)
        self.jobs = Jobs()
        self._lock = threading.RLock()
        self._editions: list[int] | None = None
        self._assessments: dict[int, EditionAssessment] = {}
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._responses: dict[tuple[Any, ...], Any] = {}
        self._response_bytes = 0
        self.generation = 0

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.store.session() as session:
            yield session

    def editions(self, session: Session) -> list[int]:
        with self._lock:
            if self._editions is None:
                self._editions = list(editions(session))
            return list(self._editions)

    def assessment(self, session: Session, year: int) -> EditionAssessment:
        with self._lock:
            found = self._assessments.get(year)
            if found is None:
                if year not in self.editions(session):
                    from octa.exc import NotFound

                    raise NotFound(f"no edition {year} in the store (known: {self.editions(session)})")
                found = EditionAssessment(edition_scores(session, year))
                self._assessments[year] = found
            return found

    def assessor(self, session: Session) -> CachedAssessor:
        return CachedAssessor(session, self)

    def resolve_edition(self, year: int | None) -> int:
        """The edition a request means (latest when none is given); unknown years are NotFound."""
        with self.session() as session:
            return self.assessor(session).edition(year).edition

    def memo(self, key: tuple[Any, ...], compute: Any) -> Any:
        """Keep a derived result (a profile, an uncertainty run, a report) until the next write."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]
            generation = self.generation
        value = compute()
        with self._lock:
            if generation == self.generation:
                if len(self._memo) >= MEMO_LIMIT:  # odd parameter combinations cannot grow it forever
                    self._memo.clear()
                self._memo[key] = value
        return value

    def response(self, key: tuple[Any, ...]) -> Any:
        """An encoded response kept by `keep_response`, or None (lock-free: a dict read is atomic)."""
        return self._responses.get(key)

    def keep_response(self, key: tuple[Any, ...], value: Any, body: bytes, generation: int) -> None:
        """Keep an encoded response unless the store was written since `generation` was read."""
        with self._lock:
            if generation != self.generation or len(body) > RESPONSE_BYTES // 16:
                return
            if self._response_bytes + len(body) > RESPONSE_BYTES:
                self._responses.clear()
                self._response_bytes = 0
            self._responses[key] = value
            self._response_bytes += len(body)

    def invalidate(self) -> None:
        """Forget everything derived from the store: called after every write."""
        with self._lock:
            self._editions = None
            self._assessments.clear()
            self._memo.clear()
            self._responses.clear()
            self._response_bytes = 0
            self.generation += 1

    @property
    def uploads(self) -> Path:
        """Where uploaded files are kept, always under generated names."""
        if "://" in self.settings.db:
            base = Path(tempfile.gettempdir()) / "octa-uploads"
        else:
            base = Path(self.settings.db).expanduser().resolve().parent / "octa-uploads"
        base.mkdir(parents=True, exist_ok=True)
        return base

    def close(self) -> None:
        self.jobs.shutdown()
        self.store.dispose()
