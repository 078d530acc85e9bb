"""Monte Carlo rank uncertainty and indicator sensitivity."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from octa import engine
from octa.engine import uncertainty
from octa.frameworks import FrameworkSpec, get_framework

if TYPE_CHECKING:
    from conftest import Edition

SMALL = FrameworkSpec.model_validate(
    {
        "id": "small",
        "name": "Small",
        "pillars": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "composites": [{"id": "ab", "name": "AB", "of": ["a", "b"]}],
        "quadrant": {"x": "ab", "y": "b"},
        "indicators": [
            {"id": f"i{n}", "name": f"I{n}", "pillar": "ab"[n // 3], "weight": w}
            for n, w in enumerate([1, 2, 1, 1, 3, 1])
        ],
    }
)


@pytest.fixture(scope="module")
def result_2023(editions: dict[int, Edition]) -> uncertainty.UncertaintyResult:
    ed = editions[2023]
    return uncertainty.run(
        ed.scores, ed.framework, draws=400, seed=42, countries=ed.iso3, sensitivity_draws=20
    )


def test_result_shapes_and_bounds(result_2023: uncertainty.UncertaintyResult) -> None:
    r = result_2023
    assert r.targets == ("criminality", "resilience")
    assert r.median_rank.shape == r.rank_low.shape == r.rank_high.shape == (2, 193)
    assert r.sensitivity.shape == (32, 2)
    assert np.all((r.rank_low <= r.median_rank) & (r.median_rank <= r.rank_high))
    assert np.all((r.rank_low >= 1) & (r.rank_high <= 193))
    assert np.all(r.sensitivity >= 0) and np.all(r.sensitivity.sum(axis=0) > 0)
    bel = list(r.countries).index("BEL")
    assert r.baseline_rank[0, bel] == 129
    assert r.rank_low[0, bel] < 129 < r.rank_high[0, bel]


def test_records(result_2023: uncertainty.UncertaintyResult) -> None:
    records = result_2023.to_records()
    assert len(records) == 2 * 193
    first = records[0]
    assert set(first) >= {"target", "country", "median_rank", "rank_low", "rank_high", "baseline_rank"}
    assert all(isinstance(v, (str, float)) for v in first.values())
    assert len(result_2023.sensitivity_records()) == 32 * 2


def test_seed_makes_runs_reproducible(editions: dict[int, Edition]) -> None:
    ed = editions[2021]
    one = uncertainty.run(ed.scores, ed.framework, draws=50, seed=5, sensitivity_draws=5)
    two = uncertainty.run(
        ed.scores, ed.framework, draws=50, seed=np.random.default_rng(5), sensitivity_draws=5
    )
    np.testing.assert_array_equal(one.median_rank, two.median_rank)
    np.testing.assert_array_equal(one.sensitivity, two.sensitivity)


def test_chunking_does_not_change_results(editions: dict[int, Edition]) -> None:
    ed = editions[2025]
    kwargs = {"draws": 64, "seed": 9, "sensitivity_draws": 0, "aggregation": "random"}
    a = uncertainty.run(ed.scores, ed.framework, chunk_size=64, **kwargs)  # type: ignore[arg-type]
    b = uncertainty.run(ed.scores, ed.framework, chunk_size=64, **kwargs)  # type: ignore[arg-type]
    np.testing.assert_array_equal(a.rank_high, b.rank_high)


def test_no_noise_gives_the_baseline(editions: dict[int, Edition]) -> None:
    ed = editions[2023]
    r = uncertainty.run(ed.scores, ed.framework, draws=10, seed=1, perturb=None, concentration=None)
    np.testing.assert_array_equal(r.median_rank, r.baseline_rank)
    np.testing.assert_array_equal(r.rank_low, r.rank_high)
    published = engine.aggregate_rounded(ed.scores, ed.framework)
    np.testing.assert_array_equal(r.baseline_rank[0], engine.competition_rank(published["criminality"]))


def test_fixed_geometric_aggregation_moves_values(editions: dict[int, Edition]) -> None:
    ed = editions[2023]
    r = uncertainty.run(
        ed.scores, ed.framework, draws=4, perturb=None, concentration=None, aggregation="geometric"
    )
    geometric = engine.aggregate(ed.scores, ed.framework, method="geometric")
    np.testing.assert_allclose(r.median_value[1], geometric["resilience"])
    assert np.all(r.median_value[1] <= r.baseline_value[1] + 1e-12)  # AM-GM


def test_assessor_bootstrap() -> None:
    framework = get_framework("ocindex-2023")
    rng = np.random.default_rng(0)
    truth = rng.integers(2, 20, size=(40, 32)) / 2
    noise = rng.choice([-1.0, 0.0, 1.0], size=(4, 40, 32))
    assessors = np.clip(truth + noise, 1, 10)
    assessors[0, :5] = np.nan  # assessor 0 skipped five countries
    r = uncertainty.run(assessors, framework, draws=200, seed=3, perturb=None, concentration=None)
    assert np.any(r.rank_low < r.rank_high)  # disagreement alone creates uncertainty
    fixed = uncertainty.run(assessors, framework, draws=20, perturb=None, concentration=None, bootstrap=False)
    np.testing.assert_array_equal(fixed.rank_low, fixed.rank_high)


def test_bad_arguments() -> None:
    framework = get_framework("ocindex-2023")
    scores = np.full((3, 32), 5.0)
    with pytest.raises(ValueError):
        uncertainty.run(scores, framework, draws=2, perturb=(0.5, 0.5, 0.5))
    with pytest.raises(ValueError):
        uncertainty.run(scores, framework, draws=2, targets=["nope"])
    with pytest.raises(ValueError):
        uncertainty.run(scores[:, :5], framework, draws=2)


@settings(max_examples=15, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(2, 15), st.just(6)),
        elements=st.sampled_from([x / 2 for x in range(2, 21)]),
    ),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["spec", "mean", "geometric", "random"]),
)
def test_intervals_contain_median_and_lie_in_range(scores: np.ndarray, seed: int, aggregation: str) -> None:
    framework = SMALL
    r = uncertainty.run(scores, framework, draws=30, seed=seed, aggregation=aggregation, sensitivity_draws=3)  # type: ignore[arg-type]
    n = scores.shape[0]
    assert np.all(r.rank_low <= r.median_rank) and np.all(r.median_rank <= r.rank_high)
    assert np.all(r.rank_low >= 1) and np.all(r.rank_high <= n)
    assert np.all(r.value_low >= 1 - 1e-9) and np.all(r.value_high <= 10 + 1e-9)
