"""The scoring engine: indicator scores in, published aggregates, ranks and uncertainty out.

Pure numpy, no I/O and no knowledge of the store: callers pass a ``(countries, indicators)``
matrix in ``framework.indicator_ids`` order (NaN = missing) and the framework spec, and get
plain arrays back. Everything is driven by the spec, so user frameworks work like GI-TOC's.
"""

from __future__ import annotations

from octa.engine import uncertainty
from octa.engine.aggregate import Plan, aggregate, aggregate_rounded, indicator_matrix
from octa.engine.assessors import (
    OutlierReport,
    combine_assessors,
    krippendorff_alpha_interval,
    outlying_assessors,
)
from octa.engine.ranking import (
    QUADRANTS,
    EditionChange,
    competition_rank,
    edition_change,
    group_means,
    quadrants,
)
from octa.engine.rounding import round_half_up

__all__ = [
    "QUADRANTS",
    "EditionChange",
    "OutlierReport",
    "Plan",
    "aggregate",
    "aggregate_rounded",
    "combine_assessors",
    "competition_rank",
    "edition_change",
    "group_means",
    "indicator_matrix",
    "krippendorff_alpha_interval",
    "outlying_assessors",
    "quadrants",
    "round_half_up",
    "uncertainty",
]
