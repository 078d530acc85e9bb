"""Shared fixtures: fresh stores on SQLite and, when OCTA_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from octa.store.db import Store, open_store
from octa.store.embedded import read_embedded
from octa.store.scores import import_batch

TESTS = Path(__file__).parent
DATA = TESTS / "data"
#: ../shared beside the checkout: present in CI, absent on a user's clone.
SHARED = TESTS.parent.parent / "shared"
PG_URL = os.environ.get("OCTA_TEST_PG_URL")


def shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (it ships beside the checkout in CI only)")
    return path


@pytest.fixture
def data_dir() -> Path:
    return DATA


def _postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text

    if not PG_URL:
        pytest.skip("PostgreSQL store tests need OCTA_TEST_PG_URL (set by .ci/run)")
    name = f"octa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty, migrated store on each backend."""
    if request.param == "sqlite":
        store = open_store(str(tmp_path / "octa.db"))
        yield store
        store.dispose()
        return
    generator = _postgres_database()
    url = next(generator)
    store = open_store(url)
    try:
        yield store
    finally:
        store.dispose()
        next(generator, None)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "octa.db"))
    yield store
    store.dispose()


@pytest.fixture
def db_copy(default_db: str, tmp_path: Path) -> str:
    """A private copy of the default store, for a test that writes to it."""
    target = tmp_path / "octa.db"
    shutil.copy(default_db, target)
    return str(target)


@pytest.fixture(scope="session")
def default_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of an SQLite store loaded with the embedded default (built once per session)."""
    path = tmp_path_factory.mktemp("default") / "octa.db"
    store = open_store(str(path))
    import_batch(store, read_embedded())
    store.dispose()
    return str(path)
