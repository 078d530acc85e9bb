"""API test fixtures: an app on a private copy of the default store, driven in-process."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for `apihelpers`, shared with tests/web
warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from octa.api.app import create_app  # noqa: E402
from octa.settings import Settings  # noqa: E402


@pytest.fixture
def client(db_copy: str) -> Iterator[TestClient]:
    app = create_app(Settings(db=db_copy, max_document_bytes=200_000))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
