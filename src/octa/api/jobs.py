"""Background jobs (document ingest, network import) with progress the client can poll.

One worker thread: SQLite has one writer anyway, and it keeps uploads from starving requests.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from octa.exc import NotFound, OctaError

log = logging.getLogger("octa.api.jobs")


@dataclass
class Job:
    id: str
    kind: str
    status: str = "queued"  # queued | running | done | failed
    progress: float = 0.0
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Progress:
    """Handed to a job's function so it can report how far it got (0..1) and what it does."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def __call__(self, fraction: float, message: str = "") -> None:
        self.job.progress = max(0.0, min(1.0, float(fraction)))
        if message:
            self.job.message = message


class Jobs:
    """Registry plus executor; jobs are kept in memory (they are short and per server)."""

    def __init__(self, keep: int = 500) -> None:
        self._jobs: dict[str, Job] = {}
        self._keep = keep
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="octa-job")

    def submit(self, kind: str, work: Callable[[Progress], dict[str, Any]]) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                self._jobs.pop(next(iter(self._jobs)))
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Progress], dict[str, Any]]) -> None:
        job.status, job.message = "running", "started"
        try:
            job.result = work(Progress(job))
            job.status, job.progress, job.message = "done", 1.0, "done"
        except OctaError as exc:
            job.status, job.error = "failed", str(getattr(exc, "detail", None) or exc)
        except Exception:
            log.exception("job %s failed", job.id)
            job.status, job.error = "failed", "the job failed unexpectedly"

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}")
        return job

    def wait(self, job_id: str, timeout: float = 30.0) -> Job:
        """Block until a job ends (tests and `octa serve --get` use this)."""
        import time

        deadline = time.monotonic() + timeout
        job = self.get(job_id)
        while job.status in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.02)
        return job

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
