"""Monte Carlo uncertainty of ranks, and which indicators move them.

Each draw perturbs the inputs the way a sceptical reader would:

(a) if several assessors scored, resample them with replacement (per country, so one
    assessor's scores for a country stay together) and recombine;
(b) move every score one grid step down, not at all, or one step up with the given
    probabilities, clipped to the scale (an honest "±0.5" on a 0.5 grid);
(c) draw indicator weights from a Dirichlet centred on the framework's weights
    (``alpha = concentration * w / sum(w)``; larger concentration = closer to the spec);
(d) aggregate arithmetically or geometrically (fixed, following the spec, or a coin flip per
    draw).

Then every draw is ranked (competition ranks on rounded values, like the published index) and
the result reports each country's median rank and its 90% interval (5th to 95th percentile).
Draws are processed in chunks of arrays shaped ``(draws, countries, indicators)``; nothing loops
over draws in Python.

Sensitivity (documented choice): one-at-a-time. For each indicator alone, perturb its score in
every country as in (b), keep everything else at the baseline, re-rank, and report the mean
absolute rank shift over countries and ``sensitivity_draws`` draws. It reads as "how many
places does a country move, on average, if this one indicator is off by a grid step", which is
easier to act on than a variance share, and it costs a fixed number of draws per indicator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from octa.engine.aggregate import Method, Plan, aggregate
from octa.engine.assessors import Combine, combine_assessors
from octa.engine.ranking import competition_rank
from octa.engine.rounding import round_half_up
from octa.frameworks.spec import FrameworkSpec

FloatArray = NDArray[np.float64]
AggregationChoice = Literal["spec", "mean", "geometric", "random"]

#: Probabilities of moving a score one step down, keeping it, moving it one step up.
DEFAULT_PERTURB = (0.25, 0.5, 0.25)


@dataclass(frozen=True)
class UncertaintyResult:
    """Rank distributions per target aggregate and country, and indicator sensitivity.

    Arrays indexed ``[target, country]`` have shape ``(n_targets, n_countries)``;
    ``sensitivity`` has shape ``(n_indicators, n_targets)``.
    """

    targets: tuple[str, ...]
    countries: NDArray[np.str_]
    indicator_ids: tuple[str, ...]
    draws: int
    interval: tuple[float, float]
    baseline_value: FloatArray
    baseline_rank: FloatArray
    median_rank: FloatArray
    rank_low: FloatArray
    rank_high: FloatArray
    median_value: FloatArray
    value_low: FloatArray
    value_high: FloatArray
    sensitivity: FloatArray

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per (target, country), ready for a table or JSON."""
        records = []
        for t, target in enumerate(self.targets):
            for c, country in enumerate(self.countries.tolist()):
                records.append(
                    {
                        "target": target,
                        "country": country,
                        "baseline_value": float(self.baseline_value[t, c]),
                        "baseline_rank": float(self.baseline_rank[t, c]),
                        "median_rank": float(self.median_rank[t, c]),
                        "rank_low": float(self.rank_low[t, c]),
                        "rank_high": float(self.rank_high[t, c]),
                        "median_value": float(self.median_value[t, c]),
                        "value_low": float(self.value_low[t, c]),
                        "value_high": float(self.value_high[t, c]),
                    }
                )
        return records

    def sensitivity_records(self) -> list[dict[str, Any]]:
        """One dict per (indicator, target): mean absolute rank shift."""
        return [
            {"indicator": ind, "target": target, "mean_abs_rank_shift": float(self.sensitivity[i, t])}
            for i, ind in enumerate(self.indicator_ids)
            for t, target in enumerate(self.targets)
        ]


@dataclass(frozen=True)
class _Setup:
    plan: Plan
    targets: tuple[str, ...]
    consensus: FloatArray
    assessors: FloatArray | None
    combine: Combine
    perturb: tuple[float, float, float] | None
    scale: tuple[float, float, float]
    concentration: float | None
    aggregation: AggregationChoice
    decimals: int | None


