"""A user's own framework (other indicators, weights, pillars, threshold) flows through."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from octa import engine
from octa.engine import uncertainty
from octa.frameworks import load_framework

USER_YAML = """
id: regional-threat-2026
name: Regional threat assessment (test)
scale: {min: 1, max: 5, step: 0.5}
rounding: {decimals: 1, mode: half-up}
quadrant: {x: threat, y: capacity, threshold: 3.0}
pillars:
  - {id: drugs, name: Drug markets}
  - {id: violence, name: Violence, aggregation: geometric}
  - {id: capacity, name: State capacity}
composites:
  - {id: threat, name: Threat, of: [drugs, violence], weights: [3, 1]}
headline: [threat, capacity]
indicators:
  - {id: cocaine, name: Cocaine, pillar: drugs, weight: 2}
  - {id: synthetics, name: Synthetics, pillar: drugs}
  - {id: homicide, name: Homicide, pillar: violence}
  - {id: extortion, name: Extortion, pillar: violence}
  - {id: police, name: Police, pillar: capacity, weight: 3}
  - {id: courts, name: Courts, pillar: capacity}
"""

SCORES = np.array(
    [
        # cocaine, synthetics, homicide, extortion, police, courts
        [5.0, 2.0, 4.0, 1.0, 1.5, 2.5],
        [1.0, 1.0, 1.0, 1.0, 5.0, 5.0],
        [3.0, 3.0, 2.0, 2.0, 3.0, 3.0],
        [2.5, np.nan, 4.5, 2.0, 4.0, 2.0],
    ]
)


@pytest.fixture()
def framework(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "user.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    return load_framework(path)


def test_user_framework_aggregates(framework) -> None:  # type: ignore[no-untyped-def]
    result = engine.aggregate(SCORES, framework)
    assert list(result) == ["drugs", "violence", "capacity", "threat"]
    drugs = np.array([(2 * 5 + 2) / 3, 1.0, 3.0, 2.5])  # missing synthetics left out
    violence = np.array([2.0, 1.0, 2.0, np.sqrt(9.0)])
    np.testing.assert_allclose(result["drugs"], drugs)
    np.testing.assert_allclose(result["violence"], violence)
    np.testing.assert_allclose(result["capacity"], [(3 * 1.5 + 2.5) / 4, 5.0, 3.0, 3.5])
    np.testing.assert_allclose(result["threat"], (3 * drugs + violence) / 4)
    rounded = engine.aggregate_rounded(SCORES, framework)
    np.testing.assert_array_equal(rounded["threat"], [3.5, 1.0, 2.8, 2.6])  # 1 decimal, half-up
    arithmetic = engine.aggregate(SCORES, framework, method="mean")
    np.testing.assert_allclose(arithmetic["violence"], [2.5, 1.0, 2.0, 3.25])


def test_user_framework_quadrants_and_ranks(framework) -> None:  # type: ignore[no-untyped-def]
    rounded = engine.aggregate_rounded(SCORES, framework)
    spec = framework.quadrant
    codes = engine.quadrants(rounded[spec.x], rounded[spec.y], spec.threshold)
    assert codes.tolist() == ["HC-LR", "LC-HR", "LC-HR", "LC-HR"]
    assert engine.competition_rank(rounded["threat"]).tolist() == [1.0, 4.0, 2.0, 3.0]
    assert engine.competition_rank(rounded["capacity"]).tolist() == [4.0, 1.0, 3.0, 2.0]


def test_user_framework_uncertainty(framework) -> None:  # type: ignore[no-untyped-def]
    result = uncertainty.run(SCORES, framework, draws=200, seed=0, sensitivity_draws=400)
    assert result.targets == ("threat", "capacity")
    assert result.indicator_ids == ("cocaine", "synthetics", "homicide", "extortion", "police", "courts")
    assert np.all(result.value_low >= 1 - 1e-9) and np.all(result.value_high <= 5 + 1e-9)
    # Capacity ranks do not depend on drug or violence indicators at all.
    assert np.all(result.sensitivity[:4, 1] == 0)
    # Police (weight 3 of 4) moves capacity by 0.375 and can swap the 3.0 and 3.5 countries;
    # courts (weight 1 of 4) moves it by 0.125 and cannot close any gap.
    assert result.sensitivity[4, 1] > 0
    assert result.sensitivity[5, 1] == 0
