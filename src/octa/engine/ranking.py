"""Competition ranks, quadrants, group averages and edition-to-edition change.

Ranks follow the published convention: "1224" competition ranking on the rounded published
values, highest value first, so two countries published at 6.08 share a place and the next
country skips one. Ranking is argsort-based and works on any leading axes, so the Monte Carlo
ranks ten thousand draws in one call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from octa.engine.rounding import round_half_up

FloatArray = NDArray[np.float64]

#: Quadrant codes: low/high criminality (x) × high/low resilience (y).
QUADRANTS = ("LC-HR", "LC-LR", "HC-LR", "HC-HR")


def competition_rank(
    values: ArrayLike, groups: ArrayLike | None = None, descending: bool = True
) -> FloatArray:
    """Competition rank along the last axis: rank = 1 + number of values strictly better.

    ``groups`` (one label per position of the last axis) ranks within each group instead of
    world-wide, e.g. continents or regions of one edition. NaN values are unranked (NaN) and
    do not count against anyone. Returns floats so that NaN can mark the unranked.
    """
    v = np.asarray(values, dtype=np.float64)
    keys = -v if descending else v
    codes = _group_codes(groups, v.shape[-1])
    order = np.argsort(keys, axis=-1, kind="stable")
    if codes is not None:
        by_group = np.argsort(codes[order], axis=-1, kind="stable")
        order = np.take_along_axis(order, by_group, axis=-1)
    sorted_keys = np.take_along_axis(keys, order, axis=-1)
    position = np.broadcast_to(np.arange(v.shape[-1]), v.shape)
    new_run = np.ones(v.shape, dtype=bool)
    new_run[..., 1:] = sorted_keys[..., 1:] != sorted_keys[..., :-1]
    run_start = np.maximum.accumulate(np.where(new_run, position, 0), axis=-1)
    sorted_ranks = (run_start + 1).astype(np.float64)
    if codes is not None:
        sorted_codes = codes[order]
        new_group = np.ones(v.shape, dtype=bool)
        new_group[..., 1:] = sorted_codes[..., 1:] != sorted_codes[..., :-1]
        new_run |= new_group
        run_start = np.maximum.accumulate(np.where(new_run, position, 0), axis=-1)
        group_start = np.maximum.accumulate(np.where(new_group, position, 0), axis=-1)
        sorted_ranks = (run_start - group_start + 1).astype(np.float64)
    ranks = np.empty_like(sorted_ranks)
    np.put_along_axis(ranks, order, sorted_ranks, axis=-1)
    ranks[np.isnan(v)] = np.nan
    return ranks


def _group_codes(groups: ArrayLike | None, n: int) -> NDArray[np.intp] | None:
    if groups is None:
        return None
    labels = np.asarray(groups)
    if labels.shape != (n,):
        raise ValueError(f"groups must have shape ({n},), got {labels.shape}")
    _, codes = np.unique(labels.astype(str), return_inverse=True)
    return codes.reshape(n)


def quadrants(x: ArrayLike, y: ArrayLike, threshold: float = 5.5, inclusive: bool = True) -> NDArray[np.str_]:
    """Quadrant code per country: ``LC-HR``, ``LC-LR``, ``HC-LR`` or ``HC-HR``.

    "High" means ``value >= threshold`` by default: the published 2021, 2023 and 2025
    quadrant counts are reproduced only with ``>=`` (the USA's 2021 criminality of exactly
    5.50 is "high"). Pass the rounded published values, as readers see them; on the published
    data rounded and unrounded values give the same quadrants. Missing x or y gives ``""``.
    """
    xv = np.asarray(x, dtype=np.float64)
    yv = np.asarray(y, dtype=np.float64)
    high_x = xv >= threshold if inclusive else xv > threshold
    high_y = yv >= threshold if inclusive else yv > threshold
    codes = np.where(high_x, np.where(high_y, "HC-HR", "HC-LR"), np.where(high_y, "LC-HR", "LC-LR"))
    return np.where(np.isnan(xv) | np.isnan(yv), "", codes)


def group_means(values: ArrayLike, groups: ArrayLike) -> tuple[NDArray[np.str_], FloatArray]:
    """Average of ``values`` (shape ``(n,)`` or ``(n, k)``) per group label, NaN skipped.

    Returns ``(labels, means)`` with labels sorted and ``means`` of shape ``(n_groups,)`` or
    ``(n_groups, k)``. Feed unrounded values and round the averages for display, so that
    continental averages do not inherit each country's rounding.
    """
    v = np.asarray(values, dtype=np.float64)
    labels, codes = np.unique(np.asarray(groups).astype(str), return_inverse=True)
    codes = codes.reshape(-1)
    flat = v.reshape(v.shape[0], -1)
    present = ~np.isnan(flat)
    sums = np.zeros((len(labels), flat.shape[1]))
    counts = np.zeros_like(sums)
    np.add.at(sums, codes, np.where(present, flat, 0.0))
    np.add.at(counts, codes, present)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts
    return labels, means.reshape((len(labels), *v.shape[1:]))


@dataclass(frozen=True)
class EditionChange:
    """Two editions aligned on the union of their countries and keys (new minus old).

    ``countries`` lists the new edition's countries first, then those only in the old one.
    Each dict maps an aggregate or indicator id to an array over ``countries``; a value absent
    from an edition is NaN there, and so are its delta and rank change. Ranks are competition
    ranks within each edition on values rounded to ``decimals``; ``rank_delta`` is new rank
    minus old rank (negative = moved towards rank 1).
    """

    countries: NDArray[np.str_]
    keys: tuple[str, ...]
    old: dict[str, FloatArray]
    new: dict[str, FloatArray]
    delta: dict[str, FloatArray]
    old_rank: dict[str, FloatArray]
    new_rank: dict[str, FloatArray]
    rank_delta: dict[str, FloatArray]


def edition_change(
    old_countries: Sequence[str] | ArrayLike,
    old: Mapping[str, ArrayLike],
    new_countries: Sequence[str] | ArrayLike,
    new: Mapping[str, ArrayLike],
    decimals: int = 2,
) -> EditionChange:
    """Change between two editions from the unrounded values.

    Countries are matched by label (iso3), keys by id, so indicators added by a new
    methodology or countries missing from one edition come out as NaN rather than as errors.
    """
    old_ids = [str(c) for c in np.asarray(old_countries).tolist()]
    new_ids = [str(c) for c in np.asarray(new_countries).tolist()]
    seen = set(new_ids)
    countries = new_ids + [c for c in old_ids if c not in seen]
    keys = tuple(dict.fromkeys([*new, *old]))
    old_a = {k: _align(old_ids, old.get(k), countries) for k in keys}
    new_a = {k: _align(new_ids, new.get(k), countries) for k in keys}
    old_r = {k: competition_rank(round_half_up(v, decimals)) for k, v in old_a.items()}
    new_r = {k: competition_rank(round_half_up(v, decimals)) for k, v in new_a.items()}
    return EditionChange(
        countries=np.asarray(countries),
        keys=keys,
        old=old_a,
        new=new_a,
        delta={k: new_a[k] - old_a[k] for k in keys},
        old_rank=old_r,
        new_rank=new_r,
        rank_delta={k: new_r[k] - old_r[k] for k in keys},
    )


def _align(ids: list[str], values: ArrayLike | None, target: list[str]) -> FloatArray:
    out = np.full(len(target), np.nan)
    if values is None:
        return out
    v = np.asarray(values, dtype=np.float64)
    if v.shape != (len(ids),):
        raise ValueError(f"expected {len(ids)} values, got shape {v.shape}")
    index = {c: n for n, c in enumerate(target)}
    out[[index[c] for c in ids]] = v
    return out
