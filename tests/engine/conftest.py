"""Engine test fixtures: one parametrised edition, or all three."""

from __future__ import annotations

import pytest
from engine_data import EDITIONS, Edition, load_edition


@pytest.fixture(scope="session", params=EDITIONS, ids=str)
def edition(request: pytest.FixtureRequest) -> Edition:
    return load_edition(request.param)


@pytest.fixture(scope="session")
def editions() -> dict[int, Edition]:
    return {year: load_edition(year) for year in EDITIONS}
