"""Invariants of aggregation, rounding and ranking, checked on generated data."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from octa import engine
from octa.frameworks import FrameworkSpec

GRID = st.integers(min_value=2, max_value=20).map(lambda k: k / 2)  # 1.0 .. 10.0 step 0.5


def tiny_framework(weights: list[int], method: str = "mean") -> FrameworkSpec:
    """Two pillars split down the middle, one composite of both, given indicator weights."""
    half = len(weights) // 2
    return FrameworkSpec.model_validate(
        {
            "id": "tiny",
            "name": "Tiny",
            "pillars": [
                {"id": "a", "name": "A", "aggregation": method},
                {"id": "b", "name": "B", "aggregation": method},
            ],
            "composites": [{"id": "ab", "name": "AB", "of": ["a", "b"], "aggregation": method}],
            "quadrant": {"x": "a", "y": "b"},
            "indicators": [
                {"id": f"i{n}", "name": f"I{n}", "pillar": "a" if n < half else "b", "weight": w}
                for n, w in enumerate(weights)
            ],
        }
    )


@st.composite
def scored(draw: st.DrawFn) -> tuple[np.ndarray, list[int]]:
    n_ind = draw(st.integers(min_value=2, max_value=8))
    n_countries = draw(st.integers(min_value=1, max_value=12))
    weights = draw(st.lists(st.integers(1, 5), min_size=n_ind, max_size=n_ind))
    scores = draw(arrays(np.float64, (n_countries, n_ind), elements=GRID))
    return scores, weights


@given(scored(), st.sampled_from(["mean", "geometric"]))
def test_aggregates_lie_within_their_inputs(data: tuple[np.ndarray, list[int]], method: str) -> None:
    scores, weights = data
    framework = tiny_framework(weights, method)
    result = engine.aggregate(scores, framework)
    half = len(weights) // 2
    for key, cols in (("a", slice(0, half)), ("b", slice(half, None))):
        assert np.all(result[key] >= scores[:, cols].min(axis=1) - 1e-12)
        assert np.all(result[key] <= scores[:, cols].max(axis=1) + 1e-12)
    assert np.all(result["ab"] >= scores.min(axis=1) - 1e-12)
    assert np.all(result["ab"] <= scores.max(axis=1) + 1e-12)


@given(scored())
def test_rounded_aggregates_equal_exact_rational_rounding(data: tuple[np.ndarray, list[int]]) -> None:
    scores, weights = data
    framework = tiny_framework(weights)
    rounded = engine.aggregate_rounded(scores, framework)
    half = len(weights) // 2
    for n, row in enumerate(scores):
        exact = [Fraction(str(v)) for v in row]
        a = sum(w * v for w, v in zip(weights[:half], exact[:half], strict=True)) / sum(weights[:half])
        b = sum(w * v for w, v in zip(weights[half:], exact[half:], strict=True)) / sum(weights[half:])
        for key, value in (("a", a), ("b", b), ("ab", (a + b) / 2)):
            assert rounded[key][n] == float(_exact_half_up(value))


def _exact_half_up(value: Fraction, decimals: int = 2) -> Fraction:
    scaled = value * 10**decimals
    return Fraction(
        int(scaled + Fraction(1, 2)) if scaled >= 0 else -int(-scaled + Fraction(1, 2)), 10**decimals
    )


@given(st.integers(min_value=-(10**6), max_value=10**6), st.integers(0, 3))
def test_round_half_up_on_exact_decimals(thousandths: int, decimals: int) -> None:
    value = Fraction(thousandths, 1000)
    assert engine.round_half_up(float(value), decimals) == float(_exact_half_up(value, decimals))


@given(arrays(np.float64, st.integers(1, 50), elements=st.floats(-1e6, 1e6)), st.integers(0, 4))
def test_round_half_up_is_idempotent_and_close(values: np.ndarray, decimals: int) -> None:
    once = engine.round_half_up(values, decimals)
    assert np.array_equal(engine.round_half_up(once, decimals), once)
    bound = 0.5 * 10.0**-decimals + 2e-13 * np.abs(values) + 1e-12
    assert np.all(np.abs(once - values) <= bound)


def test_round_half_up_known_ties() -> None:
    values = np.array([4.425, 1.005, 2.675, -2.675, 0.125, np.nan])
    expected = np.array([4.43, 1.01, 2.68, -2.68, 0.13, np.nan])
    np.testing.assert_array_equal(engine.round_half_up(values, 2), expected)


VALUES = arrays(np.float64, st.integers(1, 40), elements=st.sampled_from([x / 4 for x in range(41)]))


@given(VALUES)
def test_rank_is_one_plus_count_strictly_greater(values: np.ndarray) -> None:
    ranks = engine.competition_rank(values)
    np.testing.assert_array_equal(ranks, 1 + (values[None, :] > values[:, None]).sum(axis=1))
    ascending = engine.competition_rank(values, descending=False)
    np.testing.assert_array_equal(ascending, 1 + (values[None, :] < values[:, None]).sum(axis=1))


@given(VALUES, st.floats(-100, 100).map(lambda c: round(c * 4) / 4))
def test_rank_invariant_under_shift(values: np.ndarray, constant: float) -> None:
    np.testing.assert_array_equal(engine.competition_rank(values + constant), engine.competition_rank(values))


@given(VALUES, st.randoms(use_true_random=False))
def test_permuting_countries_permutes_ranks(values: np.ndarray, random) -> None:  # type: ignore[no-untyped-def]
    perm = np.array(random.sample(range(len(values)), len(values)))
    np.testing.assert_array_equal(
        engine.competition_rank(values[perm]), engine.competition_rank(values)[perm]
    )


@given(VALUES, st.data())
def test_group_ranks_are_world_ranks_within_each_group(values: np.ndarray, data: st.DataObject) -> None:
    groups = np.array(data.draw(st.lists(st.sampled_from("xyz"), min_size=len(values), max_size=len(values))))
    ranks = engine.competition_rank(values, groups=groups)
    for g in np.unique(groups):
        np.testing.assert_array_equal(ranks[groups == g], engine.competition_rank(values[groups == g]))


@given(arrays(np.float64, (5, 9), elements=st.sampled_from([1.0, 2.0, 3.0, 3.0, np.nan])))
def test_batched_ranks_equal_row_by_row(values: np.ndarray) -> None:
    ranks = engine.competition_rank(values)
    for row, expected in zip(values, ranks, strict=True):
        np.testing.assert_array_equal(engine.competition_rank(row), expected)
        assert np.isnan(expected[np.isnan(row)]).all()


@given(scored(), st.randoms(use_true_random=False))
def test_permuting_countries_permutes_aggregates(data: tuple[np.ndarray, list[int]], random) -> None:  # type: ignore[no-untyped-def]
    scores, weights = data
    framework = tiny_framework(weights)
    perm = np.array(random.sample(range(len(scores)), len(scores)))
    direct = engine.aggregate(scores, framework)
    permuted = engine.aggregate(scores[perm], framework)
    for key, values in direct.items():
        np.testing.assert_array_equal(permuted[key], values[perm])


@given(arrays(np.float64, (4, 6), elements=GRID), st.floats(0.5, 5.0))
def test_scaling_weights_changes_nothing(scores: np.ndarray, factor: float) -> None:
    framework = tiny_framework([1, 2, 3, 1, 2, 3])
    base = engine.aggregate(scores, framework)
    scaled = engine.aggregate(scores, framework, weights=np.array([1, 2, 3, 1, 2, 3]) * factor)
    for key in base:
        np.testing.assert_allclose(scaled[key], base[key], rtol=1e-12)


def test_missing_scores_are_left_out_of_their_pillar() -> None:
    framework = tiny_framework([1, 1, 1, 1])
    scores = np.array([[2.0, np.nan, 4.0, 6.0], [np.nan, np.nan, 4.0, 6.0]])
    result = engine.aggregate(scores, framework)
    np.testing.assert_array_equal(result["a"], [2.0, np.nan])
    np.testing.assert_array_equal(result["b"], [5.0, 5.0])
    np.testing.assert_array_equal(result["ab"], [3.5, np.nan])


def test_geometric_aggregation() -> None:
    framework = tiny_framework([1, 1, 1, 3])
    result = engine.aggregate(np.array([[2.0, 8.0, 1.0, 10.0]]), framework, method="geometric")
    assert result["a"][0] == pytest.approx(4.0)
    assert result["b"][0] == pytest.approx(10 ** (3 / 4))


@settings(max_examples=50)
@given(
    arrays(np.float64, (6,), elements=st.floats(0, 10)), arrays(np.float64, (6,), elements=st.floats(0, 10))
)
def test_quadrants_partition(x: np.ndarray, y: np.ndarray) -> None:
    codes = engine.quadrants(x, y, 5.5)
    assert set(codes.tolist()) <= set(engine.QUADRANTS)
    np.testing.assert_array_equal(np.char.startswith(codes, "HC"), x >= 5.5)
    np.testing.assert_array_equal(np.char.endswith(codes, "HR"), y >= 5.5)
