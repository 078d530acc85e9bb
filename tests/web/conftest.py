"""Page test fixtures: the same in-process app as the API tests, asking for HTML."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "api"))  # `apihelpers`
warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from octa.api.app import create_app  # noqa: E402
from octa.settings import Settings  # noqa: E402


@pytest.fixture
def web(db_copy: str) -> Iterator[TestClient]:
    app = create_app(Settings(db=db_copy, max_document_bytes=200_000))
    with TestClient(app, raise_server_exceptions=False, headers={"accept": "text/html"}) as client:
        yield client
