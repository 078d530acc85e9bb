"""Score commands: init, import, export, scores, rank, profile, compare, history.

Example:
    octa init && octa profile BE --edition 2023
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from octa.assessment import Assessor
from octa.cli.common import (
    Combine,
    CombineOption,
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    print_json,
    print_rows,
    session_for,
    settings,
    store_for,
)
from octa.countries import get_country
from octa.store.db import open_store

EditionOption = Annotated[int | None, typer.Option("--edition", "-e", help="Edition year (default: latest).")]


def register(app: typer.Typer) -> None:
    for command in (init, import_, export, scores, rank, profile, compare, history, agreement):
        name = command.__name__.rstrip("_").replace("_", "-")
        app.command(name)(command)


def init(
    db: DbOption = None,
    if_needed: Annotated[
        bool, typer.Option("--if-needed", help="Do nothing if the database holds scores.")
    ] = False,
) -> None:
    """Create the database and load the embedded default (GI-TOC 2021, 2023, 2025).

    Example: octa init --db octa.db
    """
    from octa.fixtures import load_default

    config = settings(db)
    store = open_store(config.db)
    try:
        summary = load_default(store, skip_if_loaded=if_needed)
    finally:
        store.dispose()
    console.print(f"[green]{config.db}[/green]: {summary}")


def import_(
    file: Annotated[Path, typer.Argument(help="GI-TOC workbook, or a long CSV/XLSX/JSON of scores.")],
    framework: Annotated[str | None, typer.Option(help="Framework id for a long table.")] = None,
    edition: EditionOption = None,
    framework_file: Annotated[Path | None, typer.Option(help="A framework YAML of your own.")] = None,
    db: DbOption = None,
) -> None:
    """Import scores; one bad row aborts the whole file and the store stays as it was.

    Example: octa import scores.csv --framework ocindex-2023 --edition 2023
    """
    from octa.store.importers import read_scores
    from octa.store.scores import import_batch

    if framework_file is not None:
        from octa.frameworks import load_framework
        from octa.frameworks.spec import register_framework

        framework = register_framework(load_framework(framework_file)).id
    batch = read_scores(file, framework_id=framework, edition=edition)
    store = store_for(db, must_exist=False)
    try:
        summary = import_batch(store, batch)
    finally:
        store.dispose()
    console.print(
        f"{file}: {summary.rows_read} scores read, {summary.added} added, {summary.changed} changed "
        f"(new versions), {summary.unchanged} unchanged; editions {', '.join(map(str, summary.editions))}"
    )


def export(
    out: Annotated[Path, typer.Argument(help="Output file: .csv, .json, .jsonl or .xlsx.")],
    edition: EditionOption = None,
    workbook: Annotated[bool, typer.Option(help="Write GI-TOC-style edition sheets (xlsx).")] = False,
    db: DbOption = None,
) -> None:
    """Export current scores in a format `octa import` reads back.

    Example: octa export scores.csv --edition 2025
    """
    from octa.store.exporters import export_scores

    with session_for(db) as session:
        count = export_scores(session, out, edition=edition, workbook=workbook)
    console.print(f"wrote {count} scores to {out}")


def scores(
    edition: EditionOption = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Country (repeatable).")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    combine: CombineOption = Combine.mean,
    db: DbOption = None,
) -> None:
    """Aggregates, ranks, quadrant and indicator scores per country.

    Example: octa scores --edition 2023 --country BE --format csv
    """
    with session_for(db) as session:
        rows = Assessor(session, combine=combine.value).edition(edition).table()
    if country:
        wanted = {get_country(c).iso3 for c in country}
        rows = [r for r in rows if r["iso3"] in wanted]
    columns = None
    if fmt is OutputFormat.table and rows:
        columns = [c for c in rows[0] if "-" not in c and c not in ("continent", "region")]
    print_rows(rows, fmt, columns=columns, title="Scores")


def rank(
    by: Annotated[
        str, typer.Option("--by", help="criminality, resilience, a pillar or an indicator id.")
    ] = "criminality",
    edition: EditionOption = None,
    region: Annotated[str | None, typer.Option(help="Rank within one region.")] = None,
    continent: Annotated[str | None, typer.Option(help="Rank within one continent.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show the first N.")] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Competition ranking (ties share the best place) by any measure.

    Example: octa rank --by resilience --region "Western Europe"
    """
    with session_for(db) as session:
        assessor = Assessor(session)
        year = edition or assessor.latest()
        rows = assessor.ranking(by, year, region=region, continent=continent, limit=limit)
    print_rows(rows, fmt, title=f"Ranking by {by}, {year}")


def profile(
    country: Annotated[str, typer.Argument(help="Country name, ISO2 or ISO3 code.")],
    edition: EditionOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    combine: CombineOption = Combine.mean,
    db: DbOption = None,
) -> None:
    """One country: scores, ranks, quadrant, change, strongest markets, weakest resilience.

    Example: octa profile Belgium --edition 2023
    """
    from octa.cli.render import print_profile

    with session_for(db) as session:
        data = Assessor(session, combine=combine.value).profile(country, edition)
    if fmt == "json":
        print_json(data)
    else:
        print_profile(data)


def compare(
    countries: Annotated[list[str], typer.Argument(help="Two or more countries.")],
    edition: EditionOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Countries side by side: aggregates, ranks, quadrant and every indicator.

    Example: octa compare BE NL FR --edition 2025
    """
    from octa.cli.render import comparison_rows

    with session_for(db) as session:
        assessor = Assessor(session)
        profiles = [assessor.profile(c, edition) for c in countries]
    rows = comparison_rows(profiles)
    print_rows(rows, fmt, title=f"Comparison, {profiles[0]['edition']}")


def history(
    country: Annotated[str, typer.Argument(help="Country name, ISO2 or ISO3 code.")],
    edition: EditionOption = None,
    indicator: Annotated[str | None, typer.Option(help="Indicator id.")] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Every stored version of a country's scores: nothing is overwritten silently.

    Example: octa history BE --edition 2023 --indicator cocaine-trade
    """
    from octa.store.scores import score_history

    with session_for(db) as session:
        rows = score_history(session, get_country(country).iso3, edition, indicator)
    print_rows(rows, fmt, title="Score history")


def agreement(
    edition: EditionOption = None,
    threshold: Annotated[
        float, typer.Option(help="Flag an assessor whose mean distance from the others exceeds this.")
    ] = 1.0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Agreement between assessors: Krippendorff's alpha per indicator, and outlying assessors.

    Example: octa agreement --edition 2025 --threshold 1.5
    """
    from octa.assessment import assessor_agreement

    with session_for(db) as session:
        result = assessor_agreement(Assessor(session).edition(edition), threshold=threshold)
    if not result["indicators"]:
        console.print(f"Only one assessor ({', '.join(result['assessors'])}): nothing to compare.")
        return
    print_rows(
        result["indicators"], fmt, title=f"Assessor agreement (overall alpha {result['overall_alpha']:.3f})"
    )
