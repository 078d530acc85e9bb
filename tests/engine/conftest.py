"""Engine fixtures: the shipped published scores (src/octa/data/ocindex_scores.csv), read with
the csv module only, one parametrised edition or all three."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import octa
from octa import engine
from octa.frameworks import FrameworkSpec, get_framework

CSV = Path(octa.__file__).parent / "data" / "ocindex_scores.csv"
EDITIONS = (2021, 2023, 2025)


@dataclass(frozen=True)
class Edition:
    year: int
    framework: FrameworkSpec
    iso3: list[str]
    continent: np.ndarray
    region: np.ndarray
    scores: np.ndarray
    published: dict[str, np.ndarray]


def _number(text: str) -> float:
    return float(text) if text.strip() else np.nan


def load_edition(year: int) -> Edition:
    with CSV.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if int(row["edition"]) == year]
    framework = get_framework(rows[0]["framework"])
    columns = {i: [_number(r[i]) for r in rows] for i in framework.indicator_ids}
    published = {
        key.removeprefix("published:"): np.array([_number(r[key]) for r in rows])
        for key in rows[0]
        if key.startswith("published:")
    }
    return Edition(
        year=year,
        framework=framework,
        iso3=[r["iso3"] for r in rows],
        continent=np.array([r["continent"] for r in rows]),
        region=np.array([r["region"] for r in rows]),
        scores=engine.indicator_matrix(columns, framework),
        published=published,
    )


@pytest.fixture(scope="session", params=EDITIONS, ids=str)
def edition(request: pytest.FixtureRequest) -> Edition:
    return load_edition(request.param)


@pytest.fixture(scope="session")
def editions() -> dict[int, Edition]:
    return {year: load_edition(year) for year in EDITIONS}
