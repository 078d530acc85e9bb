"""Time the Monte Carlo: 10,000 draws x 193 countries x 32 indicators, real 2023 scores, one core.

Run: ``.venv/bin/python benchmarks/uncertainty.py [--draws N] [--sensitivity-draws N]``.
Goal: under 2 s for the rank draws on one core. BLAS thread variables are set before numpy is
imported, so the figure is single-threaded whatever the machine.
"""

from __future__ import annotations

import os

for _var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

import octa  # noqa: E402
from octa.engine import indicator_matrix, uncertainty  # noqa: E402
from octa.frameworks import get_framework  # noqa: E402

CSV = Path(octa.__file__).parent / "data" / "ocindex_scores.csv"


def load_2023() -> tuple[np.ndarray, list[str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["edition"] == "2023"]
    framework = get_framework(rows[0]["framework"])
    columns = {i: [float(r[i]) for r in rows] for i in framework.indicator_ids}
    return indicator_matrix(columns, framework), [r["iso3"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--sensitivity-draws", type=int, default=100)
    parser.add_argument("--aggregation", default="random", choices=["spec", "mean", "geometric", "random"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    framework = get_framework("ocindex-2023")
    scores, iso3 = load_2023()
    print(f"scores {scores.shape[0]} countries x {scores.shape[1]} indicators, {args.draws} draws")
    best, best_sens = float("inf"), float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        uncertainty.run(
            scores,
            framework,
            draws=args.draws,
            seed=1,
            aggregation=args.aggregation,
            countries=iso3,
            sensitivity_draws=0,
        )
        best = min(best, time.perf_counter() - start)
        start = time.perf_counter()
        result = uncertainty.run(
            scores, framework, draws=1, seed=1, countries=iso3, sensitivity_draws=args.sensitivity_draws
        )
        best_sens = min(best_sens, time.perf_counter() - start)
    sources = f"perturb + Dirichlet weights + {args.aggregation} aggregation"
    print(f"rank draws ({sources}): {best:.3f} s (best of {args.repeat})")
    print(f"sensitivity, {args.sensitivity_draws} draws per indicator: {best_sens:.3f} s")
    bel = list(result.countries).index("BEL")
    print(f"BEL criminality baseline rank {result.baseline_rank[0, bel]:.0f}")


if __name__ == "__main__":
    main()
