"""Several assessors: consensus, Krippendorff's alpha and outlier flags."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from octa import engine

N = np.nan
#: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the worked example with
#: four observers, twelve units and missing values (section C). Published alphas: nominal
#: 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
KRIPPENDORFF_2011 = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
)


def test_krippendorff_textbook_interval_example() -> None:
    alpha = engine.krippendorff_alpha_interval(KRIPPENDORFF_2011)
    assert float(alpha) == pytest.approx(0.849, abs=5e-4)
    # Hand computation: n = 40 pairable values, D_o = 0.21875... via coincidences;
    # exact value 1 - D_o / D_e = 0.8491071428571428.
    assert float(alpha) == pytest.approx(0.8491071428571428, rel=1e-12)


def test_krippendorff_per_indicator_and_overall() -> None:
    rng = np.random.default_rng(3)
    truth = rng.integers(2, 20, size=(30, 4)) / 2
    noise = rng.choice([-0.5, 0.0, 0.5], size=(5, 30, 4), p=[0.2, 0.6, 0.2])
    ratings = truth + noise
    ratings[:, :, 3] = rng.integers(2, 20, size=(5, 30)) / 2  # indicator 3: no agreement
    alpha = engine.krippendorff_alpha_interval(ratings)
    assert alpha.shape == (4,)
    assert np.all(alpha[:3] > 0.9)
    assert abs(alpha[3]) < 0.2
    overall = engine.krippendorff_alpha_interval(ratings.reshape(5, -1))
    assert overall.shape == ()
    for j in range(4):
        assert alpha[j] == pytest.approx(float(engine.krippendorff_alpha_interval(ratings[:, :, j])))


def test_krippendorff_matches_reference_package() -> None:
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(7)
    for _ in range(20):
        data = rng.integers(1, 11, size=(4, 25)).astype(float)
        data[rng.random(data.shape) < 0.2] = np.nan
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
        assert float(engine.krippendorff_alpha_interval(data)) == pytest.approx(expected, rel=1e-9)


@given(
    arrays(np.float64, st.integers(2, 30), elements=st.sampled_from([x / 2 for x in range(2, 21)])),
    st.integers(2, 6),
)
def test_krippendorff_perfect_agreement_is_one(unit_values: np.ndarray, n_assessors: int) -> None:
    ratings = np.tile(unit_values, (n_assessors, 1))
    alpha = float(engine.krippendorff_alpha_interval(ratings))
    if np.ptp(unit_values) == 0:
        assert np.isnan(alpha)  # nothing varies: agreement is undefined, not perfect
    else:
        assert alpha == pytest.approx(1.0)


def test_krippendorff_ignores_unpairable_units() -> None:
    with_lonely = np.array([[1.0, 2.0, 5.0], [1.0, 2.0, N]])
    assert float(engine.krippendorff_alpha_interval(with_lonely)) == pytest.approx(
        float(engine.krippendorff_alpha_interval(with_lonely[:, :2]))
    )


def test_combine_assessors_methods() -> None:
    scores = np.array([[[2.0, 5.0]], [[3.0, N]], [[4.0, 5.0]], [[10.0, N]], [[3.0, N]]])
    np.testing.assert_allclose(engine.combine_assessors(scores, "mean"), [[4.4, 5.0]])
    np.testing.assert_allclose(engine.combine_assessors(scores, "median"), [[3.0, 5.0]])
    # 5 scores, trim 0.2 -> drop one from each end: mean of 3, 3, 4.
    np.testing.assert_allclose(engine.combine_assessors(scores, "trimmed", trim=0.2), [[10 / 3, 5.0]])
    np.testing.assert_array_equal(engine.combine_assessors(np.full((3, 1, 1), N)), [[N]])
    with pytest.raises(ValueError):
        engine.combine_assessors(scores, "mode")  # type: ignore[arg-type]


@pytest.mark.filterwarnings("ignore:All-NaN slice")
@given(arrays(np.float64, (4, 3, 2), elements=st.sampled_from([1.0, 2.5, 4.0, 7.5, 10.0, N])))
def test_consensus_lies_within_the_assessors(scores: np.ndarray) -> None:
    for method in ("mean", "median", "trimmed"):
        combined = engine.combine_assessors(scores, method)
        present = ~np.isnan(combined)
        with np.errstate(invalid="ignore"):
            assert np.all(combined[present] >= np.nanmin(scores, axis=0)[present] - 1e-12)
            assert np.all(combined[present] <= np.nanmax(scores, axis=0)[present] + 1e-12)


def test_outlying_assessor_is_flagged() -> None:
    rng = np.random.default_rng(11)
    truth = rng.integers(2, 18, size=(20, 3)) / 2
    scores = np.stack([truth, truth + 0.5, truth - 0.5, truth, truth])
    scores[3, :, 1] = np.clip(truth[:, 1] + 3.0, 1, 10)  # assessor 3 inflates indicator 1
    report = engine.outlying_assessors(scores, threshold=1.0, score_threshold=2.0)
    assert report.mean_abs_deviation.shape == (5, 3)
    assert report.flagged.tolist() == [
        [False, False, False],
        [False, False, False],
        [False, False, False],
        [False, True, False],
        [False, False, False],
    ]
    assert report.flagged_scores[3, :, 1].any()
    assert not report.flagged_scores[[0, 1, 2, 4]].any()


def test_outliers_need_two_assessors() -> None:
    with pytest.raises(ValueError):
        engine.outlying_assessors(np.ones((1, 3, 2)))