def run(
    scores: ArrayLike,
    framework: FrameworkSpec,
    draws: int = 1000,
    seed: int | np.random.Generator | None = None,
    *,
    countries: Sequence[str] | None = None,
    targets: Sequence[str] | None = None,
    perturb: tuple[float, float, float] | None = DEFAULT_PERTURB,
    concentration: float | None = 200.0,
    aggregation: AggregationChoice = "spec",
    bootstrap: bool = True,
    combine: Combine = "mean",
    interval: tuple[float, float] = (5.0, 95.0),
    round_ranks: bool = True,
    chunk_size: int = 256,
    sensitivity_draws: int = 100,
) -> UncertaintyResult:
    """Monte Carlo rank uncertainty for ``targets`` (default: the quadrant's x and y).

    ``scores`` is ``(countries, indicators)`` or ``(assessors, countries, indicators)`` in
    ``framework.indicator_ids`` order. Switch a source of uncertainty off with
    ``perturb=None``, ``concentration=None``, ``aggregation="spec"``, ``bootstrap=False``.
    ``seed`` (int or Generator) makes the run reproducible.
    """
    setup = _setup(
        scores, framework, targets, perturb, concentration, aggregation, bootstrap, combine, round_ranks
    )
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    n_countries = setup.consensus.shape[0]
    baseline_value, baseline_rank = _evaluate(setup, setup.consensus[None], None, None)
    values = np.empty((len(setup.targets), draws, n_countries))
    ranks = np.empty((len(setup.targets), draws, n_countries), dtype=np.float32)
    step = _chunk_length(setup, chunk_size)
    for start in range(0, draws, step):
        stop = min(start + step, draws)
        values[:, start:stop], ranks[:, start:stop] = _chunk(setup, stop - start, rng)
    low, high = interval
    with np.errstate(invalid="ignore"):
        # ranks are reported as ranks some draw actually produced (no 94.95th place)
        rank_q = np.nanpercentile(ranks, [50.0, low, high], axis=1, method="inverted_cdf")
        value_q = np.nanpercentile(values, [50.0, low, high], axis=1)
    labels = countries if countries is not None else [str(c) for c in range(n_countries)]
    return UncertaintyResult(
        targets=setup.targets,
        countries=np.asarray([str(c) for c in labels]),
        indicator_ids=setup.plan.indicator_ids,
        draws=draws,
        interval=(low, high),
        baseline_value=baseline_value[:, 0],
        baseline_rank=baseline_rank[:, 0],
        median_rank=rank_q[0],
        rank_low=rank_q[1],
        rank_high=rank_q[2],
        median_value=value_q[0],
        value_low=value_q[1],
        value_high=value_q[2],
        sensitivity=_sensitivity(setup, baseline_rank[:, 0], sensitivity_draws, rng),
    )


def _setup(
    scores: ArrayLike,
    framework: FrameworkSpec,
    targets: Sequence[str] | None,
    perturb: tuple[float, float, float] | None,
    concentration: float | None,
    aggregation: AggregationChoice,
    bootstrap: bool,
    combine: Combine,
    round_ranks: bool,
) -> _Setup:
    x = np.asarray(scores, dtype=np.float64)
    if x.ndim not in (2, 3):
        raise ValueError("scores must be (countries, indicators) or (assessors, countries, indicators)")
    if perturb is not None and (min(perturb) < 0 or not np.isclose(sum(perturb), 1.0)):
        raise ValueError("perturb must be three non-negative probabilities summing to 1")
    if concentration is not None and concentration <= 0:
        raise ValueError("concentration must be positive")
    chosen = tuple(targets) if targets else (framework.quadrant.x, framework.quadrant.y)
    unknown = [t for t in chosen if t not in framework.aggregate_ids()]
    if unknown:
        raise ValueError(f"unknown target aggregates: {unknown}")
    consensus = combine_assessors(x, combine) if x.ndim == 3 else x
    scale = framework.scale
    return _Setup(
        plan=Plan.of(framework),
        targets=chosen,
        consensus=consensus,
        assessors=x if x.ndim == 3 and bootstrap and x.shape[0] > 1 else None,
        combine=combine,
        perturb=perturb,
        scale=(scale.min, scale.max, scale.step),
        concentration=concentration,
        aggregation=aggregation,
        decimals=framework.rounding.decimals if round_ranks else None,
    )


#: Largest number of float64 elements one chunk's (draws, assessors, countries, indicators) array may hold.
_CHUNK_ELEMENTS = 8_000_000


