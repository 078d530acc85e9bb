"""Indicator scores -> pillars -> composites, driven only by the framework spec.

Everything works on arrays whose last axis is the framework's indicators (in
``framework.indicator_ids`` order) and whose leading axes are free: ``(countries, indicators)``
for one edition, ``(draws, countries, indicators)`` inside the Monte Carlo. That is why the
plan is a pair of membership matrices and the arithmetic is a matrix product: the same code
serves a single edition and ten thousand draws.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from octa.engine.rounding import round_half_up
from octa.frameworks.spec import FrameworkSpec

Method = Literal["mean", "geometric"]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Plan:
    """The framework flattened into arrays, built once and reused for every draw."""

    indicator_ids: tuple[str, ...]
    pillar_ids: tuple[str, ...]
    #: (n_indicators, n_pillars) 0/1 membership.
    membership: FloatArray
    #: (n_indicators,) weights from the spec.
    weights: FloatArray
    pillar_methods: tuple[Method, ...]
    #: composite id -> (part ids, part weights, method), in computable order.
    composites: tuple[tuple[str, tuple[str, ...], FloatArray, Method], ...]

    @classmethod
    def of(cls, framework: FrameworkSpec) -> Plan:
        ids = tuple(framework.indicator_ids)
        pillars = tuple(p.id for p in framework.pillars)
        membership = np.zeros((len(ids), len(pillars)))
        for n, indicator in enumerate(framework.indicators):
            membership[n, pillars.index(indicator.pillar)] = 1.0
        composites = tuple(
            (
                c.id,
                tuple(c.of),
                np.asarray(c.weights if c.weights is not None else [1.0] * len(c.of), float),
                c.aggregation,
            )
            for c in framework.composites
        )
        return cls(
            indicator_ids=ids,
            pillar_ids=pillars,
            membership=membership,
            weights=np.asarray([i.weight for i in framework.indicators], dtype=float),
            pillar_methods=tuple(p.aggregation for p in framework.pillars),
            composites=composites,
        )


def aggregate(
    scores: ArrayLike,
    framework: FrameworkSpec | Plan,
    method: Method | None = None,
    weights: ArrayLike | None = None,
) -> dict[str, FloatArray]:
    """Unrounded pillar and composite values, keyed by aggregate id.

    ``scores`` has shape ``(..., n_indicators)``; NaN marks a missing score, which is left out
    of its pillar's mean (a pillar with no score at all is NaN). A composite needs all its
    parts: if one is NaN the composite is NaN, because silently dropping, say, criminal actors
    would change what "criminality" means. ``method`` overrides every pillar's and composite's
    aggregation (None follows the spec). ``weights`` overrides the indicator weights and may
    carry leading axes that broadcast against ``scores`` (one weight vector per draw).
    Composites are computed from the unrounded pillars, as the published index does.
    """
    plan = framework if isinstance(framework, Plan) else Plan.of(framework)
    x = np.asarray(scores, dtype=np.float64)
    if x.shape[-1] != len(plan.indicator_ids):
        raise ValueError(
            f"scores have {x.shape[-1]} indicator columns, framework has {len(plan.indicator_ids)}"
        )
    w = plan.weights if weights is None else np.asarray(weights, dtype=np.float64)
    out = _pillars(x, plan, w, method)
    for cid, parts, part_weights, spec_method in plan.composites:
        stacked = np.stack([out[p] for p in parts], axis=-1)
        out[cid] = _weighted(stacked, part_weights, method or spec_method)
    return out


def aggregate_rounded(
    scores: ArrayLike,
    framework: FrameworkSpec,
    method: Method | None = None,
    weights: ArrayLike | None = None,
) -> dict[str, FloatArray]:
    """The published values: :func:`aggregate` rounded half-up as the spec says."""
    decimals = framework.rounding.decimals
    return {
        key: round_half_up(value, decimals)
        for key, value in aggregate(scores, framework, method, weights).items()
    }


def indicator_matrix(
    columns: Mapping[str, Sequence[float] | ArrayLike], framework: FrameworkSpec | Plan
) -> FloatArray:
    """Stack per-indicator columns into the engine's ``(n, n_indicators)`` matrix.

    Indicators the mapping lacks become NaN columns (e.g. 2023-only indicators in a 2021
    edition); keys the framework does not know are ignored.
    """
    plan = framework if isinstance(framework, Plan) else Plan.of(framework)
    lengths = {len(np.asarray(v)) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError("indicator columns differ in length")
    n = lengths.pop() if lengths else 0
    out = np.full((n, len(plan.indicator_ids)), np.nan)
    for j, indicator_id in enumerate(plan.indicator_ids):
        if indicator_id in columns:
            out[:, j] = np.asarray(columns[indicator_id], dtype=np.float64)
    return out


def _pillars(x: FloatArray, plan: Plan, w: FloatArray, method: Method | None) -> dict[str, FloatArray]:
    methods = [method or m for m in plan.pillar_methods]
    values: dict[Method, FloatArray] = {}
    for kind in set(methods):
        values[kind] = _grouped(x, plan.membership, w, kind)
    return {
        pid: values[kind][..., k] for k, (pid, kind) in enumerate(zip(plan.pillar_ids, methods, strict=True))
    }


def _grouped(x: FloatArray, membership: FloatArray, w: FloatArray, kind: Method) -> FloatArray:
    """Weighted mean (or geometric mean) of the indicators in each pillar, at once."""
    if kind == "geometric":
        with np.errstate(divide="ignore"):
            x = np.log(x)
    missing = np.isnan(x)
    if missing.any():
        present = (~missing) * w
        numerator = np.where(missing, 0.0, x * w) @ membership
        with np.errstate(invalid="ignore", divide="ignore"):
            result = numerator / (present @ membership)
    else:
        result = ((x * w) @ membership) / (w @ membership)
    return np.exp(result) if kind == "geometric" else result


def _weighted(parts: FloatArray, weights: FloatArray, kind: Method) -> FloatArray:
    """Weighted (geometric) mean over the last axis; NaN if any part is NaN."""
    if kind == "geometric":
        with np.errstate(divide="ignore"):
            return np.exp((np.log(parts) @ weights) / weights.sum())
    return (parts @ weights) / weights.sum()
