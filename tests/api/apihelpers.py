"""Helpers shared by the API and web tests (imported by module name, not via conftest)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

HOSTILE_HTML = Path(__file__).parent.parent / "web" / "hostile.html"


def wait_job(client: TestClient, job_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job  # type: ignore[no-any-return]
        time.sleep(0.05)


def upload(client: TestClient, path: Path, name: str | None = None, **form: str) -> dict[str, Any]:
    """Upload a document through the API and wait for its ingest job."""
    with path.open("rb") as handle:
        response = client.post("/api/v1/documents", files={"file": (name or path.name, handle)}, data=form)
    assert response.status_code == 202, response.text
    return wait_job(client, response.json()["id"])