def _chunk_length(setup: _Setup, chunk_size: int) -> int:
    """Shrink chunks when bootstrapping many assessors, so memory stays bounded (~64 MB)."""
    per_draw = setup.consensus.size * (1 if setup.assessors is None else setup.assessors.shape[0])
    return max(1, min(chunk_size, _CHUNK_ELEMENTS // max(per_draw, 1)))


def _chunk(setup: _Setup, size: int, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """Values and ranks ``(n_targets, size, n_countries)`` for one chunk of draws."""
    scores = _resampled(setup, size, rng)
    if setup.perturb is not None:
        scores = _perturbed(scores, setup.perturb, setup.scale, rng)
    weights = _dirichlet_weights(setup, size, rng)
    return _evaluate(setup, scores, weights, _methods(setup.aggregation, size, rng))


def _resampled(setup: _Setup, size: int, rng: np.random.Generator) -> FloatArray:
    """(a) bootstrap the assessors per country, or repeat the consensus."""
    base = setup.consensus
    if setup.assessors is None:
        return np.broadcast_to(base, (size, *base.shape))
    x = setup.assessors
    n_assessors, n_countries = x.shape[:2]
    picks = rng.integers(0, n_assessors, size=(size, n_assessors, n_countries))
    sample = x[picks, np.arange(n_countries)]  # (size, assessors, countries, indicators)
    combined = combine_assessors(np.moveaxis(sample, 1, 0), setup.combine)
    return np.where(np.isnan(combined), base, combined)


def _perturbed(
    scores: FloatArray,
    perturb: tuple[float, float, float],
    scale: tuple[float, float, float],
    rng: np.random.Generator,
) -> FloatArray:
    """(b) one grid step down / none / up, clipped to the scale."""
    lowest, highest, step = scale
    down, _, up = perturb
    u = rng.random(scores.shape, dtype=np.float32)
    delta = (u >= np.float32(1.0 - up)).astype(np.float64)
    delta -= u < np.float32(down)
    delta *= step
    delta += scores
    return np.clip(delta, lowest, highest, out=delta)


def _dirichlet_weights(setup: _Setup, size: int, rng: np.random.Generator) -> FloatArray | None:
    """(c) one weight vector per draw, shaped to broadcast over countries."""
    if setup.concentration is None:
        return None
    w = setup.plan.weights
    gamma = rng.standard_gamma(setup.concentration * w / w.sum(), size=(size, len(w)))
    return (gamma / gamma.sum(axis=1, keepdims=True) * w.sum())[:, None, :]


def _methods(
    choice: AggregationChoice, size: int, rng: np.random.Generator
) -> NDArray[np.bool_] | Method | None:
    """(d) None = follow the spec; a method name; or a per-draw mask (True = geometric)."""
    if choice == "spec":
        return None
    if choice == "random":
        return rng.random(size) < 0.5
    return choice


def _evaluate(
    setup: _Setup,
    scores: FloatArray,
    weights: FloatArray | None,
    methods: NDArray[np.bool_] | Method | None,
) -> tuple[FloatArray, FloatArray]:
    """Target values and their competition ranks for a stack of draws."""
    if isinstance(methods, np.ndarray):
        values = np.empty((len(setup.targets), *scores.shape[:-1]))
        split: tuple[tuple[Method, NDArray[np.bool_]], ...] = (("geometric", methods), ("mean", ~methods))
        for kind, mask in split:
            if mask.any():
                w = None if weights is None else weights[mask]
                values[:, mask] = _targets(setup, scores[mask], w, kind)
    else:
        values = _targets(setup, scores, weights, methods)
    ranked = values if setup.decimals is None else round_half_up(values, setup.decimals)
    return values, competition_rank(ranked)


def _targets(
    setup: _Setup, scores: FloatArray, weights: FloatArray | None, method: Method | None
) -> FloatArray:
    result = aggregate(scores, setup.plan, method=method, weights=weights)
    return np.stack([result[t] for t in setup.targets])


def _sensitivity(
    setup: _Setup, baseline_rank: FloatArray, draws: int, rng: np.random.Generator
) -> FloatArray:
    """Mean absolute rank shift when one indicator alone is perturbed (see module doc)."""
    n_indicators = len(setup.plan.indicator_ids)
    out = np.zeros((n_indicators, len(setup.targets)))
    if draws <= 0:
        return out
    perturb = setup.perturb or DEFAULT_PERTURB
    base = np.broadcast_to(setup.consensus, (draws, *setup.consensus.shape))
    for j in range(n_indicators):
        scores = base.copy()
        scores[..., j] = _perturbed(base[..., j], perturb, setup.scale, rng)
        _, ranks = _evaluate(setup, scores, None, None)
        with np.errstate(invalid="ignore"):
            shift = np.abs(ranks - baseline_rank[:, None, :])
        out[j] = np.nanmean(shift.reshape(len(setup.targets), -1), axis=1)
    return out
