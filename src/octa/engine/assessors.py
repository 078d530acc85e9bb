"""Several assessors per indicator: consensus, agreement and outliers.

Arrays have the assessors on axis 0: ``(n_assessors, n_countries, n_indicators)`` (any trailing
shape works), NaN where an assessor gave no score. Assessor counts are small, so the code
vectorises over countries and indicators and never loops over scores.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
Combine = Literal["mean", "median", "trimmed"]


def combine_assessors(scores: ArrayLike, method: Combine = "mean", trim: float = 0.2) -> FloatArray:
    """Consensus score over axis 0, skipping missing assessors (NaN if nobody scored).

    ``trimmed`` drops ``floor(trim * m)`` scores from each end of the ``m`` available ones
    before averaging, so one extreme assessor out of five cannot move the consensus, while
    with two or three assessors it is the plain mean.
    """
    x = np.asarray(scores, dtype=np.float64)
    if method == "mean":
        return _nan_reduce(np.nanmean, x)
    if method == "median":
        return _nan_reduce(np.nanmedian, x)
    if method == "trimmed":
        return _trimmed_mean(x, trim)
    raise ValueError(f"unknown combination method {method!r}")


def _nan_reduce(func: object, x: FloatArray) -> FloatArray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.asarray(func(x, axis=0), dtype=np.float64)  # type: ignore[operator]


def _trimmed_mean(x: FloatArray, trim: float) -> FloatArray:
    if not 0 <= trim < 0.5:
        raise ValueError("trim must be in [0, 0.5)")
    ordered = np.sort(x, axis=0)  # NaN sort last
    available = (~np.isnan(x)).sum(axis=0)
    cut = np.floor(trim * available)
    position = np.arange(x.shape[0]).reshape((-1,) + (1,) * (x.ndim - 1))
    keep = (position >= cut) & (position < available - cut)
    total = np.where(keep, ordered, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / keep.sum(axis=0)


def krippendorff_alpha_interval(ratings: ArrayLike) -> FloatArray:
    """Krippendorff's alpha with the interval metric, one value per trailing position.

    ``ratings`` is ``(n_assessors, n_units, *rest)``: units (countries) are pooled, and one
    alpha is returned per ``rest`` position, e.g. per indicator for an
    ``(assessors, countries, indicators)`` array. For one overall alpha pass
    ``ratings.reshape(n_assessors, -1)`` (a 0-d array comes back). Units with fewer than two
    scores are not pairable and are ignored, as in Krippendorff (2011). Uses the identity
    ``sum over ordered pairs (a - b)^2 = 2 (m * sum a^2 - (sum a)^2)`` so no pair is listed.
    Alpha is NaN when there is no variation at all to compare against (expected
    disagreement 0).
    """
    x = np.asarray(ratings, dtype=np.float64)
    present = ~np.isnan(x)
    v = np.where(present, x, 0.0)
    m = present.sum(axis=0).astype(np.float64)
    s1 = v.sum(axis=0)
    s2 = (v * v).sum(axis=0)
    pairable = m >= 2
    m_safe = np.where(pairable, m, 2.0)
    within = np.where(pairable, 2.0 * (m * s2 - s1 * s1) / (m_safe - 1.0), 0.0)
    n = np.where(pairable, m, 0.0).sum(axis=0)
    total1 = np.where(pairable, s1, 0.0).sum(axis=0)
    total2 = np.where(pairable, s2, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = within.sum(axis=0) / n
        expected = 2.0 * (n * total2 - total1 * total1) / (n * (n - 1.0))
        alpha = 1.0 - observed / expected
    return np.where(expected > 0, alpha, np.nan)


@dataclass(frozen=True)
class OutlierReport:
    """Each assessor's distance from the others, and the flags it triggers.

    ``deviation`` (same shape as the scores): score minus the median of the *other* assessors'
    scores for that country and indicator (NaN when either is missing).
    ``mean_abs_deviation`` ``(n_assessors, n_indicators)``: mean of ``|deviation|`` over the
    countries the assessor scored. ``flagged``: ``mean_abs_deviation > threshold``.
    ``flagged_scores``: single scores with ``|deviation| > score_threshold``.
    """

    deviation: FloatArray
    mean_abs_deviation: FloatArray
    flagged: NDArray[np.bool_]
    flagged_scores: NDArray[np.bool_]
    threshold: float
    score_threshold: float


def outlying_assessors(
    scores: ArrayLike, threshold: float = 1.0, score_threshold: float = 2.0
) -> OutlierReport:
    """Flag assessors who sit systematically away from their colleagues.

    Rule: compare each score with the median of the other assessors' scores on the same
    item (leaving the assessor out, so a lone extreme scorer cannot pull the reference
    towards themselves). An assessor is outlying on an indicator when the mean absolute
    deviation over their countries exceeds ``threshold`` scale points (default 1.0 = two
    grid steps); a single score is flagged when its deviation exceeds ``score_threshold``.
    Input ``(n_assessors, n_countries, n_indicators)``; needs at least two assessors.
    """
    x = np.asarray(scores, dtype=np.float64)
    n = x.shape[0]
    if n < 2:
        raise ValueError("outlier detection needs at least two assessors")
    others = np.array([[j for j in range(n) if j != a] for a in range(n)])
    reference = _nan_reduce(np.nanmedian, np.moveaxis(x[others], 1, 0))
    deviation = x - reference
    mad = _nan_reduce(np.nanmean, np.moveaxis(np.abs(deviation), 1, 0))
    return OutlierReport(
        deviation=deviation,
        mean_abs_deviation=mad,
        flagged=np.nan_to_num(mad, nan=0.0) > threshold,
        flagged_scores=np.nan_to_num(np.abs(deviation), nan=0.0) > score_threshold,
        threshold=threshold,
        score_threshold=score_threshold,
    )
