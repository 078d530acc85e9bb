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

    def peek(self, key: tuple[Any, ...]) -> Any:
        """A memoised value or None, without locking (a dict read is atomic)."""
        return self._memo.get(key)

    def memo(self, key: tuple[Any, ...], compute: Any) -> Any:
        """Keep a derived result (a rendered row, an uncertainty run) until the next write."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]
            generation = self.generation
        value = compute()
        with self._lock:
            if generation == self.generation:
                if (
                    len(self._memo) >= MEMO_LIMIT
                ):  # bounded: odd parameter combinations cannot grow it forever
                    self._memo.clear()
                self._memo[key] = value
        return value

    def store_result(self, key: tuple[Any, ...], value: Any, generation: int) -> None:
        """Keep `value` unless the store was written since `generation` was read."""
        with self._lock:
            if generation == self.generation:
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = value

    def invalidate(self) -> None:
        """Forget everything derived from the store: called after every write."""
        with self._lock:
            self._editions = None
            self._assessments.clear()
            self._memo.clear()
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
