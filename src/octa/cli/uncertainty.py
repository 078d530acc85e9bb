"""`octa uncertainty`: how certain each rank is, and which indicators move ranks.

Example:
    octa uncertainty --edition 2023 --draws 5000 --country BE
"""

from __future__ import annotations

from typing import Annotated

import typer

from octa.assessment import Assessor, rank_uncertainty
from octa.cli.common import DbOption, FormatOption, OutputFormat, console, print_rows, session_for
from octa.countries import get_country
from octa.engine import round_half_up


def register(app: typer.Typer) -> None:
    app.command("uncertainty")(uncertainty)


def uncertainty(
    edition: Annotated[int | None, typer.Option("--edition", "-e", help="Edition (default: latest).")] = None,
    draws: Annotated[int, typer.Option(min=10, max=1_000_000, help="Monte Carlo draws.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed (runs are reproducible).")] = 0,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Only these countries.")
    ] = None,
    no_perturb: Annotated[bool, typer.Option("--no-perturb", help="Keep scores fixed.")] = False,
    no_weights: Annotated[bool, typer.Option("--no-weights", help="Keep the framework's weights.")] = False,
    aggregation: Annotated[str, typer.Option(help="spec, mean, geometric or random (per draw).")] = "random",
    sensitivity: Annotated[
        bool, typer.Option("--sensitivity", help="Show indicator sensitivity instead.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Median rank and 90% rank interval per country; `--sensitivity` ranks the indicators.

    Example: octa uncertainty --edition 2025 --country BE --country NL
    """
    with session_for(db) as session:
        assessment = Assessor(session).edition(edition)
        with console.status(f"{draws} draws × {len(assessment.iso3)} countries…"):
            result = rank_uncertainty(
                assessment,
                draws=draws,
                seed=seed,
                perturb=not no_perturb,
                weights=not no_weights,
                aggregation=aggregation,
            )
    if sensitivity:
        rows = sorted(result.sensitivity_records(), key=lambda r: -r["mean_abs_rank_shift"])
        print_rows(rows, fmt, title=f"Indicator sensitivity, {assessment.edition} ({draws} draws)")
        return
    wanted = {get_country(c).iso3 for c in country} if country else None
    rows = [
        {
            "target": r["target"],
            "iso3": r["country"],
            "country": get_country(r["country"]).name,
            "value": float(round_half_up(r["baseline_value"], 2)),
            "rank": int(r["baseline_rank"]),
            "median_rank": r["median_rank"],
            "rank_low": r["rank_low"],
            "rank_high": r["rank_high"],
        }
        for r in result.to_records()
        if wanted is None or r["country"] in wanted
    ]
    rows.sort(key=lambda r: (r["target"], r["rank"], r["iso3"]))
    print_rows(rows, fmt, title=f"Rank uncertainty, {assessment.edition} ({draws} draws, 90% interval)")
